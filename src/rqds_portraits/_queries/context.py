"""What the queries of one dataset share, each built once: its records as :class:`~rqds_portraits.Records`,
the lookups by name, the entente of each amount; and the queries that need several of them.

:class:`~rqds_portraits.Dataset` holds one :class:`Queries` and delegates to it;
each query checks its arguments here (``_arguments.py``) and leaves the rules of
its topic to its module (``territories``, ``partners``, ``ententes``, ``funding``).
"""

from __future__ import annotations

from rqds_portraits._errors import (
    InitiativeNotFound,
    InvalidArgument,
    NotFound,
    PartnerNotFound,
    RecordNotFound,
    TerritoryNotFound,
)
from rqds_portraits._loading.members import DatasetFile
from rqds_portraits._once import Once
from rqds_portraits._text import MAX_NAME_LENGTH, lookup_key

TYPE_CHECKING = False  # not typing's: a first lookup imports no typing (issue 20)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from typing import Any, TypeVar

    from rqds_portraits._queries.collection import Records
    from rqds_portraits._queries.ententes import LeftOut
    from rqds_portraits._queries.funding import FundingTotal, Party
    from rqds_portraits._queries.partners import PartnerLookup, PartnerMention
    from rqds_portraits._queries.territories import TerritoryLookup
    from rqds_portraits._records.annotations import Amount, Mention, Role
    from rqds_portraits._records.edition import EditionRecords
    from rqds_portraits._records.ententes import Entente
    from rqds_portraits._records.partners import Partner
    from rqds_portraits._records.periods import Mode, Period

    T = TypeVar("T")

__all__ = ["Queries"]

_PARTNER = "a partner's name, acronym or id"
_NOT_FOUND: dict[str, type[NotFound]] = {
    "territories": TerritoryNotFound,
    "initiatives": InitiativeNotFound,
    "partners": PartnerNotFound,
}
"""The error of a lookup by id in a table that has one of its own (else RecordNotFound)."""


def _explain(sha256: str, edition: str, table: str, record_id: str) -> str | None:
    from rqds_portraits._loading.ledger import explain  # the ledger is read only when a lookup fails

    return explain(sha256, edition, table, record_id)


