"""The ``show`` command: any id the package prints (or a territory's or partner's name), one
resolver across kinds, each record with the source lines it was read from."""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from rqds_portraits._cli.text import WIDTH, shown_lines, table
from rqds_portraits._errors import AmbiguousId, NotFound, RecordNotFound, shown

__all__ = ["KINDS", "print_show", "resolve", "show"]

KINDS = {
    "territories": "territory",
    "initiatives": "initiative",
    "ententes": "entente",
    "amounts": "amount",
    "mentions": "mention",
    "partners": "partner",
    "periods": "period",
    "dates": "date",
    "source_notes": "source note",
}
"""The tables whose ids ``show`` takes, and the kind each record is called in its output."""

_SOURCE_LINES = 12  # a record written on more lines shows its first ones (--wide: all)


def resolve(ds: Any, key: str) -> tuple[str, Any]:
    """The table and record *key* names: an id of any kind (case and accents forgiven), else a
    territory's name, heading or region number, else a partner's name or acronym.

    Raises :class:`~rqds_portraits.AmbiguousId` when it names records of several kinds, the
    territory lookup's :class:`~rqds_portraits.AmbiguousTerritory` for a region of several
    territories, and :class:`~rqds_portraits.RecordNotFound` with the closest ids and names of
    every kind when it names nothing.
    """
    found: dict[tuple[str, str], Any] = {}
    for table_name in KINDS:
        try:
            record = getattr(ds, table_name).get(key)
        except NotFound:  # an id that folds to several of one table: said by that table
            raise
        if record is not None:
            found[(table_name, record.id)] = record
    if not found:
        for table_name, lookup in (("territories", ds.territory), ("partners", ds.partner)):
            try:
                record = lookup(key)
            except NotFound:
                continue
            found[(table_name, record.id)] = record
    if len(found) > 1:
        named = ", ".join(f"{KINDS[table_name]} {record_id!r}" for table_name, record_id in found)
        raise AmbiguousId(f"{shown(key)} names records of several kinds: {named}; give the id of the one meant")
    if found:
        ((table_name, _), record), *_ = found.items()
        return table_name, record
    from rqds_portraits._text import closest

    names = [t.name for t in ds.territories] + [p.name for p in ds.partners]
    ids = [record.id for table_name in KINDS for record in getattr(ds, table_name)]
    near = closest(key, names + ids, limit=3) if isinstance(key, str) else []
    hint = f"; did you mean {', '.join(map(repr, near))}?" if near else ""
    raise RecordNotFound(
        f"no record {shown(key)} in edition {ds.edition}: not the id of a territory, initiative, entente, amount, "
        f"mention, partner, period, date or source note, nor a territory's or partner's name{hint}"
    )


def _lines(lines: tuple[int, int]) -> list[int]:
    return [lines[0], lines[1]]


def _source(ds: Any, lines: tuple[int, int]) -> list[dict[str, Any]]:
    text = ds.render().split("\n")
    return [{"number": n, "text": text[n - 1]} for n in range(lines[0], lines[1] + 1)]


def show(ds: Any, args: argparse.Namespace) -> Any:
    """The record *args.key* names, as JSON-ready data: its kind, its fields, its source lines."""
    table_name, record = resolve(ds, args.key)
    if table_name == "territories":
        return _territory(ds, record)
    if table_name == "initiatives":
        return _initiative(ds, record)
    from rqds_portraits._loading.codec import to_data

    fields = {k: v for k, v in to_data(record).items() if k not in ("id", "lines", "span")}
    data: dict[str, Any] = {"kind": KINDS[table_name], "id": record.id, "fields": fields}
    if table_name == "partners":
        found = ds.by_partner(record.id)
        data["lines"] = None
        data["mentions"] = [
            {"id": m.mention.id, "roles": list(m.roles), "text": m.text, "lines": _lines(m.lines)} for m in found
        ]
        data["source"] = []
        return data
    data["lines"] = _lines(record.lines)
    if hasattr(record, "span"):
        data["span"] = list(record.span)
    data["source"] = _source(ds, record.lines)
    return data


def _initiative(ds: Any, initiative: Any) -> dict[str, Any]:
    return {
        "kind": "initiative",
        "id": initiative.id,
        "territory_id": initiative.territory_id,
        "title": initiative.title,
        "label": initiative.label,
        "lines": _lines(initiative.lines),
        "sections": [
            {
                "kind": s.kind,
                "heading": s.heading,
                "lines": _lines(s.lines),
                "elements": [e.prefix + e.text for e in s.elements],
            }
            for s in initiative.sections
        ],
    }


