"""SQLite: one database file with every table, its keys and indexes, views for the common joins,
and Datasette metadata that describes every table and column.

Money is stored twice, both exact: ``value`` as a NUMERIC column (whole
dollars are stored as integers, so ``ORDER BY value`` and ``SUM(value)`` work
as numbers) and ``value_cents`` as an INTEGER of cents (exact for any amount).
Booleans are 0/1; dates are ISO 8601 text. The views:

- ``counted_amounts``: the amounts a funding total adds (money of granted
  agreements, each once: what :meth:`Dataset.total_funding` counts);
- ``funding_by_territory``: their sum per territory, in cents and in dollars;
- ``partners_by_territory``: which partners each portrait names, how often and in which roles.

Every column of a view has a declared type, so tools that read SQLite by its types
(DuckDB, Datasette) see numbers as numbers: a view's first SELECT reads the empty table
``view_types``, whose columns are typed, and the rows come from the SELECT after its
``UNION ALL``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rqds_portraits._records.annotations import ROLES
from rqds_portraits._records.ententes import GRANTED
from rqds_portraits._tables import TABLES, Table, rows, text_value
from rqds_portraits._version import __version__
from rqds_portraits.exports._datapackage import data_card
from rqds_portraits.exports._files import write_set

if TYPE_CHECKING:
    from rqds_portraits._dataset import Dataset

__all__ = ["SQLITE_TYPES", "VIEWS", "create_statements", "datasette_metadata", "write_sqlite"]

SQLITE_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "decimal": "NUMERIC",
    "boolean": "INTEGER",
    "date": "TEXT",
    "datetime": "TEXT",
}

_GRANTED = ", ".join(f"'{status}'" for status in GRANTED)
# Every role a partner holds in a portrait, once each, in the order of ROLES and with the
# separator of the roles column ("signatory; manager"): a role is a whole item of that column.
_ROLES_HELD = (
    "RTRIM("
    + " || ".join(
        f"CASE WHEN MAX(INSTR('; ' || m.roles || '; ', '; {role}; ')) > 0 THEN '{role}; ' ELSE '' END" for role in ROLES
    )
    + ", '; ')"
)
_VIEW_TYPES = {"text": "TEXT", "integer": "INTEGER", "number": "NUMERIC"}


def _typed(columns: str, select: str) -> str:
    """*select* with its columns typed: *columns* is "name type, …" (types of :data:`_VIEW_TYPES`)."""
    first = ", ".join(f'"{kind}" AS {name}' for name, kind in (column.split() for column in columns.split(", ")))
    return f"SELECT {first} FROM view_types WHERE 0\nUNION ALL\nSELECT * FROM (\n{select}\n)"


VIEWS: dict[str, tuple[str, str]] = {
    "counted_amounts": (
        "The amounts a funding total adds: kind 'funding', of a granted agreement (or of none), "
        "and not a share of an amount already counted.",
        f"""SELECT a.* FROM amounts a
LEFT JOIN entente_amounts ea ON ea.amount_id = a.id
LEFT JOIN ententes e ON e.id = ea.entente_id
WHERE a.kind = 'funding' AND (e.status IS NULL OR e.status IN ({_GRANTED}))
AND NOT EXISTS (
  SELECT 1 FROM amounts w
  LEFT JOIN entente_amounts wa ON wa.amount_id = w.id
  LEFT JOIN ententes we ON we.id = wa.entente_id
  WHERE w.id = a.share_of AND w.kind = 'funding' AND w.share_of IS NULL
  AND (we.status IS NULL OR we.status IN ({_GRANTED}))
)""",
    ),
    "funding_by_territory": (
        "Money granted or committed per territory (the counted amounts), exact in cents.",
        _typed(
            "territory_id text, territory text, amounts integer, total_cents integer, total number",
            """SELECT t.id AS territory_id, t.name AS territory, COUNT(c.id) AS amounts,
