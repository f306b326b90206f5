"""The command line's output: standard output written readably in any encoding, one-line errors, quiet pipes."""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import unicodedata
from typing import Any

__all__ = ["error", "plain", "utf8", "warn", "write"]

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
    "−": "-",
    "↳": ">",
    "≈": "~",
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


def utf8() -> bool:
    """Whether standard output writes UTF-8 (else what it lacks is written readably, and laid out so)."""
    return (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "") == "utf8"


def plain(data: Any) -> Any:
    """*data* with every text as standard output's encoding can write it (accents dropped, "…" as
    "..."), so that text is laid out in the characters it is printed with: 100 columns stay 100."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if isinstance(data, str):
        try:
            return data.encode(encoding, "rqds-readable").decode(encoding)
        except LookupError:
            return data
    if isinstance(data, dict):
        return type(data)({key: plain(value) for key, value in data.items()}) if type(data) is dict else data
    if isinstance(data, list):
        converted = [plain(value) for value in data]
        if type(data) is list:
            return converted
        copy = type(data)(converted)
        copy.__dict__.update({k: plain(v) for k, v in vars(data).items()})
        return copy
    return data


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
