"""What changed between two loaded datasets (two revisions of an edition, or two editions), record by record.

    >>> import rqds_portraits as rp
    >>> old = rp.load("2014-2015", revision=1)
    >>> new = rp.load("2014-2015", revision=2)
    >>> changes = rp.diff(old, new)
    >>> sorted({c.table for c in changes})[:3]
    ['amounts', 'dates', 'edition']

Records are matched for what they are, not for their id: what is written at
one place of the source (periods, dates, amounts, mentions, notes on the source)
by that place (its line, and columns that overlap when a reading corrected the
extent), and the named records (territories, initiatives, agreements, partners)
by their id. A record of the old dataset with no match is ``"removed"``, one of
the new with no match ``"added"``, a matched record whose fields differ
``"changed"``, and a matched record whose id differs ``"reassigned"``: ``old_id``
names it in the old dataset, ``id`` in the new (its other fields that differ are
listed too). The result's ``id_map`` gives, table by table, the old → new id of
every reassigned record, for a script that keeps ids of the old revision:

    >>> changes.id_map["mentions"]["laval-08-m5"]  # the MESRST mention of l.718
    'laval-08-m6'
    >>> new.mention("laval-08-m6").text, old.mention("laval-08-m5").text
    ('MESRST', 'MESRST')

Between revisions 1 and 2, 100 mention ids and one source-note id were given to
other records before ids were kept (see the versioning page); since revision 3 an
id names one record forever. Both datasets are compared as today's records (an
older revision is upgraded on load), so a change of layout alone is not a change
of data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Literal, NoReturn

import attrs

from rqds_portraits._dataset import Dataset
from rqds_portraits._errors import InvalidArgument, shown
from rqds_portraits._records.edition import RECORD_TABLES
from rqds_portraits._records.identity import match, places

__all__ = ["COMPARED", "Change", "ChangeKind", "Changes", "FieldChange", "diff"]

ChangeKind = Literal["added", "removed", "changed", "reassigned"]

COMPARED = ("edition", "source", *RECORD_TABLES)
"""The tables compared, in the order changes are listed."""

_EDITION_FIELDS = ("edition", "revision", "revision_date", "as_of")


@attrs.frozen
class FieldChange:
    """One field of a changed record: its old and new value."""

    field: str
    old: Any
    new: Any


@attrs.frozen
class Change:
    """A record added, removed, changed or reassigned between two datasets.

    ``id`` names the record in the new dataset (in the old one for a removed
    record), ``old_id`` in the old one (``None`` for an added record; it differs
    from ``id`` only for a reassigned record). ``fields`` lists the fields that
    differ, other than the id (empty for an added or removed record).
    """

    table: str
    id: str
    kind: ChangeKind
    fields: tuple[FieldChange, ...] = ()
    old_id: str | None = None


class Changes(tuple[Change, ...]):
    """The changes between two datasets, in the order of :data:`COMPARED`: a tuple of :class:`Change`,
    with :attr:`id_map`, the old → new id of every reassigned record, table by table."""

    id_map: Mapping[str, Mapping[str, str]]

    def __new__(cls, changes: tuple[Change, ...]) -> Changes:
        self = super().__new__(cls, changes)
        moved: dict[str, dict[str, str]] = {table: {} for table in COMPARED}
        for change in self:
            if change.kind == "reassigned" and change.old_id is not None:
                moved[change.table][change.old_id] = change.id
        object.__setattr__(self, "id_map", MappingProxyType({t: MappingProxyType(m) for t, m in moved.items()}))
        return self

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"Changes are read-only, as a tuple is: cannot set {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (tuple(self),)


def _records(ds: Dataset, table: str) -> dict[str, Any]:
    if table == "edition":
        return {"edition": {name: getattr(ds, name) for name in _EDITION_FIELDS}}
    if table == "source":
        return {"source": ds.source}
    return {record.id: record for record in getattr(ds, table)}


def _pairs(table: str, before: dict[str, Any], after: dict[str, Any]) -> dict[str, str]:
    if table in ("edition", "source"):
        return {key: key for key in after if key in before}
    return match(table, places(table, before.values()), places(table, after.values()))


def _fields(old: Any, new: Any) -> tuple[FieldChange, ...]:
    read: Callable[[Any, str], Any]
    if isinstance(old, dict):
        names: tuple[str, ...] = tuple(old)
        read = dict.__getitem__
    else:
        names = tuple(field.name for field in attrs.fields(type(old)) if field.name != "id")
        read = getattr
    return tuple(
        FieldChange(name, read(old, name), read(new, name)) for name in names if read(old, name) != read(new, name)
    )


def diff(old: Dataset, new: Dataset) -> Changes:
    """The changes from *old* to *new*, table by table (:data:`COMPARED`), in each table's order."""
    for argument, value in (("old", old), ("new", new)):
        if not isinstance(value, Dataset):
            raise InvalidArgument(f"{argument}= must be a Dataset (from rp.load or rp.load_file), not {shown(value)}")
    from rqds_portraits._collector import paused

    with paused():  # the places of every record of both datasets, built at once: see _collector
        return _diff(old, new)


def _diff(old: Dataset, new: Dataset) -> Changes:
    changes: list[Change] = []
    for table in COMPARED:
        before, after = _records(old, table), _records(new, table)
        pairs = _pairs(table, before, after)
        matched = {old_id: new_id for new_id, old_id in pairs.items()}
        for key, record in before.items():
            if key not in matched:
                changes.append(Change(table, key, "removed", old_id=key))
                continue
            now = after[matched[key]]
            fields = _fields(record, now)
            if matched[key] != key:
                changes.append(Change(table, matched[key], "reassigned", fields, old_id=key))
            elif fields:
                changes.append(Change(table, key, "changed", fields, old_id=key))
        changes.extend(Change(table, key, "added") for key in after if key not in pairs)
    return Changes(tuple(changes))
