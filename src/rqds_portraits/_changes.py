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

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import zip_longest
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


Keyed = list[tuple[str, Any]]
"""Records of one table of a dataset, each with its key (its id), in the table's order."""


def _records(ds: Dataset, table: str) -> Sequence[Any]:
    """The records of *table* in *ds*, in its order (the edition's fields, the source: one each)."""
    if table == "edition":
        return [{name: getattr(ds, name) for name in _EDITION_FIELDS}]
    if table == "source":
        return [ds.source]
    records: Sequence[Any] = getattr(ds, table)
    return records


def _keyed(table: str, records: Iterable[Any]) -> Keyed:
    """*records* of *table*, each with its key: its id (the table's name for the edition and the source)."""
    if table in ("edition", "source"):
        return [(table, record) for record in records]
    return [(record.id, record) for record in records]


def _others(table: str, before: Sequence[Any], after: Sequence[Any]) -> tuple[Keyed, Keyed]:
    """The records of *before* and *after* that are not unchanged, with their keys, each list in its order.

    A record equal to the one under its key in the other dataset (records compare field by field, the
    id with them) keeps its place and its id, and has no field changed: one comparison settles it, and
    it takes no part in how the others pair (:func:`_pairs`). Most records of two revisions are unchanged
    at the same position of their table: they are compared in order, as they lie in memory, and only
    the others are looked up by key (a record moved in its table, one added or removed before it).
    """
    in_place = [old == new for old, new in zip(before, after, strict=False)]
    rest_before = _keyed(table, (r for r, same in zip_longest(before, in_place, fillvalue=False) if not same))
    rest_after = _keyed(table, (r for r, same in zip_longest(after, in_place, fillvalue=False) if not same))
    by_key = dict(rest_after)
    moved = {key for key, record in rest_before if key in by_key and by_key[key] == record}
    if not moved:
        return rest_before, rest_after
    return [item for item in rest_before if item[0] not in moved], [item for item in rest_after if item[0] not in moved]


def _pairs(table: str, before: Keyed, after: Keyed) -> dict[str, str]:
    """The records of *after* paired with those of *before* they are (new key → old key), by their places
    (:func:`~rqds_portraits._records.identity.match`).

    Given the records that are not unchanged (:func:`_others`), these are the pairs of matching every
    record: ``match`` would pair each unchanged record with itself first (an id kept at its place), and
    then pair the others as it does without them.
    """
    if table in ("edition", "source"):
        keys = {key for key, _ in before}
        return {key: key for key, _ in after if key in keys}
    return match(table, places(table, (r for _, r in before)), places(table, (r for _, r in after)))


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

    with paused():  # every record of both datasets compared, each comparison building tuples: see _collector
        return _diff(old, new)


def _diff(old: Dataset, new: Dataset) -> Changes:
    changes: list[Change] = []
    for table in COMPARED:
        before, after = _others(table, _records(old, table), _records(new, table))
        changes.extend(_changes(table, before, after))
    return Changes(tuple(changes))


def _changes(table: str, before: Keyed, after: Keyed) -> list[Change]:
    """The changes of *table* from the records *before* to *after*, none of them unchanged (:func:`_others`)."""
    changes: list[Change] = []
    pairs = _pairs(table, before, after)
    matched = {old_id: new_id for new_id, old_id in pairs.items()}
    now_of = dict(after)
    for key, record in before:
        if key not in matched:
            changes.append(Change(table, key, "removed", old_id=key))
            continue
        now = now_of[matched[key]]
        fields = _fields(record, now)
        if matched[key] != key:
            changes.append(Change(table, matched[key], "reassigned", fields, old_id=key))
        elif fields:
            changes.append(Change(table, key, "changed", fields, old_id=key))
    changes.extend(Change(table, key, "added") for key, _ in after if key not in pairs)
    return changes
