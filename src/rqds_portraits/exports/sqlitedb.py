"""SQLite: one database file with every table, its primary and foreign keys, and indexes.

Amounts are stored as exact decimal text (``CAST(value AS NUMERIC)`` to compute
with them in SQL); booleans as 0/1; dates as ISO 8601 text.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from .tables import TABLES, Table, rows, text_value

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["SQLITE_TYPES", "create_statements", "write_sqlite"]

SQLITE_TYPES = {"string": "TEXT", "integer": "INTEGER", "decimal": "TEXT", "boolean": "INTEGER", "date": "TEXT", "datetime": "TEXT"}


def create_statements(table: Table) -> list[str]:
    """The CREATE TABLE and CREATE INDEX statements of *table*."""
    columns = [f'"{c.name}" {SQLITE_TYPES[c.type]}' for c in table.columns]
    keys = [f"PRIMARY KEY ({', '.join(table.primary_key)})"]
    keys += [
        f"FOREIGN KEY ({', '.join(fk.columns)}) REFERENCES {fk.table} ({', '.join(fk.references)})"
        for fk in table.foreign_keys
    ]
    statements = [f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(columns + keys) + "\n)"]
    statements += [
        f"CREATE INDEX {table.name}_{'_'.join(fk.columns)} ON {table.name} ({', '.join(fk.columns)})"
        for fk in table.foreign_keys
    ]
    return statements


def _value(value: object, column_type: str) -> object:
    if value is None:
        return None
    if column_type == "boolean":
        return int(bool(value))
    if column_type == "integer":
        return value
    return text_value(value)


def write_sqlite(ds: Dataset, path: Path) -> Path:
    """Write every table into the SQLite database *path* (replaced if it exists)."""
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:
            for table in TABLES:
                for statement in create_statements(table):
                    connection.execute(statement)
                marks = ", ".join("?" for _ in table.columns)
                types = [column.type for column in table.columns]
                connection.executemany(
                    f"INSERT INTO {table.name} VALUES ({marks})",
                    [tuple(_value(v, t) for v, t in zip(row, types)) for row in rows(ds, table)],
                )
        connection.execute("VACUUM")  # a compact file, the same bytes on every run
    finally:
        connection.close()
    return path
