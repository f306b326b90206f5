"""Exports to the open-data ecosystem: JSON, CSV, SQLite (with Datasette metadata), a Frictionless
Data Package, Parquet, pandas, and a browsable static site (:func:`write_site`).

    >>> from rqds_portraits.exports import FORMATS
    >>> FORMATS
    ('json', 'csv', 'sqlite', 'datapackage', 'parquet')

Every format follows one description of the tables (:data:`TABLES`), writing
an export twice gives the same bytes, and each file is written whole or not
at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from rqds_portraits._errors import InvalidArgument, shown
from rqds_portraits._tables import TABLES, Column, ForeignKey, Table
from rqds_portraits.exports._checked import checked_dataset
from rqds_portraits.exports._csv import FORMULA_STARTS, write_csv
from rqds_portraits.exports._dataframe import read_csv, to_dataframe, to_dataframes
from rqds_portraits.exports._datapackage import write_datapackage
from rqds_portraits.exports._files import export_folder, write_bytes
from rqds_portraits.exports._parquet import write_parquet
from rqds_portraits.exports._site import write_site
from rqds_portraits.exports._sqlite import write_sqlite

if TYPE_CHECKING:
    import os

    from rqds_portraits._dataset import Dataset

__all__ = [
    "FORMATS",
    "FORMULA_STARTS",
    "TABLES",
    "Column",
    "ForeignKey",
    "Format",
    "Table",
    "export",
    "read_csv",
    "to_dataframe",
    "to_dataframes",
    "write_json",
    "write_site",
]

Format = Literal["json", "csv", "sqlite", "datapackage", "parquet"]
FORMATS: tuple[Format, ...] = get_args(Format)
"""The export formats: a JSON dataset file, one CSV file per table, a SQLite database, a Frictionless Data
Package, one Parquet file per table (with pyarrow installed)."""


def write_json(ds: Dataset, folder: str | os.PathLike[str]) -> Path:
    """Write ``dataset-<edition>.json`` into *folder*: the dataset file as shipped, byte for byte."""
    checked = checked_dataset(ds)
    return write_bytes(export_folder(folder) / f"dataset-{checked.edition}.json", checked.to_json())


def export(ds: Dataset, format: Format | str, folder: str | os.PathLike[str]) -> list[Path]:
    """Write *ds* in *format* (one of :data:`FORMATS`) into *folder* (created if missing, when
    its parent exists). Returns the files written: ``dataset-<edition>.json``, one
    ``<table>.csv`` per table, ``tour-du-quebec-<edition>.sqlite`` with Datasette's
    ``metadata.json``, the CSV files with ``datapackage.json``, or one ``<table>.parquet``
    per table (which needs pyarrow: :class:`~rqds_portraits.MissingDependency` otherwise).
    """
    checked = checked_dataset(ds)
    if not isinstance(format, str) or format not in FORMATS:
        raise InvalidArgument(f"invalid export format {shown(format)}; formats are {', '.join(FORMATS)}")
    out = export_folder(folder)
    if format == "json":
        return [write_json(checked, out)]
    if format == "csv":
        return write_csv(checked, out)
    if format == "sqlite":
        return write_sqlite(checked, out)
    if format == "parquet":
        return write_parquet(checked, out)
    return write_datapackage(checked, out)
