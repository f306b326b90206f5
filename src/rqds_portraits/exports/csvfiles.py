"""CSV: one UTF-8 file per table, with a header row, ids that join, exact amounts."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from .tables import TABLES, Table, rows, text_value

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["csv_text", "write_csv"]


def csv_text(ds: Dataset, table: Table) -> str:
    """The CSV text of one table (``\\n`` line ends, every field quoted only when needed)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    writer.writerows([text_value(value) for value in row] for row in rows(ds, table))
    return out.getvalue()


def write_csv(ds: Dataset, folder: Path) -> list[Path]:
    """Write ``<table>.csv`` for every table into *folder*; returns the files written."""
    written = []
    for table in TABLES:
        path = folder / f"{table.name}.csv"
        path.write_text(csv_text(ds, table), encoding="utf-8", newline="")
        written.append(path)
    return written