def _territory(ds: Any, territory: Any) -> dict[str, Any]:
    return {
        "kind": "territory",
        "leadership": _leadership(ds, territory.id),
        "id": territory.id,
        "region_number": territory.region_number,
        "name": territory.name,
        "heading": territory.heading,
        "websites": [w.url for w in territory.websites],
        "notes": [n.text for n in territory.notes],
        "lines": _lines(territory.lines),
        "initiatives": [
            {"id": i.id, "label": i.label, "lines": _lines(i.lines)} for i in ds.initiatives_in(territory.id)
        ],
    }


def _leadership(ds: Any, territory_id: str) -> list[dict[str, Any]]:
    """Who holds the leadership of each block, as its Leadership section writes it, with the bodies named there."""
    found = []
    for initiative in ds.initiatives_in(territory_id):
        section = initiative.section("leadership")
        if section is None:
            continue
        first, last = section.lines
        named = [m for m in ds.mentions if m.initiative_id == initiative.id and first <= m.lines[0] <= last]
        found.append(
            {
                "initiative_id": initiative.id,
                "elements": [e.prefix + e.text for e in section.elements],
                "lines": _lines(section.lines),
                "mentions": [{"id": m.id, "text": m.text, "roles": list(m.roles)} for m in named],
            }
        )
    return found


def _wrapped(text: str, wide: bool, indent: str = "") -> list[str]:
    if wide or len(indent + text) <= WIDTH:
        return [indent + text]
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ") or [indent]


def _value(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value) if value else "none"
    if isinstance(value, dict) and "year" in value:  # a date: 2016-09-30
        return "-".join(f"{value[k]:02d}" for k in ("year", "month", "day") if value.get(k) is not None)
    if isinstance(value, dict) and "start" in value and "end" in value:  # a period: 2013-2016, ?-2016
        return "-".join("?" if value[k] is None else str(value[k]) for k in ("start", "end"))
    return str(value)


def print_show(data: Any, wide: bool) -> str:
    if data["kind"] == "initiative":
        return _print_initiative(data, wide)
    if data["kind"] == "territory":
        return _print_territory(data, wide)
    where = f", lines {shown_lines(data['lines'])}" if data["lines"] else ""
    out = [f"{data['kind']} {data['id']}{where}"]
    for name, value in data["fields"].items():
        out += _wrapped(f"{name}: {_value(value)}", wide, "  ")
    if data["source"]:
        out += ["", "as the source writes it:"]
        rows = data["source"] if wide else data["source"][:_SOURCE_LINES]
        width = len(str(rows[-1]["number"]))
        for line in rows:
            out += _wrapped(f"{line['number']:>{width}}  {line['text']}".rstrip(), wide)
        if len(rows) < len(data["source"]):
            out.append(f"… {len(data['source']) - len(rows)} more lines (--wide shows them)")
    if "mentions" in data:
        rows = [{**m, "roles": ", ".join(m["roles"]), "line": shown_lines(m["lines"])} for m in data["mentions"]]
        out += ["", f"named {len(rows)} times in the portraits:", table(rows, ["id", "line", "roles", "text"], wide)]
    return "\n".join(out)


def _print_initiative(data: Any, wide: bool) -> str:
    out = [f"{data['id']}  ({data['territory_id']}, lines {shown_lines(data['lines'])})"]
    if data["title"]:
        out += _wrapped(data["title"], wide)
    for section in data["sections"]:
        out += ["", *_wrapped(section["heading"], wide)]
        for element in section["elements"]:
            out += _wrapped(element, wide)
    return "\n".join(out)


def _print_territory(data: Any, wide: bool) -> str:
    head = [f"{data['region_number']} | {data['name']}  ({data['id']}, lines {shown_lines(data['lines'])})"]
    head += [f"web: {url}" for url in data["websites"]] + [f"note: {note}" for note in data["notes"]]
    rows = [{**row, "lines": shown_lines(row["lines"])} for row in data["initiatives"]]
    leaders = [
        {
            "initiative_id": lead["initiative_id"],
            "lines": shown_lines(lead["lines"]),
            "written": [
                *lead["elements"],
                *(f"names {m['text']} ({', '.join(m['roles'])}; {m['id']})" for m in lead["mentions"]),
            ],
        }
        for lead in data["leadership"]
    ]
    leadership = "\n\nleadership, as each block's Leadership section writes it:\n" + table(
        leaders, ["initiative_id", "lines"], wide, details="written"
    )
    head = [part for line in head for part in _wrapped(line, wide)]
    return "\n".join(head) + "\n\n" + table(rows, ["id", "lines", "label"], wide) + (leadership if leaders else "")
