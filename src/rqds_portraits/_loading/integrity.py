"""Whether a dataset file from outside the package is whole and makes sense, before any record is served.

:func:`rqds_portraits.load_file` calls :func:`parse_dataset_file`: the file must
be UTF-8 JSON of bounded depth, of a layout this package reads, fit the JSON
Schema (pydantic, strict), and make sense: unique ids, references that resolve,
region numbers from 01 to 17, line ranges inside the source text, finite and
bounded money, an edition named by its years (those checks of the records are
:mod:`rqds_portraits._loading.checks`, which the build runs on what it writes).
The first problem raises :class:`~rqds_portraits.DatasetIntegrityError` naming
its place in the file (``mentions[12].partner_id``) and what was expected.
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Callable
from typing import Any

from rqds_portraits._errors import DatasetIntegrityError, DatasetVersionError, RqdsError, shown
from rqds_portraits._loading.checks import Ids, problems
from rqds_portraits._loading.codec import from_data
from rqds_portraits._loading.upgrade import ADDED, LAYOUT, added, upgrade
from rqds_portraits._records.edition import RECORD_TABLES, EditionRecords

__all__ = ["MAX_INTEGER", "MAX_VALUES", "checked_records", "parse_dataset_file"]

MAX_INTEGER = 10**9
"""No count, line, column, year or revision of the data reaches a billion: a larger integer is an
error (well within the 64-bit integers of SQLite and pandas)."""

MAX_VALUES = 10_000
"""No record of the data, nor member of the file, holds ten thousand JSON values (the largest, an
initiative block, holds a few hundred): a larger one is refused before it is validated."""

_SPACE = re.compile(r"[ \t\n\r]*")
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
"""A surrogate written as an escape (``\\ud800``), lone or in a pair: what JSON reads and pydantic's parser refuses alone."""


def parse_dataset_file(
    raw: bytes, where: str, also: Callable[[EditionRecords], object] | None = None
) -> dict[str, Any]:
    """The members of the dataset file *raw* (named *where* in messages), upgraded to today's
    layout and checked whole, as JSON data; *also* as in :func:`checked_records`."""
    members, _ = _checked(raw, where, also, keep=True)
    return members


def checked_records(raw: bytes, where: str, also: Callable[[EditionRecords], object] | None = None) -> EditionRecords:
    """The records of the dataset file *raw* (named *where* in messages), upgraded to today's
    layout and checked whole; *also*, when given, is called with the records and may raise
    :class:`~rqds_portraits.DatasetIntegrityError` too (``load_file`` renders them: what it
    accepts regenerates its source).

    The file is read member by member and each table record by record, each validated
    as it is read: the first problem stops the reading, so refusing a file costs at most
    reading it once, whatever it holds (a million wrong records cost their first one).
    Each row of a table is parsed once (by :mod:`json`) and validated and built into its
    record in one pass (:func:`~rqds_portraits._loading.schema.validated_record`); the
    record is kept, and the JSON data it was read from dropped as soon as it is built, the
    file's text once every member is read.
    """
    _, records = _checked(raw, where, also, keep=False)
    return records


def _checked(
    raw: bytes, where: str, also: Callable[[EditionRecords], object] | None, keep: bool
) -> tuple[dict[str, Any], EditionRecords]:
    members, reader = _read(raw, where, keep)  # the text of the file is dropped on return: records only from here
    records = EditionRecords(**reader.converted)
    for problem in problems(records, reader.ids):
        raise DatasetIntegrityError(f"{where}: {problem}")
    if also is not None:
        try:
            also(records)
        except DatasetIntegrityError as error:
            raise DatasetIntegrityError(f"{where}: {error}") from None
    return members, records


def _read(raw: bytes, where: str, keep: bool) -> tuple[dict[str, Any], _Reader]:
    """The members of *raw* as JSON data (their rows only when *keep*), and the reader that holds their records."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DatasetIntegrityError(f"{where} is not UTF-8 text: {error}") from None
    reader = _Reader(text, where, keep)
    try:
        members = reader.members()
    except RqdsError:
        raise
    except RecursionError:
        raise DatasetIntegrityError(f"{where} is nested too deeply to be a dataset file") from None
    except ValueError as error:  # json.JSONDecodeError
        raise DatasetIntegrityError(f"{where} is not a JSON dataset file: {error}") from None
    finally:
        reader.text = ""  # not kept with the records
    return members, reader


def _size(value: Any, budget: int) -> int:
    """What is left of *budget* once the JSON values in *value* are counted (negative: too many, or below
    ``-MAX_VALUES`` for an integer outside 0 to :data:`MAX_INTEGER`, which :func:`_integer` then names)."""
    stack = [value]
    while stack:
        item = stack.pop()
        budget -= 1
        kind = type(item)
        if kind is dict:
            stack.extend(item.values())
        elif kind is list:
            stack.extend(item)
        elif kind is int and not 0 <= item <= MAX_INTEGER:
            return -1 - MAX_VALUES  # below any count
        if budget < 0:
            break
    return budget


def _integer(value: Any, path: str) -> str | None:
    """The place and value of the first integer of *value* (at *path*) outside 0 to :data:`MAX_INTEGER`."""
    if isinstance(value, dict):
        value = {f"{path}.{key}": item for key, item in value.items()}
    elif isinstance(value, list):
        value = {f"{path}[{position}]": item for position, item in enumerate(value)}
    else:
        if type(value) is int and not 0 <= value <= MAX_INTEGER:
            return f"{path}: {shown(value)} is not an integer from 0 to {MAX_INTEGER:,}"
        return None
    return next((found for place, item in value.items() if (found := _integer(item, place))), None)


def _path(place: tuple[int | str, ...]) -> str:
    """A part's place as its path in messages: ``("amounts", 3)`` is ``amounts[3]``."""
    return "".join(f"[{part}]" if isinstance(part, int) else part for part in place)


