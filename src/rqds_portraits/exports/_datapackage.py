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

__all__ = ["PROFILE", "data_card", "descriptor", "licence", "write_datapackage"]

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


def licence(ds: Dataset) -> dict[str, Any]:
    """What is known of the source's terms, as a Data Package licence entry: the note states no
    licence, only a caveat that its content may not belong to its authors; the entry says so and
    points to the note, where reuse conditions are to be asked."""
    source = ds.source
    return {
        "title": (
            f"No licence stated by the source: {source.publisher_acronym}'s note carries only a reuse caveat "
            f"(« {source.reuse_caveat} »); ask the publisher about the conditions of reuse"
        ),
        "path": source.url,
    }


def data_card(ds: Dataset) -> str:
    """A data card, in Markdown: what the data is, how it was read, its limits, how to cite it."""
    source = ds.source
    return "\n\n".join(
        [
            f"**What it is.** {source.publisher} ({source.publisher_acronym}), « Tour du Québec » {ds.edition}: "
            "the portraits of the regional social-development bodies of its member territories (their initiatives, "
            f"partners, agreements, periods and amounts), as tables. Edition {ds.edition}, revision {ds.revision}, "
            f"dataset sha256 {ds.sha256}.",
            f"**How it was read.** The note published on {source.platform} ({source.url}, consulted "
            f"{source.consulted.isoformat()}) is bundled verbatim; every record cites its line and columns in it. "
            "Amounts are exact decimals as written; a range of years is read in fiscal years (April to March) and "
            "each period carries its first and last month as read; statuses come from the text's words, from the "
            "period against the edition's reference date, or from a reading written in the record's note.",
            "**Limits.** The portraits are self-reported and not all updated for the edition; bounds, amounts and "
            "parties the text does not write are left empty, never guessed; the known ambiguities of the source "
            "are listed in the source_notes table and in the records' notes.",
            f"**Terms.** The source states no licence. Its reuse caveat: « {source.reuse_caveat} »",
            f"**Cite.** {ds.cite('text')}",
        ]
    )


def descriptor(ds: Dataset) -> dict[str, Any]:
    """The ``datapackage.json`` of *ds*'s tables."""
    source = ds.source
    return {
        "$schema": PROFILE,
        "name": f"rqds-tour-du-quebec-{ds.edition}",
        "title": source.title,
        "description": data_card(ds),
        "licenses": [licence(ds)],
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
