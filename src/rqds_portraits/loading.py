"""Loading the bundled editions: verified, pinned by revision and hash, once, shared between threads.

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

import json
import os
import threading
from collections.abc import Iterator, Mapping
from os import PathLike
from typing import Any

from .arguments import positive_int
from .dataset import Dataset
from .errors import DatasetIntegrityError, DatasetVersionError, EditionNotFound, InvalidArgument, shown
from .index import Edition, Revision, edition_name, parse_index

__all__ = ["MAX_FILE_BYTES", "LazyObject", "clear_cache", "editions", "load", "load_file", "read_bundled", "revisions"]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest dataset file :func:`load_file` reads (the bundled ones are well under 1 MB)."""

_DIGEST = 64  # hex digits of a SHA-256


def read_bundled(*parts: str) -> bytes:
    """The bytes of a file under the package's ``data/`` folder (``read_bundled("2014-2015", "source.txt")``).

    Works from a wheel, an editable install or a zip: files on disk and zip
    archives are read through the package's own loader (the call importlib.resources
    makes for them), which costs no import on the cold-start path; any other
    loader goes through :func:`importlib.resources.files`.
    """
    loader = __spec__.loader
    if loader is not None and hasattr(loader, "get_data"):
        try:
            return bytes(loader.get_data(os.path.join(os.path.dirname(__file__), "data", *parts)))
        except OSError:
            pass  # let importlib.resources say what is missing
    from importlib.resources import files

    resource = files(__package__).joinpath("data")
    for part in parts:
        resource = resource.joinpath(part)
    try:
        return resource.read_bytes()
    except OSError:
        raise DatasetIntegrityError(f"the bundled file data/{'/'.join(parts)} is missing: reinstall rqds-portraits") from None


def _sha256(data: bytes) -> str:
    # hashlib loads OpenSSL (a few ms at every cold start); the built-in SHA-256 module,
    # where this Python has one, gives the same digest without it.
    try:
        from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]  # Python 3.12+
    except ImportError:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]  # Python 3.10, 3.11
        except ImportError:
            from hashlib import sha256  # type: ignore[assignment,unused-ignore]
    return str(sha256(data).hexdigest())


class LazyObject(Mapping[str, Any]):
    """A JSON object whose members are decoded in file order, only as far as asked.

    A script that asks for one territory decodes the file's first members, not
    its hundreds of mentions. Safe to share between threads.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._members: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._position = self._skip(0)
        if not text.startswith("{", self._position):
            raise DatasetIntegrityError("a dataset file holds one JSON object")
        self._position = self._skip(self._position + 1)
        self._done = text.startswith("}", self._position)

    def _skip(self, position: int) -> int:
        while position < len(self._text) and self._text[position] in " \t\n\r":
            position += 1
        return position

    def _next_member(self) -> None:
        text, decode = self._text, _DECODER.raw_decode
        try:
            key, position = decode(text, self._position)
            position = self._skip(position)
            if not text.startswith(":", position):
                raise ValueError(f"':' expected at character {position}")
            value, position = decode(text, self._skip(position + 1))
        except (ValueError, RecursionError) as error:
            raise DatasetIntegrityError(f"the dataset file is not valid JSON: {error}") from None
        self._members[key] = value
        position = self._skip(position)
        self._done = text.startswith("}", position)
        self._position = self._skip(position + 1)

    def _decode_until(self, key: str | None) -> None:
        """Decode members until *key* is found (every member when ``None``)."""
        with self._lock:
            while (key is None or key not in self._members) and not self._done:
                self._next_member()

    def __getitem__(self, key: str) -> Any:
        if key not in self._members:
            self._decode_until(key)
        return self._members[key]

    def __iter__(self) -> Iterator[str]:
        self._decode_until(None)
        return iter(list(self._members))

    def __len__(self) -> int:
        self._decode_until(None)
        return len(self._members)


_DECODER = json.JSONDecoder()


class _State:
    """What the process has read: the edition index and the loaded revisions.

    :func:`clear_cache` replaces the whole state at once, so a thread that
    holds the old one finishes its call with it, never with a half-cleared one.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.index: tuple[Edition, ...] | None = None
        self.loaded: dict[tuple[str, int], Dataset] = {}

    def editions(self) -> tuple[Edition, ...]:
        index = self.index
        if index is None:
            with self.lock:
                index = self.index
                if index is None:
                    index = self.index = parse_index(json.loads(read_bundled("editions.json")))
        return index


_STATE = _State()


def editions() -> tuple[str, ...]:
    """The bundled editions, oldest first: ``("2014-2015",)``."""
    return tuple(edition.name for edition in _STATE.editions())


def _edition(state: _State, edition: object) -> Edition:
    index = state.editions()
    if edition is None:
        return index[-1]
    name = edition_name(edition)
    for entry in index:
        if entry.name == name:
            return entry
    valid = ", ".join(repr(entry.name) for entry in index)
    raise EditionNotFound(f"no bundled edition {shown(edition)}; this package has {valid}")


