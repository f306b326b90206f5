"""Whether records make sense: ids unique as lookups read them, references that resolve, territory names
that find one territory, line ranges inside the source text, bounded money, an edition named by its years.

:func:`check_records` is what the build runs on what it writes, and what
:func:`rqds_portraits.load_file` runs (through ``integrity``) on a file from
outside, once its parts fit the JSON Schema.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from rqds_portraits._errors import DatasetIntegrityError, shown
from rqds_portraits._loading.codec import shape
from rqds_portraits._loading.index import is_edition_name
from rqds_portraits._records.edition import RECORD_TABLES, EditionRecords
from rqds_portraits._records.periods import FIRST_YEAR, LAST_YEAR
from rqds_portraits._regions import REGIONS, region_number
from rqds_portraits._text import MAX_NAME_LENGTH, lookup_key

__all__ = ["MAX_LINES", "MAX_MONEY", "Ids", "check_records", "problems"]

MAX_MONEY = Decimal(10) ** 12
"""No amount of the portraits reaches a thousand billion dollars; a larger one is an error."""

MAX_LINES = 1_000_000
"""No source text of the portraits reaches a million lines."""

_PLAIN_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""An id as the build writes them (``laval-07-a1``): its lookup key is itself with spaces for hyphens."""


def check_records(records: EditionRecords, where: str = "the dataset") -> None:
    """Raise :class:`~rqds_portraits.DatasetIntegrityError` at the first record that makes no sense."""
    for problem in problems(records):
        raise DatasetIntegrityError(f"{where}: {problem}")


def problems(records: EditionRecords, known: dict[str, set[str]] | None = None) -> Iterator[str]:
    """The problems of *records*, first to last; *known* gives each table's ids when they were checked already."""
    if not is_edition_name(records.edition):
        yield (
            f"edition: {shown(records.edition)} is not an edition's name "
            "(its years, the second following the first, such as '2014-2015')"
        )
    if records.revision < 1:
        yield f"revision: must be at least 1, not {records.revision}"
    ids: dict[str, set[str]] = dict(known or {})
    for table in RECORD_TABLES:
        if table in ids:
            continue
        seen = Ids(table)
        for position, record in enumerate(getattr(records, table)):
            problem = seen.add(record.id, position)
            if problem is not None:
                yield problem
        ids[table] = seen.exact
    for position, territory in enumerate(records.territories):
        if territory.region_number not in REGIONS:
            yield f"territories[{position}].region_number: {shown(territory.region_number)} is not a region number from 01 to 17"
    yield from _territory_names(records)
    yield from _references(records, ids)
    yield from _lines(records)
    for position, period in enumerate(records.periods):
        if not FIRST_YEAR <= period.start <= period.end <= LAST_YEAR:
            yield f"periods[{position}]: {period.start}-{period.end} is not a period from {FIRST_YEAR} to {LAST_YEAR}"
    for position, amount in enumerate(records.amounts):
        value = amount.value
        # Compared without arithmetic: abs() of 1e999999999 would overflow the decimal context.
        if (
            not value.is_finite()
            or value.adjusted() >= 12
            or value.copy_abs() >= MAX_MONEY
            or value.as_tuple().exponent < -2  # type: ignore[operator]
        ):
            yield f"amounts[{position}].value: {shown(value)} is not an amount in dollars and cents below {MAX_MONEY:,}"
        if amount.per_years is not None and amount.per_years < 1:
            yield f"amounts[{position}].per_years: {amount.per_years} is not a number of years (1 or more)"
    for position, mention in enumerate(records.mentions):
        roles = mention.roles
        if not roles or len(set(roles)) != len(roles) or ("mentioned" in roles and len(roles) > 1):
            yield f"mentions[{position}].roles: {shown(roles)} must be one or several distinct roles, 'mentioned' alone"


