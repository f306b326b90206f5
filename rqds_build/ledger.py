"""The ledger of an edition's ids: every id ever published, what it denotes, and when it was retired.

An id, once published, names one record forever (see
:mod:`rqds_portraits._records.identity` for what makes two readings the same
record). The build keeps that promise in three steps:

- :func:`stable_ids` gives each record of the revision being built the id its
  record had in the latest published revision; a record new to this revision
  gets an id never issued before in the edition (its number follows the highest
  ever issued in its block, so an id's number no longer says its order);
- it refuses an agreement or a named record whose curated id was published for
  another record, or was retired, and a published id that this revision drops
  without a ``[[retired]]`` entry (with its successors and why);
- :func:`ledger` writes ``data/<edition>/ids.json``: for every id ever
  published, the revisions in which it denoted each record (where it is written
  and its text), the id a record continued under when it got another one
  (``then``), and, for a retired id, the revision that retired it and its
  successors. Revision 1 → 2 reassigned ids before this rule existed: the ledger
  records each as an id with two meanings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from rqds_build.context import BuildContext
from rqds_build.curated import Table, entries, line_of
from rqds_build.problems import Problems
from rqds_portraits._errors import BuildError
from rqds_portraits._records.edition import RECORD_TABLES, EditionRecords
from rqds_portraits._records.identity import WRITTEN, Place, match, places, same_place

__all__ = ["LEDGER_FILE", "Retirement", "ledger", "retirements", "stable_ids"]

LEDGER_FILE = "ids.json"
LEDGER_LAYOUT = 1
_NUMBERED = re.compile(r"^(.*-[a-z])([0-9]+)$")  # laval-08-m5: block "laval-08", letter "m", number 5

_REFERENCES: dict[str, dict[str, str]] = {
    "amounts": {"period_id": "periods", "share_of": "amounts"},
    "ententes": {"period_ids": "periods", "date_ids": "dates", "amount_ids": "amounts", "mention_ids": "mentions"},
}
"""Which fields of which records hold ids of the written tables, whose ids the build assigns."""


@attrs.frozen
class Retirement:
    """A ``[[retired]]`` entry: *id* of *table* has no record from *revision* on; *successors* carry it on."""

    table: str
    id: str
    revision: int
    successors: tuple[str, ...]
    why: str
    line: int


def retirements(curated: Table, where: str, problems: Problems) -> list[Retirement]:
    """The ``[[retired]]`` entries of the *curated* file (named *where* in problems), each checked."""
    found = []
    for entry in entries(curated, "retired"):
        with problems.entry(where, line_of(entry), f"[[retired]] {entry.get('id')!r}"):
            table, record_id, revision = entry.get("table"), entry.get("id"), entry.get("revision")
            successors, why = entry.get("successors", []), entry.get("why")
            if table not in RECORD_TABLES:
                raise BuildError(f"table must be one of {', '.join(RECORD_TABLES)}, not {table!r}")
            if not isinstance(record_id, str) or not isinstance(why, str) or not why.strip():
                raise BuildError("a retired id gives its id and why it has no record any more")
            if isinstance(revision, bool) or not isinstance(revision, int) or revision < 2:
                raise BuildError(f"revision must be the revision that retires the id (2 or later), not {revision!r}")
            if not isinstance(successors, list) or not all(isinstance(item, str) for item in successors):
                raise BuildError("successors must be a list of ids (empty when nothing carries the record on)")
            found.append(Retirement(table, record_id, revision, tuple(successors), why, line_of(entry)))
    return found


def _fresh(prefix: str, taken: set[str]) -> str:
    numbers = [int(m[2]) for m in map(_NUMBERED.match, taken) if m and m[1] == prefix]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _renamed(records: EditionRecords, names: Mapping[str, Mapping[str, str]]) -> EditionRecords:
    """*records* with the ids of the written tables renamed (``names[table][old] = new``), references included."""

    def one(table: str, record: Any) -> Any:
        changes: dict[str, Any] = {}
        if table in names:
            changes["id"] = names[table][record.id]
        for field, target in _REFERENCES.get(table, {}).items():
            value = getattr(record, field)
            rename: Callable[[str], str] = names[target].__getitem__
            if isinstance(value, tuple):
                changes[field] = tuple(map(rename, value))
            elif value is not None:
                changes[field] = rename(value)
        return attrs.evolve(record, **changes) if changes else record

    tables: dict[str, Any] = {
        table: tuple(one(table, record) for record in getattr(records, table)) for table in RECORD_TABLES
    }
    return attrs.evolve(records, **tables)


def stable_ids(
    ctx: BuildContext, records: EditionRecords, published: Sequence[EditionRecords], retired: Sequence[Retirement]
) -> EditionRecords:
    """*records* with the ids the ledger gives them (see the module docs); problems go to ``ctx.problems``."""
    if not published:
        return records
    latest, revision = published[-1], records.revision
    issued = {table: {r.id for edition in published for r in getattr(edition, table)} for table in RECORD_TABLES}
    names: dict[str, dict[str, str]] = {}
    for table in WRITTEN:
        pairs = match(table, places(table, getattr(latest, table)), places(table, getattr(records, table)))
        taken = set(issued[table])
        names[table] = {}
        for record in getattr(records, table):
            if record.id in pairs:
                names[table][record.id] = pairs[record.id]
                continue
            numbered = _NUMBERED.match(record.id)
            if numbered is None:
                raise BuildError(f"the {table} id {record.id!r} has no number to renumber")
            names[table][record.id] = _fresh(numbered[1], taken)
            taken.add(names[table][record.id])
    records = _renamed(records, names)
    declared = {(item.table, item.id): item for item in retired if item.revision == revision}
    for table in RECORD_TABLES:
        old, new = places(table, getattr(latest, table)), places(table, getattr(records, table))
        pairs = match(table, old, new)
        for record_id, place in new.items():
            earlier = issued[table] - set(old)
            if record_id in earlier:
                _problem(
                    ctx,
                    f"the {table} id {record_id!r} was retired before revision {latest.revision}: an id is never reused",
                )
            elif record_id in old and (
                pairs.get(record_id) != record_id or not same_place(table, old[record_id], place)
            ):
                _problem(
                    ctx,
                    f"the {table} id {record_id!r} named {_shown(old[record_id])} in revision {latest.revision}, "
                    f"not {_shown(place)}: an id names one record forever; give this record a new id"
                    + (
                        f" (it is {pairs[record_id]!r} of revision {latest.revision}: keep that id)"
                        if pairs.get(record_id, record_id) != record_id
                        else ""
                    ),
                )
            elif record_id not in old and record_id in pairs:
                _problem(
                    ctx,
                    f"the {table} record {record_id!r} is {pairs[record_id]!r} of revision {latest.revision} "
                    f"({_shown(place)}): keep its id",
                )
        kept = set(pairs.values())
        for record_id, place in old.items():
            item = declared.pop((table, record_id), None)
            if record_id in kept or record_id in new:
                if item is not None:
                    ctx.problems.add(
                        ctx.curated_file, item.line, f"{record_id!r} still names a record: it is not retired"
                    )
                continue
            if item is None:
                near = sorted(
                    i for i, p in new.items() if table in WRITTEN and same_place(table, place, p) and i not in pairs
                )
                hint = f"; its place is now held by {', '.join(map(repr, near))}" if near else ""
                _problem(
                    ctx,
                    f"the {table} id {record_id!r} ({_shown(place)}) of revision {latest.revision} has no record: "
                    f"add a [[retired]] entry (table, id, revision = {revision}, successors, why){hint}",
                )
                continue
            unknown = [i for i in item.successors if i not in new]
            if unknown:
                ctx.problems.add(
                    ctx.curated_file, item.line, f"successors {unknown} name no {table} record of this revision"
                )
    for (table, record_id), item in declared.items():
        ctx.problems.add(
            ctx.curated_file, item.line, f"no {table} id {record_id!r} in revision {latest.revision}: nothing to retire"
        )
    return records


def _problem(ctx: BuildContext, message: str) -> None:
    ctx.problems.add(ctx.curated_file, 0, message)


def _shown(place: Place) -> str:
    text = place.text if len(place.text) <= 60 else place.text[:57] + "…"
    where = f"line {place.lines[0]}" + (f", columns {place.span[0]}-{place.span[1]}" if place.span else "")
    return f"{text!r} at {where}" if place.lines != (0, 0) else repr(text)


def ledger(revisions: Sequence[EditionRecords], retired: Sequence[Retirement]) -> dict[str, Any]:
    """The ledger of the ids of *revisions* (every revision of an edition, oldest first), as JSON data.

    A retirement without a ``[[retired]]`` entry (before the rule existed) takes as
    successors the records of the next revision written over the same place.
    """
    declared = {(item.table, item.id, item.revision): item for item in retired}
    tables: dict[str, dict[str, dict[str, Any]]] = {table: {} for table in RECORD_TABLES}

    def meaning(revision: int, place: Place) -> dict[str, Any]:
        found: dict[str, Any] = {"revisions": [revision, revision]}
        if place.lines != (0, 0):  # a partner is no place of the text
            found["lines"] = list(place.lines)
        if place.span is not None:
            found["span"] = list(place.span)
        return {**found, "text": place.text}

    previous: EditionRecords | None = None
    for records in revisions:
        revision = records.revision
        for table in RECORD_TABLES:
            entry_of = tables[table]
            new = places(table, getattr(records, table))
            old = places(table, getattr(previous, table)) if previous is not None else {}
            pairs = match(table, old, new)
            for record_id, before in pairs.items():
                if before != record_id:  # the record goes on under another id: say which, before it is reused
                    entry_of[before]["denotes"][-1]["then"] = record_id
            for record_id, place in new.items():
                if pairs.get(record_id) == record_id:
                    latest = entry_of[record_id]["denotes"][-1]
                    latest["revisions"][1] = revision
                    if place != old[record_id]:  # the same record read anew (a title, an extent): say how it reads now
                        latest.update(
                            {key: value for key, value in meaning(revision, place).items() if key != "revisions"}
                        )
                    continue
                if record_id in entry_of:
                    entry_of[record_id]["denotes"].append(meaning(revision, place))
                else:
                    entry_of[record_id] = {
                        "id": record_id,
                        "issued": revision,
                        "denotes": [meaning(revision, place)],
                        "retired": None,
                    }
            kept = set(pairs.values())
            for record_id, place in old.items():
                if record_id in kept or record_id in new:
                    continue
                item = declared.get((table, record_id, revision))
                successors = (
                    list(item.successors)
                    if item
                    else sorted(
                        i for i, p in new.items() if table in WRITTEN and same_place(table, place, p) and i not in pairs
                    )
                )
                entry_of[record_id]["retired"] = {
                    "revision": revision,
                    "successors": successors,
                    "why": item.why if item else "split or removed by the reading of this revision (see CHANGELOG.md)",
                }
        previous = records
    last = revisions[-1]
    return {
        "format": LEDGER_LAYOUT,
        "edition": last.edition,
        "revisions": [records.revision for records in revisions],
        **{table: [tables[table][i] for i in sorted(tables[table], key=_natural)] for table in RECORD_TABLES},
    }


def _natural(record_id: str) -> tuple[Any, ...]:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"([0-9]+)", record_id))
