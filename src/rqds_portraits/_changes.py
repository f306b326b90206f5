"""What changed between two loaded datasets (two revisions of an edition, or two editions), record by record.

    >>> import rqds_portraits as rp
    >>> old = rp.load("2014-2015", revision=1)
    >>> new = rp.load("2014-2015", revision=2)
    >>> changes = rp.diff(old, new)
    >>> sorted({c.table for c in changes})[:3]
    ['amounts', 'dates', 'edition']

Records are matched by their id, or for what is written at one place of the
source (periods, dates, amounts, mentions, notes on the source) by that place
(its lines and columns), so a renumbered id shows as a change of ``id``. A
record of the old dataset with no match is ``"removed"``, one of the new with
no match ``"added"``, and a matched record whose fields differ is
``"changed"``, with each field's old and new value (``id`` names the new
one). Both datasets are compared as today's records (an older revision is
upgraded on load), so a change of layout alone is not a change of data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import attrs

from rqds_portraits._dataset import Dataset
from rqds_portraits._errors import InvalidArgument, shown
from rqds_portraits._records.edition import RECORD_TABLES

__all__ = ["COMPARED", "Change", "ChangeKind", "FieldChange", "diff"]

ChangeKind = Literal["added", "removed", "changed"]

COMPARED = ("edition", "source", *RECORD_TABLES)
"""The tables compared, in the order changes are listed."""

_WRITTEN = ("periods", "dates", "amounts", "mentions", "source_notes")
"""Tables of things written at one place of the source: a record there is the same record
in both datasets, whatever its id (a mention added before it in its block renumbers it)."""

_EDITION_FIELDS = ("edition", "revision", "revision_date", "as_of")


@attrs.frozen
class FieldChange:
    """One field of a changed record: its old and new value."""

    field: str
    old: Any
    new: Any


@attrs.frozen
class Change:
    """A record added, removed or changed between two datasets.

    ``fields`` lists the fields that differ (empty for an added or removed record).
    """

    table: str
    id: str
    kind: ChangeKind
    fields: tuple[FieldChange, ...] = ()


def _records(ds: Dataset, table: str) -> dict[Any, Any]:
    if table == "edition":
        return {"edition": {name: getattr(ds, name) for name in _EDITION_FIELDS}}
    if table == "source":
        return {"source": ds.source}
    if table in _WRITTEN:
        return {(record.lines, record.span): record for record in getattr(ds, table)}
    return {record.id: record for record in getattr(ds, table)}


def _id(key: Any, record: Any) -> str:
    return key if isinstance(key, str) else str(record.id)


def _fields(old: Any, new: Any) -> tuple[FieldChange, ...]:
    read: Callable[[Any, str], Any]
    if isinstance(old, dict):
        names: tuple[str, ...] = tuple(old)
        read = dict.__getitem__
    else:
        names = tuple(field.name for field in attrs.fields(type(old)))
        read = getattr
    return tuple(
        FieldChange(name, read(old, name), read(new, name)) for name in names if read(old, name) != read(new, name)
    )


def diff(old: Dataset, new: Dataset) -> tuple[Change, ...]:
    """The changes from *old* to *new*, table by table (:data:`COMPARED`), in each table's order."""
    for argument, value in (("old", old), ("new", new)):
        if not isinstance(value, Dataset):
            raise InvalidArgument(f"{argument}= must be a Dataset (from rp.load or rp.load_file), not {shown(value)}")
    changes: list[Change] = []
    for table in COMPARED:
        before, after = _records(old, table), _records(new, table)
        for key, record in before.items():
            if key not in after:
                changes.append(Change(table, _id(key, record), "removed"))
            elif record != after[key]:
                changes.append(Change(table, _id(key, after[key]), "changed", _fields(record, after[key])))
        changes.extend(Change(table, _id(key, record), "added") for key, record in after.items() if key not in before)
    return tuple(changes)
