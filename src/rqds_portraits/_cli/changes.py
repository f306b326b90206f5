"""The ``diff`` command: what changed between two revisions, filtered by territory, table and kind,
each change with its old and new values."""

from __future__ import annotations

import argparse
from typing import Any

from rqds_portraits._cli.text import WIDTH, count, ellipsis, shown_lines, table

__all__ = ["diff", "print_diff"]

_SHOWN = WIDTH - 12  # an old → new value beyond this is shortened in the text table; --json has it whole


def _territories(table_name: str, record: Any) -> tuple[str, ...]:
    """The territories a record belongs to, following its references (a mention belongs to its
    territory whatever its id; a partner to every territory whose portrait names it)."""
    if table_name == "territories":
        return (record.id,)
    if table_name == "partners":
        return tuple(record.territories)
    territory = getattr(record, "territory_id", None)
    return (territory,) if territory else ()


def diff(ds: Any, args: argparse.Namespace) -> Any:
    from rqds_portraits._changes import diff as compare
    from rqds_portraits._load import load
    from rqds_portraits._loading.codec import to_data

    old = load(args.edition, revision=args.old)
    new = load(args.edition, revision=args.new)
    territory = new.territory(args.territory).id if args.territory is not None else None
    rows = []
    for c in compare(old, new):
        if (args.table is not None and c.table not in args.table) or (
            args.kind is not None and c.kind not in args.kind
        ):
            continue
        record: Any = None
        if c.table not in ("edition", "source"):
            record = getattr(old if c.kind == "removed" else new, c.table).lookup(c.id)
        if territory is not None and (record is None or territory not in _territories(c.table, record)):
            continue
        fields = {f.field: {"old": to_data(f.old), "new": to_data(f.new)} for f in c.fields}
        lines = list(record.lines) if record is not None and c.table != "partners" else None
        rows.append(
            {"table": c.table, "old_id": c.old_id, "id": c.id, "kind": c.kind, "lines": lines, "fields": fields}
        )
    return rows


def _text(value: Any) -> str:
    if isinstance(value, dict) and "year" in value:  # a date, as JSON: 2010-11-12
        return "-".join(f"{value[k]:02d}" for k in ("year", "month", "day") if value.get(k) is not None)
    if isinstance(value, dict) and "start" in value and "end" in value:  # a period: 2013-2016, ?-2016
        return "-".join("?" if value[k] is None else str(value[k]) for k in ("start", "end"))
    return value if isinstance(value, str) else "none" if value is None else str(value)


def _item(value: Any) -> str:
    """One item of a list, as a reader knows it: a web address by its address, a record by its text."""
    if isinstance(value, dict):
        for key in ("url", "text", "id"):
            if isinstance(value.get(key), str):
                return str(value[key])
    return _text(value)


def _shortened(old: str, new: str) -> tuple[str, str]:
    """*old* and *new* cut to fit a line, around where they first differ."""
    half = _SHOWN // 2
    if len(old) <= half and len(new) <= half:
        return old, new
    start = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    start = max(start - 12, 0)

    mark = ellipsis()

    def cut(text: str) -> str:
        part = (mark if start else "") + text[start:]
        return part if len(part) <= half else part[: half - len(mark)] + mark

    return cut(old), cut(new)


def _field(name: str, change: dict[str, Any], wide: bool) -> str:
    old, new = change["old"], change["new"]
    if isinstance(old, list) and isinstance(new, list):
        added = [_item(v) for v in new if v not in old]
        removed = [_item(v) for v in old if v not in new]
        minus = "−" if ellipsis() == "…" else "-"
        parts = [f"+ {', '.join(added)}" if added else "", f"{minus} {', '.join(removed)}" if removed else ""]
        return f"{name}: {'; '.join(p for p in parts if p) or 'the same, reordered'}"
    a, b = (_text(old), _text(new)) if wide else _shortened(_text(old), _text(new))
    return f"{name}: {a} → {b}"


def print_diff(rows: Any, wide: bool) -> str:
    if not rows:
        return "no changes: the two revisions hold the same records (or none that the filters keep)"
    # A reassigned record shows its old and new id on its row; each changed field goes on a line under it,
    # with its old and new value (shortened unless --wide; --json gives them whole).
    shown = [
        {
            **row,
            "id": f"{row['old_id']} → {row['id']}" if row["kind"] == "reassigned" else row["id"],
            "line": shown_lines(row["lines"]) if row["lines"] else "",
            "fields": [_field(name, change, wide) for name, change in row["fields"].items()],
        }
        for row in rows
    ]
    return table(shown, ["table", "kind", "line", "id"], wide, details="fields") + f"\n{count(len(rows), 'change')}"
