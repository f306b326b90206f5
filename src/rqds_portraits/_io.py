"""Reading a file given by a user: a regular file only, never more than a bound, never waiting on a pipe."""

from __future__ import annotations

import os

__all__ = ["Unreadable", "read_regular_file"]

_CHUNK = 1024 * 1024


class Unreadable(Exception):
    """Why a file cannot be read (its ``reason``, in words); the caller raises its own error from it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at *path*, of at most *limit* bytes.

    Raises :class:`Unreadable` for a path that cannot be opened (missing, a NUL
    character, no permission), for what is not a regular file (a folder, a
    named pipe, a device such as ``/dev/zero``, whether named or reached through
    a link) and for a file larger than *limit*. Reading takes what the file
    holds: a small file costs a small buffer, whatever *limit* is.
    """
    import stat

    try:
        # Opened without waiting: a named pipe nobody writes to is refused below, not waited for.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except (OSError, ValueError, TypeError) as error:  # ValueError: a path with a NUL character
        raise Unreadable(_reason(error)) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise Unreadable("not a regular file")
        if status.st_size > limit:
            raise Unreadable(f"larger than {limit} bytes")
        chunks: list[bytes] = []
        size = 0
        # The size said by fstat is read first; a file that grows meanwhile is read on, up to the bound.
        wanted = status.st_size + 1
        while True:
            chunk = os.read(descriptor, min(max(wanted, 1), _CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise Unreadable(f"larger than {limit} bytes")
            wanted = max(wanted - len(chunk), 1)
    except OSError as error:
        raise Unreadable(_reason(error)) from None
    finally:
        os.close(descriptor)
    return b"".join(chunks)


def _reason(error: Exception) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)
