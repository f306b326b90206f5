"""The commands that show the evidence: ``source`` (the verbatim lines, with the records written on
them) and ``mentions`` (the organisations named, with their roles and lines)."""

from __future__ import annotations

import argparse
import re
from typing import Any

from rqds_portraits._arguments import choices
from rqds_portraits._cli.text import count, shown_lines, table
from rqds_portraits._errors import InvalidArgument, shown
from rqds_portraits._records.annotations import ROLES

__all__ = ["mentions", "print_mentions", "print_source", "source"]

_RANGE = r"^([0-9]{1,5})(?:\s*-\s*([0-9]{1,5}))?$"
_WRITTEN = ("periods", "dates", "amounts", "mentions", "source_notes")
_NAMED_AT = ("territories", "initiatives", "ententes")


def _line_range(ds: Any, args: argparse.Namespace) -> tuple[int, int]:
    last = ds.source.line_count
    if args.territory is not None:
        if args.lines is not None:
            raise InvalidArgument("give LINE[-LINE] or --territory, not both")
        first, end = ds.territory(args.territory).lines
        return first, end
    if args.lines is None:
        raise InvalidArgument(f"give the lines to print, such as 718 or 715-720 (1 to {last}), or --territory")
    match = re.match(_RANGE, args.lines.strip()) if args.lines.isascii() else None
    if match is None:
        raise InvalidArgument(
            f"lines {shown(args.lines)}: expected LINE or FIRST-LAST in ASCII digits, such as 715-720"
        )
    first, end = int(match[1]), int(match[2] or match[1])
    if not 1 <= first <= end <= last:
        raise InvalidArgument(f"lines {shown(args.lines)}: the source has lines 1 to {last}, the first before the last")
    return first, end


def _record(table: str, record: Any) -> dict[str, Any]:
    found: dict[str, Any] = {"table": table, "id": record.id}
    if table in _WRITTEN:
        found |= {"text": record.text, "span": list(record.span)}
    if table == "mentions":
        found |= {"roles": list(record.roles), "partner_id": record.partner_id}
    elif table == "amounts":
        found |= {"value": str(record.value), "kind": record.kind, "share_of": record.share_of}
    elif table == "ententes":
        found |= {"title": record.title, "status": record.status, "lines": list(record.lines)}
    elif table == "source_notes":
        found["note"] = record.note
    elif table == "initiatives":
        found["label"] = record.label
    elif table == "territories":
        found["name"] = record.name
    return found


def source(ds: Any, args: argparse.Namespace) -> Any:
    """The verbatim lines asked for, each with the records written on it (those that start there)."""
    first, last = _line_range(ds, args)
    text = ds.render().split("\n")
    on: dict[int, list[dict[str, Any]]] = {}
    for name in (*_NAMED_AT, *_WRITTEN):
        for record in getattr(ds, name):
            line = record.lines[0]
            if first <= line <= last:
                on.setdefault(line, []).append(_record(name, record))
    for records in on.values():
        records.sort(key=lambda r: (r.get("span", [-1])[0], r["table"] not in _NAMED_AT))
    return {
        "edition": ds.edition,
        "revision": ds.revision,
        "lines": [{"number": n, "text": text[n - 1], "records": on.get(n, [])} for n in range(first, last + 1)],
    }


def _label(record: dict[str, Any]) -> str:
    table, record_id = record["table"], record["id"]
    if table == "mentions":
        partner = f"; partner {record['partner_id']}" if record["partner_id"] else ""
        return f"mention {record_id} « {record['text']} » ({', '.join(record['roles'])}{partner})"
    if table == "amounts":
        share = f"; a share of {record['share_of']}" if record["share_of"] else ""
        return f"amount {record_id} « {record['text']} » ({record['kind']}{share})"
    if table == "ententes":
        return f"entente {record_id} « {record['title']} » ({record['status']}; lines {shown_lines(record['lines'])})"
    if table == "source_notes":
        return f"source note {record_id} « {record['text']} »: {record['note']}"
    if table == "initiatives":
        return f"initiative {record_id}: {record['label']}"
    if table == "territories":
        return f"territory {record_id}: {record['name']}"
    return f"{table[:-1]} {record_id} « {record['text']} »"


def print_source(data: Any, wide: bool) -> str:
    import textwrap

    width = len(str(data["lines"][-1]["number"]))
    out = []
    for line in data["lines"]:
        written = f"{line['number']:>{width}}  {line['text']}".rstrip()
        # A long line wraps under its text (its words as written); --wide keeps it on one line.
        out += (
            [written]
            if wide or len(written) <= 100
            else textwrap.wrap(written, 100, subsequent_indent=" " * (width + 2))
        )
        for record in line["records"]:
            label = "  " + " " * width + "↳ " + _label(record)
            out += [label] if wide else textwrap.wrap(label, 100, subsequent_indent=" " * (width + 6))
    return "\n".join(out)


def mentions(ds: Any, args: argparse.Namespace) -> Any:
    """The mentions that match every filter given, in document order."""
    territory = ds.territory(args.territory).id if args.territory is not None else None
    initiative = ds.initiative(args.initiative).id if args.initiative is not None else None
    roles = choices(args.role, ROLES, "roles")
    partner = ds.partner(args.partner, territory=territory).id if args.partner is not None else None
    found = [
        m
        for m in ds.mentions
        if (territory is None or m.territory_id == territory)
        and (initiative is None or m.initiative_id == initiative)
        and (roles is None or roles & set(m.roles))
        and (partner is None or m.partner_id == partner)
    ]
    return [
        {"id": m.id, "territory_id": m.territory_id, "initiative_id": m.initiative_id, "roles": list(m.roles),
         "partner_id": m.partner_id, "text": m.text, "lines": [m.lines[0], m.lines[1]], "span": list(m.span),
         "note": m.note}
        for m in found
    ]  # fmt: skip


def print_mentions(rows: Any, wide: bool) -> str:
    shown_rows = [{**row, "roles": ", ".join(row["roles"]), "line": shown_lines(row["lines"])} for row in rows]
    return f"{count(len(rows), 'mention')}\n" + table(shown_rows, ["id", "line", "roles", "partner_id", "text"], wide)
