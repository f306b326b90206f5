"""What a record's id denotes, and when two records (of two revisions) are the same record.

An id, once published, names one record forever. A record of the portraits is
what is written at one place of the source: a period, a date, an amount, a
mention or a note on the source is its line and its columns there (``lines`` and
``span``); a territory, an initiative, an agreement or a partner is its name,
which is its id (chosen by the curators, who never give it to another). A later revision may read a
record anew (its roles, its partner, its notes, a corrected extent of its text):
it stays the same record, with the same id.

    >>> a = Place((640, 640), (10, 16), "MESRST")
    >>> b = Place((640, 640), (10, 26), "MESRST (Laval)")  # a corrected extent
    >>> same_place("mentions", a, b), same_place("mentions", a, Place((641, 641), (10, 16), "FJL"))
    (True, False)
    >>> match("mentions", {"laval-08-m5": a}, {"laval-08-m6": b})
    {'laval-08-m6': 'laval-08-m5'}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rqds_portraits._records.frozen import frozen
from rqds_portraits._text import lookup_key

__all__ = ["NAMED", "WRITTEN", "Place", "match", "place_of", "places", "same_place"]

WRITTEN = ("periods", "dates", "amounts", "mentions", "source_notes")
"""Tables of things written at one place of a line: a record is its line and columns."""

NAMED = ("territories", "initiatives", "ententes", "partners")
"""Tables whose ids are names given by the curators: a record is its id."""


@frozen
class Place:
    """What an id denotes: where the record is written (``span`` for the written tables) and its text
    (a title or a name for the others)."""

    lines: tuple[int, int]
    span: tuple[int, int] | None
    text: str


def place_of(table: str, record: Any) -> Place:
    """The :class:`Place` of *record*, a record of *table* (one of ``rp.RECORD_TABLES``)."""
    if table in WRITTEN:
        return Place(tuple(record.lines), tuple(record.span), record.text)
    if table == "ententes":
        return Place(tuple(record.lines), None, record.title)
    if table == "territories":
        return Place(tuple(record.lines), None, record.name)
    if table == "initiatives":
        return Place(tuple(record.lines), None, record.title or "")
    return Place((0, 0), None, record.name)  # a partner: the registry's entry, not a place of the text


def places(table: str, records: Any) -> dict[str, Place]:
    """The :class:`Place` of every record of *records* (one table), by id."""
    return {record.id: place_of(table, record) for record in records}


def same_place(table: str, old: Place, new: Place) -> bool:
    """Whether *old* and *new* (two readings of *table*) can denote the same record.

    A written record keeps its line, and its columns overlap (a reading may correct
    its extent). An agreement keeps its first line or its title (a reading may move
    its anchor or correct its title, not both). A territory, an initiative or a
    partner is its id: a reading may correct its name.
    """
    if table in WRITTEN:
        if old.lines != new.lines or old.span is None or new.span is None:
            return False
        return old.span[0] < new.span[1] and new.span[0] < old.span[1]
    if table == "ententes":
        return old.lines[0] == new.lines[0] or lookup_key(old.text) == lookup_key(new.text)
    return True


def match(table: str, old: Mapping[str, Place], new: Mapping[str, Place]) -> dict[str, str]:
    """Pair the records of *new* with those of *old* that they are (new id → old id).

    Named tables pair by id. The others pair, in turn: a record keeping its id and
    its place; a record at exactly the same place; then records at the same place
    read anew (:func:`same_place`) when each has no other candidate. A record that
    was split or merged pairs with none, and is retired or added.
    """
    if table in NAMED:
        return {record_id: record_id for record_id in new if record_id in old}
    pairs: dict[str, str] = {
        record_id: record_id for record_id, place in new.items() if record_id in old and old[record_id] == place
    }
    taken = set(pairs.values())
    at: dict[Place, list[str]] = {}
    for record_id, place in old.items():
        if record_id not in taken:
            at.setdefault(place, []).append(record_id)
    for record_id, place in new.items():
        if record_id not in pairs and len(at.get(place, ())) == 1:
            pairs[record_id] = at[place][0]
            taken.add(at[place][0])
    left_old = {i: p for i, p in old.items() if i not in taken}
    left_new = {i: p for i, p in new.items() if i not in pairs}
    candidates = {i: [j for j, q in left_old.items() if same_place(table, q, p)] for i, p in left_new.items()}
    claimed: dict[str, int] = {}
    for found in candidates.values():
        for old_id in found:
            claimed[old_id] = claimed.get(old_id, 0) + 1
    for record_id, found in candidates.items():
        if len(found) == 1 and claimed[found[0]] == 1:
            pairs[record_id] = found[0]
    return pairs
