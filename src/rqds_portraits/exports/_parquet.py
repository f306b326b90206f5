"""Parquet: one ``<table>.parquet`` file per table, typed as the tables describe (money as exact
``decimal128(18, 2)``, integers as ``int64``, booleans, text), for DuckDB, Polars, Spark and pandas.
Needs pyarrow (``pip install pyarrow``, or the ``parquet`` extra: see the getting-started page)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rqds_portraits._errors import MissingDependency
from rqds_portraits._tables import TABLES, Table, rows, text_value
from rqds_portraits.exports._files import write_set

if TYPE_CHECKING:
    from rqds_portraits._dataset import Dataset

__all__ = ["arrow_table", "write_parquet"]


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingDependency(
            "the Parquet export needs pyarrow: pip install pyarrow (or, in a checkout of rqds-portraits,"
            ' pip install ".[parquet]")'
        ) from None
    return pyarrow, pyarrow.parquet


def arrow_table(ds: Dataset, table: Table) -> Any:
    """The rows of *table* as a ``pyarrow.Table`` with the column types of the description."""
    pa, _ = _pyarrow()
    types = {
        "string": pa.string(),
        "integer": pa.int64(),
        "decimal": pa.decimal128(18, 2),
        "boolean": pa.bool_(),
        "date": pa.string(),  # ISO 8601, as the CSV files write them
        "datetime": pa.string(),
    }
    found = rows(ds, table)
    arrays = []
    for position, column in enumerate(table.columns):
        values = [row[position] for row in found]
        if column.type in ("string", "date", "datetime"):
            values = [None if v is None or v == "" else text_value(v) for v in values]
        arrays.append(pa.array(values, type=types[column.type]))
    return pa.Table.from_arrays(arrays, schema=pa.schema([(c.name, types[c.type]) for c in table.columns]))


def write_parquet(ds: Dataset, folder: Path) -> list[Path]:
    """Write one ``<table>.parquet`` per table into *folder*, all or none, as the other sets are (built in
    memory, then put in place with their manifest); returns the files written."""
    pa, parquet = _pyarrow()
    files = {}
    for table in TABLES:
        sink = pa.BufferOutputStream()
        parquet.write_table(arrow_table(ds, table), sink)
        files[f"{table.name}.parquet"] = sink.getvalue().to_pybytes()
    return write_set(folder, files)
