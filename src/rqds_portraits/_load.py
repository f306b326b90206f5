"""The entry points: :func:`load` a bundled edition (once, shared between threads), :func:`load_file`
a dataset file from elsewhere, list :func:`editions` and :func:`revisions`, :func:`clear_cache`.

The data files ship inside the package. Nothing is read at import time; the
first :func:`load` of a revision reads its dataset file, checks its SHA-256
against the edition index (a changed or truncated file raises
:class:`~rqds_portraits.DatasetIntegrityError` there and then), and keeps the
:class:`~rqds_portraits.Dataset`, which later calls return. Every published
revision stays loadable by its pin::

    >>> import rqds_portraits as rp
    >>> old = rp.load("2014-2015", revision=1, sha256="37de3aaedc06f32dee564447dce5e5219838ce060e5c60348538330bab210532")
    >>> old.revision, old.mention("bas-saint-laurent-01-m10").roles   # as 0.1.0 read it
    (1, ('leader',))
    >>> rp.load("2014-2015").mention("bas-saint-laurent-01-m10").roles  # revision 2: "la naissance de COSMOSS"
    ('mentioned',)
"""

from __future__ import annotations

import os
from os import PathLike

from rqds_portraits._dataset import Dataset
from rqds_portraits._errors import DatasetIntegrityError, DatasetVersionError, InvalidArgument, shown
from rqds_portraits._loading import files
from rqds_portraits._loading.files import inflated, read_dataset_file, sha256_of
from rqds_portraits._loading.index import Edition, Revision, find_edition, pinned, read_index
from rqds_portraits._loading.members import DatasetFile, verified
from rqds_portraits._once import Once

__all__ = ["clear_cache", "editions", "load", "load_file", "revisions"]

_loaded = Once()
"""What the process has read: the edition index and the loaded revisions. :func:`clear_cache`
replaces it at once, so a thread that holds the old one finishes its call with it."""


def _index(cache: Once) -> tuple[Edition, ...]:
    # The index is anchored: its hash, recorded in the package's code by the build, must match.
    return cache.get("index", read_index)


def editions() -> tuple[str, ...]:
    """The bundled editions, oldest first: ``("2014-2015",)``."""
    return tuple(edition.name for edition in _index(_loaded))


def revisions(edition: str | None = None) -> tuple[Revision, ...]:
    """Every published revision of *edition* (the latest edition when ``None``), oldest first.

    Each one stays loadable with ``load(edition, revision=r.revision, sha256=r.sha256)``.
    """
    return find_edition(_index(_loaded), edition).revisions


def load(edition: str | None = None, *, revision: int | None = None, sha256: str | None = None) -> Dataset:
    """The dataset of *edition* (the latest when ``None``) at its latest revision, loaded once and shared.

    Pin it exactly with the *revision* and the *sha256* of its dataset file
    (:func:`revisions` lists them); a pin that matches no published revision
    raises :class:`~rqds_portraits.DatasetVersionError`. The file is checked
    against its hash on the first load of each revision::

        >>> import rqds_portraits as rp
        >>> ds = rp.load("2014-2015")
        >>> rp.load("2014-2015", revision=ds.revision, sha256=ds.sha256) is ds
        True
    """
    cache = _loaded
    chosen = pinned(find_edition(_index(cache), edition), revision, sha256)
    return cache.get((chosen.edition, chosen.revision), lambda: Dataset(_read(chosen)))


def _read(revision: Revision) -> DatasetFile:
    where = f"the installed dataset file of {revision.edition} revision {revision.revision}"
    raw = inflated(files.read_bundled(revision.edition, revision.file), where)
    remedy = " as the edition index says: the package was altered after it was built; reinstall it"
    file = verified(raw, revision.sha256, {"revision_date": revision.date.isoformat()}, where, remedy)
    # The file says which edition and revision it holds: they must be those of its entry in the index.
    edition, number = file.data.get("edition"), file.data.get("revision")
    if (edition, number) != (revision.edition, revision.revision):
        raise DatasetIntegrityError(
            f"{where} holds edition {shown(edition)} revision {shown(number)}, not the revision its entry "
            "in the edition index names: the package was altered after it was built; reinstall it"
        )
    return file


def load_file(path: str | PathLike[str], *, sha256: str | None = None) -> Dataset:
    """A dataset read from a dataset file on disk (not cached), validated whole before it is returned.

    For data outside the package: an edition built with ``python -m rqds_build``
    into another folder, or a dataset file downloaded with a release (``.json``, or
    ``.json.gz``). The file must fit its JSON Schema and make sense (unique ids,
    references that resolve, line ranges inside the source, bounded money); any
    problem raises :class:`~rqds_portraits.DatasetIntegrityError` naming where it is.
    """
    if isinstance(path, bool) or not isinstance(path, (str, PathLike)):
        raise InvalidArgument(f"path= must be a file path (a str or os.PathLike), not {shown(path)}")
    if sha256 is not None and not isinstance(sha256, str):
        raise InvalidArgument(f"sha256= must be a SHA-256 hex digest (a string), not {shown(sha256)}")
    shown_path = shown(os.fspath(path))
    raw = read_dataset_file(path, shown_path)
    digest = sha256_of(raw)
    if sha256 is not None and sha256.strip().lower() != digest:
        raise DatasetVersionError(f"{shown_path} has sha256 {digest}, not {shown(sha256)}")
    from rqds_portraits._collector import paused
    from rqds_portraits._loading.integrity import (
        checked_records,  # pydantic and the checks: only for files from outside
    )
    from rqds_portraits._render import render  # what is accepted regenerates its source: no line written twice

    with paused():  # records built by the thousand, none garbage: half the time of a large file was the collector's
        records = checked_records(raw, shown_path, also=render)
    return Dataset(DatasetFile.of_records(raw, digest, records))


def clear_cache() -> None:
    """Forget the loaded editions and the index: the next :func:`load` reads the files again.

    Safe while other threads load: they finish with what they had read.
    """
    global _loaded
    _loaded = Once()
