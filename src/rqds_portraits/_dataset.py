"""A loaded edition: its records, read-only, and the lookups and queries over them (a facade).

Get one with :func:`rqds_portraits.load`; it is immutable and shared safely between threads. A
**plural** (``ds.amounts``) is every record of a kind, in document order, as
:class:`~rqds_portraits.Records`; the **singular** (``ds.amount(id)``) is one record by its key; a
**query** (``find_ententes``, ``total_funding``, …) takes filters. Each method checks nothing and
computes nothing itself: it calls ``_queries/`` (``Queries``, in ``_queries/context.py``).

    >>> import rqds_portraits as rp
    >>> ds = rp.load("2014-2015")
    >>> ds.territory("cote-nord").name, [t.name for t in ds.by_region(16)]
    ('Côte-Nord', ['Montérégie Est', 'Vallée-du-Haut-Saint-Laurent'])
"""

from __future__ import annotations

from rqds_portraits._errors import InvalidArgument, shown
from rqds_portraits._loading.members import DatasetFile
from rqds_portraits._queries.context import Queries

TYPE_CHECKING = False  # not typing's: a first lookup imports no typing (issue 20)
if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterable, Mapping
    from typing import Any, TypeAlias

    from rqds_portraits._deprecated import EntenteCall
    from rqds_portraits._queries.collection import Records
    from rqds_portraits._queries.ententes import LeftOut
    from rqds_portraits._queries.funding import FundingTotal
    from rqds_portraits._queries.partners import PartnerMention
    from rqds_portraits._records.annotations import Amount, Mention, Role, SourceNote, WrittenDate, WrittenPeriod
    from rqds_portraits._records.document import Source
    from rqds_portraits._records.edition import EditionRecords
    from rqds_portraits._records.ententes import Entente, EntenteKind, EntenteStatus
    from rqds_portraits._records.partners import Partner
    from rqds_portraits._records.periods import Mode, PeriodLike
    from rqds_portraits._records.portraits import Initiative, Territory

    Statuses: TypeAlias = EntenteStatus | Iterable[EntenteStatus] | None
    Roles: TypeAlias = Role | Iterable[Role] | None
    Kinds: TypeAlias = EntenteKind | Iterable[EntenteKind] | None

__all__ = ["Dataset"]


