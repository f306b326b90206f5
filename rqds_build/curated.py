"""Reading an edition's curated file: what no parser can decide, each entry with its reason.

The curated file (``data/<edition>/curated.toml``) holds the edition's layout
vocabulary (section headings, footer labels, the words that make an amount or
a phrase need a reading) and every reading of the source that code must not
guess: notes that are not part of a block, titles written in sentence case,
the meaning of an amount, partner resolutions and roles, agreements. Each
entry that decides something carries a ``why`` or a ``note``. The file's
header documents every kind of entry.

Each ``[[kind]]`` entry read here knows its line in the file (:func:`line_of`),
so a problem names the entry where a maintainer will edit it. A value
``"TODO"`` (what ``python -m rqds_build new`` writes for each decision
to make) is refused by the build.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from rqds_portraits._errors import BuildError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = [
    "TODO",
    "Table",
    "choice",
    "entries",
    "key_line",
    "line_of",
    "optional_str",
    "read_toml",
    "required_str",
    "todos",
]

Table = dict[str, Any]
TODO = "TODO"
"""The value of a decision still to make; the build refuses it."""

_LINE = "__line__"  # where read_toml records an entry's line in its file
_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z_][\w.]*)\s*\]\]")


def read_toml(path: Path) -> Table:
    """Parse a TOML file, naming the file in any error; each ``[[kind]]`` entry knows its line."""
    try:
        text = path.read_text(encoding="utf-8")
        table: Table = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise BuildError(f"{path}: {error}") from None
    headers: dict[str, list[int]] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        match = _HEADER.match(line)
        if match:
            headers.setdefault(match[1], []).append(number)
    for kind, lines in headers.items():
        found = table.get(kind)
        if isinstance(found, list):
            for entry, number in zip(found, lines):
                if isinstance(entry, dict):
                    entry[_LINE] = number
    return table


def line_of(entry: Table) -> int:
    """The line of *entry* in its file (0 when it is not a ``[[kind]]`` entry)."""
    line = entry.get(_LINE, 0)
    return line if isinstance(line, int) else 0


def key_line(text: str, place: str) -> int:
    """The line of the key *place* (``"as_of"``, ``"conventions.footer_start"``) in the TOML *text*, 0 if not found."""
    section, _, key = place.rpartition(".")
    current = ""
    for number, line in enumerate(text.split("\n"), start=1):
        header = re.match(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$", line)
        if header:
            current = header[1]
        elif current == section and re.match(rf"^\s*\"?{re.escape(key)}\"?\s*=", line):
            return number
    return 0


def entries(table: Table, key: str) -> list[Table]:
    """The array of tables *key* (``[[key]]``), empty when absent."""
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise BuildError(f"curated: [[{key}]] must be an array of tables")
    return value


def todos(value: Any, path: str = "") -> list[str]:
    """The places (``amount[3].kind``) in *value* that still read ``"TODO"``."""
    if isinstance(value, str):
        return [path] if value.strip().startswith(TODO) else []
    if isinstance(value, dict):
        return [
            place
            for key, item in value.items()
            if key != _LINE
            for place in todos(item, f"{path}.{key}" if path else key)
        ]
    if isinstance(value, list):
        return [place for index, item in enumerate(value) for place in todos(item, f"{path}[{index}]")]
    return []


def required_str(entry: Table, key: str) -> str:
    """The non-empty string *key* of *entry*."""
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise BuildError(f"{key!r} must be a non-empty string, got {value!r}")
    return value


def optional_str(entry: Table, key: str) -> str | None:
    """The string *key* of *entry*, or ``None`` when absent or empty."""
    value = entry.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BuildError(f"{key!r} must be a string, got {value!r}")
    return value


def choice(entry: Table, key: str, choices: tuple[str, ...], default: str | None = None) -> str:
    """The value *key* of *entry*, which must be one of *choices* (*default* when absent)."""
    value = entry.get(key, default)
    if value not in choices:
        raise BuildError(f"{key} must be one of {', '.join(choices)}, got {value!r}")
    return str(value)