class Queries:
    """The records and lookups of the dataset file *file*, built on first use, under a lock, and kept."""

    __slots__ = ("_file", "_once", "edition")

    def __init__(self, file: DatasetFile) -> None:
        self._file = file
        self._once = Once()
        self.edition = str(file.data["edition"])

    def member(self, name: str) -> Any:
        """The member *name* of the dataset file as records (``source``, ``as_of``, ``territories``, …)."""
        return self._file.records(name)

    def records(self) -> EditionRecords:
        """Every member of the dataset file, as one frozen value."""
        from rqds_portraits._records.edition import EditionRecords

        return self._once.get(
            "records", lambda: EditionRecords(**{name: self.member(name) for name in EditionRecords.__match_args__})
        )

    def plural(self, table: str) -> Records[Any]:
        """Every record of *table* (one of :data:`~rqds_portraits.RECORD_TABLES`), as Records."""

        def build() -> Records[Any]:
            from rqds_portraits._queries.collection import Records

            kind = (table[:-3] + "y" if table.endswith("ies") else table[:-1]).replace("_", " ")  # "source note"
            error = _NOT_FOUND.get(table, RecordNotFound)
            return Records(self.member(table), kind, self.edition, error, self.history(table))

        return self._once.get(table, build)

    def history(self, table: str) -> Callable[[str], str | None]:
        """What the edition's id ledger says of an id *table* has no record for (retired, issued later)."""
        import functools  # a partial pickles, as the Records that hold it do

        return functools.partial(_explain, self._file.sha256, self.edition, table)

    def kept(self, key: str, build: Callable[[], T]) -> T:
        """A value built from the records once and kept with them (``ds.records``)."""
        return self._once.get(("kept", key), build)

    def territory_lookup(self) -> TerritoryLookup:
        """Territories by id, name, heading, region number or region name."""
        from rqds_portraits._queries.territories import TerritoryLookup

        # From the records' own tuple: the first lookup of a script needs no other query module.
        territories = self._file.records("territories")
        return self._once.get("territory lookup", lambda: TerritoryLookup(territories, self.edition))

    def partner_lookup(self) -> PartnerLookup:
        """Partners by name or written form, and by network."""
        from rqds_portraits._queries.partners import PartnerLookup

        return self._once.get(
            "partner lookup", lambda: PartnerLookup(self.plural("partners"), self.history("partners"))
        )

    def territory_id(self, territory: object) -> str | None:
        """The id of the territory *territory* names (``None`` for ``None``)."""
        return None if territory is None else self.territory_lookup().resolve(territory).id

    def partner(self, name: object, territory: object) -> Partner:
        """The partner *name* means (in *territory*'s portrait when given). With a territory, a
        text no registry form holds still finds the partner its mentions there resolve to, when they
        all resolve to one: every mention is found by its own text ("du Granit" in Estrie)."""
        from rqds_portraits._arguments import name as name_argument  # argument checks: only the queries that take them

        return self._partner_in(name_argument(name, "name", _PARTNER), self.territory_id(territory))

    def _partner_in(self, wanted: str, territory_id: str | None) -> Partner:
        """:meth:`partner`, from a checked name and a territory id."""
        try:
            return self.partner_lookup().resolve(wanted, territory_id)
        except PartnerNotFound:
            written = None if territory_id is None else self._written_partners().get((territory_id, lookup_key(wanted)))
            if written is None or len(written) != 1:
                raise
            (partner_id,) = written
            found = self.partner_lookup().get(partner_id)
            assert found is not None  # the file's integrity check: a mention's partner is in the registry
            return found

    def _written_partners(self) -> Mapping[tuple[str, str], frozenset[str]]:
        """The partners of the mentions, by territory and text as written (forgiving case and accents)."""

        def build() -> Mapping[tuple[str, str], frozenset[str]]:
            found: dict[tuple[str, str], set[str]] = {}
            for m in self.plural("mentions"):
                if m.partner_id is not None and len(m.text) <= MAX_NAME_LENGTH:
                    found.setdefault((m.territory_id, lookup_key(m.text)), set()).add(m.partner_id)
            return {key: frozenset(ids) for key, ids in found.items()}

        return self._once.get("partners as written", build)

    def mentions_of(
        self, name: object, roles: object, territory: object, include_network: object
    ) -> tuple[PartnerMention, ...]:
        """The mentions of the partner *name*: :meth:`rqds_portraits.Dataset.by_partner`."""
        from rqds_portraits._arguments import choices, flag
        from rqds_portraits._records.annotations import ROLES

        held = choices(roles, ROLES, "roles")
        network = flag(include_network, "include_network")
        found = self.partner(name, territory)
        lookup, territory_id = self.partner_lookup(), self.territory_id(territory)
        family = lookup.family(found.id) if network else {found.id}
        return lookup.mentions(
            found,
            self.family_mentions(family, territory_id),
            roles=held,
            territory_id=territory_id,
            include_network=network,
        )

    def party(
        self, partner: object, territory: object, roles: object, default: tuple[Role, ...] | None
    ) -> Party | None:
        """The partner asked for, with its mentions in *roles* (else in *default*, else in any role)."""
        from rqds_portraits._arguments import choices, optional_name
        from rqds_portraits._records.annotations import ROLES

        name = optional_name(partner, "partner", _PARTNER)
        if name is None:
            if roles is not None:
                raise InvalidArgument("roles= says which partnerships of partner= count: give a partner too")
            return None
        held = choices(roles, ROLES, "roles") or (frozenset(default) if default is not None else None)
        return self._party(name, self.territory_id(territory), held)

    def _party(self, name: str, territory_id: str | None, held: frozenset[str] | None) -> Party:
        """:meth:`party`, from checked arguments: the partner *name* in *territory_id*'s portrait (any when
        ``None``), its mentions in the roles *held* (any when ``None``)."""
        return self._party_of(self._partner_in(name, territory_id), territory_id, held)  # resolved once

    def _parties(self, name: str, held: frozenset[str] | None) -> Callable[[str], Party]:
        """:meth:`_party` of *name* for each territory, by id: the partner is resolved once where the name
        means one body in every portrait, and again only in the portraits where it may mean their own
        (a common noun such as "Ville", a form each region gives its own body)."""
        lookup = self.partner_lookup()
        local = lookup.portraits(name)
        try:
            everywhere: Partner | None = lookup.resolve(name)
        except LookupError:  # PartnerNotFound, AmbiguousPartner: a name no registry form holds, or a portrait's own
            everywhere = None  # resolved in each portrait, which may find it there (by its mentions, by its form)

        def party(territory_id: str) -> Party:
            if everywhere is None or territory_id in local:
                return self._party(name, territory_id, held)
            return self._party_of(everywhere, territory_id, held)

        return party

    def _party_of(self, asked: Partner, territory_id: str | None, held: frozenset[str] | None) -> Party:
        """The partner *asked* as a party: its mentions (and its network's) in *territory_id*'s portrait
        (any when ``None``) in the roles *held* (any when ``None``)."""
        from rqds_portraits._queries.funding import Party
        from rqds_portraits._records.annotations import ROLES

        lookup = self.partner_lookup()
        family = lookup.family(asked.id)
        found = lookup.mentions(
            asked, self.family_mentions(family, territory_id), roles=held, territory_id=territory_id
        )
        counted = tuple(r for r in ROLES if held is None or r in held)
        mention_roles = tuple((m.mention.id, tuple(m.roles)) for m in found)
        named = (asked.acronyms or (asked.name,))[0]
        return Party(frozenset(m.mention.id for m in found), frozenset(family), counted, mention_roles, named)

    def family_mentions(self, family: Iterable[str], territory_id: str | None) -> list[Mention]:
        """The mentions of the partners *family* (in *territory_id*'s portrait when given), in document
        order: from the index of mentions by partner and territory, built once, so that a query reads
        only the mentions it answers with, not every mention of the dataset."""

        def build() -> dict[tuple[str, str | None], list[int]]:
            index: dict[tuple[str, str | None], list[int]] = {}
            for position, m in enumerate(self.plural("mentions")):
                if m.partner_id is not None:
                    index.setdefault((m.partner_id, None), []).append(position)
                    index.setdefault((m.partner_id, m.territory_id), []).append(position)
            return index

        index = self._once.get("mentions by partner", build)
        mentions = self.plural("mentions")
        positions = sorted(p for partner_id in set(family) for p in index.get((partner_id, territory_id), ()))
        return [mentions[p] for p in positions]

    def amounts_in(self, territory_id: str | None) -> Sequence[Amount]:
        """The amounts of *territory_id*'s portrait (every amount when ``None``), in document order: from
        the index of amounts by territory, built once."""
        amounts = self.plural("amounts")
        if territory_id is None:
            return amounts

        def build() -> dict[str, tuple[Amount, ...]]:
            index: dict[str, list[Amount]] = {}
            for amount in amounts:
                index.setdefault(amount.territory_id, []).append(amount)
            return {key: tuple(value) for key, value in index.items()}

        return self._once.get("amounts by territory", build).get(territory_id, ())

    def ententes(
        self,
        *,
        period: object,
        mode: object,
        territory: object,
        partner: object,
        roles: object,
        status: object,
        kind: object,
    ) -> tuple[Entente, ...]:
        """The ententes of :meth:`rqds_portraits.Dataset.find_ententes`."""
        from rqds_portraits._queries.ententes import matching

        return matching(
            self.plural("ententes"), **self._entente_filters(period, mode, territory, partner, roles, status, kind)
        )

    def left_out_ententes(
        self,
        *,
        period: object,
        mode: object,
        territory: object,
        partner: object,
        roles: object,
        status: object,
        kind: object,
    ) -> tuple[LeftOut, ...]:
        """What :meth:`rqds_portraits.Dataset.left_out_ententes` answers."""
        from rqds_portraits._queries.ententes import left_out

        filters = self._entente_filters(period, mode, territory, partner, roles, status, kind)
        return left_out(self.plural("ententes"), **filters, status_given=status is not None)

    def _entente_filters(
        self,
        period: object,
        mode: object,
        territory: object,
        partner: object,
        roles: object,
        status: object,
        kind: object,
    ) -> dict[str, Any]:
        """The arguments of an entente query, checked and resolved once (``matching`` and ``left_out`` take them)."""
        from rqds_portraits._queries.ententes import statuses_argument

        asked, chosen_mode, territory_id, party = self._selection(period, mode, territory, partner, roles, None)
        return {
            "period": asked,
            "mode": chosen_mode,
            "territory_id": territory_id,
            "mention_ids": None if party is None else party.mention_ids,
            "statuses": statuses_argument(status, asked is not None),
            "kind": kind,
        }

    def funding(
        self,
        *,
        territory: object,
        period: object,
        partner: object,
        roles: object,
        status: object,
        yearly: object,
        mode: object,
    ) -> FundingTotal:
        """The total of :meth:`rqds_portraits.Dataset.total_funding`."""
        from rqds_portraits._arguments import flag
        from rqds_portraits._queries import funding
        from rqds_portraits._queries.ententes import in_order, statuses_argument
        from rqds_portraits._records.annotations import PARTY_ROLES

        asked, chosen_mode, territory_id, party = self._selection(period, mode, territory, partner, roles, PARTY_ROLES)
        statuses = in_order(statuses_argument(status, True) or frozenset())
        every_year = flag(yearly, "yearly")
        return funding.total(
            self.amounts_in(territory_id),
            self._entente_of(),
            territory_id=territory_id,
            period=asked,
            mode=chosen_mode,
            statuses=statuses,
            party=party,
            yearly=every_year,
            every_entente=self.plural("ententes"),
        )

    def _selection(
        self,
        period: object,
        mode: object,
        territory: object,
        partner: object,
        roles: object,
        default: tuple[Role, ...] | None,
    ) -> tuple[Period | None, Mode, str | None, Party | None]:
        """What the period queries share: the period asked (read), its mode, the territory's id and the
        party asked for (its mentions in *roles*, else in *default*)."""
        from rqds_portraits._queries.ententes import mode_argument, period_argument

        asked = period_argument(period, "period")
        return (
            asked,
            mode_argument(mode, asked),
            self.territory_id(territory),
            self.party(partner, territory, roles, default),
        )

    def _entente_of(self) -> Mapping[str, Entente]:
        """The entente of each amount, by amount id (built once)."""
        from rqds_portraits._queries import funding

        return self._once.get("entente of amount", lambda: funding.entente_of(self.plural("ententes")))

    def funding_by_territory(
        self, *, period: object, partner: object, roles: object, status: object, yearly: object, mode: object
    ) -> Mapping[str, FundingTotal]:
        """:meth:`funding` for each territory, by territory id, in document order.

        The arguments are read once per call; the partner is resolved once, and again in the portraits
        where its name may mean a body of their own (a common noun such as "Ville" names each territory's
        own body); its mentions in each territory are read from the index of mentions by partner and
        territory, and the amounts from the index of amounts by territory: the call reads each amount and
        each of the partner's mentions once.
        """
        from types import MappingProxyType

        from rqds_portraits._arguments import choices, flag, optional_name
        from rqds_portraits._queries import funding
        from rqds_portraits._queries.ententes import in_order, mode_argument, period_argument, statuses_argument
        from rqds_portraits._records.annotations import PARTY_ROLES, ROLES

        asked = period_argument(period, "period")
        chosen_mode = mode_argument(mode, asked)
        name = optional_name(partner, "partner", _PARTNER)
        if name is None and roles is not None:
            raise InvalidArgument("roles= says which partnerships of partner= count: give a partner too")
        held = choices(roles, ROLES, "roles") or frozenset(PARTY_ROLES)
        statuses = in_order(statuses_argument(status, True) or frozenset())
        every_year = flag(yearly, "yearly")
        entente_of = self._entente_of()
        party = None if name is None else self._parties(name, held)
        totals: dict[str, FundingTotal] = {}
        for territory in self.plural("territories"):
            totals[territory.id] = funding.total(
                self.amounts_in(territory.id),
                entente_of,
                territory_id=territory.id,
                period=asked,
                mode=chosen_mode,
                statuses=statuses,
                party=None if party is None else party(territory.id),
                yearly=every_year,
            )
        return MappingProxyType(totals)
