"""Writing export files safely: whole or not at all, never through a link planted in the folder.

Each file is written to a new temporary file in its own folder, then renamed
over its name (:func:`os.replace`), so a failed export leaves no half-written
file, and a symbolic link at that name is replaced, not followed. A problem
of the file system (a folder that cannot be written, a directory where a file
should go, a full disk) raises :class:`~rqds_portraits.ExportError`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from rqds_portraits._errors import ExportError, InvalidArgument, shown

__all__ = ["export_folder", "write_bytes", "write_with"]


def export_folder(folder: object) -> Path:
    """The folder to write into: a non-empty path, created if missing when its parent exists.

    A name that is not a path raises :class:`~rqds_portraits.InvalidArgument`; a folder that
    cannot be made or written raises :class:`~rqds_portraits.ExportError`.
    """
    if isinstance(folder, bool) or not isinstance(folder, (str, os.PathLike)):
        raise InvalidArgument(f"folder= must be a folder path (a str or os.PathLike), not {shown(folder)}")
    text = os.fspath(folder)
    if not isinstance(text, str) or not text.strip() or "\x00" in text:
        raise InvalidArgument(f"folder= must name a folder, not {shown(text)}: give a path such as './tour-du-quebec'")
    path = Path(text)
    try:
        path.mkdir(exist_ok=True)
    except FileNotFoundError:
        raise ExportError(f"cannot create the folder {shown(text)}: its parent folder does not exist") from None
    except OSError as error:
        raise ExportError(f"cannot write into {shown(text)}: {error.strerror or error}") from None
    if not path.is_dir():
        raise ExportError(f"cannot write into {shown(text)}: it is not a folder")
    return path


def write_with(path: Path, write: Callable[[Path], None]) -> Path:
    """Let *write* fill a temporary file beside *path*, then put it at *path* in one step."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise ExportError(f"cannot write into {shown(str(path.parent))}: {error.strerror or error}") from None
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except OSError as error:
        _discard(temporary)
        raise ExportError(f"cannot write {shown(str(path))}: {error.strerror or error}") from None
    except BaseException:
        _discard(temporary)
        raise
    return path


def write_bytes(path: Path, content: bytes) -> Path:
    """Write *content* at *path*, whole or not at all."""

    def write(temporary: Path) -> None:
        temporary.write_bytes(content)

    return write_with(path, write)


def _discard(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)
