"""A loaded edition: its records, read-only, and the lookups over them.

Get one with :func:`rqds_portraits.load`; it is immutable and shared safely
between threads. Territory lookups forgive case, accents, punctuation and
surrounding spaces::

    >>> import rqds_portraits as rp
    >>> ds = rp.load()
    >>> ds.territory("cote-nord").name
    'Côte-Nord'
    >>> [t.name for t in ds.by_region(16)]
    ['Montérégie Est', 'Vallée-du-Haut-Saint-Laurent']
"""

from __future__ import annotations

import threading
import typing
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .codec import from_data
from .errors import (
    AmbiguousTerritory,
    InitiativeNotFound,
    InvalidArgument,
    TerritoryNotFound,
)
from .models import Initiative, Territory
from .periods import Period, PeriodLike
from .text import closest, lookup_key

if typing.TYPE_CHECKING:
    from collections.abc import Iterable

    from .agreements import Entente, EntenteKind, EntenteStatus, Exclusion, FundingTotal
    from .annotations import Amount, Mention, Role, SourceNote, WrittenPeriod
    from .document import Source
    from .records import EditionRecords
    from .registry import Partner, PartnerIndex, PartnerMention

__all__ = ["Dataset"]

_FIRST_REGION, _LAST_REGION = 1, 17


def _choices(value: object, valid: tuple[str, ...], what: str) -> frozenset[str] | None:
    """The values asked for (one, or a collection of them), checked against *valid*."""
    if value is None:
        return None
    wanted = frozenset([value] if isinstance(value, str) else value) if isinstance(value, (str, tuple, list, set, frozenset)) else None
    if not wanted or not wanted <= set(valid):
        raise InvalidArgument(f"invalid {what} {value!r}; choose one or several of: {', '.join(valid)}")
    return wanted


