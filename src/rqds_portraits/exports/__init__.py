"""Exports to the open-data ecosystem: JSON, CSV, SQLite, a Frictionless Data Package, pandas.

    >>> import rqds_portraits as rp
    >>> from rqds_portraits.exports import FORMATS
    >>> FORMATS
    ('json', 'csv', 'sqlite', 'datapackage')

Every format follows one description of the tables (:mod:`.tables`), and
writing an export twice gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..codec import dumps, to_data
from ..errors import InvalidArgument
from .csvfiles import write_csv
from .dataframe import to_dataframe
from .datapackage import write_datapackage
from .sqlitedb import write_sqlite
from .tables import TABLES

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["FORMATS", "TABLES", "export", "to_dataframe", "write_json"]

FORMATS = ("json", "csv", "sqlite", "datapackage")


def write_json(ds: Dataset, path: Path) -> Path:
    """Write the dataset as shipped: the same bytes as the bundled dataset file."""
    path.write_bytes(dumps(to_data(ds.records)))
    return path


def export(ds: Dataset, format: str, folder: str | Path) -> list[Path]:
    """Write *ds* in *format* (one of :data:`FORMATS`) into *folder* (created if needed).

    Returns the files written: ``dataset-<edition>.json``, one ``<table>.csv`` per
    table, ``tour-du-quebec-<edition>.sqlite``, or the CSV files with ``datapackage.json``.
    """
    if format not in FORMATS:
        raise InvalidArgument(f"invalid export format {format!r}; formats are {', '.join(FORMATS)}")
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidArgument(f"cannot write into {str(out)!r}: {error.strerror}") from None
    if format == "json":
        return [write_json(ds, out / f"dataset-{ds.edition}.json")]
    if format == "csv":
        return write_csv(ds, out)
    if format == "sqlite":
        return [write_sqlite(ds, out / f"tour-du-quebec-{ds.edition}.sqlite")]
    return write_datapackage(ds, out)
