"""A Frictionless Data Package (v2): the CSV files and a ``datapackage.json`` describing them.

Each resource has its Table Schema (typed fields, primary and foreign keys);
the package names its source, citation and reuse caveat. Its ``created`` is
the day the revision of the data was published, so building the package twice
gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rqds_portraits._tables import TABLES, Table
from rqds_portraits._version import __version__
from rqds_portraits.exports._csv import csv_files
from rqds_portraits.exports._files import write_set

if TYPE_CHECKING:
    from rqds_portraits._dataset import Dataset

__all__ = ["PROFILE", "descriptor", "write_datapackage"]

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
_FIELD_TYPES = {
    "string": "string",
    "integer": "integer",
    "decimal": "number",
    "boolean": "boolean",
    "date": "date",
    "datetime": "datetime",
}


def _schema(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [{"name": c.name, "type": _FIELD_TYPES[c.type], "description": c.description} for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(fk.columns), "reference": {"resource": fk.table, "fields": list(fk.references)}}
            for fk in table.foreign_keys
        ]
    return schema


def descriptor(ds: Dataset) -> dict[str, Any]:
    """The ``datapackage.json`` of *ds*'s tables."""
    source = ds.source
    return {
        "$schema": PROFILE,
        "name": f"rqds-tour-du-quebec-{ds.edition}",
        "title": source.title,
        "description": (
            f"{source.publisher} ({source.publisher_acronym}), « Tour du Québec » {ds.edition}: the portraits of the "
            "regional social-development bodies of its member territories, as tables. "
            f"Edition {ds.edition}, revision {ds.revision}, dataset sha256 {ds.sha256}. "
            f"Reuse caveat (from the note's licence field): {source.reuse_caveat}"
        ),
        "version": f"{ds.edition}+r{ds.revision}",
        "created": f"{(ds.revision_date or source.published).isoformat()}T00:00:00Z",
        "language": "fr",
        "keywords": ["développement social", "Québec", "RQDS", "Tour du Québec"],
        "sources": [{"title": f"{source.title} ({source.platform})", "path": source.url}],
        "contributors": [{"title": author, "roles": ["author"]} for author in source.authors]
        + [{"title": source.publisher, "roles": ["publisher"]}],
        "citation": ds.cite("text"),
        "rqds_portraits": {"version": __version__, "edition": ds.edition, "revision": ds.revision, "sha256": ds.sha256},
        "resources": [
            {
                "name": table.name,
                "type": "table",
                "path": f"{table.name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": table.description,
                "schema": _schema(table),
            }
            for table in TABLES
        ],
    }


def write_datapackage(ds: Dataset, folder: Path) -> list[Path]:
    """Write the CSV files and ``datapackage.json`` into *folder*, all or none (the descriptor is put in
    place last); returns the files written."""
    content = json.dumps(descriptor(ds), ensure_ascii=False, indent=2) + "\n"
    return write_set(folder, {**csv_files(ds), "datapackage.json": content.encode("utf-8")})
