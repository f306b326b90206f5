"""CSV: one UTF-8 file per table, with a header row, ids that join, exact amounts.

A text cell that a spreadsheet would run as a formula (it starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading
apostrophe, as OWASP recommends, so opening the file never runs it; the JSON
and SQLite exports keep such text as written. A text that itself starts with
apostrophes before such a character gets one more, so reading the file back
(:func:`~rqds_portraits.exports.read_csv`, :func:`csv_value`) gives every text
exactly. Numbers are never touched (a negative amount stays ``-5``).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rqds_portraits._tables import TABLES, Table, rows, text_value
from rqds_portraits.exports._files import write_set

if TYPE_CHECKING:
    from rqds_portraits._dataset import Dataset

__all__ = ["FORMULA_STARTS", "csv_cell", "csv_files", "csv_text", "csv_value", "write_csv"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""


def _escaped(text: str) -> bool:
    """Whether *text* reads as a formula once its leading apostrophes are set aside."""
    return text.lstrip("'").startswith(FORMULA_STARTS)


def csv_cell(value: Any, column_type: str) -> str:
    """*value* as a CSV cell of a column of *column_type* (text that reads as a formula is escaped).

    >>> csv_cell("=SUM(A1)", "string"), csv_cell("'=x", "string"), csv_cell("l'été", "string")
    ("'=SUM(A1)", "''=x", "l'été")
    """
    text = text_value(value)
    if column_type == "string" and _escaped(text):
        return "'" + text
    return text


def csv_value(cell: str, column_type: str) -> str:
    """The text a cell written by :func:`csv_cell` holds: the escape's apostrophe removed.

    >>> csv_value("''=x", "string"), csv_value("'=SUM(A1)", "string"), csv_value("'quoted'", "string")
    ("'=x", '=SUM(A1)', "'quoted'")
    """
    if column_type == "string" and cell.startswith("'") and _escaped(cell):
        return cell[1:]
    return cell


def csv_text(ds: Dataset, table: Table) -> str:
    """The CSV text of one table (``\\n`` line ends, every field quoted only when needed)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    types = [column.type for column in table.columns]
    writer.writerows([csv_cell(value, kind) for value, kind in zip(row, types)] for row in rows(ds, table))
    return out.getvalue()


def csv_files(ds: Dataset) -> dict[str, bytes]:
    """The file ``<table>.csv`` of every table, by name, with its bytes."""
    return {f"{table.name}.csv": csv_text(ds, table).encode("utf-8") for table in TABLES}


def write_csv(ds: Dataset, folder: Path) -> list[Path]:
    """Write ``<table>.csv`` for every table into *folder*, all or none; returns the files written."""
    return write_set(folder, csv_files(ds))