COALESCE(SUM(c.value_cents), 0) AS total_cents, COALESCE(SUM(c.value), 0) AS total
FROM territories t LEFT JOIN counted_amounts c ON c.territory_id = t.id
GROUP BY t.id ORDER BY t.first_line""",
        ),
    ),
    "partners_by_territory": (
        "The partners each portrait names: how many mentions, and every role they hold there.",
        _typed(
            "territory_id text, partner_id text, partner text, mentions integer, roles text",
            f"""SELECT m.territory_id, p.id AS partner_id, p.name AS partner, COUNT(*) AS mentions,
{_ROLES_HELD} AS roles
FROM mentions m JOIN partners p ON p.id = m.partner_id
GROUP BY m.territory_id, p.id ORDER BY m.territory_id, p.id""",
        ),
    ),
}
"""Views of the database: name → (description, SELECT statement)."""


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
    return text_value(value)  # NUMERIC columns convert exact decimal text to integers (or reals)


def database_bytes(ds: Dataset) -> bytes:
    """The SQLite database of *ds*, as the bytes of its file: built in memory, never in a file reopened by name."""
    connection = sqlite3.connect(":memory:")
    try:
        _fill(ds, connection)
        if hasattr(connection, "serialize"):  # Python 3.11+
            return bytes(connection.serialize())
        import tempfile

        with tempfile.TemporaryDirectory() as private:  # a folder only this user can enter
            copy = sqlite3.connect(os.path.join(private, "copy.sqlite"))
            try:
                connection.backup(copy)
            finally:
                copy.close()
            with open(os.path.join(private, "copy.sqlite"), "rb") as handle:
                return handle.read()
    except sqlite3.Error as error:
        from rqds_portraits._errors import ExportError

        raise ExportError(f"cannot build the SQLite database: {error}") from None
    finally:
        connection.close()


def _fill(ds: Dataset, connection: sqlite3.Connection) -> None:
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
        typed = ", ".join(f'"{kind}" {declared}' for kind, declared in _VIEW_TYPES.items())
        connection.execute(f"CREATE TABLE view_types ({typed})")
        for name, (_, select) in VIEWS.items():
            connection.execute(f"CREATE VIEW {name} AS {select}")
    connection.execute("VACUUM")  # a compact file, the same bytes on every run


def datasette_metadata(ds: Dataset, database: str) -> dict[str, Any]:
    """Datasette's ``metadata.json`` for the database named *database*: the source, the reuse
    caveat, and a description of every table, view and column."""
    source = ds.source
    tables: dict[str, Any] = {
        table.name: {"description": table.description, "columns": {c.name: c.description for c in table.columns}}
        for table in TABLES
    }
    tables.update({name: {"description": description} for name, (description, _) in VIEWS.items()})
    tables["view_types"] = {
        "description": "Empty: its typed columns give the views' columns their types.",
        "hidden": True,
    }
    return {
        "title": f"{source.title} — édition {ds.edition}, révision {ds.revision}",
        # The data card is the description (Datasette shows it as Markdown above the tables): the source
        # states no licence, so none is claimed; its reuse caveat is in the card's Terms.
        "description": f"{data_card(ds)}\n\nWritten by rqds-portraits {__version__}.",
        "source": f"{source.publisher} ({source.publisher_acronym}), {source.platform}",
        "source_url": source.url,
        "databases": {database: {"tables": tables}},
    }


def write_sqlite(ds: Dataset, folder: Path) -> list[Path]:
    """Write the database ``tour-du-quebec-<edition>.sqlite`` and its Datasette ``metadata.json``
    into *folder* (replaced if they exist); returns the files written."""
    name = f"tour-du-quebec-{ds.edition}"
    metadata = json.dumps(datasette_metadata(ds, name), ensure_ascii=False, indent=2) + "\n"
    return write_set(folder, {f"{name}.sqlite": database_bytes(ds), "metadata.json": metadata.encode("utf-8")})
