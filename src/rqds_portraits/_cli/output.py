"""The command line's output: standard output written readably in any encoding, one-line errors, quiet pipes."""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import unicodedata
from typing import Any

__all__ = ["error", "warn", "write"]

_ASCII = {
    "’": "'",
    "‘": "'",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "–": "-",
    "—": "-",
    "…": "...",
    "œ": "oe",
    "Œ": "OE",
    "æ": "ae",
    "Æ": "AE",
    "→": "->",
    "•": "*",
}


def _readable(error: UnicodeError) -> tuple[str | bytes, int]:
    """A codec error handler: the characters an encoding lacks, as the nearest text it has."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    out = []
    for ch in text:
        plain = _ASCII.get(ch) or "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        try:
            plain.encode(error.encoding)
        except (UnicodeEncodeError, LookupError):
            plain = ch.encode("ascii", "backslashreplace").decode("ascii")
        out.append(plain or "?")
    return "".join(out), error.end


codecs.register_error("rqds-readable", _readable)


def _stdout() -> Any:
    """Standard output, writing what its encoding lacks readably (``None`` when it is closed)."""
    out = sys.stdout
    if out is None:
        return None
    if hasattr(out, "reconfigure") and (out.encoding or "").lower().replace("-", "") != "utf8":
        with contextlib.suppress(ValueError, OSError):  # an unusual stream is written as it is
            out.reconfigure(errors="rqds-readable")
    return out


def warn(message: str) -> None:
    error(message, "warning")


def error(message: str, level: str = "error") -> None:
    stream = sys.stderr
    if stream is not None:
        try:
            stream.write(
                f"rqds-portraits: {level}: {message}\n".encode(stream.encoding or "utf-8", "rqds-readable").decode(
                    stream.encoding or "utf-8"
                )
            )
            stream.flush()
        except (OSError, ValueError, LookupError):
            pass


def _quiet_stdout() -> None:
    """After a failed write, point standard output at /dev/null, so Python's own flush at exit is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def write(text: str) -> int:
    """Print *text* and a newline; the exit status (1 when it cannot be written, said in one line)."""
    out = _stdout()
    if out is None:
        error("standard output is closed: nothing can be printed")
        return 1
    try:
        out.write(text + "\n")
        out.flush()
    except BrokenPipeError:  # the reader (head, less) stopped early: not an error of ours
        _quiet_stdout()
    except (OSError, ValueError) as failure:  # a full disk (/dev/full), a closed file
        _quiet_stdout()
        error(f"cannot write the output: {getattr(failure, 'strerror', None) or failure}")
        return 1
    return 0
