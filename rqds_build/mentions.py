"""Organisation mentions: every written form of a registry partner found in the portraits.

The forms are the registry's acronyms, variants and portrait forms, matched
exactly (case and accents count) as whole words, the longest first, without
overlaps. A portrait form (a common noun such as "Ville", or an acronym shared
by several bodies such as "ASSSL") is matched only in the portraits of its
partner's territories. A form that several partners share ("CRÉ", "Centraide")
resolves to the partner of the mention's territory, else to the one Québec-wide
partner. The roles come from the section: Leadership gives ``"leader"``,
Membres du comité ``"member"``, elsewhere ``"mentioned"``.

The curated file completes what matching cannot do, each entry with its reason:
``[[mention_role]]`` gives the role, or the roles, of the mentions inside a
passage ("Membres observateurs : …" are observers; ``text`` narrows it to one
mention); a mention inside several such passages holds all their roles, in the
order of :data:`~rqds_portraits.ROLES`, unless an entry names that one
mention (``text``), whose roles then replace the passages'. ``[[mention]]`` adds, resolves
or annotates one mention (a body named in a shared list, "du Granit"; a vague
one, with a note and no partner; a member that had resigned, with a note);
A curated mention resolves to a body of its own territory, a Québec-wide one,
or one whose territory its text names ("de l’Estrie"); a passage is read by
one entry. ``[[not_a_mention]]`` drops a form that names no organisation there
("territoires de MRC" is a place). ``line`` picks the line when the words of
``at`` occur on several.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rqds_build.context import BuildContext, anchored
from rqds_build.curated import Table, line_of, optional_str, required_str
from rqds_build.extract import TextUnit
from rqds_portraits._errors import BuildError
from rqds_portraits._records.annotations import ROLES, Mention, Role
from rqds_portraits._records.partners import Partner
from rqds_portraits._text import slug

__all__ = ["DEFAULT_ROLES", "find_mentions", "mentioned_partners"]

DEFAULT_ROLES: dict[str, Role] = {"leadership": "leader", "members": "member"}

Span = tuple[int, int]


def _forms(partners: Sequence[Partner]) -> dict[str, list[Partner]]:
    forms: dict[str, list[Partner]] = defaultdict(list)
    for partner in partners:
        for form in dict.fromkeys((*partner.acronyms, *partner.variants, *partner.portrait_forms)):
            forms[form].append(partner)
    return forms


def _pattern(forms: dict[str, list[Partner]]) -> re.Pattern[str]:
    # Longest first, so at each position the longest written form wins.
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _resolve(form: str, candidates: list[Partner], territory: str) -> Partner | None:
    usable = [p for p in candidates if form not in p.portrait_forms or territory in p.territories]
    if len(usable) == 1:
        return usable[0]
    local = [p for p in usable if territory in p.territories]
    if len(local) == 1:
        return local[0]
    national = [p for p in usable if p.scope in ("quebec", "canada")]
    return national[0] if not local and len(national) == 1 else None


def _roles(entry: Table) -> tuple[Role, ...]:
    """The role (``role = "…"``) or roles (``roles = […]``) an entry gives."""
    given = entry.get("roles", [entry["role"]] if "role" in entry else None)
    if not isinstance(given, list) or not given or any(role not in ROLES for role in given):
        raise BuildError(f"give role = one of {', '.join(ROLES)}, or roles = a list of them; got {given!r}")
    return tuple(role for role in ROLES if role in given)


def _checked(roles: set[Role]) -> tuple[Role, ...]:
    ordered = tuple(role for role in ROLES if role in roles)
    if "mentioned" in ordered and len(ordered) > 1:
        raise BuildError(f"'mentioned' never goes with another role, got {ordered}")
    return ordered


def find_mentions(ctx: BuildContext, units: Sequence[TextUnit], partners: Sequence[Partner]) -> tuple[Mention, ...]:
    """Every organisation mention of the portraits, in document order."""
    by_id = {partner.id: partner for partner in partners}
    forms = _forms(partners)
    pattern = _pattern(forms)

    def passage(entry: Table) -> tuple[tuple[int, Span], Table]:
        required_str(entry, "why")
        _roles(entry)
        unit, span, _ = anchored(units, entry)
        return (unit.line, span), entry

    def place(entry: Table) -> tuple[tuple[int, Span], Table]:
        required_str(entry, "why")
        unit, span, _ = anchored(units, entry)
        return (unit.line, span), entry

    def mention(entry: Table) -> tuple[tuple[int, Span], Table]:
        partner = entry.get("partner")
        if partner == "":
            required_str(entry, "note")  # too vague to resolve: say why
        elif partner not in by_id:
            raise BuildError(f"partner {partner!r} is not in the registry")
        else:
            required_str(entry, "why")
            body, territory = by_id[partner], entry.get("territory")
            written = slug(str(entry.get("text", entry.get("at", ""))))
            if (
                territory not in body.territories
                and body.scope not in ("quebec", "canada")
                and not any(own in written for own in body.territories)
            ):
                raise BuildError(
                    f"partner {partner!r} is a {body.scope} body of {', '.join(body.territories) or 'no territory'}, "
                    f"not of {territory!r}: a mention resolves to a body of its territory or a Québec-wide one "
                    "(or to one whose territory its text names)"
                )
        unit, span, _ = anchored(units, entry)
        return (unit.line, span), entry

    passages = [
        (line, span, _roles(entry), "text" in entry)
        for (line, span), entry in _once(ctx, "mention_role", ctx.each("mention_role", passage)).items()
    ]
    dropped = _once(ctx, "not_a_mention", ctx.each("not_a_mention", place))
    explicit = _once(ctx, "mention", ctx.each("mention", mention))

    found: list[tuple[TextUnit, Span, str, str | None, tuple[Role, ...], str | None]] = []
    for unit in units:
        for match in pattern.finditer(unit.text):
            span = (unit.column + match.start(), unit.column + match.end())
            key = (unit.line, span)
            if key in dropped:
                del dropped[key]
                continue
            if key in explicit:
                continue  # the curated entry decides
            partner = _resolve(match[0], forms[match[0]], unit.territory_id)
            if partner is None:
                if all(match[0] in p.portrait_forms for p in forms[match[0]]):
                    continue  # a common noun of other portraits: no body here
                choices = ", ".join(p.id for p in forms[match[0]])
                ctx.in_source(
                    unit.line,
                    f"{match[0]!r} in {unit.territory_id!r} may be any of {choices}; resolve it with a curated [[mention]]",
                )
                continue
            found.append((unit, span, match[0], partner.id, (), None))
    for entry in dropped.values():
        ctx.problems.add(
            ctx.curated_file, line_of(entry), "no written form of a partner is there: the source or the registry may have changed",
            f"[[not_a_mention]] {entry.get('text')!r}",
        )  # fmt: skip

    unit_of = {unit.line: unit for unit in units}
    for (line, span), entry in explicit.items():
        unit = unit_of[line]
        text = unit.text[span[0] - unit.column : span[1] - unit.column]
        written_roles = _roles(entry) if "role" in entry or "roles" in entry else ()
        found.append((unit, span, text, entry["partner"] or None, written_roles, optional_str(entry, "note")))

    found.sort(key=lambda item: (item[0].line, item[1]))
    counters: dict[str, int] = defaultdict(int)
    mentions = []
    for unit, span, text, partner_id, given, note in found:
        scope = unit.initiative_id or unit.territory_id
        counters[scope] += 1
        with ctx.problems.entry(ctx.source_file, unit.line, f"mention {text!r}"):
            covering = [
                (roles, single)
                for line, (start, end), roles, single in passages
                if line == unit.line and start <= span[0] and span[1] <= end
            ]
            single = {role for held, one in covering if one for role in held}
            roles: set[Role] = set(given) or single or {role for held, _ in covering for role in held}
            if not roles:
                roles = {DEFAULT_ROLES.get(unit.section or "", "mentioned")}
            mentions.append(
                Mention(
                    id=f"{scope}-m{counters[scope]}",
                    text=text,
                    roles=_checked(roles),
                    partner_id=partner_id,
                    territory_id=unit.territory_id,
                    initiative_id=unit.initiative_id,
                    lines=(unit.line, unit.line),
                    span=span,
                    note=note,
                )
            )
    return tuple(mentions)


def _once(ctx: BuildContext, kind: str, found: list[tuple[tuple[int, Span], Table]]) -> dict[tuple[int, Span], Table]:
    """The entries of *kind* by passage; a passage given twice is a problem at the second entry."""
    by_place: dict[tuple[int, Span], Table] = {}
    for key, entry in found:
        if key in by_place:
            ctx.problems.add(
                ctx.curated_file,
                line_of(entry),
                f"the passage of line {key[0]} is given twice: the entry on line {line_of(by_place[key])} reads it already",
                f"[[{kind}]] {entry.get('text') or entry.get('at')!r}",
            )
            continue
        by_place[key] = entry
    return by_place


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