class Dataset:
    """One edition of the Tour du Québec at one revision, with its lookups.

    The dataset file is parsed once; each table (territories, initiatives, …)
    becomes records the first time it is asked for, under a lock, and stays.
    """

    __slots__ = ("_data", "_lock", "_sha256", "_tables")

    def __init__(self, data: Mapping[str, Any], sha256: str) -> None:
        self._data = data
        self._sha256 = sha256
        self._lock = threading.RLock()
        self._tables: dict[str, Any] = {}

    def _cached(self, name: str, build: Callable[[], Any]) -> Any:
        """The value *build* gives, computed once under the lock and kept under *name*."""
        found = self._tables.get(name)
        if found is None:
            with self._lock:
                found = self._tables.get(name)
                if found is None:
                    found = self._tables[name] = build()
        return found

    def _table(self, name: str, hint: Any) -> Any:
        """The table *name* of the dataset file as records of type *hint*, built once."""
        return self._cached(name, lambda: from_data(hint, self._data[name]))

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
        """The SHA-256 hex digest of the dataset file: pin it with ``load(sha256=...)``."""
        return self._sha256

    @property
    def records(self) -> EditionRecords:
        """Every record of the edition, as one frozen value (what the dataset file holds)."""
        from .records import EditionRecords

        def build() -> EditionRecords:
            hints = typing.get_type_hints(EditionRecords)
            return EditionRecords(**{name: self._table(name, hint) for name, hint in hints.items()})

        return typing.cast("EditionRecords", self._cached("records", build))

    @property
    def source(self) -> Source:
        """The published document: title, authors, dates, address, citation, reuse caveat, introduction."""
        from .document import Source

        return typing.cast("Source", self._table("source", Source))

    # -- the records ---------------------------------------------------------
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
        """Every period of years written in the portraits, in document order."""
        from .annotations import WrittenPeriod

        return typing.cast("tuple[WrittenPeriod, ...]", self._table("periods", tuple[WrittenPeriod, ...]))

    @property
    def amounts(self) -> tuple[Amount, ...]:
        """Every money amount written in the portraits, in document order."""
        from .annotations import Amount

        return typing.cast("tuple[Amount, ...]", self._table("amounts", tuple[Amount, ...]))

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

    # -- indexes -------------------------------------------------------------
    def _territory_keys(self) -> Mapping[str, Territory]:
        def build() -> Mapping[str, Territory]:
            keys = {lookup_key(key): t for t in self.territories for key in (t.id, t.name, t.heading)}
            return MappingProxyType(keys)

        return typing.cast("Mapping[str, Territory]", self._cached("territory_keys", build))

    def _regions(self) -> Mapping[int, tuple[Territory, ...]]:
        def build() -> Mapping[int, tuple[Territory, ...]]:
            regions: dict[int, tuple[Territory, ...]] = {}
            for territory in self.territories:
                number = int(territory.region_number)
                regions[number] = (*regions.get(number, ()), territory)
            return MappingProxyType(regions)

        return typing.cast("Mapping[int, tuple[Territory, ...]]", self._cached("regions", build))

    # -- lookups -------------------------------------------------------------
    def territory(self, key: str | int) -> Territory:
        """The territory whose id, name, heading or region number is *key*.

        Case, accents, punctuation and surrounding spaces do not matter:
        ``"cote-nord"``, ``"CÔTE-NORD"`` and ``9`` all give Côte-Nord. Raises
        :class:`~rqds_portraits.TerritoryNotFound` (with the closest names) or,
        for region 16, :class:`~rqds_portraits.AmbiguousTerritory`.
        """
        if isinstance(key, bool) or not isinstance(key, (str, int)):
            raise InvalidArgument(f"a territory key is a name, an id or a region number, not {type(key).__name__}")
        folded = lookup_key(str(key))
        found = self._territory_keys().get(folded)
        if found is not None:
            return found
        if folded.isdigit():
            matches = self._regions().get(int(folded), ())
            if len(matches) == 1:
                return matches[0]
            if matches:
                choices = ", ".join(repr(t.id) for t in matches)
                raise AmbiguousTerritory(f"region {key!r} has {len(matches)} territories: {choices}; ask for one by name")
        names = closest(str(key), [t.name for t in self.territories])
        hint = f"did you mean {', '.join(map(repr, names))}? " if names else ""
        valid = ", ".join(t.id for t in self.territories)
        raise TerritoryNotFound(f"no territory {key!r} in edition {self.edition}; {hint}valid ids: {valid}")

    def by_region(self, number: int | str) -> tuple[Territory, ...]:
        """The territories numbered *number* (``16`` or ``"16"``), in document order; empty for a non-member region."""
        if isinstance(number, bool) or not isinstance(number, (int, str)) or not str(number).strip().isdigit():
            raise InvalidArgument(f"a region number is an integer from {_FIRST_REGION} to {_LAST_REGION}, not {number!r}")
        value = int(str(number).strip())
        if not _FIRST_REGION <= value <= _LAST_REGION:
            raise InvalidArgument(f"Québec's region numbers run from {_FIRST_REGION} to {_LAST_REGION}, not {value}")
        return self._regions().get(value, ())

    def initiative(self, initiative_id: str) -> Initiative:
        """The initiative block with that id (``"laval-03"``)."""
        by_id = typing.cast(
            "Mapping[str, Initiative]", self._cached("initiative_ids", lambda: {i.id: i for i in self.initiatives})
        )
        found = by_id.get(initiative_id) if isinstance(initiative_id, str) else None
        if found is None:
            near = closest(str(initiative_id), list(by_id), limit=3)
            hint = f"; did you mean {', '.join(map(repr, near))}?" if near else ""
            raise InitiativeNotFound(f"no initiative {initiative_id!r} in edition {self.edition} (ids look like 'laval-03'){hint}")
        return found

    def initiatives_in(self, territory: str | int) -> tuple[Initiative, ...]:
        """The initiative blocks of one territory, in document order."""
        territory_id = self.territory(territory).id
        return tuple(i for i in self.initiatives if i.territory_id == territory_id)

    # -- partners ------------------------------------------------------------
    def _partner_index(self) -> PartnerIndex:
        from .registry import PartnerIndex

        return typing.cast("PartnerIndex", self._cached("partner_index", lambda: PartnerIndex(self.partners)))

    def _territory_id(self, territory: str | int | None) -> str | None:
        return None if territory is None else self.territory(territory).id

    def partner(self, name: str, *, territory: str | int | None = None) -> Partner:
        """The partner named *name*: its id, name, an acronym, a written variant or a former name.

        Case, accents and punctuation do not matter (``"qef"`` finds Québec en
        Forme). A form that means a different body in each territory needs
        *territory*: ``ds.partner("ASSSL", territory="laval")``. Raises
        :class:`~rqds_portraits.PartnerNotFound` (with the closest names) or
        :class:`~rqds_portraits.AmbiguousPartner` (with the choices).
        """
        if not isinstance(name, str):
            raise InvalidArgument(f"a partner is named by a string, not {type(name).__name__}")
        return self._partner_index().resolve(name, self._territory_id(territory))

    def by_partner(
        self,
        name: str,
        *,
        role: Role | Iterable[Role] | None = None,
        territory: str | int | None = None,
        include_network: bool = True,
    ) -> tuple[PartnerMention, ...]:
        """Every mention of the partner *name*, in document order.

        A network includes its members (``"Centraide"`` finds every regional
        Centraide) unless ``include_network=False``; a renamed body is one
        partner (``"MAMOT"`` finds the "MAMROT" mentions). *role* keeps the
        mentions with that role (or one of those roles): ``role=("leader",
        "member")`` answers "where does it sit at the table". *territory*
        resolves a region-dependent name and keeps that territory's mentions.
        """
        from .annotations import Role
        from .registry import PartnerMention

        roles = _choices(role, typing.get_args(Role), "role")
        territory_id = self._territory_id(territory)
        partner = self.partner(name, territory=territory)
        index = self._partner_index()
        family = index.family(partner.id) if include_network else {partner.id}
        return tuple(
            PartnerMention(typing.cast("Partner", index.get(m.partner_id)), m)
            for m in self.mentions
            if m.partner_id in family
            and (roles is None or m.role in roles)
            and (territory_id is None or m.territory_id == territory_id)
        )

    def partner_territories(
        self, name: str, *, role: Role | Iterable[Role] | None = None, include_network: bool = True
    ) -> tuple[Territory, ...]:
        """The territories whose portraits name the partner *name*, in document order."""
        found = {m.territory_id for m in self.by_partner(name, role=role, include_network=include_network)}
        return tuple(t for t in self.territories if t.id in found)

    # -- agreements and funding ----------------------------------------------
    def _ententes(self) -> tuple[Entente, ...]:
        from .agreements import Entente

        return typing.cast("tuple[Entente, ...]", self._table("ententes", tuple[Entente, ...]))

    def ententes(
        self,
        *,
        active_in: PeriodLike | None = None,
        territory: str | int | None = None,
        partner: str | None = None,
        status: EntenteStatus | Iterable[EntenteStatus] | None = None,
        kind: EntenteKind | Iterable[EntenteKind] | None = None,
    ) -> tuple[Entente, ...]:
        """The agreements, plans and programmes, in document order, filtered.

        *active_in* keeps those whose period meets a year (``2014``: the calendar
        year, which meets the fiscal years 2013-2014 and 2014-2015) or a period
        (``"2014-2015"``); agreements with no written period are left out.
        *territory* and *partner* (its signatories, managers and committee, with
        the partner's network) narrow the list, as do *status* and *kind*.
        """
        from .agreements import EntenteKind, EntenteStatus

        statuses = _choices(status, typing.get_args(EntenteStatus), "status")
        kinds = _choices(kind, typing.get_args(EntenteKind), "kind")
        asked = Period.parse(active_in) if active_in is not None else None
        territory_id = self._territory_id(territory)
        mentions = {m.mention.id for m in self.by_partner(partner, territory=territory)} if partner is not None else None
        return tuple(
            e
            for e in self._ententes()
            if (asked is None or (e.period is not None and e.period.overlaps(asked)))
            and (territory_id is None or e.territory_id == territory_id)
            and (mentions is None or not mentions.isdisjoint(e.mention_ids))
            and (statuses is None or e.status in statuses)
            and (kinds is None or e.kind in kinds)
        )

    def by_period(self, period: PeriodLike, mode: str = "overlaps") -> tuple[Entente, ...]:
        """The agreements whose period relates to *period*: ``mode="overlaps"`` (they share
        a month), ``"within"`` (inside it), ``"contains"`` (around it) or ``"exact"``
        (the same years). Agreements with no written period are left out."""
        from .agreements import matches

        asked = Period.parse(period)
        return tuple(e for e in self._ententes() if e.period is not None and matches(e.period, asked, mode))

    def _funding_selection(
        self, territory: str | int | None, period: PeriodLike | None, partner: str | None, mode: str
    ) -> tuple[list[Amount], list[Exclusion], Mapping[str, Entente]]:
        from .agreements import Exclusion, check_mode, matches

        check_mode(mode)
        by_amount = {amount_id: e for e in self._ententes() for amount_id in e.amount_ids}
        territory_id = self._territory_id(territory)
        asked = Period.parse(period) if period is not None else None
        with_partner = {e.id for e in self.ententes(partner=partner)} if partner is not None else None
        selection, no_period = [], []
        for amount in self.amounts:
            entente = by_amount.get(amount.id)
            if territory_id is not None and amount.territory_id != territory_id:
                continue
            if with_partner is not None and (entente is None or entente.id not in with_partner):
                continue
            if asked is not None:
                written = amount.period or (entente.period if entente is not None else None)
                if written is None:
                    no_period.append(Exclusion(amount, "no period written: cannot tell whether it falls in the period asked"))
                    continue
                if not matches(written, asked, mode):
                    continue
            selection.append(amount)
        return selection, no_period, by_amount

    def total_funding(
        self,
        *,
        territory: str | int | None = None,
        period: PeriodLike | None = None,
        partner: str | None = None,
        yearly: bool = False,
        mode: str = "overlaps",
    ) -> FundingTotal:
        """The money granted or committed, as an exact ``Decimal``, with what it leaves out.

        Only amounts of kind ``"funding"`` are added, each once (a share of an
        amount already counted is not added again); amounts of agreements still
        to come or under negotiation are left out; ``.excluded`` says why for each.
        *territory*, *period* (compared with each amount's period, else its
        agreement's, by *mode*) and *partner* (the amounts of its agreements)
        select the amounts; *yearly* gives one year's worth of each.
        """
        from .agreements import funding_total

        selection, no_period, by_amount = self._funding_selection(territory, period, partner, mode)
        total = funding_total(selection, by_amount, yearly=yearly)
        return attrs.evolve(total, excluded=(*total.excluded, *no_period)) if no_period else total

    def funding_by_territory(
        self, *, period: PeriodLike | None = None, partner: str | None = None, yearly: bool = False, mode: str = "overlaps"
    ) -> Mapping[str, FundingTotal]:
        """:meth:`total_funding` for each territory, as a read-only mapping from territory id, in document order."""
        return MappingProxyType(
            {
                t.id: self.total_funding(territory=t.id, period=period, partner=partner, yearly=yearly, mode=mode)
                for t in self.territories
            }
        )

    def cite(self, style: str = "text") -> str:
        """How to cite this data: ``"text"`` (the source's own citation, with the edition,
        revision and hash), ``"bibtex"`` or ``"csl-json"``."""
        from .citation import cite

        return cite(self, style)

    def to_dataframe(self, table: str) -> Any:
        """One exported table (``"amounts"``, ``"mentions"``, …) as a pandas DataFrame.

        Needs the ``pandas`` extra: ``pip install "rqds-portraits[pandas]"``.
        """
        from .exports import to_dataframe

        return to_dataframe(self, table)

    def render(self) -> str:
        """The source text regenerated from the records, line for line.

        Equal to the bundled ``source.txt`` except that whitespace-only lines come back empty.
        """
        from .render import render

        return render(self.records)
