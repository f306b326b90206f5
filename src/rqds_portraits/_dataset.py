"""A loaded edition: its records, read-only, and the lookups and queries over them (a facade).

Get one with :func:`rqds_portraits.load`; it is immutable and shared safely
between threads. Its surface follows one naming rule:

- a **plural** noun is every record of a kind, in document order, as a
  :class:`~rqds_portraits.Records` (a tuple that also finds a record by id):
  ``territories``, ``initiatives``, ``periods``, ``dates``, ``amounts``,
  ``ententes``, ``mentions``, ``partners``, ``source_notes``;
- the **singular** noun is one record by its key (an id; for territories and
  partners also a name, forgiving case, accents and punctuation), or raises
  :class:`~rqds_portraits.NotFound` with the closest keys;
- a **query** is a method with filters that returns a tuple (``by_region``,
  ``initiatives_in``, ``by_partner``, ``partner_territories``,
  ``find_ententes``) or a total (``total_funding``, ``funding_by_territory``).

Every method only checks its arguments and delegates: the lookups and queries
live in ``_queries/``, one module per topic, and the records in ``_records/``.

    >>> import rqds_portraits as rp
    >>> ds = rp.load("2014-2015")
    >>> ds.territory("cote-nord").name
    'Côte-Nord'
    >>> [t.name for t in ds.by_region(16)]
    ['Montérégie Est', 'Vallée-du-Haut-Saint-Laurent']
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Mapping
from typing import Any

from rqds_portraits._arguments import choices, flag, optional_name
from rqds_portraits._arguments import name as name_argument
from rqds_portraits._errors import (
    InitiativeNotFound,
    InvalidArgument,
    NotFound,
    PartnerNotFound,
    RecordNotFound,
    TerritoryNotFound,
    shown,
)
from rqds_portraits._loading.members import DatasetFile
from rqds_portraits._once import Once
from rqds_portraits._records.portraits import Initiative, Territory

if typing.TYPE_CHECKING:
    import datetime

    from rqds_portraits._deprecated import EntenteCall
    from rqds_portraits._queries.collection import Records
    from rqds_portraits._queries.funding import FundingTotal, Party
    from rqds_portraits._queries.partners import PartnerLookup, PartnerMention
    from rqds_portraits._queries.territories import TerritoryLookup
    from rqds_portraits._records.annotations import Amount, Mention, Role, SourceNote, WrittenDate, WrittenPeriod
    from rqds_portraits._records.document import Source
    from rqds_portraits._records.edition import EditionRecords
    from rqds_portraits._records.ententes import Entente, EntenteKind, EntenteStatus
    from rqds_portraits._records.partners import Partner
    from rqds_portraits._records.periods import Mode, PeriodLike

__all__ = ["Dataset"]

Statuses = typing.Union["EntenteStatus", "Iterable[EntenteStatus]", None]
Roles = typing.Union["Role", "Iterable[Role]", None]
Kinds = typing.Union["EntenteKind", "Iterable[EntenteKind]", None]
_PARTNER = "a partner's name, acronym or id"
_NOT_FOUND: dict[str, type[NotFound]] = {
    "territories": TerritoryNotFound,
    "initiatives": InitiativeNotFound,
    "partners": PartnerNotFound,
}
"""The error of a lookup by id in a table that has one of its own (else RecordNotFound)."""


class Dataset:
    """One edition of the Tour du Québec at one revision, with its lookups and queries.

    The dataset file is verified once; each table becomes records the first time
    it is asked for, under a lock, and stays. A dataset pickles as its file's
    bytes and hash (checked again when unpickled), so a process pool can receive
    one; copying one gives the same, immutable, object.
    """

    __slots__ = ("_file", "_once")

    def __init__(self, file: DatasetFile) -> None:
        if not isinstance(file, DatasetFile):
            raise InvalidArgument(
                f"a Dataset comes from rp.load(...) or rp.load_file(...), not from Dataset({shown(file)})"
            )
        self._file = file
        self._once = Once()

    def __reduce__(self) -> tuple[Any, ...]:
        return Dataset, (self._file,)

    def __copy__(self) -> Dataset:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Dataset:
        return self

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return (self.sha256, self._file.defaults) == (other.sha256, other._file.defaults)

    def __hash__(self) -> int:
        return hash(self.sha256)

    def __repr__(self) -> str:
        return f"<Dataset {self.edition} revision {self.revision} sha256={self.sha256[:12]}…>"

    def _plural(self, table: str) -> Records[Any]:
        """Every record of *table* (one of :data:`~rqds_portraits.RECORD_TABLES`), as Records, built once."""

        def build() -> Records[Any]:
            from rqds_portraits._queries.collection import Records
            from rqds_portraits._records.edition import EditionRecords

            hint = typing.get_type_hints(EditionRecords)[table]  # the one declaration of each table's records
            kind = (table[:-3] + "y" if table.endswith("ies") else table[:-1]).replace("_", " ")  # "source note"
            return Records(self._file.records(table, hint), kind, self.edition, _NOT_FOUND.get(table, RecordNotFound))

        return self._once.get(table, build)

    # -- what the edition is -------------------------------------------------
    @property
    def edition(self) -> str:
        """The edition's name, e.g. ``"2014-2015"``."""
        return str(self._file.data["edition"])

    @property
    def revision(self) -> int:
        """The edition's revision, bumped on every correction of its data."""
        return int(self._file.data["revision"])

    @property
    def sha256(self) -> str:
        """The SHA-256 hex digest of the dataset file this object was read from: pin it with ``load(sha256=...)``."""
        return self._file.sha256

    @property
    def revision_date(self) -> datetime.date | None:
        """The day this revision was published."""
        import datetime

        return typing.cast("datetime.date | None", self._file.records("revision_date", datetime.date | None))

    @property
    def as_of(self) -> datetime.date | None:
        """The reference date the edition's statuses are read against (an entente whose period
        ended before it is "ended"); ``None`` for data of layout 1."""
        import datetime

        return typing.cast("datetime.date | None", self._file.records("as_of", datetime.date | None))

    @property
    def records(self) -> EditionRecords:
        """Every record of the edition, as one frozen value (what the dataset file holds)."""
        from rqds_portraits._records.edition import EditionRecords

        def build() -> EditionRecords:
            hints = typing.get_type_hints(EditionRecords)
            return EditionRecords(**{member: self._file.records(member, hint) for member, hint in hints.items()})

        return self._once.get("records", build)

    @property
    def source(self) -> Source:
        """The published document: title, authors, dates, address, citation, reuse caveat, introduction."""
        from rqds_portraits._records.document import Source

        return typing.cast("Source", self._file.records("source", Source))

    def to_json(self) -> bytes:
        """The dataset file this object was read from, byte for byte (its SHA-256 is :attr:`sha256`)."""
        return self._file.raw

    # -- every record of a kind (a tuple that also finds one by id) -------------
    @property
    def territories(self) -> Records[Territory]:
        """The member territories, in document order."""
        return self._plural("territories")

    @property
    def initiatives(self) -> Records[Initiative]:
        """Every initiative block of every portrait, in document order."""
        return self._plural("initiatives")

    @property
    def periods(self) -> Records[WrittenPeriod]:
        """Every period written in the portraits (in figures or in words), in document order."""
        return self._plural("periods")

    @property
    def dates(self) -> Records[WrittenDate]:
        """Every date written in words in the portraits ("31 mars 2014", "jusqu’en juin 2015"), in document order."""
        return self._plural("dates")

    @property
    def amounts(self) -> Records[Amount]:
        """Every money amount written in the portraits, in document order."""
        return self._plural("amounts")

    @property
    def ententes(self) -> EntenteCall:
        """Every entente, plan, programme and fund, in document order (filter with :meth:`find_ententes`)."""
        from rqds_portraits._deprecated import EntenteCall

        # Calling it, as 0.1.0 did, still works for a while (rqds_portraits._deprecated).
        return self._once.get("ententes()", lambda: EntenteCall(self._plural("ententes"), self))

    @property
    def mentions(self) -> Records[Mention]:
        """Every organisation named in the portraits, in document order."""
        return self._plural("mentions")

    @property
    def source_notes(self) -> Records[SourceNote]:
        """Remarks on passages of the source (typos, inconsistencies), in document order."""
        return self._plural("source_notes")

    @property
    def partners(self) -> Records[Partner]:
        """Every registry partner the edition mentions, with the networks they belong to."""
        return self._plural("partners")

    # -- one record by its key -----------------------------------------------
    def initiative(self, initiative_id: str) -> Initiative:
        """The initiative block with that id (``"laval-03"``)."""
        return self.initiatives.lookup(initiative_id)

    def period(self, period_id: str) -> WrittenPeriod:
        """The written period with that id (``"laval-07-p1"``)."""
        return self.periods.lookup(period_id)

    def date(self, date_id: str) -> WrittenDate:
        """The date written in words with that id (``"chaudiere-appalaches-08-d1"``)."""
        return self.dates.lookup(date_id)

    def amount(self, amount_id: str) -> Amount:
        """The amount with that id (``"laval-07-a1"``)."""
        return self.amounts.lookup(amount_id)

    def entente(self, entente_id: str) -> Entente:
        """The entente with that id (``"laval-culture-2013-2016"``)."""
        return self.ententes.lookup(entente_id)

    def mention(self, mention_id: str) -> Mention:
        """The mention with that id (``"laval-07-m1"``)."""
        return self.mentions.lookup(mention_id)

    def source_note(self, note_id: str) -> SourceNote:
        """The note on the source with that id (``"laval-10-n1"``)."""
        return self.source_notes.lookup(note_id)

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
        return self._territory_lookup().resolve(key)

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
        wanted = name_argument(name, "name", _PARTNER)
        return self._partner_lookup().resolve(wanted, self._territory_id(territory))

    # -- queries ---------------------------------------------------------------
    def by_region(self, number: int | str) -> tuple[Territory, ...]:
        """The territories of region *number* (``16`` or ``"16"``), in document order; empty for a
        region with no member territory."""
        return self._territory_lookup().in_region(number)

    def initiatives_in(self, territory: str | int) -> tuple[Initiative, ...]:
        """The initiative blocks of one territory, in document order."""
        territory_id = self.territory(territory).id
        return tuple(i for i in self.initiatives if i.territory_id == territory_id)

    def by_partner(
        self,
        name: str,
        *,
        roles: Roles = None,
        territory: str | int | None = None,
        include_network: bool = True,
        role: Roles = None,
    ) -> tuple[PartnerMention, ...]:
        """Every mention of the partner *name*, in document order.

        A network includes its members (``"Centraide"`` finds every regional
        Centraide) unless ``include_network=False``; a renamed body is one
        partner (``"MAMOT"`` finds the "MAMROT" mentions). *roles* keeps the
        mentions that hold that role (or one of those roles) among their
        ``roles``: ``roles=("leader", "member")`` answers "where does it sit at
        the table". *territory* resolves a region-dependent name and keeps that
        territory's mentions. (``role=`` is the deprecated name of *roles*.)
        """
        from rqds_portraits._deprecated import renamed
        from rqds_portraits._records.annotations import ROLES

        held = choices(renamed(roles, role, "role", "roles", "by_partner"), ROLES, "roles")
        network = flag(include_network, "include_network")
        partner = self.partner(name, territory=territory)
        return self._partner_lookup().mentions(
            partner, self.mentions, roles=held, territory_id=self._territory_id(territory), include_network=network
        )

    def partner_territories(
        self, name: str, *, roles: Roles = None, include_network: bool = True, role: Roles = None
    ) -> tuple[Territory, ...]:
        """The territories whose portraits name the partner *name*, in document order (filters as in
        :meth:`by_partner`)."""
        from rqds_portraits._deprecated import renamed

        held = typing.cast("Roles", renamed(roles, role, "role", "roles", "partner_territories"))
        found = {m.territory_id for m in self.by_partner(name, roles=held, include_network=include_network)}
        return tuple(t for t in self.territories if t.id in found)

    def find_ententes(
        self,
        *,
        period: PeriodLike | None = None,
        mode: Mode | str | None = None,
        territory: str | int | None = None,
        partner: str | None = None,
        roles: Roles = None,
        status: Statuses = None,
        kind: Kinds = None,
        active_in: PeriodLike | None = None,
        role: Roles = None,
    ) -> tuple[Entente, ...]:
        """The ententes, plans, programmes and funds, in document order, filtered.

        *period* keeps the ententes whose period relates to it by *mode*:
        ``"overlaps"`` (the default: they share a month; ``2014`` is the calendar
        year, which meets the fiscal years 2013-2014 and 2014-2015), ``"within"``
        (inside it), ``"contains"`` (around it) or ``"exact"`` (the same years).
        With a period, only granted ententes count unless *status* says
        otherwise, and those with no written period are left out. *territory*
        narrows to one portrait; *partner* to the ententes written with one of
        its mentions (and its network's), whatever its role there, or in one of
        *roles*; *status* and *kind* to those statuses and kinds. Planned ententes
        active in 2015: ``find_ententes(period=2015, status="planned")``.
        (``active_in=`` and ``role=`` are the deprecated names of *period* and *roles*.)
        """
        from rqds_portraits._deprecated import renamed
        from rqds_portraits._queries import ententes

        asked = ententes.period_argument(renamed(period, active_in, "active_in", "period", "find_ententes"), "period")
        chosen_mode = ententes.mode_argument(mode, asked)
        statuses = ententes.statuses_argument(status, asked is not None)
        party = self._party(partner, territory, renamed(roles, role, "role", "roles", "find_ententes"), None)
        return ententes.matching(
            self.ententes,
            period=asked,
            mode=chosen_mode,
            territory_id=self._territory_id(territory),
            mention_ids=None if party is None else party.mention_ids,
            statuses=statuses,
            kind=kind,
        )

    def by_period(
        self, period: PeriodLike, mode: Mode | str = "overlaps", *, status: Statuses = None
    ) -> tuple[Entente, ...]:
        """Deprecated since 0.3.0 (removed in 0.4.0): ``find_ententes(period=period, mode=mode, status=status)``."""
        import warnings

        warnings.warn(
            "ds.by_period(...) is deprecated since rqds-portraits 0.3.0 and stops working in 0.4.0: "
            "use ds.find_ententes(period=..., mode=..., status=...)",
            DeprecationWarning,
            stacklevel=2,
        )
        if period is None:
            raise InvalidArgument("by_period needs a period: give period=")
        return self.find_ententes(period=period, mode=mode, status=status)

    def total_funding(
        self,
        *,
        territory: str | int | None = None,
        period: PeriodLike | None = None,
        partner: str | None = None,
        roles: Roles = None,
        status: Statuses = None,
        yearly: bool = False,
        mode: Mode | str | None = None,
    ) -> FundingTotal:
        """The money granted or committed, as an exact ``Decimal``, with what it leaves out.

        Only amounts of kind ``"funding"`` are added, each once (a share of an
        amount already counted is not added again), from ententes whose status
        is granted (or one of *status*); ``.excluded`` says why each other
        amount is left out. *territory* and *period* (compared with each
        amount's period, else its entente's, by *mode*, as in
        :meth:`find_ententes`) select the amounts.

        *partner* selects the amounts of the ententes it is a party to: a
        signatory, funder or manager (:data:`~rqds_portraits.PARTY_ROLES`), or
        the roles given in *roles* (one or several: ``roles="member"`` for the
        ententes whose committee it sits on); ``.roles`` records which. Where the
        text writes the partner's own share of an amount, ``.shares`` lists it,
        whatever *roles* count: "money from the MELS" is ``.shares_total``,
        "money of ententes the MELS is party to" is ``.total``. *yearly* gives
        one year's worth of each amount.
        """
        return self._funding(territory, period, partner, roles, status, yearly, mode)

    def funding_by_territory(
        self,
        *,
        period: PeriodLike | None = None,
        partner: str | None = None,
        roles: Roles = None,
        status: Statuses = None,
        yearly: bool = False,
        mode: Mode | str | None = None,
    ) -> Mapping[str, FundingTotal]:
        """:meth:`total_funding` for each territory, as a read-only mapping from territory id, in document order."""
        from types import MappingProxyType

        return MappingProxyType(
            {t.id: self._funding(t.id, period, partner, roles, status, yearly, mode) for t in self.territories}
        )

    # -- around the data -----------------------------------------------------
    def cite(self, style: str = "text") -> str:
        """How to cite this data: ``"text"`` (the source's own citation, with the edition,
        revision and hash), ``"bibtex"`` or ``"csl-json"``."""
        from rqds_portraits._citation import cite

        return cite(self.source, self.edition, self.revision, self.sha256, style)

    def to_dataframe(self, table: str) -> Any:
        """One exported table (``"amounts"``, ``"mentions"``, …) as a pandas DataFrame, with the
        columns of its CSV file. Needs the ``pandas`` extra: ``pip install "rqds-portraits[pandas]"``."""
        from rqds_portraits._frames import dataframe

        return dataframe(self, table)

    def render(self) -> str:
        """The source text regenerated from the records, line for line.

        Equal to the bundled ``source.txt`` except that whitespace-only lines come back empty.
        """
        from rqds_portraits._render import render

        return render(self.records)

    # -- what the queries share ------------------------------------------------
    def _territory_lookup(self) -> TerritoryLookup:
        from rqds_portraits._queries.territories import TerritoryLookup

        # From the records' own tuple: the first lookup of a script needs no other query module.
        territories = self._file.records("territories", tuple[Territory, ...])
        return self._once.get("territory lookup", lambda: TerritoryLookup(territories, self.edition))

    def _partner_lookup(self) -> PartnerLookup:
        from rqds_portraits._queries.partners import PartnerLookup

        return self._once.get("partner lookup", lambda: PartnerLookup(self.partners))

    def _territory_id(self, territory: str | int | None) -> str | None:
        return None if territory is None else self.territory(territory).id

    def _party(
        self, partner: object, territory: str | int | None, roles: Roles, default: tuple[Role, ...] | None
    ) -> Party | None:
        """The partner asked for, with its mentions in *roles* (or *default*, when given, or any role)."""
        from rqds_portraits._queries.funding import Party
        from rqds_portraits._records.annotations import ROLES

        name = optional_name(partner, "partner", _PARTNER)
        if name is None:
            if roles is not None:
                raise InvalidArgument("roles= says which partnerships of partner= count: give a partner too")
            return None
        held = choices(roles, ROLES, "roles") or (frozenset(default) if default is not None else None)
        found = self.by_partner(name, territory=territory, roles=typing.cast("Roles", held))  # checked above
        family = self._partner_lookup().family(self.partner(name, territory=territory).id)
        counted = tuple(r for r in ROLES if held is None or r in held)
        return Party(frozenset(m.mention.id for m in found), frozenset(family), counted)

    def _funding(
        self, territory: Any, period: Any, partner: Any, roles: Any, status: Any, yearly: Any, mode: Any
    ) -> FundingTotal:
        from rqds_portraits._queries import ententes, funding
        from rqds_portraits._records.annotations import PARTY_ROLES

        asked = ententes.period_argument(period, "period")
        chosen_mode = ententes.mode_argument(mode, asked)
        statuses = ententes.in_order(ententes.statuses_argument(status, True) or frozenset())
        every_year = flag(yearly, "yearly")
        party = self._party(partner, territory, roles, PARTY_ROLES)
        entente_of = self._once.get("entente of amount", lambda: funding.entente_of(self.ententes))
        territory_id = self._territory_id(territory)
        return funding.total(
            self.amounts,
            entente_of,
            territory_id=territory_id,
            period=asked,
            mode=chosen_mode,
            statuses=statuses,
            party=party,
            yearly=every_year,
        )
