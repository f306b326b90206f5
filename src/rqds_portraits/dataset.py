"""A loaded edition: its records, read-only, and the lookups and queries over them.

Get one with :func:`rqds_portraits.load`; it is immutable and shared safely
between threads. Its surface follows one naming rule:

- a **plural** noun is every record of a kind, as a tuple in document order:
  ``territories``, ``initiatives``, ``periods``, ``dates``, ``amounts``,
  ``ententes``, ``mentions``, ``partners``, ``source_notes``;
- the **singular** noun is one record by its key (an id; for territories and
  partners also a name, forgiving case, accents and punctuation), or raises
  :class:`~rqds_portraits.NotFound` with the closest keys: ``territory``,
  ``initiative``, ``period``, ``date``, ``amount``, ``entente``, ``mention``,
  ``partner``, ``source_note``;
- a **query** is a method with filters that returns a tuple (``by_region``,
  ``initiatives_in``, ``by_partner``, ``partner_territories``,
  ``find_ententes``, ``by_period``) or a total (``total_funding``,
  ``funding_by_territory``).

::

    >>> import rqds_portraits as rp
    >>> ds = rp.load("2014-2015")
    >>> ds.territory("cote-nord").name
    'Côte-Nord'
    >>> [t.name for t in ds.by_region(16)]
    ['Montérégie Est', 'Vallée-du-Haut-Saint-Laurent']
"""

from __future__ import annotations

import threading
import typing
import warnings
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

from .arguments import choices, flag, optional_name
from .arguments import name as name_argument
from .codec import from_data
from .errors import (
    AmbiguousTerritory,
    InitiativeNotFound,
    InvalidArgument,
    RecordNotFound,
    TerritoryNotFound,
    shown,
)
from .models import Initiative, Territory
from .regions import REGIONS, region_number
from .text import MAX_NAME_LENGTH, closest, lookup_key, written
from .upgrade import ADDED, added, upgrade

if typing.TYPE_CHECKING:
    import datetime

    from .agreements import Entente, EntenteKind, EntenteStatus
    from .annotations import Amount, Mention, Role, SourceNote, WrittenDate, WrittenPeriod
    from .document import Source
    from .funding import Exclusion, FundingTotal
    from .periods import Period, PeriodLike
    from .records import EditionRecords
    from .registry import Partner, PartnerIndex, PartnerMention

__all__ = ["Dataset", "EntenteTuple"]

Statuses = typing.Union["EntenteStatus", "Iterable[EntenteStatus]", None]
Roles = typing.Union["Role", "Iterable[Role]", None]


class EntenteTuple(tuple["Entente", ...]):
    """Every agreement, as a tuple; calling it is the 0.1.0 query, kept for one minor release.

    ``ds.ententes(active_in=2014)`` still works and warns: use
    :meth:`Dataset.find_ententes`. (0.2.0 made ``ententes`` a tuple, like
    every other plural of :class:`Dataset`.)
    """

    _dataset: Dataset

    def __new__(cls, records: Iterable[Entente], dataset: Dataset) -> EntenteTuple:
        self = super().__new__(cls, records)
        self._dataset = dataset
        return self

    def __call__(self, /, **filters: Any) -> tuple[Entente, ...]:
        """Deprecated since 0.2.0, removed in 0.3.0: ``ds.find_ententes(**filters)``."""
        warnings.warn(
            "calling ds.ententes(...) is deprecated since rqds-portraits 0.2.0 and will stop working in 0.3.0: "
            "ds.ententes is the tuple of every agreement; filter with ds.find_ententes(...)",
            DeprecationWarning,
            stacklevel=2,
        )
        import inspect

        valid = [name for name in inspect.signature(Dataset.find_ententes).parameters if name != "self"]
        unknown = sorted(name for name in filters if name not in valid)
        if unknown:
            raise InvalidArgument(f"ds.ententes(...) has no filter {shown(unknown[0])}; filters are {', '.join(valid)}")
        return self._dataset.find_ententes(**filters)