class Dataset:
    """One edition of the Tour du Québec at one revision, with its lookups and queries.

    The dataset file is verified once; each table becomes records the first time
    it is asked for, under a lock, and stays. A dataset pickles as its file's
    bytes and hash (checked again when unpickled), so a process pool can receive
    one; copying one gives the same, immutable, object.
    """

    __slots__ = ("_file", "_q")

    def __init__(self, file: DatasetFile) -> None:
        if not isinstance(file, DatasetFile):
            raise InvalidArgument(
                f"a Dataset comes from rp.load(...) or rp.load_file(...), not from Dataset({shown(file)})"
            )
        self._file = file
        self._q = Queries(file)  # the records, the lookups and the queries, each built on first use

    def __reduce__(self) -> tuple[Any, ...]:
        return Dataset, (self._file,)

    def __copy__(self) -> Dataset:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Dataset:
        return self

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        # The same file, read with the same revision date (a file of layout 1 has none of its own).
        return (self.sha256, self.revision_date) == (other.sha256, other.revision_date)

    def __hash__(self) -> int:
        return hash(self.sha256)

    def __repr__(self) -> str:
        return f"<Dataset {self.edition} revision {self.revision} sha256={self.sha256[:12]}…>"

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
        return self._q.member("revision_date")  # type: ignore[no-any-return]

    @property
    def as_of(self) -> datetime.date | None:
        """The reference date the edition's statuses are read against (an entente whose period
        ended before it is "ended"); ``None`` for data of layout 1."""
        return self._q.member("as_of")  # type: ignore[no-any-return]

    @property
    def records(self) -> EditionRecords:
        """Every record of the edition, as one frozen value (what the dataset file holds)."""
        return self._q.records()

    @property
    def source(self) -> Source:
        """The published document: title, authors, dates, address, citation, reuse caveat, introduction."""
        return self._q.member("source")  # type: ignore[no-any-return]

    def to_json(self) -> bytes:
        """The dataset file this object was read from, byte for byte (its SHA-256 is :attr:`sha256`)."""
        return self._file.raw

    # -- every record of a kind (a tuple that also finds one by id) -------------
    @property
    def territories(self) -> Records[Territory]:
        """The member territories, in document order."""
        return self._q.plural("territories")

    @property
    def initiatives(self) -> Records[Initiative]:
        """Every initiative block of every portrait, in document order."""
        return self._q.plural("initiatives")

    @property
    def periods(self) -> Records[WrittenPeriod]:
        """Every period written in the portraits (in figures or in words), in document order."""
        return self._q.plural("periods")

    @property
    def dates(self) -> Records[WrittenDate]:
        """Every date written in words in the portraits ("31 mars 2014", "jusqu’en juin 2015"), in document order."""
        return self._q.plural("dates")

    @property
    def amounts(self) -> Records[Amount]:
        """Every money amount written in the portraits, in document order."""
        return self._q.plural("amounts")

    @property
    def ententes(self) -> EntenteCall:
        """Every entente, plan, programme and fund, in document order (filter with :meth:`find_ententes`)."""
        from rqds_portraits._deprecated import EntenteCall

        # Calling it, as 0.1.0 did, still works for a while (rqds_portraits._deprecated).
        return self._q.kept("ententes()", lambda: EntenteCall(self._q.plural("ententes"), self))

    @property
    def mentions(self) -> Records[Mention]:
        """Every organisation named in the portraits, in document order."""
        return self._q.plural("mentions")

    @property
    def source_notes(self) -> Records[SourceNote]:
        """Remarks on passages of the source (typos, inconsistencies), in document order."""
        return self._q.plural("source_notes")

    @property
    def partners(self) -> Records[Partner]:
        """Every registry partner the edition mentions, with the networks they belong to."""
        return self._q.plural("partners")

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

        Case, accents, punctuation and surrounding spaces do not matter: ``"cote-nord"``,
        ``"CÔTE-NORD"``, ``9`` and ``"09"`` all give Côte-Nord. A region number is an integer from 1
        to 17 or one or two ASCII digits (not ``"-1"``, ``"13."`` or ``"¹"``). Raises
        :class:`~rqds_portraits.TerritoryNotFound` (with the closest names), or
        :class:`~rqds_portraits.AmbiguousTerritory` for a region of several territories (16).
        """
        return self._q.territory_lookup().resolve(key)

    def partner(self, name: str, *, territory: str | int | None = None) -> Partner:
        """The partner named *name*: its id, name, an acronym, a written variant or a former name.

        Case, accents and punctuation do not matter (``"qef"`` finds Québec en Forme). A common noun
        that names a body only inside one portrait ("Ville") or a form that names a different body in
        each ("ASSSL") needs *territory*: ``ds.partner("ASSSL", territory="laval")``. With *territory*,
        every mention is found by its own text, even one the registry holds no form of (a body named
        in a shared list, "du Granit" after "les CDC des Sources"). Raises
        :class:`~rqds_portraits.PartnerNotFound` (with the closest names) or
        :class:`~rqds_portraits.AmbiguousPartner` (with the choices).
        """
        return self._q.partner(name, territory)

    # -- queries ---------------------------------------------------------------
    def by_region(self, number: int | str) -> tuple[Territory, ...]:
        """The territories of region *number* (``16`` or ``"16"``), in document order; empty for a
        region with no member territory."""
        return self._q.territory_lookup().in_region(number)

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

        A network includes its members (``"Centraide"`` finds every regional Centraide) unless
        ``include_network=False``; a renamed body is one partner (``"MAMOT"`` finds the "MAMROT"
        mentions). *roles* keeps the mentions holding that role or one of those roles:
        ``roles=("leader", "member")`` answers "where does it sit at the table". *territory*
        resolves a region-dependent name and keeps that territory's mentions.
        """
        from rqds_portraits._deprecated import renamed

        roles = renamed(roles, role, "role", "roles", "by_partner")
        return self._q.mentions_of(name, roles, territory, include_network)

    def partner_territories(
        self, name: str, *, roles: Roles = None, include_network: bool = True, role: Roles = None
    ) -> tuple[Territory, ...]:
        """The territories whose portraits name the partner *name*, in document order (filters as in
        :meth:`by_partner`)."""
        from rqds_portraits._deprecated import renamed

        roles = renamed(roles, role, "role", "roles", "partner_territories")
        found = {m.territory_id for m in self._q.mentions_of(name, roles, None, include_network)}
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

        *period* keeps those whose period relates to it by *mode*: ``"overlaps"`` (the default: they
        share a month; ``2014`` is the calendar year, which meets the fiscal years 2013-2014 and
        2014-2015), ``"within"``, ``"contains"`` or ``"exact"`` (the same years); with a period,
        only granted ententes count unless *status* says otherwise, and those with no written period
        are left out. A bound the text does not write is never assumed: an entente whose period has
        one (``"?-2016"``) is kept only when its written bounds prove the match, and left out when
        they cannot decide it (``entente.period.overlaps(2013)`` is then ``None``). *territory* narrows to one portrait; *partner* to the ententes written with
        one of its mentions (or its network's), in any role or in one of *roles*; *status* and
        *kind* to those statuses and kinds: ``find_ententes(period=2015, status="planned")``.
        """
        from rqds_portraits._deprecated import renamed

        return self._q.ententes(
            period=renamed(period, active_in, "active_in", "period", "find_ententes"),
            mode=mode,
            territory=territory,
            partner=partner,
            roles=renamed(roles, role, "role", "roles", "find_ententes"),
            status=status,
            kind=kind,
        )

    def left_out_ententes(
        self,
        *,
        period: PeriodLike | None = None,
        mode: Mode | str | None = None,
        territory: str | int | None = None,
        partner: str | None = None,
        roles: Roles = None,
        status: Statuses = None,
        kind: Kinds = None,
    ) -> tuple[LeftOut, ...]:
        """The ententes that :meth:`find_ententes`, asked the same, leaves out without knowing they
        are outside the period, each with its reason (an ``rp.LeftOut``): those with no written
        period, those whose period lacks a bound the match needs (``"?-2016"`` asked about 2013),
        and, when *status* is not given, those of a status that is not granted. An entente whose
        period proves it is outside the one asked, or that another filter drops, is not listed.

            >>> import rqds_portraits as rp
            >>> ds = rp.load("2014-2015")
            >>> [(x.entente.id, x.reason) for x in ds.left_out_ententes(period=2015, territory="cote-nord")][:1]
            [('cote-nord-parsis', 'no written period: it cannot be placed in a period')]
        """
        return self._q.left_out_ententes(
            period=period, mode=mode, territory=territory, partner=partner, roles=roles, status=status, kind=kind
        )

    def by_period(
        self, period: PeriodLike, mode: Mode | str = "overlaps", *, status: Statuses = None
    ) -> tuple[Entente, ...]:
        """Deprecated since 0.3.0 (removed in 0.4.0): ``find_ententes(period=period, mode=mode, status=status)``."""
        from rqds_portraits._deprecated import by_period

        return self._q.ententes(**by_period(period, mode, status), territory=None, partner=None, roles=None, kind=None)

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

        Amounts of kind ``"funding"`` are added, each once (a share of an amount counted is not
        added again), from ententes whose status is granted (or one of *status*); ``.excluded`` says
        why each other amount is left out. *territory* and *period* (compared with each amount's
        period, else its entente's, by *mode*, as in :meth:`find_ententes`) select the amounts; one
        whose period has a bound the text does not write, which decides the comparison, is left out
        in ``.excluded`` with the reason ("its start is not written (?-2016): …").
        *partner* selects the amounts of the ententes it is a party to: it leads that entente itself,
        signs, funds or manages it (:data:`~rqds_portraits.PARTY_ROLES`), or holds one of *roles* in
        (``roles="member"``: the ententes whose committee it sits on); ``.roles`` says which.
        ``.shares`` lists the amounts the text writes as the partner's own share, whatever *roles*
        count: "money from the MELS" is ``.shares_total``, "money of ententes the MELS is party to"
        is ``.total``. *yearly* gives one year's worth of each amount.
        """
        return self._q.funding(
            territory=territory, period=period, partner=partner, roles=roles, status=status, yearly=yearly, mode=mode
        )

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
        return self._q.funding_by_territory(
            period=period, partner=partner, roles=roles, status=status, yearly=yearly, mode=mode
        )

    # -- around the data -----------------------------------------------------
    def cite(self, style: str = "text") -> str:
        """How to cite this data: ``"text"`` (the source's own citation, with the edition,
        revision and hash), ``"bibtex"`` or ``"csl-json"``."""
        from rqds_portraits._citation import cite

        return cite(self.source, self.edition, self.revision, self.sha256, style)

    def to_dataframe(self, table: str) -> Any:
        """One exported table (``"amounts"``, ``"mentions"``, …) as a pandas DataFrame, with the
        columns of its CSV file. Needs pandas and pyarrow (the ``pandas`` extra: ``pip install ".[pandas]"`` in a checkout)."""
        from rqds_portraits._frames import dataframe

        return dataframe(self, table)

    def render(self) -> str:
        """The source text regenerated from the records, line for line (whitespace-only lines come back empty)."""
        from rqds_portraits._render import render

        return render(self.records)
