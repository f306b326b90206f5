"""The bytes of dataset files: bundled ones read through the package's loader, others bounded, both hashed.

>>> from rqds_portraits._loading.files import read_bundled, sha256_of
>>> len(sha256_of(read_bundled("editions.json")))
64
"""

from __future__ import annotations

import os
from os import PathLike

from rqds_portraits._errors import DatasetIntegrityError
from rqds_portraits._lean import sha256_hex as sha256_of  # the package's one SHA-256 (see _lean)

__all__ = ["MAX_FILE_BYTES", "inflated", "read_bundled", "read_dataset_file", "sha256_of"]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest dataset file read (the bundled ones are well under 1 MB), compressed or not."""

_DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")


def read_bundled(*parts: str) -> bytes:
    """The bytes of a file under the package's ``data/`` folder (``read_bundled("2014-2015", "source.txt")``).

    Works from a wheel, an editable install or a zip. A file on disk is read
    as a file given by a user is: a regular file of at most :data:`MAX_FILE_BYTES`
    (a named pipe or a link to ``/dev/zero`` put in its place is refused at once, not
    waited for); any other loader (a zip) goes through :func:`importlib.resources.files`, read
    within the same bound.
    A file that cannot be read raises :class:`~rqds_portraits.DatasetIntegrityError`.
    """
    shown_name = f"data/{'/'.join(parts)}"
    loader = __spec__.loader
    if loader is not None and hasattr(loader, "get_data") and os.path.isdir(_DATA):  # files on disk
        from rqds_portraits._io import Unreadable, read_regular_file

        path = os.path.join(_DATA, *parts)
        try:
            return read_regular_file(path, MAX_FILE_BYTES)
        except Unreadable as error:
            if not os.path.lexists(path):
                raise DatasetIntegrityError(
                    f"the bundled file {shown_name} is missing: reinstall rqds-portraits"
                ) from None
            raise DatasetIntegrityError(
                f"cannot read the bundled file {shown_name} ({error.reason}): the package was altered "
                "after it was built; reinstall rqds-portraits"
            ) from None
    from importlib.resources import files

    resource = files("rqds_portraits").joinpath("data")
    for part in parts:
        resource = resource.joinpath(part)
    try:
        with resource.open("rb") as opened:
            content = opened.read(MAX_FILE_BYTES + 1)  # bounded, as a file on disk is
    except OSError:
        raise DatasetIntegrityError(f"the bundled file {shown_name} is missing: reinstall rqds-portraits") from None
    if len(content) > MAX_FILE_BYTES:
        raise DatasetIntegrityError(
            f"the bundled file {shown_name} is larger than {MAX_FILE_BYTES} bytes: the package was altered after it"
            " was built; reinstall rqds-portraits"
        )
    return content


def read_dataset_file(path: str | PathLike[str], shown_path: str) -> bytes:
    """The bytes of a dataset file on disk (decompressed when gzipped), of at most :data:`MAX_FILE_BYTES`."""
    from rqds_portraits._io import Unreadable, read_regular_file

    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except Unreadable as error:
        raise DatasetIntegrityError(f"cannot read the dataset file {shown_path}: {error.reason}") from None
    raw = inflated(raw, shown_path)
    if len(raw) > MAX_FILE_BYTES:
        raise DatasetIntegrityError(
            f"{shown_path} is larger than {MAX_FILE_BYTES} bytes: not a dataset file of this package"
        )
    return raw


def inflated(raw: bytes, where: str) -> bytes:
    """*raw*, decompressed (at most one byte past :data:`MAX_FILE_BYTES`) when it is gzipped, as
    earlier revisions are stored."""
    if not raw.startswith(b"\x1f\x8b"):  # gzip's magic number
        return raw
    import zlib

    try:
        return zlib.decompressobj(wbits=31).decompress(raw, MAX_FILE_BYTES + 1)
    except zlib.error as error:
        raise DatasetIntegrityError(f"{where} is not a valid gzip file: {error}") from None
