"""Exports to the open-data ecosystem: JSON, CSV, SQLite (with Datasette metadata), a Frictionless
Data Package, pandas.

    >>> from rqds_portraits.exports import FORMATS
    >>> FORMATS
    ('json', 'csv', 'sqlite', 'datapackage')

Every format follows one description of the tables (:mod:`.tables`), writing
an export twice gives the same bytes, and each file is written whole or not
at all (:mod:`.files`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InvalidArgument, shown
from ..index import EDITION_NAME
from .csvfiles import write_csv
from .dataframe import read_csv, to_dataframe
from .datapackage import write_datapackage
from .files import export_folder, write_bytes
from .sqlitedb import write_sqlite
from .tables import TABLES

if TYPE_CHECKING:
    import os

    from ..dataset import Dataset

__all__ = ["FORMATS", "TABLES", "export", "read_csv", "to_dataframe", "write_json"]

FORMATS = ("json", "csv", "sqlite", "datapackage")


def _dataset(ds: object) -> Dataset:
    from ..dataset import Dataset

    if not isinstance(ds, Dataset):
        raise InvalidArgument(f"ds= must be a Dataset (from rp.load or rp.load_file), not {shown(ds)}")
    if re.match(EDITION_NAME, ds.edition) is None:  # file names come only from an edition's name
        raise InvalidArgument(f"the dataset's edition {shown(ds.edition)} is not an edition's name")
    return ds


def write_json(ds: Dataset, folder: str | os.PathLike[str]) -> Path:
    """Write ``dataset-<edition>.json`` into *folder*: the dataset file as shipped, byte for byte."""
    checked = _dataset(ds)
    return write_bytes(export_folder(folder) / f"dataset-{checked.edition}.json", checked.to_json())


def export(ds: Dataset, format: str, folder: str | os.PathLike[str]) -> list[Path]:
    """Write *ds* in *format* (one of :data:`FORMATS`) into *folder* (created if missing, when
    its parent exists). Returns the files written: ``dataset-<edition>.json``, one
    ``<table>.csv`` per table, ``tour-du-quebec-<edition>.sqlite`` with Datasette's
    ``metadata.json``, or the CSV files with ``datapackage.json``.
    """
    checked = _dataset(ds)
    if not isinstance(format, str) or format not in FORMATS:
        raise InvalidArgument(f"invalid export format {shown(format)}; formats are {', '.join(FORMATS)}")
    out = export_folder(folder)
    if format == "json":
        return [write_json(checked, out)]
    if format == "csv":
        return write_csv(checked, out)
    if format == "sqlite":
        return write_sqlite(checked, out)
    return write_datapackage(checked, out)
