"""The partner registry: the organisations the portraits name, and how a name finds one.

A partner is found by its id, official name, acronyms, written variants or
former names, forgiving case, accents and punctuation. Some forms mean a
different body in each territory ("ASSSL" is Laval's health agency in the Laval
portrait and Lanaudière's in the Lanaudière portrait): pass the territory, or
the lookup raises :class:`~rqds_portraits.AmbiguousPartner` listing the choices.
A form that is also a network's id or name means the network ("CRÉ",
"Centraide"), whose queries include every member. When the forgiving match
leaves several bodies, the one written exactly as asked wins (in the
Laurentides, "CRE" is the Conseil régional de l'environnement, "CRÉ" the
Conférence régionale des élus).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import attrs

from .annotations import Mention, Role
from .errors import AmbiguousPartner, PartnerNotFound
from .models import Lines
from .text import closest, lookup_key

__all__ = ["Partner", "PartnerIndex", "PartnerKind", "PartnerMention", "PartnerScope", "Rename"]

PartnerKind = Literal[
    "quebec_government",
    "health_agency",
    "health_centre",
    "regional_conference",
    "municipal",
    "education",
    "community",
    "foundation",
    "youth_forum",
    "employment_development",
    "federal",
    "concertation",
    "private",
    "other",
]
PartnerScope = Literal["quebec", "canada", "regional", "local"]


@attrs.frozen
class Rename:
    """A change of name of a partner (MAMROT became MAMOT in 2014)."""

    year: int
    old_name: str
    new_name: str
    old_acronym: str | None = None
    new_acronym: str | None = None


@attrs.frozen
class Partner:
    """An organisation of the partner registry, with every way the source writes it.

    ``scope`` is ``"quebec"`` (Québec-wide), ``"canada"`` (federal),
    ``"regional"`` or ``"local"``; ``territories`` lists the territory ids a
    regional or local body serves. ``network_id`` is the network it belongs to
    (each regional CRÉ belongs to ``"cre"``). A ``collective`` stands for a group
    the text names generically ("Organismes communautaires", "8 MRC"), with its
    ``count`` when the text gives one.
    """

    id: str
    name: str
    acronyms: tuple[str, ...]
    variants: tuple[str, ...]
    kind: PartnerKind
    scope: PartnerScope
    territories: tuple[str, ...]
    network_id: str | None
    collective: bool
    count: int | None
    renames: tuple[Rename, ...]
    note: str | None


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
    def role(self) -> Role:
        """What the partner does there: leader, member, signatory, funder, observer, manager or mentioned."""
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


class PartnerIndex:
    """Lookups over a tuple of partners: by name or form, and by network."""

    def __init__(self, partners: Sequence[Partner]) -> None:
        self._by_id = {partner.id: partner for partner in partners}
        self._names: dict[str, list[Partner]] = {}
        self._forms: dict[str, list[Partner]] = {}
        for partner in partners:
            for table, keys in ((self._names, _names(partner)), (self._forms, _forms(partner))):
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

    def resolve(self, name: str, territory_id: str | None = None) -> Partner:
        """The one partner *name* means (in *territory_id* when given)."""
        key = lookup_key(name)
        by_name = self._names.get(key, [])
        candidates = list(dict.fromkeys([*by_name, *self._forms.get(key, [])]))
        if territory_id is not None:
            local = [p for p in candidates if territory_id in p.territories]
            if len(local) == 1:
                return local[0]
            if local:
                candidates = local
        if len(by_name) == 1 and by_name[0] in candidates:
            return by_name[0]
        exact = [p for p in candidates if name.strip() in (*_names(p), *_forms(p))]
        if len(candidates) == 1 or len(exact) == 1:
            return (exact or candidates)[0]  # written exactly as one of them: "CRE" is not "CRÉ"
        if not candidates:
            near = closest(name, self._labels)
            hint = f"; closest: {', '.join(map(repr, near))}" if near else ""
            raise PartnerNotFound(f"no partner {name!r} in this edition's registry{hint}")
        choices = "; ".join(f"{p.id} ({p.name}, {', '.join(p.territories) or p.scope})" for p in candidates)
        raise AmbiguousPartner(
            f"{name!r} names {len(candidates)} partners, one per territory: {choices}; "
            "pass territory=… or ask for one of these ids"
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
