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
import os
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InvalidArgument, MissingDependency, shown
from .csvfiles import csv_value
from .tables import Table, rows, table

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
            columns[column.name] = pandas.Series([None if v is None or v == "" else str(v) for v in values], dtype="string")
    return pandas.DataFrame(columns)


def to_dataframe(ds: Dataset, name: str) -> Any:
    """The table named *name* (``"amounts"``, ``"mentions"``, …) as a ``pandas.DataFrame``,
    with the columns of its CSV file, ``id`` included."""
    chosen = table(name)
    _modules()
    return _frame(chosen, rows(ds, chosen))


def read_csv(path: str | os.PathLike[str], name: str | None = None) -> Any:
    """An exported CSV file as the DataFrame :func:`to_dataframe` gives (the table is named
    by the file, ``amounts.csv``, unless *name* says)::

        frame = rp.exports.read_csv("tour-du-quebec/amounts.csv")
    """
    if isinstance(path, bool) or not isinstance(path, (str, os.PathLike)):
        raise InvalidArgument(f"path= must be the path of an exported CSV file, not {shown(path)}")
    chosen = table(Path(path).stem if name is None else name)
    _modules()
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            if header != [c.name for c in chosen.columns]:
                raise InvalidArgument(f"{shown(str(path))} does not have the columns of the table {chosen.name!r}")
            records = [[_parsed(cell, c.type) for cell, c in zip(line, chosen.columns)] for line in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InvalidArgument(f"cannot read {shown(str(path))}: {error}") from None
    return _frame(chosen, records)


def _parsed(cell: str, column_type: str) -> Any:
    if cell == "":
        return None
    if column_type == "decimal":
        return Decimal(cell)
    if column_type == "integer":
        return int(cell)
    if column_type == "boolean":
        return cell == "true"
    return csv_value(cell, column_type)