def _may_hold_too_many(start: int, end: int) -> bool:
    """Whether the JSON value written from *start* to *end* may hold more than :data:`MAX_VALUES` values:
    each value takes a character and each but the last a comma after it, so ``n`` values take at least
    ``2n - 1`` characters. When it may not, its values need not be counted."""
    return end - start > 2 * MAX_VALUES


def _refused(where: str, place: tuple[int | str, ...], error: BaseException) -> DatasetIntegrityError:
    """The error of a value the schema admits but the records refuse (a period's years, a time written "…z")."""
    said = " ".join(str(error).split())
    return DatasetIntegrityError(f"{where}: {_path(place)}: {said[:300]}{'…' if len(said) > 300 else ''}")


class _Reader:
    """Reads a dataset file's JSON object member by member, and its tables record by record, checking each part."""

    def __init__(self, text: str, where: str, keep: bool = True) -> None:
        from rqds_portraits._loading import schema  # pydantic: only for files from outside the package

        self.schema = schema
        self.decoder = json.JSONDecoder(parse_int=self._read_integer)
        self.out_of_range = False  # whether an integer outside 0 to MAX_INTEGER was read since the last row began
        # pydantic's parser refuses a lone surrogate, which json reads: a row that writes a surrogate is
        # validated from its text, as every part was. A file that writes none (most) needs no look per row.
        self.surrogates = _SURROGATE.search(text) is not None
        self.text = text
        self.keep = keep  # the JSON data of each table's rows, kept (else dropped once its record is built)
        self.where = where
        self.position = 0
        self.layout = 0
        self.converted: dict[str, Any] = {}
        self.ids: dict[str, set[str]] = {}  # each table's ids, checked as they are read

    def _read_integer(self, digits: str) -> int:
        """An integer as :mod:`json` reads it, noting one out of bounds (the row is then counted, and named)."""
        value = int(digits)
        if not 0 <= value <= MAX_INTEGER:
            self.out_of_range = True
        return value

    def _skip(self) -> None:
        self.position = _SPACE.match(self.text, self.position).end()  # type: ignore[union-attr]  # it always matches

    def _value(self) -> tuple[Any, str]:
        """The JSON value at the reading position, and its text."""
        self._skip()
        start = self.position
        value, self.position = self.decoder.raw_decode(self.text, start)
        return value, self.text[start : self.position]

    def _expect(self, characters: str) -> str:
        self._skip()
        found = self.text[self.position : self.position + 1]
        if not found or found not in characters:
            expected = " or ".join(repr(c) for c in characters)
            raise json.JSONDecodeError(f"{expected} expected", self.text, self.position)
        self.position += 1
        return found

    def _not_an_object(self) -> DatasetIntegrityError:
        value, _ = self._value()  # a list is named by its first character, not read
        return DatasetIntegrityError(
            f"{self.where} holds {type(value).__name__}, not a JSON object: not a dataset file"
        )

    def members(self) -> dict[str, Any]:
        self._skip()
        if self.text.startswith("[", self.position):
            raise DatasetIntegrityError(f"{self.where} holds list, not a JSON object: not a dataset file")
        if not self.text.startswith("{", self.position):
            raise self._not_an_object()
        self.position += 1
        members: dict[str, Any] = {}
        self._skip()
        if self.text.startswith("}", self.position):
            self.position += 1
        else:
            while True:
                key, _ = self._value()
                if not isinstance(key, str):
                    raise json.JSONDecodeError("a member name expected", self.text, self.position)
                self._expect(":")
                if key in members:
                    raise DatasetIntegrityError(f"{self.where}: {key} is written twice")
                members[key] = self._member(key, not members)
                if self._expect(",}") == "}":
                    break
        self._skip()
        if self.position != len(self.text):
            raise json.JSONDecodeError("Extra data", self.text, self.position)
        self._complete(members)
        return members

    def _member(self, name: str, first: bool) -> Any:
        if first and name != "format":
            self._format(None)
        if name not in _FIELDS:
            raise DatasetIntegrityError(f"{self.where} does not fit its schema: {name}: Extra inputs are not permitted")
        self._skip()
        if name in RECORD_TABLES and self.text.startswith("[", self.position):
            return self._table(name)
        value, text = self._value()
        if name == "format":
            self._format(value)
        value, self.converted[name] = self._part(name, value, text)
        return value

    def _format(self, layout: Any) -> None:
        if isinstance(layout, bool) or not isinstance(layout, int) or layout < 1:
            raise DatasetIntegrityError(
                f"{self.where}: format must be a positive integer (the file's layout, its first member), not {shown(layout)}"
            )
        if layout > LAYOUT:
            raise DatasetVersionError(
                f"{self.where} is written in layout {layout}; this rqds-portraits reads layouts 1 to {LAYOUT}: upgrade the package"
            )
        self.layout = layout

    def _table(self, name: str) -> list[Any]:
        cls = _RECORD_CLASSES[name]
        self.position += 1  # the "["
        rows: list[Any] = []
        converted: list[Any] = []
        ids = Ids(name)
        self._skip()
        if self.text.startswith("]", self.position):
            self.position += 1
        else:
            while True:
                self._skip()
                start, self.out_of_range = self.position, False
                value, self.position = self.decoder.raw_decode(self.text, start)
                value, record = self._row(name, cls, value, start, len(converted))
                problem = ids.add(record.id, len(converted))
                if problem is not None:  # a repeated id stops the reading there
                    raise DatasetIntegrityError(f"{self.where}: {problem}")
                if self.keep:
                    rows.append(value)
                converted.append(record)
                if self._expect(",]") == "]":
                    break
        self.converted[name] = tuple(converted)
        self.ids[name] = ids.exact
        return rows

    def _row(self, name: str, cls: type, value: Any, start: int, position: int) -> tuple[Any, Any]:
        """The row *value* of the table *name*, written from *start* to the reading position: upgraded,
        validated and built into its record of class *cls* in one pass."""
        place = (name, position)
        if self.out_of_range or _may_hold_too_many(start, self.position):
            self._bounded(value, place)  # counted, as every part is before it is validated
        if self.layout < LAYOUT:
            value = self._upgraded(name, value, place, row=True)
        if self.surrogates and _SURROGATE.search(self.text, start, self.position):
            text = json.dumps(value, ensure_ascii=False) if self.layout < LAYOUT else self.text[start : self.position]
            return self._validated(value, text, place, cls)
        record, refusal = self.schema.validated_record(cls, value, place, self.where)
        if refusal is not None:
            raise _refused(self.where, place, refusal) from None
        return value, record

    def _part(self, name: str, value: Any, text: str) -> tuple[Any, Any]:
        """*value* (written *text*), the member *name*: upgraded, validated from its text, and as records.

        A member other than a table's rows is validated from its text: its dates are read as strict JSON
        reads them, which Python data cannot say. They are a few values, whatever the file holds."""
        place = (name,)
        self._bounded(value, place)
        if self.layout < LAYOUT:
            value = self._upgraded(name, value, place, row=False)
            text = json.dumps(value, ensure_ascii=False)
        return self._validated(value, text, place, _FIELDS[name])

    def _bounded(self, value: Any, place: tuple[int | str, ...]) -> None:
        """Refuse *value* (at *place*) when it holds too many values or an integer out of bounds: before it is validated."""
        left = _size(value, MAX_VALUES)
        if left < -MAX_VALUES:  # an integer the exports and render cannot hold (SQLite: 64 bits)
            raise DatasetIntegrityError(f"{self.where}: {_integer(value, _path(place))}")
        if left < 0:
            raise DatasetIntegrityError(
                f"{self.where}: {_path(place)} holds more than {MAX_VALUES} values: not a dataset file's"
            )

    def _upgraded(self, name: str, value: Any, place: tuple[int | str, ...], row: bool) -> Any:
        """*value* (the member *name*, or one of its rows) as today's layout writes it."""
        try:
            return upgrade(name, [value], self.layout)[0] if row else upgrade(name, value, self.layout)
        except (AttributeError, KeyError, TypeError, IndexError) as error:  # not the shape its layout writes
            problem = f"no {error}" if isinstance(error, KeyError) else str(error)
            raise DatasetIntegrityError(
                f"{self.where}: {_path(place)} is not what layout {self.layout} writes ({shown(problem)})"
            ) from None

    def _validated(self, value: Any, text: str, place: tuple[int | str, ...], hint: Any) -> tuple[Any, Any]:
        """*value*, validated from its *text*, and as a record."""
        self.schema.validate_part(hint, text, place, self.where)
        try:
            return value, from_data(hint, value)
        except self.schema.REFUSALS as error:
            raise _refused(self.where, place, error) from None

    def _complete(self, members: dict[str, Any]) -> None:
        """Give the members an older layout lacks their value, and refuse a file that lacks another."""
        if not members:
            self._format(None)
        for member, (_, default) in ADDED.items():
            if added(member, self.layout):
                members[member] = default
                self.converted[member] = from_data(_FIELDS[member], default)
        missing = [name for name in _FIELDS if name not in members]
        if missing:
            raise DatasetIntegrityError(f"{self.where} does not fit its schema: {missing[0]}: Field required")


_FIELDS: dict[str, Any] = typing.get_type_hints(EditionRecords)
_RECORD_CLASSES: dict[str, type] = {table: typing.get_args(_FIELDS[table])[0] for table in RECORD_TABLES}