class Ids:
    """The ids of one table: each must differ from the others as lookups read them (folded)."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.exact: set[str] = set()
        self.folded: dict[str, str] = {}

    def add(self, record_id: str, position: int) -> str | None:
        """The problem of the id *record_id* of the record at *position*, if any; then it is known."""
        if len(record_id) > MAX_NAME_LENGTH:
            key = None
        elif _PLAIN_ID.fullmatch(record_id):
            key = record_id.replace("-", " ")  # what lookup_key gives, without its Unicode steps
        else:
            key = lookup_key(record_id)
        problem = None
        if record_id in self.exact:
            problem = f"{shown(record_id)} is used twice"
        elif key is None:
            problem = f"{shown(record_id)} is longer than {MAX_NAME_LENGTH} characters"
        elif key in self.folded:
            # Lookups forgive case, accents and punctuation: two such ids would answer for each other.
            problem = (
                f"{shown(record_id)} and {shown(self.folded[key])} differ only by case, "
                "accents or punctuation: ids must differ as lookups read them"
            )
        self.exact.add(record_id)
        if key is not None:
            self.folded.setdefault(key, record_id)
        return None if problem is None else f"{self.table}[{position}].id: {problem}"


def _territory_names(records: EditionRecords) -> Iterator[str]:
    """A territory is found by its id, name or heading: two territories must not share one (as lookups read them)."""
    owners: dict[str, int] = {}
    for position, territory in enumerate(records.territories):
        for field in ("id", "name", "heading"):
            written_as = getattr(territory, field)
            key = lookup_key(written_as) if len(written_as) <= MAX_NAME_LENGTH else ""
            if not key or region_number(written_as) is not None:
                yield (
                    f"territories[{position}].{field}: {shown(written_as)} cannot find its territory "
                    f"(it is empty as lookups read it, a region number, or longer than {MAX_NAME_LENGTH} characters)"
                )
                continue
            other = owners.setdefault(key, position)
            if other != position:
                yield (
                    f"territories[{position}].{field}: {shown(written_as)} also names territories[{other}] "
                    "(lookups forgive case, accents and punctuation): a lookup by it would be ambiguous"
                )


def _references(records: EditionRecords, ids: dict[str, set[str]]) -> Iterator[str]:
    # A place is named only for a reference that does not resolve: most resolve, and a file holds many.
    def dangling(value: str | None, table: str) -> bool:
        return value is not None and value not in ids[table]

    def named(path: str, value: str | None, table: str) -> str:
        return f"{path}: {shown(value)} is no id of {table}"

    for table in RECORD_TABLES:
        if table in ("territories", "partners"):  # the tables whose records are not in a portrait
            continue
        for position, record in enumerate(getattr(records, table)):
            if dangling(record.territory_id, "territories"):
                yield named(f"{table}[{position}].territory_id", record.territory_id, "territories")
            if table != "initiatives" and dangling(record.initiative_id, "initiatives"):
                yield named(f"{table}[{position}].initiative_id", record.initiative_id, "initiatives")
    for position, amount in enumerate(records.amounts):
        for field, table in (("period_id", "periods"), ("share_of", "amounts"), ("partner_id", "partners")):
            if dangling(getattr(amount, field), table):
                yield named(f"amounts[{position}].{field}", getattr(amount, field), table)
    for position, mention in enumerate(records.mentions):
        if dangling(mention.partner_id, "partners"):
            yield named(f"mentions[{position}].partner_id", mention.partner_id, "partners")
    for position, partner in enumerate(records.partners):
        if dangling(partner.network_id, "partners"):
            yield named(f"partners[{position}].network_id", partner.network_id, "partners")
    for position, entente in enumerate(records.ententes):
        for field, table in (
            ("period_ids", "periods"),
            ("date_ids", "dates"),
            ("amount_ids", "amounts"),
            ("mention_ids", "mentions"),
        ):
            for item, value in enumerate(getattr(entente, field)):
                if dangling(value, table):
                    yield named(f"ententes[{position}].{field}[{item}]", value, table)


def _with_lines(value: Any, path: str) -> Iterable[tuple[str, Any]]:
    """Every record inside *value* that has ``lines``, with its path."""
    if value is None or isinstance(value, (str, int)):
        return
    if attrs.has(type(value)):
        if hasattr(value, "lines"):
            yield path, value
        for field in attrs.fields(type(value)):
            yield from _with_lines(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple) and value and not isinstance(value[0], int):
        for position, item in enumerate(value):
            yield from _with_lines(item, f"{path}[{position}]")


def _lines(records: EditionRecords) -> Iterator[str]:
    last = records.source.line_count
    if not 1 <= last <= MAX_LINES:
        yield f"source.line_count: {last} is not a number of lines from 1 to {MAX_LINES:,}"
        return
    first_title, last_title = records.source.title_lines
    if not 1 <= first_title <= last_title <= last:
        yield f"source.title_lines: {records.source.title_lines} is not a line range inside the source's {last} lines"
    for table in ("source", *RECORD_TABLES):
        if _fit(getattr(records, table), last):
            continue  # the common case, checked without naming the place of each record
        for path, record in _with_lines(getattr(records, table), table):
            first_line, last_line = record.lines
            if not 1 <= first_line <= last_line <= last:
                yield f"{path}.lines: {record.lines} is not a line range inside the source's {last} lines"
            span = getattr(record, "span", None)
            if span is not None and not 0 <= span[0] <= span[1]:
                yield f"{path}.span: {span} is not a column range"


def _fit(value: Any, last: int) -> bool:
    """Whether each record inside *value* (a record, or a tuple) that has ``lines`` writes them inside the
    source's *last* lines, and its ``span`` (if any) as a column range: :func:`_lines`'s checks, made
    without building the path of each record, on the fields whose types may hold such a record."""
    if value is None:
        return True
    if type(value) is tuple:
        return not value or isinstance(value[0], int) or all(_fit(item, last) for item in value)
    cls: type = type(value)
    lined, nested = _lined_fields(cls)
    if lined:
        first_line, last_line = value.lines
        span = getattr(value, "span", None)
        if not 1 <= first_line <= last_line <= last or (span is not None and not 0 <= span[0] <= span[1]):
            return False
    return all(_fit(getattr(value, name), last) for name in nested)


@functools.cache
def _lined_fields(cls: type) -> tuple[bool, tuple[str, ...]]:
    """Whether the record class *cls* has ``lines``, and which of its fields may hold a record that has."""
    hints = typing.get_type_hints(cls)
    return hasattr(cls, "lines"), tuple(field.name for field in attrs.fields(cls) if _may_hold_lines(hints[field.name]))


def _may_hold_lines(hint: Any) -> bool:
    """Whether a field of type *hint* may hold a record that has ``lines`` (itself, or in its fields)."""
    kind, args = shape(hint)
    if kind == "record":
        lined, nested = _lined_fields(hint)
        return lined or bool(nested)
    return kind != "value" and any(_may_hold_lines(arg) for arg in args)
