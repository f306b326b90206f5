"""Finding and loading the bundled editions: once, pinned by revision and hash, shared between threads.

The data files ship inside the package. Nothing is read at import time; the
first :func:`load` of an edition reads its dataset file and keeps the
:class:`~rqds_portraits.Dataset`, which later calls return.

The edition index (``data/editions.json``, written by the build) records each
dataset file's revision and SHA-256, which the tests check against the files.
Pinning a hash with ``load(sha256=...)`` also hashes the installed file itself,
so a pin is checked against the bytes actually loaded.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator, Mapping
from os import PathLike
from typing import Any

from .dataset import Dataset
from .errors import (
    DatasetIntegrityError,
    DatasetVersionError,
    EditionNotFound,
    InvalidArgument,
)

__all__ = ["LazyObject", "clear_cache", "editions", "load", "load_file", "read_bundled"]

_LOCK = threading.Lock()
_LOADED: dict[str, Dataset] = {}
_VERIFIED: set[str] = set()
_INDEX: list[dict[str, Any]] = []


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
        except ValueError as error:
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


def _index() -> list[dict[str, Any]]:
    if not _INDEX:
        with _LOCK:
            if not _INDEX:
                _INDEX.extend(json.loads(read_bundled("editions.json"))["editions"])
    return _INDEX


def editions() -> tuple[str, ...]:
    """The bundled editions, oldest first: ``("2014-2015",)``."""
    return tuple(entry["edition"] for entry in _index())


def _entry(edition: str | None) -> dict[str, Any]:
    index = _index()
    if edition is None:
        return index[-1]
    for entry in index:
        if entry["edition"] == edition:
            return entry
    valid = ", ".join(repr(entry["edition"]) for entry in index)
    raise EditionNotFound(f"no bundled edition {edition!r}; this package has {valid}")


def load(edition: str | None = None, *, revision: int | None = None, sha256: str | None = None) -> Dataset:
    """The dataset of *edition* (the latest when ``None``), loaded once and shared.

    Pin it exactly with the *revision* and the *sha256* of its dataset file; a
    mismatch raises :class:`~rqds_portraits.DatasetVersionError`::

        >>> import rqds_portraits as rp
        >>> ds = rp.load("2014-2015")
        >>> rp.load("2014-2015", revision=ds.revision, sha256=ds.sha256) is ds
        True
    """
    if edition is not None and not isinstance(edition, str):
        raise InvalidArgument(f"an edition is a name such as '2014-2015', not {edition!r}")
    entry = _entry(edition)
    name = entry["edition"]
    if revision is not None and revision != entry["revision"]:
        from ._version import __version__

        raise DatasetVersionError(
            f"edition {name} is at revision {entry['revision']} in rqds-portraits {__version__}, not {revision!r}; "
            "install the release that ships the revision you pinned (CHANGELOG.md lists them)"
        )
    if sha256 is not None:
        _check_sha256(name, entry["sha256"], sha256)
    dataset = _LOADED.get(name)
    if dataset is None:
        with _LOCK:
            dataset = _LOADED.get(name)
            if dataset is None:
                text = read_bundled(name, "dataset.json").decode("utf-8")
                dataset = _LOADED[name] = Dataset(LazyObject(text), entry["sha256"])
    return dataset


def _check_sha256(edition: str, indexed: str, pinned: object) -> None:
    if not isinstance(pinned, str) or pinned.strip().lower() != indexed:
        raise DatasetVersionError(
            f"edition {edition} has sha256 {indexed}, not {pinned!r}: the data you pinned differs from the data installed"
        )
    if edition not in _VERIFIED:
        import hashlib

        actual = hashlib.sha256(read_bundled(edition, "dataset.json")).hexdigest()
        if actual != indexed:
            raise DatasetIntegrityError(
                f"the installed dataset file of {edition} has sha256 {actual}, not {indexed} as its index says: "
                "the package was altered after it was built; reinstall it"
            )
        _VERIFIED.add(edition)


def load_file(path: str | PathLike[str], *, sha256: str | None = None) -> Dataset:
    """A dataset read from a dataset file on disk (not cached), validated against the schema.

    For data outside the package: an edition built with ``python -m rqds_portraits.build``
    into another folder, or a dataset file downloaded with a release.
    """
    import hashlib

    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise DatasetIntegrityError(f"cannot read the dataset file {os.fspath(path)!r}: {error.strerror}") from None
    digest = hashlib.sha256(raw).hexdigest()
    if sha256 is not None and (not isinstance(sha256, str) or sha256.strip().lower() != digest):
        raise DatasetVersionError(f"{os.fspath(path)} has sha256 {digest}, not {sha256!r}")
    try:
        data = json.loads(raw)
    except ValueError as error:
        raise DatasetIntegrityError(f"{os.fspath(path)} is not a JSON dataset file: {error}") from None
    from .schema import validate  # pydantic: only for files from outside the package

    validate(data)
    return Dataset(data, digest)


def clear_cache() -> None:
    """Forget the loaded editions: the next :func:`load` reads the files again."""
    with _LOCK:
        _LOADED.clear()
        _VERIFIED.clear()
        _INDEX.clear()
