"""What the id ledger of a bundled edition says of an id that a revision has no record for.

The build keeps ``data/<edition>/ids.json``: every id ever published in the
edition, what it denotes in each revision, and when it was retired (see
``rqds_build/ledger.py``). A lookup that finds no record asks :func:`explain`,
so an id retired by a later reading, or issued only in a later revision, says
so instead of looking like a typo:

    >>> import rqds_portraits as rp
    >>> ds = rp.load("2014-2015", revision=1)
    >>> explain(ds.sha256, "2014-2015", "dates", "capitale-nationale-01-d1")
    "in revision 1 of 2014-2015: it was first issued in revision 2; load that revision, or rp.load('2014-2015') for the latest"

The ledger is read only then, checked against the hash the edition index gives
it, and kept; a dataset that is not a bundled revision gets no explanation.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from rqds_portraits._errors import DatasetIntegrityError
from rqds_portraits._loading import files
from rqds_portraits._loading.index import Edition, read_index
from rqds_portraits._once import Once

__all__ = ["explain", "ledger"]

_read = Once()


def ledger(edition: Edition) -> Mapping[str, Mapping[str, Any]]:
    """The ledger of the bundled *edition*, table by table and id by id (read once, checked)."""

    def read() -> Mapping[str, Mapping[str, Any]]:
        if edition.ids is None:
            return {}
        file, expected = edition.ids
        raw = files.read_bundled(edition.name, file)
        if files.sha256_of(raw) != expected:
            raise DatasetIntegrityError(
                f"the installed id ledger of {edition.name} ({file}) has sha256 {files.sha256_of(raw)}, not {expected}"
                " as the edition index says: the package was altered after it was built; reinstall it"
            )
        data = json.loads(raw)
        tables = (key for key, value in data.items() if isinstance(value, list) and key != "revisions")
        return {table: {entry["id"]: entry for entry in data[table]} for table in tables}

    return _read.get(("ledger", edition.name, edition.ids), read)


def explain(sha256: str, edition_name: str, table: str, record_id: str) -> str | None:
    """Why the bundled revision whose file has *sha256* has no record *record_id* in *table*, when the
    ledger knows: the revision that retired it and its successors, or the revision that first issued it."""
    edition = next((e for e in _read.get("index", read_index) if e.name == edition_name), None)
    revision = next((r.revision for r in edition.revisions if r.sha256 == sha256), None) if edition else None
    if edition is None or revision is None:
        return None
    entry = ledger(edition).get(table, {}).get(record_id)
    if entry is None:
        return None
    retired = entry["retired"]
    if retired is not None and retired["revision"] <= revision:
        successors = retired["successors"]
        then = (
            f"; its successor is {successors[0]!r}"
            if len(successors) == 1
            else f"; its successors are {', '.join(map(repr, successors))}"
            if successors
            else "; no record carries it on"
        )
        return f"in revision {revision} of {edition_name}: it was retired in revision {retired['revision']} ({retired['why']}){then}"
    if entry["issued"] > revision:
        return (
            f"in revision {revision} of {edition_name}: it was first issued in revision {entry['issued']};"
            f" load that revision, or rp.load({edition_name!r}) for the latest"
        )
    return None
