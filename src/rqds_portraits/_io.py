"""Reading a file given by a user: a regular file only, never more than a bound, never waiting on a pipe."""

from __future__ import annotations

import os

__all__ = ["Unreadable", "read_regular_file"]


class Unreadable(Exception):
    """Why a file cannot be read (its ``reason``, in words); the caller raises its own error from it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at *path*, of at most *limit* bytes.

    Raises :class:`Unreadable` for a path that cannot be opened (missing, a NUL
    character, no permission), for what is not a regular file (a folder, a
    named pipe, a device such as ``/dev/zero``) and for a file larger than *limit*.
    """
    import stat

    try:
        # Opened without waiting: a named pipe nobody writes to is refused below, not waited for.
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            regular = stat.S_ISREG(os.fstat(handle.fileno()).st_mode)
            raw = handle.read(limit + 1) if regular else b""
    except (OSError, ValueError) as error:  # ValueError: a path with a NUL character
        raise Unreadable(error.strerror if isinstance(error, OSError) and error.strerror else str(error)) from None
    if not regular:
        raise Unreadable("not a regular file")
    if len(raw) > limit:
        raise Unreadable(f"larger than {limit} bytes")
    return raw
