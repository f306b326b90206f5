"""Reading the curated partner registry (``data/partners.toml``) into :class:`~rqds_portraits.Partner` records.

The registry is shared by every edition: one ``[[partner]]`` per organisation,
with its official name, the acronyms and other forms the sources write (proper
names in ``acronyms`` and ``variants``; common nouns and acronyms shared by
several bodies in ``portrait_forms``), its kind, scope, territories, network
and renames. Checks here keep it coherent (unique ids, known kinds, networks
that exist, a form shared by several partners written as a portrait form of
each), and every problem is recorded against the entry's line.
"""

from __future__ import annotations

import typing
from pathlib import Path

from rqds_build.curated import Table, entries, line_of, optional_str, read_toml, required_str
from rqds_build.problems import Problems
from rqds_portraits._errors import BuildError
from rqds_portraits._records.partners import PARTNER_KINDS, PARTNER_SCOPES, Partner, PartnerKind, PartnerScope, Rename
from rqds_portraits._text import slug

__all__ = ["read_registry"]


def read_registry(path: Path, problems: Problems) -> tuple[Partner, ...]:
    """Every partner of the registry file, in file order (problems recorded against their entries)."""
    where = path.name
    try:
        found = entries(read_toml(path), "partner")
    except BuildError as error:
        problems.add(where, 0, str(error))
        return ()
    partners: list[Partner] = []
    lines: dict[str, int] = {}
    for entry in found:
        with problems.entry(where, line_of(entry), f"[[partner]] {entry.get('id')!r}"):
            partner = _partner(entry)
            if partner.id in lines:
                raise BuildError(f"the id {partner.id!r} is also on line {lines[partner.id]}")
            lines[partner.id] = line_of(entry)
            partners.append(partner)
    shared: dict[str, list[Partner]] = {}
    for partner in partners:
        for form in dict.fromkeys((*partner.acronyms, *partner.variants)):
            shared.setdefault(form, []).append(partner)
    for partner in partners:
        with problems.entry(where, lines[partner.id], f"[[partner]] {partner.id!r}"):
            if partner.network_id is not None and partner.network_id not in lines:
                raise BuildError(f"names the unknown network {partner.network_id!r}")
            for form in (*partner.acronyms, *partner.variants):
                others = [p.id for p in shared[form] if p is not partner]
                if others:
                    raise BuildError(
                        f"{form!r} names several partners ({', '.join(others)} too): a proper name names one body; "
                        "write it in portrait_forms of each"
                    )
    return tuple(partners)


def _partner(entry: Table) -> Partner:
    partner_id = required_str(entry, "id")
    if slug(partner_id) != partner_id:
        raise BuildError(f"an id is a lowercase slug such as {slug(partner_id)!r}")
    kind = entry.get("kind")
    if kind not in PARTNER_KINDS:
        raise BuildError(f"kind {kind!r} is not one of {', '.join(PARTNER_KINDS)}")
    scope = entry.get("scope")
    if scope not in PARTNER_SCOPES:
        raise BuildError(f"scope {scope!r} is not one of {', '.join(PARTNER_SCOPES)}")
    count = entry.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise BuildError("count must be a positive integer")
    territories = _strings(entry, "territories")
    portrait_forms = _strings(entry, "portrait_forms")
    if portrait_forms and not territories:
        raise BuildError("portrait_forms name the body inside the portraits of its territories: give its territories")
    return Partner(
        id=partner_id,
        name=required_str(entry, "name"),
        acronyms=_strings(entry, "acronyms"),
        variants=_strings(entry, "variants"),
        portrait_forms=portrait_forms,
        kind=typing.cast(PartnerKind, kind),
        scope=typing.cast(PartnerScope, scope),
        territories=territories,
        network_id=optional_str(entry, "network"),
        collective=bool(entry.get("collective", False)),
        count=count,
        renames=tuple(_rename(item) for item in entry.get("renames", [])),
        note=optional_str(entry, "note"),
    )


def _strings(entry: Table, key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise BuildError(f"{key} must be a list of non-empty strings")
    return tuple(value)


def _rename(item: Table) -> Rename:
    year = item.get("year")
    if not isinstance(year, int):
        raise BuildError("a rename needs its year")
    return Rename(
        year=year,
        old_name=required_str(item, "old_name"),
        new_name=required_str(item, "new_name"),
        old_acronym=optional_str(item, "old_acronym"),
        new_acronym=optional_str(item, "new_acronym"),
    )
