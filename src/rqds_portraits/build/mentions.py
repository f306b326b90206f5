"""Organisation mentions: every written form of a registry partner found in the portraits.

The forms are the registry's acronyms and variants, matched exactly (case and
accents count) as whole words, the longest first, without overlaps. A form that
several partners share ("CRÉ", "ASSSL", "Centraide") resolves to the partner of
the mention's territory, else to the one Québec-wide partner. The role comes
from the section: Leadership gives ``"leader"``, Membres du comité
``"member"``, elsewhere ``"mentioned"``.

The curated file completes what matching cannot do, each entry with its reason:
``[[mention_role]]`` gives the role of the mentions inside a passage
("Membres observateurs : …" are observers; ``text`` narrows it to one mention);
``[[mention]]`` adds, resolves or annotates one mention (a body named in a shared
list, "du Granit"; a vague one, with a note and no partner; a member that had
resigned, with a note); ``[[not_a_mention]]`` drops a form that names no
organisation there ("territoires de MRC" is a place). ``line`` picks the line
when the words of ``at`` occur on several.
"""

from __future__ import annotations

import re
import typing
from collections import defaultdict
from collections.abc import Sequence

from ..annotations import Mention, Role
from ..errors import BuildError
from ..registry import Partner
from .annotate import locate
from .curated import Table, entries, optional_str, required_str
from .extract import TextUnit

__all__ = ["DEFAULT_ROLES", "find_mentions", "mentioned_partners"]

DEFAULT_ROLES: dict[str, Role] = {"leadership": "leader", "members": "member"}
_ROLES = typing.get_args(Role)

Span = tuple[int, int]


def _forms(partners: Sequence[Partner]) -> dict[str, list[Partner]]:
    forms: dict[str, list[Partner]] = defaultdict(list)
    for partner in partners:
        for form in dict.fromkeys((*partner.acronyms, *partner.variants)):
            forms[form].append(partner)
    return forms


def _pattern(forms: dict[str, list[Partner]]) -> re.Pattern[str]:
    # Longest first, so at each position the longest written form wins.
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _resolve(candidates: list[Partner], territory: str) -> Partner | None:
    if len(candidates) == 1:
        return candidates[0]
    local = [p for p in candidates if territory in p.territories]
    if len(local) == 1:
        return local[0]
    national = [p for p in candidates if p.scope in ("quebec", "canada")]
    return national[0] if not local and len(national) == 1 else None


def _anchored(units: Sequence[TextUnit], entry: Table, where: str) -> tuple[TextUnit, Span]:
    """The unit and the line span of ``text`` inside the entry's ``at`` passage."""
    territory = required_str(entry, "territory", where)
    at = required_str(entry, "at", where)
    unit = locate(units, territory, at, where, entry.get("line"))
    text = entry.get("text", at)
    if not isinstance(text, str) or at.count(text) != 1:
        raise BuildError(f"curated {where}: {text!r} must occur exactly once in its 'at' passage {at!r}")
    start = unit.column + unit.text.index(at) + at.index(text)
    return unit, (start, start + len(text))


def find_mentions(units: Sequence[TextUnit], partners: Sequence[Partner], curated: Table) -> tuple[Mention, ...]:
    """Every organisation mention of the portraits, in document order."""
    by_id = {partner.id: partner for partner in partners}
    forms = _forms(partners)
    pattern = _pattern(forms)

    roles: list[tuple[int, Span, Role]] = []
    for entry in entries(curated, "mention_role"):
        where = f"[[mention_role]] {entry.get('at')!r}"
        required_str(entry, "why", where)
        unit, span = _anchored(units, entry, where)
        roles.append((unit.line, span, _role(entry, where)))

    dropped: set[tuple[int, Span]] = set()
    for entry in entries(curated, "not_a_mention"):
        where = f"[[not_a_mention]] {entry.get('text')!r} in {entry.get('at')!r}"
        required_str(entry, "why", where)
        unit, span = _anchored(units, entry, where)
        dropped.add((unit.line, span))

    explicit: dict[tuple[int, Span], Table] = {}
    for entry in entries(curated, "mention"):
        where = f"[[mention]] {entry.get('text')!r} in {entry.get('at')!r}"
        partner = entry.get("partner")
        if partner == "":
            required_str(entry, "note", where)  # too vague to resolve: say why
        elif partner not in by_id:
            raise BuildError(f"curated {where}: partner {partner!r} is not in the registry")
        required_str(entry, "why", where) if partner else None
        unit, span = _anchored(units, entry, where)
        explicit[(unit.line, span)] = entry

    found: list[tuple[TextUnit, Span, str, str | None, Role | None, str | None]] = []
    matched: set[tuple[int, Span]] = set()
    for unit in units:
        for match in pattern.finditer(unit.text):
            span = (unit.column + match.start(), unit.column + match.end())
            key = (unit.line, span)
            if key in dropped:
                dropped.discard(key)
                continue
            matched.add(key)
            if key in explicit:
                continue  # the curated entry decides
            partner = _resolve(forms[match[0]], unit.territory_id)
            if partner is None:
                choices = ", ".join(p.id for p in forms[match[0]])
                raise BuildError(
                    f"line {unit.line}: {match[0]!r} in {unit.territory_id!r} may be any of {choices}; "
                    "resolve it with a curated [[mention]]"
                )
            found.append((unit, span, match[0], partner.id, None, None))
    if dropped:
        line, span = sorted(dropped)[0]
        raise BuildError(f"curated [[not_a_mention]] on line {line}: no written form of a partner is there")

    unit_of = {unit.line: unit for unit in units}
    for (line, span), entry in explicit.items():
        unit = unit_of[line]
        text = unit.text[span[0] - unit.column : span[1] - unit.column]
        where = f"[[mention]] {text!r}"
        role = _role(entry, where) if "role" in entry else None
        found.append((unit, span, text, entry["partner"] or None, role, optional_str(entry, "note", where)))

    found.sort(key=lambda item: (item[0].line, item[1]))
    counters: dict[str, int] = defaultdict(int)
    mentions = []
    for unit, span, text, partner_id, role, note in found:
        scope = unit.initiative_id or unit.territory_id
        counters[scope] += 1
        mentions.append(
            Mention(
                id=f"{scope}-m{counters[scope]}",
                text=text,
                role=role or _passage_role(roles, unit.line, span) or DEFAULT_ROLES.get(unit.section or "", "mentioned"),
                partner_id=partner_id,
                territory_id=unit.territory_id,
                initiative_id=unit.initiative_id,
                lines=(unit.line, unit.line),
                span=span,
                note=note,
            )
        )
    return tuple(mentions)


def _role(entry: Table, where: str) -> Role:
    role = entry.get("role")
    if role not in _ROLES:
        raise BuildError(f"curated {where}: role {role!r} is not one of {', '.join(_ROLES)}")
    return typing.cast(Role, role)


def _passage_role(roles: list[tuple[int, Span, Role]], line: int, span: Span) -> Role | None:
    for role_line, (start, end), role in roles:
        if role_line == line and start <= span[0] and span[1] <= end:
            return role
    return None


def mentioned_partners(partners: Sequence[Partner], mentions: Sequence[Mention]) -> tuple[Partner, ...]:
    """The registry partners the mentions resolve to, with the networks they belong to, in registry order."""
    by_id = {partner.id: partner for partner in partners}
    wanted: set[str] = set()
    for mention in mentions:
        current = mention.partner_id
        while current is not None and current not in wanted:
            wanted.add(current)
            current = by_id[current].network_id
    return tuple(partner for partner in partners if partner.id in wanted)
