"""pandas: an exported table as a DataFrame, from the data (:func:`to_dataframe`) or from its CSV
file (:func:`read_csv`), with the same columns and dtypes (see ``_frames.py``)."""

from __future__ import annotations

import csv
import io
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rqds_portraits._errors import DatasetIntegrityError, InvalidArgument, shown
from rqds_portraits._frames import dataframe, frame, pandas_modules
from rqds_portraits._io import Unreadable, read_regular_file
from rqds_portraits._loading.files import MAX_FILE_BYTES
from rqds_portraits._tables import table
from rqds_portraits.exports._checked import checked_dataset
from rqds_portraits.exports._csv import csv_value
from rqds_portraits.exports._files import manifest_mismatch

if TYPE_CHECKING:
    from rqds_portraits._dataset import Dataset

__all__ = ["read_csv", "to_dataframe", "to_dataframes"]


def to_dataframe(ds: Dataset, name: str) -> Any:
    """The table named *name* (``"amounts"``, ``"mentions"``, …) of *ds* as a ``pandas.DataFrame``,
    with the columns of its CSV file, ``id`` included: ``ds.to_dataframe(name)``."""
    return dataframe(checked_dataset(ds), name)


def to_dataframes(ds: Dataset) -> dict[str, Any]:
    """Every table of *ds* as a ``pandas.DataFrame``, by table name, in the order of
    :data:`~rqds_portraits.exports.TABLES` (each as :func:`to_dataframe` gives it)."""
    from rqds_portraits._tables import TABLES

    checked = checked_dataset(ds)
    return {t.name: dataframe(checked, t.name) for t in TABLES}


def read_csv(path: str | os.PathLike[str], name: str | None = None) -> Any:
    """An exported CSV file as the DataFrame :func:`to_dataframe` gives (the table is named
    by the file, ``amounts.csv``, unless *name* says)::

        frame = rp.exports.read_csv("tour-du-quebec/amounts.csv")

    A file that is not such a table (other columns, a cell that is not of its column's
    type, not UTF-8, not a regular file, larger than any export) raises
    :class:`~rqds_portraits.InvalidArgument`, naming the line and column; a file that is not the one
    its folder's ``SHA256SUMS`` lists (a folder that mixes two exports, an export cut short) raises
    :class:`~rqds_portraits.DatasetIntegrityError`.
    """
    if isinstance(path, bool) or not isinstance(path, (str, os.PathLike)):
        raise InvalidArgument(f"path= must be the path of an exported CSV file, not {shown(path)}")
    where = os.fsdecode(os.fspath(path))  # a bytes path too
    if "\x00" in where:
        raise InvalidArgument(f"path= must be the path of an exported CSV file, not {shown(where)}")
    chosen = table(Path(where).stem if name is None else name)
    pandas_modules()
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
    return frame(chosen, records)


def _read_text(where: str) -> str:
    """The UTF-8 text of the regular file *where*, of at most ``MAX_FILE_BYTES`` (64 MiB)."""
    try:
        raw = read_regular_file(where, MAX_FILE_BYTES)
    except Unreadable as error:
        raise InvalidArgument(f"cannot read {shown(where)}: {error.reason}") from None
    mismatch = manifest_mismatch(Path(where), raw)
    if mismatch is not None:
        raise DatasetIntegrityError(mismatch)
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