class Dataset:
    """One edition of the Tour du Québec at one revision, with its lookups and queries.

    The dataset file is parsed once; each table (territories, initiatives, …)
    becomes records the first time it is asked for, under a lock, and stays.
    """

    __slots__ = ("_data", "_defaults", "_lock", "_raw", "_sha256", "_tables")

    def __init__(
        self, data: Mapping[str, Any], *, sha256: str, raw: bytes, defaults: Mapping[str, Any] | None = None
    ) -> None:
        self._data = data
        self._sha256 = sha256
        self._raw = raw
        self._defaults = dict(defaults or {})
        self._lock = threading.RLock()
        self._tables: dict[str, Any] = {}

    def _cached(self, key: str, build: Callable[[], Any]) -> Any:
        """The value *build* gives, computed once under the lock and kept under *key*."""
        found = self._tables.get(key)
        if found is None:
            with self._lock:
                found = self._tables.get(key)
                if found is None:
                    found = self._tables[key] = build()
        return found

    def _member(self, member: str) -> Any:
        """A member of the dataset file, in today's layout (an older file is upgraded)."""
        file_format = int(self._data["format"])
        if added(member, file_format):
            return self._defaults.get(member, ADDED[member][1])
        return upgrade(member, self._data[member], file_format)

    def _table(self, member: str, hint: Any) -> Any:
        """The member *member* of the dataset file as records of type *hint*, built once."""
        return self._cached(member, lambda: from_data(hint, self._member(member)))

    def __repr__(self) -> str:
        return f"<Dataset {self.edition} revision {self.revision} sha256={self.sha256[:12]}…>"

    # -- what the edition is -------------------------------------------------
    @property
    def edition(self) -> str:
        """The edition's name, e.g. ``"2014-2015"``."""
        return str(self._data["edition"])

    @property
    def revision(self) -> int:
        """The edition's revision, bumped on every correction of its data."""
        return int(self._data["revision"])

    @property
    def sha256(self) -> str:
        """The SHA-256 hex digest of the dataset file this object was read from: pin it with ``load(sha256=...)``."""
        return self._sha256

    @property
    def revision_date(self) -> datetime.date | None:
        """The day this revision was published."""
        import datetime

        return typing.cast("datetime.date | None", self._table("revision_date", datetime.date | None))

    @property
    def as_of(self) -> datetime.date | None:
        """The reference date the edition's statuses are read against (an agreement whose period
        ended before it is "ended"); ``None`` for data of format 1."""
        import datetime

        return typing.cast("datetime.date | None", self._table("as_of", datetime.date | None))

    @property
    def records(self) -> EditionRecords:
        """Every record of the edition, as one frozen value (what the dataset file holds)."""
        from .records import EditionRecords

        def build() -> EditionRecords:
            hints = typing.get_type_hints(EditionRecords)
            return EditionRecords(**{member: self._table(member, hint) for member, hint in hints.items()})

        return typing.cast("EditionRecords", self._cached("records", build))

    @property
    def source(self) -> Source:
        """The published document: title, authors, dates, address, citation, reuse caveat, introduction."""
        from .document import Source

        return typing.cast("Source", self._table("source", Source))

    def to_json(self) -> bytes:
        """The dataset file this object was read from, byte for byte (its SHA-256 is :attr:`sha256`)."""
        return self._raw

    # -- every record of a kind ----------------------------------------------
    @property
    def territories(self) -> tuple[Territory, ...]:
        """The member territories, in document order."""
        return typing.cast("tuple[Territory, ...]", self._table("territories", tuple[Territory, ...]))

    @property
    def initiatives(self) -> tuple[Initiative, ...]:
        """Every initiative block of every portrait, in document order."""
        return typing.cast("tuple[Initiative, ...]", self._table("initiatives", tuple[Initiative, ...]))

    @property
    def periods(self) -> tuple[WrittenPeriod, ...]:
        """Every period written in the portraits (in figures or in words), in document order."""
        from .annotations import WrittenPeriod

        return typing.cast("tuple[WrittenPeriod, ...]", self._table("periods", tuple[WrittenPeriod, ...]))

    @property
    def dates(self) -> tuple[WrittenDate, ...]:
        """Every date written in words in the portraits ("31 mars 2014", "jusqu’en juin 2015"), in document order."""
        from .annotations import WrittenDate

        return typing.cast("tuple[WrittenDate, ...]", self._table("dates", tuple[WrittenDate, ...]))

    @property
    def amounts(self) -> tuple[Amount, ...]:
        """Every money amount written in the portraits, in document order."""
        from .annotations import Amount

        return typing.cast("tuple[Amount, ...]", self._table("amounts", tuple[Amount, ...]))

    @property
    def ententes(self) -> EntenteTuple:
        """Every agreement, plan, programme and fund, in document order (filter with :meth:`find_ententes`)."""
        from .agreements import Entente

        def build() -> EntenteTuple:
            return EntenteTuple(self._table("ententes", tuple[Entente, ...]), self)

        # Cached apart from the plain tuple of the records (``ds.records.ententes``), which it wraps.
        return typing.cast(EntenteTuple, self._cached("ententes_callable", build))

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Every organisation named in the portraits, in document order."""
        from .annotations import Mention

        return typing.cast("tuple[Mention, ...]", self._table("mentions", tuple[Mention, ...]))

    @property
    def source_notes(self) -> tuple[SourceNote, ...]:
        """Remarks on passages of the source (typos, inconsistencies), in document order."""
        from .annotations import SourceNote

        return typing.cast("tuple[SourceNote, ...]", self._table("source_notes", tuple[SourceNote, ...]))

    @property
    def partners(self) -> tuple[Partner, ...]:
        """Every registry partner the edition mentions, with the networks they belong to."""
        from .registry import Partner

        return typing.cast("tuple[Partner, ...]", self._table("partners", tuple[Partner, ...]))

    # -- one record by its key -----------------------------------------------
    def _ids(self, table: str, records: Callable[[], tuple[Any, ...]]) -> Mapping[str, Any]:
        return typing.cast(
            "Mapping[str, Any]",
            self._cached(f"{table}_ids", lambda: MappingProxyType({lookup_key(r.id): r for r in records()})),
        )

    def _by_id(self, table: str, what: str, key: object, records: Callable[[], tuple[Any, ...]], error: type[Exception]) -> Any:
        wanted = name_argument(key, f"{what.replace(' ', '_')}_id", f"an id of {what}")
        by_id = self._ids(table, records)
        found = by_id.get(lookup_key(wanted)) if len(wanted) <= MAX_NAME_LENGTH else None
        if found is None:
            example = next(iter(by_id.values())).id if by_id else "…"
            near = closest(wanted, [r.id for r in by_id.values()], limit=3)
            hint = f"; did you mean {', '.join(map(repr, near))}?" if near else ""
            raise error(f"no {what} {shown(key)} in edition {self.edition} (ids look like {example!r}){hint}")
        return found

    def initiative(self, initiative_id: str) -> Initiative:
        """The initiative block with that id (``"laval-03"``)."""
        return typing.cast(Initiative, self._by_id("initiatives", "initiative", initiative_id, lambda: self.initiatives, InitiativeNotFound))

    def period(self, period_id: str) -> WrittenPeriod:
        """The written period with that id (``"laval-07-p1"``)."""
        return typing.cast("WrittenPeriod", self._by_id("periods", "period", period_id, lambda: self.periods, RecordNotFound))

    def date(self, date_id: str) -> WrittenDate:
        """The date written in words with that id (``"chaudiere-appalaches-08-d1"``)."""
        return typing.cast("WrittenDate", self._by_id("dates", "date", date_id, lambda: self.dates, RecordNotFound))

    def amount(self, amount_id: str) -> Amount:
        """The amount with that id (``"laval-07-a1"``)."""
        return typing.cast("Amount", self._by_id("amounts", "amount", amount_id, lambda: self.amounts, RecordNotFound))

    def entente(self, entente_id: str) -> Entente:
        """The agreement with that id (``"laval-culture-2013-2016"``)."""
        return typing.cast("Entente", self._by_id("ententes", "entente", entente_id, lambda: self.ententes, RecordNotFound))

    def mention(self, mention_id: str) -> Mention:
        """The mention with that id (``"laval-07-m1"``)."""
        return typing.cast("Mention", self._by_id("mentions", "mention", mention_id, lambda: self.mentions, RecordNotFound))

    def source_note(self, note_id: str) -> SourceNote:
        """The note on the source with that id (``"laval-10-n1"``)."""
        return typing.cast(
            "SourceNote", self._by_id("source_notes", "source note", note_id, lambda: self.source_notes, RecordNotFound)
        )

    def _territory_keys(self) -> Mapping[str, Territory]:
        def build() -> Mapping[str, Territory]:
            return MappingProxyType({lookup_key(key): t for t in self.territories for key in (t.id, t.name, t.heading)})

        return typing.cast("Mapping[str, Territory]", self._cached("territory_keys", build))

    def _regions(self) -> Mapping[str, tuple[Territory, ...]]:
        def build() -> Mapping[str, tuple[Territory, ...]]:
            regions: dict[str, tuple[Territory, ...]] = {number: () for number in REGIONS}
            for territory in self.territories:
                regions[territory.region_number] = (*regions.get(territory.region_number, ()), territory)
            return MappingProxyType(regions)

        return typing.cast("Mapping[str, tuple[Territory, ...]]", self._cached("regions", build))

    def _region_names(self) -> Mapping[str, str]:
        """Region numbers by the folded official name of their region ("monteregie": "16")."""

        def build() -> Mapping[str, str]:
            return MappingProxyType({lookup_key(region): number for number, region in REGIONS.items()})

        return typing.cast("Mapping[str, str]", self._cached("region_names", build))

    def _in_region(self, number: str, key: object) -> Territory:
        found = self._regions()[number]
        if len(found) == 1:
            return found[0]
        region = f"region {number} ({REGIONS[number]})"
        if not found:
            raise TerritoryNotFound(f"{region} has no territory in edition {self.edition}; {self._valid_territories()}")
        choices_ = ", ".join(repr(t.id) for t in found)
        raise AmbiguousTerritory(f"{shown(key)} is {region}, which has {len(found)} territories: {choices_}; ask for one by name")

    def _valid_territories(self) -> str:
        return f"valid ids: {', '.join(t.id for t in self.territories)}"

    def territory(self, key: str | int) -> Territory:
        """The territory whose id, name, heading, region number or region name is *key*.

        Case, accents, punctuation and surrounding spaces do not matter:
        ``"cote-nord"``, ``"CÔTE-NORD"``, ``9`` and ``"09"`` all give Côte-Nord.
        A region number is an integer from 1 to 17 or one or two ASCII digits
        (``"-1"``, ``"13."`` or ``"¹"`` are not). Raises
        :class:`~rqds_portraits.TerritoryNotFound` (with the closest names) or,
        for a region with several territories (16, Montérégie),
        :class:`~rqds_portraits.AmbiguousTerritory`.
        """
        if isinstance(key, bool) or not isinstance(key, (str, int)):
            raise InvalidArgument(f"a territory key is an id, a name or a region number, not {shown(key)}")
        if isinstance(key, str):
            key = written(key)  # one Unicode form: a decomposed accent does not make a name longer than MAX_NAME_LENGTH
        number = region_number(key)
        if number is not None:
            return self._in_region(number, key)
        if isinstance(key, int):
            raise TerritoryNotFound(f"no territory {shown(key)}: region numbers run from 1 to 17; {self._valid_territories()}")
        folded = lookup_key(key) if len(key) <= MAX_NAME_LENGTH else ""
        found = self._territory_keys().get(folded) if folded else None
        if found is not None:
            return found
        by_region_name = self._region_names()
        if folded in by_region_name:
            return self._in_region(by_region_name[folded], key)
        # Suggest territories, and for a region's name the territories of that region.
        labels: dict[str, tuple[str, ...]] = {t.name: (t.name,) for t in self.territories}
        for number, region in REGIONS.items():
            labels.setdefault(region, tuple(t.name for t in self._regions()[number]))
        near = list(dict.fromkeys(n for label in closest(key, labels) for n in labels[label]))
        hint = f"did you mean {', '.join(map(repr, near))}? " if near else ""
        raise TerritoryNotFound(f"no territory {shown(key)} in edition {self.edition}; {hint}{self._valid_territories()}")

    # -- queries ---------------------------------------------------------------
    def by_region(self, number: int | str) -> tuple[Territory, ...]:
        """The territories of region *number* (``16`` or ``"16"``), in document order; empty for a
        region with no member territory."""
        found = region_number(number)
        if found is None:
            raise InvalidArgument(f"a region number is an integer from 1 to 17 or one or two ASCII digits, not {shown(number)}")
        return self._regions()[found]

    def initiatives_in(self, territory: str | int) -> tuple[Initiative, ...]:
        """The initiative blocks of one territory, in document order."""
        territory_id = self.territory(territory).id
        return tuple(i for i in self.initiatives if i.territory_id == territory_id)

    def _partner_index(self) -> PartnerIndex:
        from .registry import PartnerIndex

        return typing.cast("PartnerIndex", self._cached("partner_index", lambda: PartnerIndex(self.partners)))

    def _territory_id(self, territory: str | int | None) -> str | None:
        return None if territory is None else self.territory(territory).id

    def partner(self, name: str, *, territory: str | int | None = None) -> Partner:
        """The partner named *name*: its id, name, an acronym, a written variant or a former name.

        Case, accents and punctuation do not matter (``"qef"`` finds Québec en
        Forme). A common noun that names a body only inside one portrait
        ("Ville", "Commission scolaire") and a form that means a different body
        in each territory ("ASSSL") need *territory*:
        ``ds.partner("ASSSL", territory="laval")``. Raises
        :class:`~rqds_portraits.PartnerNotFound` (with the closest names) or
        :class:`~rqds_portraits.AmbiguousPartner` (with the choices).
        """
        wanted = name_argument(name, "name", "a partner's name, acronym or id")
        return self._partner_index().resolve(wanted, self._territory_id(territory))

    def by_partner(
        self,
        name: str,
        *,
        role: Roles = None,
        territory: str | int | None = None,
        include_network: bool = True,
    ) -> tuple[PartnerMention, ...]:
        """Every mention of the partner *name*, in document order.

        A network includes its members (``"Centraide"`` finds every regional
        Centraide) unless ``include_network=False``; a renamed body is one
        partner (``"MAMOT"`` finds the "MAMROT" mentions). *role* keeps the
        mentions that hold that role (or one of those roles) among their
        ``roles``: ``role=("leader", "member")`` answers "where does it sit at
        the table". *territory* resolves a region-dependent name and keeps that
        territory's mentions.
        """
        from .annotations import ROLES
        from .registry import PartnerMention

        roles = choices(role, ROLES, "role")
        network = flag(include_network, "include_network")
        territory_id = self._territory_id(territory)
        partner = self.partner(name, territory=territory)
        index = self._partner_index()
        family = index.family(partner.id) if network else {partner.id}
        return tuple(
            PartnerMention(typing.cast("Partner", index.get(m.partner_id)), m)
            for m in self.mentions
            if m.partner_id in family
            and (roles is None or not roles.isdisjoint(m.roles))
            and (territory_id is None or m.territory_id == territory_id)
        )

    def partner_territories(self, name: str, *, role: Roles = None, include_network: bool = True) -> tuple[Territory, ...]:
        """The territories whose portraits name the partner *name*, in document order."""
        found = {m.territory_id for m in self.by_partner(name, role=role, include_network=include_network)}
        return tuple(t for t in self.territories if t.id in found)

    def _statuses(self, status: Statuses, period_asked: bool) -> frozenset[str] | None:
        from .agreements import GRANTED, STATUSES

        chosen = choices(status, STATUSES, "status")
        return frozenset(GRANTED) if chosen is None and period_asked else chosen

    def _party_mentions(self, partner: str, territory: str | int | None, roles: frozenset[str] | None) -> set[str]:
        held = typing.cast("Roles", roles)  # already checked against ROLES
        return {m.mention.id for m in self.by_partner(partner, territory=territory, role=held)}

    def find_ententes(
        self,
        *,
        active_in: PeriodLike | None = None,
        territory: str | int | None = None,
        partner: str | None = None,
        role: Roles = None,
        status: Statuses = None,
        kind: EntenteKind | Iterable[EntenteKind] | None = None,
    ) -> tuple[Entente, ...]:
        """The agreements, plans, programmes and funds, in document order, filtered.

        *active_in* keeps the agreements active then: granted (signed, in
        progress, renewed, extended or ended, unless *status* says otherwise)
        and with a period that meets a year (``2014``: the calendar year, which
        meets the fiscal years 2013-2014 and 2014-2015) or a period
        (``"2014-2015"``); agreements with no written period are left out.
        *territory* narrows to one portrait; *partner* to the agreements
        written with one of its mentions, whatever its role there (signatories,
        funders, managers, committee, and bodies only mentioned in them; with the
        partner's network), *role* to those where it holds that role; *status* and *kind* to those statuses and kinds. Planned
        agreements active in 2015: ``find_ententes(active_in=2015, status="planned")``.
        """
        from .agreements import KINDS

        asked = _period_argument(active_in, "active_in")
        statuses = self._statuses(status, asked is not None)
        kinds = choices(kind, KINDS, "kind")
        partner_name = optional_name(partner, "partner", "a partner's name, acronym or id")
        if role is not None and partner_name is None:
            raise InvalidArgument("role= narrows partner=: give a partner too")
        territory_id = self._territory_id(territory)
        from .annotations import ROLES

        roles = choices(role, ROLES, "role")
        mentions = self._party_mentions(partner_name, territory, roles) if partner_name is not None else None
        return tuple(
            e
            for e in self.ententes
            if (asked is None or (e.period is not None and e.period.overlaps(asked)))
            and (territory_id is None or e.territory_id == territory_id)
            and (mentions is None or not mentions.isdisjoint(e.mention_ids))
            and (statuses is None or e.status in statuses)
            and (kinds is None or e.kind in kinds)
        )

    def by_period(self, period: PeriodLike, mode: str = "overlaps", *, status: Statuses = None) -> tuple[Entente, ...]:
        """The granted agreements whose period relates to *period*: ``mode="overlaps"`` (they share
        a month), ``"within"`` (inside it), ``"contains"`` (around it) or ``"exact"`` (the same years).

        Agreements with no written period are left out; *status* counts other
        statuses than the granted ones (``status=("planned", "to_come")``).
        """
        from .periods import relates

        asked = _period_argument(period, "period")
        assert asked is not None
        chosen = _mode_argument(mode)
        statuses = self._statuses(status, True)
        return tuple(
            e
            for e in self.ententes
            if e.period is not None and relates(e.period, asked, chosen) and (statuses is None or e.status in statuses)
        )

    def _agreement_of(self) -> Mapping[str, Entente]:
        """The agreement each amount belongs to, by amount id."""

        def build() -> Mapping[str, Entente]:
            return MappingProxyType({amount_id: e for e in self.ententes for amount_id in e.amount_ids})

        return typing.cast("Mapping[str, Entente]", self._cached("agreement_of", build))

    def _funding_selection(
        self, territory: str | int | None, asked: Period | None, mode: str, statuses: frozenset[str]
    ) -> tuple[list[Amount], list[Exclusion]]:
        """The amounts of *territory* and *period*, and those left out for want of a period."""
        from .funding import Exclusion, exclusion
        from .periods import relates

        by_amount = self._agreement_of()
        territory_id = self._territory_id(territory)
        order = _in_order(statuses)
        selection, left_out = [], []
        for amount in self.amounts:
            entente = by_amount.get(amount.id)
            if territory_id is not None and amount.territory_id != territory_id:
                continue
            if asked is not None:
                written = amount.period or (entente.period if entente is not None else None)
                if written is None:
                    # The first true reason: a cut stays a cut when a period is asked for.
                    reason = exclusion(amount, entente, order) or "no period written: cannot tell whether it falls in the period asked"
                    left_out.append(Exclusion(amount, reason))
                    continue
                if not relates(written, asked, mode):
                    continue
            selection.append(amount)
        return selection, left_out

    def total_funding(
        self,
        *,
        territory: str | int | None = None,
        period: PeriodLike | None = None,
        partner: str | None = None,
        roles: Roles = None,
        status: Statuses = None,
        yearly: bool = False,
        mode: str = "overlaps",
    ) -> FundingTotal:
        """The money granted or committed, as an exact ``Decimal``, with what it leaves out.

        Only amounts of kind ``"funding"`` are added, each once (a share of an
        amount already counted is not added again), from agreements whose
        status is granted (or one of *status*); ``.excluded`` says why each
        other amount is left out. *territory* and *period* (compared with each
        amount's period, else its agreement's, by *mode*) select the amounts.

        *partner* selects the amounts of the agreements it is a party to: a
        signatory, funder or manager (:data:`~rqds_portraits.funding.PARTY_ROLES`),
        or the roles given in *roles* (one or several: ``roles="member"`` for the agreements
        whose committee it sits on); ``.roles`` records which. Where the text
        writes the partner's own share of an amount, ``.shares`` lists it,
        whatever *roles* count: "money from the MELS" is ``.shares_total``,
        "money of agreements the MELS is party to" is ``.total``. *yearly* gives one year's worth of each amount.
        """
        from .annotations import ROLES
        from .funding import PARTY_ROLES, funding_total

        asked = _period_argument(period, "period")
        chosen_mode = _mode_argument(mode)
        statuses = self._statuses(status, True)
        assert statuses is not None
        every_year = flag(yearly, "yearly")
        partner_name = optional_name(partner, "partner", "a partner's name, acronym or id")
        if roles is not None and partner_name is None:
            raise InvalidArgument("roles= says which partnership of partner= to count: give a partner too")
        counted = choices(roles, ROLES, "roles") or frozenset(PARTY_ROLES)
        written, left_out = self._funding_selection(territory, asked, chosen_mode, statuses)
        by_amount = self._agreement_of()
        selection = written
        if partner_name is not None:
            mentions = self._party_mentions(partner_name, territory, counted)

            def party(amount: Amount) -> bool:
                entente = by_amount.get(amount.id)
                return entente is not None and not mentions.isdisjoint(entente.mention_ids)

            selection = [a for a in written if party(a)]
            left_out = [x for x in left_out if party(x.amount)]
        order = _in_order(statuses)
        total = funding_total(selection, by_amount, statuses=order, yearly=every_year, excluded=left_out)
        if partner_name is None:
            return total
        import attrs

        # A share written as the partner's own is "money from" it whatever partnership is counted:
        # it is looked for in every amount of the territory and period, granted, not only in those selected.
        family = self._partner_index().family(self.partner(partner_name, territory=territory).id)
        granted: frozenset[str] = statuses
        shares = tuple(
            a for a in written
            if a.partner_id in family and a.kind == "funding"
            and (by_amount.get(a.id) is None or by_amount[a.id].status in granted)
        )  # fmt: skip
        return attrs.evolve(total, roles=tuple(r for r in ROLES if r in counted), shares=shares)

    def funding_by_territory(
        self,
        *,
        period: PeriodLike | None = None,
        partner: str | None = None,
        roles: Roles = None,
        status: Statuses = None,
        yearly: bool = False,
        mode: str = "overlaps",
    ) -> Mapping[str, FundingTotal]:
        """:meth:`total_funding` for each territory, as a read-only mapping from territory id, in document order."""
        return MappingProxyType(
            {
                t.id: self.total_funding(
                    territory=t.id, period=period, partner=partner, roles=roles, status=status, yearly=yearly, mode=mode
                )
                for t in self.territories
            }
        )

    # -- around the data -----------------------------------------------------
    def cite(self, style: str = "text") -> str:
        """How to cite this data: ``"text"`` (the source's own citation, with the edition,
        revision and hash), ``"bibtex"`` or ``"csl-json"``."""
        from .citation import cite

        return cite(self, style)

    def to_dataframe(self, table: str) -> Any:
        """One exported table (``"amounts"``, ``"mentions"``, …) as a pandas DataFrame, with the
        columns of its CSV file. Needs the ``pandas`` extra: ``pip install "rqds-portraits[pandas]"``."""
        from .exports import to_dataframe

        return to_dataframe(self, table)

    def render(self) -> str:
        """The source text regenerated from the records, line for line.

        Equal to the bundled ``source.txt`` except that whitespace-only lines come back empty.
        """
        from .render import render

        return render(self.records)


def _in_order(statuses: frozenset[str]) -> tuple[EntenteStatus, ...]:
    """*statuses* in the order of the status vocabulary (for messages and records that list them)."""
    from .agreements import STATUSES

    return tuple(s for s in STATUSES if s in statuses)


def _period_argument(value: object, parameter: str) -> Period | None:
    """``None``, or *value* read as a period (:class:`~rqds_portraits.InvalidPeriod` when it is not one)."""
    from .periods import Period  # the periods module is read by the first query that needs it

    if value is None:
        return None
    return Period.parse(typing.cast("PeriodLike", value), parameter=parameter)


def _mode_argument(mode: object) -> str:
    from .periods import MODES

    if not isinstance(mode, str) or mode not in MODES:
        raise InvalidArgument(f"invalid mode= {shown(mode)}; modes are {', '.join(MODES)}")
    return mode
