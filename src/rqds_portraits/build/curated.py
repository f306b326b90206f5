"""Reading an edition's curated file: what no parser can decide, each entry with its reason.

The curated file (``data/<edition>/curated.toml``) holds the edition's layout
vocabulary (section headings, footer labels) and every reading of the source
that code must not guess: notes that are not part of a block, titles written in
sentence case, the meaning of an amount, partner resolutions, agreements. Each
entry that decides something carries a ``why``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..errors import BuildError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["Table", "choice", "entries", "optional_str", "read_toml", "required_str"]

Table = dict[str, Any]


def read_toml(path: Path) -> Table:
    """Parse a TOML file, naming the file in any error."""
    try:
        with path.open("rb") as handle:
            table: Table = tomllib.load(handle)
            return table
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise BuildError(f"{path}: {error}") from None


def entries(table: Table, key: str) -> list[Table]:
    """The array of tables *key* (``[[key]]``), empty when absent."""
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise BuildError(f"curated: [[{key}]] must be an array of tables")
    return value


def required_str(entry: Table, key: str, where: str) -> str:
    """The non-empty string *key* of *entry*; *where* names the entry in the error."""
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise BuildError(f"curated {where}: {key!r} must be a non-empty string, got {value!r}")
    return value


def optional_str(entry: Table, key: str, where: str) -> str | None:
    """The string *key* of *entry*, or ``None`` when absent or empty."""
    value = entry.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BuildError(f"curated {where}: {key!r} must be a string, got {value!r}")
    return value


def choice(entry: Table, key: str, choices: tuple[str, ...], where: str, default: str | None = None) -> str:
    """The value *key* of *entry*, which must be one of *choices* (*default* when absent)."""
    value = entry.get(key, default)
    if value not in choices:
        raise BuildError(f"curated {where}: {key} must be one of {', '.join(choices)}, got {value!r}")
    return str(value)
