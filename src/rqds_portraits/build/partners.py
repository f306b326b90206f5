"""Reading the curated partner registry (``data/partners.toml``) into :class:`~rqds_portraits.Partner` records.

The registry is shared by every edition: one ``[[partner]]`` per organisation,
with its official name, the acronyms and other forms the sources write, its
kind, scope, territories, network and renames. Checks here keep it coherent
(unique ids, known kinds, networks that exist).
"""

from __future__ import annotations

import typing
from pathlib import Path

from ..errors import BuildError
from ..registry import Partner, PartnerKind, PartnerScope, Rename
from ..text import slug
from .curated import Table, entries, optional_str, read_toml, required_str

__all__ = ["read_registry"]

_KINDS = typing.get_args(PartnerKind)
_SCOPES = typing.get_args(PartnerScope)


def read_registry(path: Path) -> tuple[Partner, ...]:
    """Every partner of the registry file, in file order."""
    partners = tuple(_partner(entry) for entry in entries(read_toml(path), "partner"))
    ids = [partner.id for partner in partners]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise BuildError(f"{path}: the partner ids {duplicates} are used twice")
    for partner in partners:
        if partner.network_id is not None and partner.network_id not in ids:
            raise BuildError(f"{path}: partner {partner.id!r} names the unknown network {partner.network_id!r}")
    return partners


def _partner(entry: Table) -> Partner:
    partner_id = required_str(entry, "id", "[[partner]]")
    where = f"[[partner]] {partner_id!r}"
    if slug(partner_id) != partner_id:
        raise BuildError(f"registry {where}: an id is a lowercase slug such as {slug(partner_id)!r}")
    kind = entry.get("kind")
    if kind not in _KINDS:
        raise BuildError(f"registry {where}: kind {kind!r} is not one of {', '.join(_KINDS)}")
    scope = entry.get("scope")
    if scope not in _SCOPES:
        raise BuildError(f"registry {where}: scope {scope!r} is not one of {', '.join(_SCOPES)}")
    count = entry.get("count")
    if count is not None and (not isinstance(count, int) or count < 1):
        raise BuildError(f"registry {where}: count must be a positive integer")
    return Partner(
        id=partner_id,
        name=required_str(entry, "name", where),
        acronyms=_strings(entry, "acronyms", where),
        variants=_strings(entry, "variants", where),
        kind=typing.cast(PartnerKind, kind),
        scope=typing.cast(PartnerScope, scope),
        territories=_strings(entry, "territories", where),
        network_id=optional_str(entry, "network", where),
        collective=bool(entry.get("collective", False)),
        count=count,
        renames=tuple(_rename(item, where) for item in entry.get("renames", [])),
        note=optional_str(entry, "note", where),
    )


def _strings(entry: Table, key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise BuildError(f"registry {where}: {key} must be a list of non-empty strings")
    return tuple(value)


def _rename(item: Table, where: str) -> Rename:
    year = item.get("year")
    if not isinstance(year, int):
        raise BuildError(f"registry {where}: a rename needs its year")
    return Rename(
        year=year,
        old_name=required_str(item, "old_name", where),
        new_name=required_str(item, "new_name", where),
        old_acronym=optional_str(item, "old_acronym", where),
        new_acronym=optional_str(item, "new_acronym", where),
    )