def revisions(edition: str | None = None) -> tuple[Revision, ...]:
    """Every published revision of *edition* (the latest edition when ``None``), oldest first.

    Each one stays loadable with ``load(edition, revision=r.revision, sha256=r.sha256)``.
    """
    return _edition(_STATE, edition).revisions


def _listing(edition: Edition) -> str:
    return "; ".join(f"revision {r.revision} of {r.date}, sha256 {r.sha256}" for r in edition.revisions)


def _revision(edition: Edition, revision: object, sha256: object) -> Revision:
    """The revision a pin names: by number, by hash, or the latest."""
    pinned_hash = None
    if sha256 is not None:
        if not isinstance(sha256, str):
            raise InvalidArgument(f"sha256= must be a SHA-256 hex digest (a string), not {shown(sha256)}")
        pinned_hash = sha256.strip().lower() if len(sha256) < 2 * _DIGEST else sha256
    if revision is not None:
        number = positive_int(revision, "revision")
        chosen = next((r for r in edition.revisions if r.revision == number), None)
        if chosen is None:
            from ._version import __version__

            raise DatasetVersionError(
                f"edition {edition.name} has no revision {shown(number)} in rqds-portraits {__version__}: it has {_listing(edition)}; "
                "install the release that ships the revision you pinned (CHANGELOG.md lists them)"
            )
    elif pinned_hash is not None:
        chosen = next((r for r in edition.revisions if r.sha256 == pinned_hash), edition.latest)
    else:
        chosen = edition.latest
    if pinned_hash is not None and pinned_hash != chosen.sha256:
        raise DatasetVersionError(
            f"edition {edition.name} revision {chosen.revision} has sha256 {chosen.sha256}, not {shown(sha256)}: "
            f"the data you pinned differs from the data installed, which has {_listing(edition)}"
        )
    return chosen


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
    state = _STATE
    entry = _edition(state, edition)
    chosen = _revision(entry, revision, sha256)
    key = (entry.name, chosen.revision)
    dataset = state.loaded.get(key)
    if dataset is None:
        with state.lock:
            dataset = state.loaded.get(key)
            if dataset is None:
                dataset = state.loaded[key] = _read(chosen)
    return dataset


def _read(revision: Revision) -> Dataset:
    where = f"the dataset file of {revision.edition} revision {revision.revision}"
    raw = _inflated(read_bundled(revision.edition, revision.file), where)
    digest = _sha256(raw)
    if digest != revision.sha256:
        raise DatasetIntegrityError(
            f"the installed dataset file of {revision.edition} revision {revision.revision} has sha256 {digest}, "
            f"not {revision.sha256} as the edition index says: the package was altered after it was built; reinstall it"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DatasetIntegrityError(f"the dataset file of {revision.edition} is not UTF-8: {error}") from None
    defaults = {"revision_date": revision.date.isoformat()}
    return Dataset(LazyObject(text), sha256=digest, raw=raw, defaults=defaults)


def load_file(path: str | PathLike[str], *, sha256: str | None = None) -> Dataset:
    """A dataset read from a dataset file on disk (not cached), validated whole before it is returned.

    For data outside the package: an edition built with ``python -m rqds_portraits.build``
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
    raw = _read_file(path, shown_path)
    digest = _sha256(raw)
    if sha256 is not None and sha256.strip().lower() != digest:
        raise DatasetVersionError(f"{shown_path} has sha256 {digest}, not {shown(sha256)}")
    from .integrity import parse_dataset_file  # pydantic and the checks: only for files from outside

    data = parse_dataset_file(raw, shown_path)
    return Dataset(data, sha256=digest, raw=raw)


def _read_file(path: str | PathLike[str], shown_path: str) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_FILE_BYTES` (decompressed when gzipped)."""
    import stat

    try:
        # Opened without waiting: a named pipe nobody writes to is refused below, not waited for.
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise DatasetIntegrityError(f"{shown_path} is not a regular file: a dataset file is read from a file on disk")
            raw = handle.read(MAX_FILE_BYTES + 1)
    except DatasetIntegrityError:
        raise
    except (OSError, ValueError) as error:  # ValueError: a path with a NUL character
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise DatasetIntegrityError(f"cannot read the dataset file {shown_path}: {reason}") from None
    raw = _inflated(raw, shown_path)
    if len(raw) > MAX_FILE_BYTES:
        raise DatasetIntegrityError(f"{shown_path} is larger than {MAX_FILE_BYTES} bytes: not a dataset file of this package")
    return raw


def _inflated(raw: bytes, where: str) -> bytes:
    """*raw*, decompressed (at most one byte past :data:`MAX_FILE_BYTES`) when it is gzipped, as
    earlier revisions are stored."""
    if not raw.startswith(b"\x1f\x8b"):  # gzip's magic number
        return raw
    import zlib

    try:
        return zlib.decompressobj(wbits=31).decompress(raw, MAX_FILE_BYTES + 1)
    except zlib.error as error:
        raise DatasetIntegrityError(f"{where} is not a valid gzip file: {error}") from None


def clear_cache() -> None:
    """Forget the loaded editions and the index: the next :func:`load` reads the files again.

    Safe while other threads load: they finish with what they had read.
    """
    global _STATE
    _STATE = _State()
