"""Finding partners: by name or written form, by network, and where the portraits mention them.

A partner is found by its id, official name, acronyms, written variants or
former names, forgiving case, accents and punctuation. These are proper names:
each names one body across Québec. Other written forms are common nouns that
name a body only inside the portraits of its territories ("Ville" is the Ville
de Laval in the Laval portrait, "Commission scolaire" the Baie-James school
board in the Nord-du-Québec one), or forms that mean a different body in each
territory ("ASSSL" is Laval's health agency in the Laval portrait and
Lanaudière's in the Lanaudière portrait): the registry lists them as
``portrait_forms``, and they resolve only with a territory. Without one, the
lookup raises :class:`~rqds_portraits.AmbiguousPartner` listing the choices;
it never answers one region's body for a common noun. A name that is also a
network's id or name means the network ("CRÉ", "Centraide"), whose queries
include every member. When the forgiving match leaves several bodies, the one
written exactly as asked wins (in the Laurentides, "CRE" is the Conseil
régional de l'environnement, "CRÉ" the Conférence régionale des élus).
With a territory, a text no registry form holds still finds the partner its
mentions in that portrait resolve to (the dataset's ``partner`` query): every
mention is found by its own text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from rqds_portraits._errors import AmbiguousPartner, PartnerNotFound, shown
from rqds_portraits._records.annotations import Mention, Role
from rqds_portraits._records.partners import Partner
from rqds_portraits._records.portraits import Lines
from rqds_portraits._text import MAX_NAME_LENGTH, closest, lookup_key, written

__all__ = ["PartnerLookup", "PartnerMention"]


@attrs.frozen
class PartnerMention:
    """Where a partner appears: a mention of the portraits with the partner it resolves to.

    ``partner`` is the body asked for or a member of its network; the other
    attributes are the mention's (its text as written, role, place and lines).
    """

    partner: Partner
    mention: Mention

    @property
    def text(self) -> str:
        """The mention as written."""
        return self.mention.text

    @property
    def roles(self) -> tuple[Role, ...]:
        """What the partner does there: leader, signatory, funder, manager, member, observer or mentioned."""
        return self.mention.roles

    @property
    def role(self) -> Role:
        """The first of :attr:`roles`."""
        return self.mention.role

    @property
    def territory_id(self) -> str:
        """The territory whose portrait names it."""
        return self.mention.territory_id

    @property
    def initiative_id(self) -> str | None:
        """The initiative block that names it."""
        return self.mention.initiative_id

    @property
    def lines(self) -> Lines:
        """The line of the bundled source where it is written."""
        return self.mention.lines


def _names(partner: Partner) -> Iterable[str]:
    yield partner.id
    yield partner.name
    for rename in partner.renames:
        yield rename.old_name
        yield rename.new_name


def _forms(partner: Partner) -> Iterable[str]:
    yield from partner.acronyms
    yield from partner.variants
    for rename in partner.renames:
        yield from (acronym for acronym in (rename.old_acronym, rename.new_acronym) if acronym)


class PartnerLookup:
    """Partners by name or written form, and by network, built once over a tuple of partners;
    *history* says why an id has no partner (retired: the edition's id ledger)."""

    def __init__(self, partners: Sequence[Partner], history: Callable[[str], str | None] | None = None) -> None:
        self._history = history
        self._by_id = {partner.id: partner for partner in partners}
        self._names: dict[str, list[Partner]] = {}
        self._forms: dict[str, list[Partner]] = {}
        self._portrait: dict[str, list[Partner]] = {}
        for partner in partners:
            for table, keys in (
                (self._names, _names(partner)),
                (self._forms, _forms(partner)),
                (self._portrait, partner.portrait_forms),
            ):
                for key in {lookup_key(key) for key in keys}:
                    table.setdefault(key, []).append(partner)
        self._members: dict[str, list[str]] = {}
        for partner in partners:
            if partner.network_id is not None:
                self._members.setdefault(partner.network_id, []).append(partner.id)
        self._labels = sorted({label for p in partners for label in (p.name, *p.acronyms)})

    def get(self, partner_id: str) -> Partner | None:
        """The partner with that id, or ``None``."""
        return self._by_id.get(partner_id)

    def _candidates(self, name: str) -> tuple[list[Partner], list[Partner], list[Partner]]:
        """The partners *name* may mean: by a name, by a proper form (names included), by a portrait form."""
        key = lookup_key(name) if len(name) <= MAX_NAME_LENGTH else ""
        if not key:
            return [], [], []
        by_name = self._names.get(key, [])
        return by_name, list(dict.fromkeys([*by_name, *self._forms.get(key, [])])), self._portrait.get(key, [])

    def portraits(self, name: str) -> frozenset[str]:
        """The territories in whose portrait *name* may mean a body of its own: in any other portrait,
        :meth:`resolve` answers for *name* what it answers without a territory."""
        _, proper, portrait = self._candidates(name)
        return frozenset(territory for p in (*proper, *portrait) for territory in p.territories)

    def resolve(self, name: str, territory_id: str | None = None) -> Partner:
        """The one partner *name* means (in the portrait of *territory_id* when given)."""
        by_name, proper, portrait = self._candidates(name)
        if territory_id is not None:
            local = [p for p in dict.fromkeys([*proper, *portrait]) if territory_id in p.territories]
            if len(local) == 1:
                return local[0]
            if local:
                return self._one(name, local, by_name)
        if proper:
            return self._one(name, proper, by_name)
        if portrait:
            where = "; ".join(f"{p.id} ({p.name}) in the {', '.join(p.territories)} portrait" for p in portrait)
            what = (
                "names a body only inside a portrait"
                if len(portrait) == 1
                else "names a different body in each portrait"
            )
            raise AmbiguousPartner(f"{shown(name)} {what}: {where}; pass territory=… or ask for it by its name or id")
        why = self._history(name.strip()) if self._history is not None else None
        if why is not None:
            raise PartnerNotFound(f"no partner {shown(name)} {why}")
        near = closest(name, self._labels)
        hint = f"; closest: {', '.join(map(repr, near))}" if near else ""
        raise PartnerNotFound(f"no partner {shown(name)} in this edition's registry{hint}")

    @staticmethod
    def _one(name: str, candidates: list[Partner], by_name: list[Partner]) -> Partner:
        """The one of several *candidates* that *name* means, or :class:`AmbiguousPartner`."""
        if len(candidates) == 1:
            return candidates[0]
        if len(by_name) == 1 and by_name[0] in candidates:
            return by_name[0]
        as_written = written(name)
        exact = [p for p in candidates if as_written in (*_names(p), *_forms(p), *p.portrait_forms)]
        if len(exact) == 1:
            return exact[0]  # written exactly as one of them: "CRE" is not "CRÉ"
        choices = "; ".join(f"{p.id} ({p.name}, {', '.join(p.territories) or p.scope})" for p in candidates)
        raise AmbiguousPartner(
            f"{shown(name)} names {len(candidates)} partners: {choices}; pass territory=… or ask for one of these ids"
        )

    def family(self, partner_id: str) -> set[str]:
        """The partner and, transitively, every member of its network."""
        family, todo = set(), [partner_id]
        while todo:
            current = todo.pop()
            if current not in family:
                family.add(current)
                todo.extend(self._members.get(current, ()))
        return family

    def members(self) -> Mapping[str, list[str]]:
        """Network id to the ids of its direct members."""
        return self._members

    def mentions(
        self,
        partner: Partner,
        mentions: Iterable[Mention],
        *,
        roles: frozenset[str] | None = None,
        territory_id: str | None = None,
        include_network: bool = True,
    ) -> tuple[PartnerMention, ...]:
        """The *mentions* of *partner* (and of its network's members unless *include_network* is
        false) holding one of *roles* (any role when ``None``) in *territory_id*'s portrait (any when ``None``)."""
        family = self.family(partner.id) if include_network else {partner.id}
        return tuple(
            PartnerMention(self._by_id[m.partner_id], m)
            for m in mentions
            if m.partner_id in family
            and (roles is None or not roles.isdisjoint(m.roles))
            and (territory_id is None or m.territory_id == territory_id)
        )
