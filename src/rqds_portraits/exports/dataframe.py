"""pandas: a table as a DataFrame, the same columns as its CSV file (``pip install "rqds-portraits[pandas]"``).

Each column has the dtype of its type: text as strings (region numbers stay
``"01"``), integers as nullable ``Int64``, booleans as ``boolean``, dates as
strings in ISO 8601, and money as an exact decimal (Arrow ``decimal128``, so
sums and sorts are exact). The same frame comes from the bundled data
(:func:`to_dataframe`) or from an exported CSV file (:func:`read_csv`)::

    >>> import rqds_portraits as rp
    >>> frame = rp.load("2014-2015").to_dataframe("amounts")
    >>> str(frame["value"].dtype), frame["value"].sum()
    ('decimal128(18, 2)[pyarrow]', Decimal('25265522.00'))
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InvalidArgument, MissingDependency, shown
from .csvfiles import csv_value
from .tables import Table, rows, table, text_value

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["read_csv", "to_dataframe"]


def _modules() -> tuple[Any, Any]:
    try:
        import pandas
        import pyarrow
    except ImportError:
        raise MissingDependency('DataFrames need pandas and pyarrow: pip install "rqds-portraits[pandas]"') from None
    return pandas, pyarrow


def _frame(chosen: Table, records: Sequence[Sequence[Any]]) -> Any:
    """A DataFrame of *records* (one value per column of *chosen*, as Python values), typed."""
    pandas, pyarrow = _modules()
    columns = {}
    for position, column in enumerate(chosen.columns):
        values = [record[position] for record in records]
        if column.type == "decimal":
            dtype = pandas.ArrowDtype(pyarrow.decimal128(18, 2))
            columns[column.name] = pandas.Series(values, dtype=dtype)
        elif column.type == "integer":
            columns[column.name] = pandas.Series(values, dtype="Int64")
        elif column.type == "boolean":
            columns[column.name] = pandas.Series(values, dtype="boolean")
        else:
            # An empty text is missing, as in the CSV file and the Data Package ("missingValues": [""]).
            # Dates and times as the CSV file writes them (ISO 8601: "2024-11-05T10:41:00").
            columns[column.name] = pandas.Series([None if v is None or v == "" else text_value(v) for v in values], dtype="string")
    return pandas.DataFrame(columns)


def to_dataframe(ds: Dataset, name: str) -> Any:
    """The table named *name* (``"amounts"``, ``"mentions"``, …) as a ``pandas.DataFrame``,
    with the columns of its CSV file, ``id`` included."""
    from . import _dataset  # the exports' check of a dataset

    checked = _dataset(ds)
    chosen = table(name)
    _modules()
    return _frame(chosen, rows(checked, chosen))


def read_csv(path: str | os.PathLike[str], name: str | None = None) -> Any:
    """An exported CSV file as the DataFrame :func:`to_dataframe` gives (the table is named
    by the file, ``amounts.csv``, unless *name* says)::

        frame = rp.exports.read_csv("tour-du-quebec/amounts.csv")

    A file that is not such a table (other columns, a cell that is not of its column's
    type, not UTF-8, not a regular file, larger than any export) raises
    :class:`~rqds_portraits.InvalidArgument`, naming the line and column.
    """
    if isinstance(path, bool) or not isinstance(path, (str, os.PathLike)):
        raise InvalidArgument(f"path= must be the path of an exported CSV file, not {shown(path)}")
    where = os.fsdecode(os.fspath(path))  # a bytes path too
    if "\x00" in where:
        raise InvalidArgument(f"path= must be the path of an exported CSV file, not {shown(where)}")
    chosen = table(Path(where).stem if name is None else name)
    _modules()
    text = _read_text(where)
    columns = chosen.columns
    records = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, [])
        if header != [c.name for c in columns]:
            raise InvalidArgument(f"{shown(where)} does not have the columns of the table {chosen.name!r}")
        for line in reader:
            if len(line) != len(columns):
                raise InvalidArgument(
                    f"{shown(where)} line {reader.line_num}: {len(line)} cells, not the {len(columns)} columns of the table {chosen.name!r}"
                )
            records.append([_parsed(cell, c.type, where, reader.line_num, c.name) for cell, c in zip(line, columns)])
    except csv.Error as error:
        raise InvalidArgument(f"cannot read {shown(where)}: {error}") from None
    return _frame(chosen, records)


def _read_text(where: str) -> str:
    """The UTF-8 text of the regular file *where*, of at most :data:`~rqds_portraits.loading.MAX_FILE_BYTES`."""
    import stat

    from ..loading import MAX_FILE_BYTES

    try:
        # Without waiting: a named pipe nobody writes to is refused, not waited for.
        with open(os.open(where, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InvalidArgument(f"cannot read {shown(where)}: not a regular file")
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise InvalidArgument(f"cannot read {shown(where)}: {error.strerror or error}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise InvalidArgument(f"cannot read {shown(where)}: larger than {MAX_FILE_BYTES} bytes, not an exported table")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidArgument(f"cannot read {shown(where)}: not UTF-8 ({error.reason} at byte {error.start})") from None


_INTEGER = r"-?[0-9]{1,18}"  # what the CSV export writes in an integer column (Int64)
_DECIMAL = r"-?[0-9]{1,16}(?:\.[0-9]{1,2})?"  # in a money column (decimal128(18, 2))
_CELLS = {"integer": (_INTEGER, "an integer"), "decimal": (_DECIMAL, "an amount with at most 2 decimals"),
          "boolean": (r"true|false", "true or false")}  # fmt: skip


def _parsed(cell: str, column_type: str, where: str, line: int, column: str) -> Any:
    if cell == "":
        return None
    pattern = _CELLS.get(column_type)
    if pattern is not None and re.fullmatch(pattern[0], cell) is None:
        raise InvalidArgument(f"{shown(where)} line {line}, column {column}: {shown(cell)} is not {pattern[1]}")
    if column_type == "decimal":
        return Decimal(cell)
    if column_type == "integer":
        return int(cell)
    if column_type == "boolean":
        return cell == "true"
    return csv_value(cell, column_type)
