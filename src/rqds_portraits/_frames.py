"""pandas: a table as a DataFrame, the same columns as its CSV file (the ``pandas`` extra: see the getting-started page).

Each column has the dtype of its type: text as strings (region numbers stay
``"01"``), integers as nullable ``Int64``, booleans as ``boolean``, dates as
strings in ISO 8601, and money as an exact decimal (Arrow ``decimal128``, so
sums and sorts are exact). The same frame comes from the bundled data
(:meth:`rqds_portraits.Dataset.to_dataframe`) or from an exported CSV file
(:func:`rqds_portraits.exports.read_csv`)::

    >>> import rqds_portraits as rp
    >>> frame = rp.load("2014-2015").to_dataframe("amounts")
    >>> str(frame["value"].dtype), frame["value"].sum()
    ('decimal128(18, 2)[pyarrow]', Decimal('25265522.00'))
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rqds_portraits._errors import MissingDependency
from rqds_portraits._tables import Table, Tabulated, rows, table, text_value

__all__ = ["dataframe", "frame", "pandas_modules"]


def pandas_modules() -> tuple[Any, Any]:
    """pandas and pyarrow, or :class:`~rqds_portraits.MissingDependency` naming the extra to install."""
    try:
        import pandas
        import pyarrow
    except ImportError:
        raise MissingDependency(
            "DataFrames need pandas and pyarrow: pip install pandas pyarrow (or, in a checkout of rqds-portraits,"
            ' pip install ".[pandas]")'
        ) from None
    return pandas, pyarrow


def frame(chosen: Table, records: Sequence[Sequence[Any]]) -> Any:
    """A DataFrame of *records* (one value per column of *chosen*, as Python values), typed."""
    pandas, pyarrow = pandas_modules()
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
            columns[column.name] = pandas.Series(
                [None if v is None or v == "" else text_value(v) for v in values], dtype="string"
            )
    return pandas.DataFrame(columns)


def dataframe(ds: Tabulated, name: str) -> Any:
    """The table named *name* (``"amounts"``, ``"mentions"``, …) of *ds* as a ``pandas.DataFrame``,
    with the columns of its CSV file, ``id`` included."""
    chosen = table(name)
    pandas_modules()
    return frame(chosen, rows(ds, chosen))
