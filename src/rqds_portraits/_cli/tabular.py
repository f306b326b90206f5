"""``--format csv`` and ``--format tsv``: a command's table for spreadsheets, in the JSON's field names."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

__all__ = ["FORMATS", "delimited"]

FORMATS = ("text", "csv", "tsv")
"""What ``--format`` accepts: the text table (the default), or comma- or tab-separated values."""

_ROWS = ("lines", "mentions", "initiatives", "amounts", "sections")
"""The field holding a command's table when its JSON is one object (source, partner, show, funding)."""


def _rows(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [row if isinstance(row, dict) else {"value": row} for row in data]
    if isinstance(data, dict) and data and all(isinstance(value, dict) for value in data.values()):
        return [{"territory_id": key, **value} for key, value in data.items()]  # funding --by territory
    if isinstance(data, dict):
        for field in _ROWS:
            if isinstance(data.get(field), list) and all(isinstance(row, dict) for row in data[field]):
                return list(data[field])
        return [data]
    return [{"value": data}]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return f"{value[0]}-{value[1]}" if value[0] != value[1] else str(value[0])  # lines
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def delimited(data: Any, separator: str) -> str:
    """The rows of a command's *data* (what ``--json`` prints) as CSV or TSV, with a header row; lists
    of texts joined with "; ", line ranges as "first-last", other nested values as JSON."""
    rows = _rows(data)
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)).replace("\t", " ") for column in columns])
    return out.getvalue().rstrip("\n")
