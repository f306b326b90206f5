"""Writing export files safely: a set of files whole or not at all, never through a link planted in the folder.

An export is a set of files (the 17 CSV files and ``datapackage.json``, a database
and its ``metadata.json``). Each is first written to a new temporary file beside
its name, created by this process (never an existing file, never reopened by
name: it is written through the descriptor that created it), with the mode
the umask gives a new file (0644 under the usual 022: an export is meant to be
read by others). Only when every file of the set is written and flushed to disk
are they renamed over their names (:func:`os.replace`), under a lock on the
folder, so a full disk leaves the folder as it was, a symbolic link at a name is
replaced (not followed), and two processes exporting into one folder leave one
whole set, not a mix of both. Any problem of the file system (a folder that
cannot be written, a directory where a file should go, a full disk) raises
:class:`~rqds_portraits.ExportError`, and the temporary files are removed.

A set of several files also carries its manifest, ``SHA256SUMS`` (the format of
``sha256sum -c SHA256SUMS``): the former one is removed before the first file is
put in place and the new one is put in place last, so a set whose renames were
cut short (a killed process) never stands beside a manifest that vouches for it.
:func:`manifest_mismatch` tells a reader whether a file is the one its folder's
manifest lists (``rp.exports.read_csv`` refuses one that is not).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator, Mapping
from pathlib import Path

from rqds_portraits._errors import ExportError, InvalidArgument, shown

__all__ = ["MANIFEST", "export_folder", "manifest_mismatch", "write_bytes", "write_set"]

MANIFEST = "SHA256SUMS"
"""The manifest of a set of exported files: one ``<sha256>  <name>`` line per file."""

_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


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
    except UnicodeError:  # a lone surrogate this file system cannot encode
        raise InvalidArgument(f"folder= must name a folder this system can write, not {shown(text)}") from None
    if not path.is_dir():
        raise ExportError(f"cannot write into {shown(text)}: it is not a folder")
    return path


def write_set(folder: Path, contents: Mapping[str, bytes]) -> list[Path]:
    """Write each ``name: bytes`` of *contents* into *folder*, all of them or none; returns the paths,
    in the order of *contents* (in which they are put in place: a descriptor last). A set of several
    files gets its manifest (:data:`MANIFEST`), put in place after them."""
    import hashlib

    files = dict(contents)
    if len(files) > 1:
        sums = "".join(f"{hashlib.sha256(content).hexdigest()}  {name}\n" for name, content in files.items())
        files[MANIFEST] = sums.encode("utf-8")
    temporaries: dict[str, str] = {}
    try:
        for name, content in files.items():
            temporaries[name] = _temporary(folder, name, content)
        with _locked(folder):
            for name in files:  # what would stop a rename, found before any file is put in place
                target = folder / name
                if target.is_dir() and not target.is_symlink():
                    raise ExportError(f"cannot write {shown(str(target))}: it is a folder")
            if MANIFEST in files:
                _withdraw(folder / MANIFEST)  # no manifest vouches for the set while it is being replaced
            for name, temporary in temporaries.items():
                try:
                    os.replace(temporary, folder / name)
                except OSError as error:
                    raise ExportError(f"cannot write {shown(str(folder / name))}: {error.strerror or error}") from None
    finally:
        for temporary in temporaries.values():
            _discard(temporary)  # those not put in place (after a failure)
    return [folder / name for name in contents]


def _withdraw(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        raise ExportError(f"cannot replace {shown(str(path))}: {error.strerror or error}") from None


def manifest_mismatch(path: Path, content: bytes) -> str | None:
    """Why *content*, read from *path*, is not the file its folder's manifest lists (``None`` when it is,
    or when the folder has no manifest or the manifest does not list it)."""
    import hashlib

    from rqds_portraits._io import Unreadable, read_regular_file

    try:
        listed = read_regular_file(str(path.parent / MANIFEST), 1 << 20).decode("utf-8")
    except (Unreadable, UnicodeDecodeError):
        return None
    sums = {name: digest for digest, name in (line.split("  ", 1) for line in listed.splitlines() if "  " in line)}
    expected = sums.get(path.name)
    if expected is None or expected == hashlib.sha256(content).hexdigest():
        return None
    return (
        f"{shown(str(path))} is not the file its folder's {MANIFEST} lists: the folder mixes two exports, "
        "or an export was cut short; export again"
    )


def write_bytes(path: Path, content: bytes) -> Path:
    """Write *content* at *path*, whole or not at all."""
    return write_set(path.parent, {path.name: content})[0]


def _temporary(folder: Path, name: str, content: bytes) -> str:
    """A new file beside *folder*/*name* holding *content*, flushed to disk; its path."""
    for _ in range(100):
        temporary = str(folder / f".{name}.{secrets.token_hex(6)}.tmp")
        try:
            descriptor = os.open(temporary, _NEW_FILE, 0o666)  # the umask gives its mode, as for any new file
        except FileExistsError:
            continue
        except OSError as error:
            raise ExportError(f"cannot write into {shown(str(folder))}: {error.strerror or error}") from None
        try:
            _write_all(descriptor, content)
            os.fsync(descriptor)
        except OSError as error:
            os.close(descriptor)
            _discard(temporary)
            raise ExportError(f"cannot write {shown(str(folder / name))}: {error.strerror or error}") from None
        except BaseException:
            os.close(descriptor)
            _discard(temporary)
            raise
        os.close(descriptor)
        return temporary
    raise ExportError(f"cannot write into {shown(str(folder))}: no free temporary name")  # pragma: no cover


def _write_all(descriptor: int, content: bytes) -> None:
    view = memoryview(content)
    while view:
        view = view[os.write(descriptor, view) :]


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on *folder* (where the system has ``flock``): two exports into one folder
    put their sets in place one after the other, never interleaved."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover  # Windows: no lock
        yield
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:  # pragma: no cover  # a folder that cannot be opened: rename without the lock
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _discard(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)
