"""The standard library's pieces that a first lookup needs, taken from the C modules that hold them.

Importing ``json``, ``threading``, ``datetime``, ``hashlib`` or ``collections.abc`` costs
more than everything else a first ``rp.load().territory("laval")`` does (they import
``re``, ``enum``, ``functools``, OpenSSL, ``collections``, …). Each piece below is the
very object the public module gives (``datetime.date`` *is* ``_datetime.date``), taken
from its C module when this Python has one, else from the public module (PyPy).

    >>> from rqds_portraits._lean import raw_decode
    >>> raw_decode('  {"a": [1, 2.5]}', 2)
    ({'a': [1, 2.5]}, 17)
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing's: see above
if TYPE_CHECKING:
    from collections.abc import Mapping as Mapping
    from datetime import date as date
    from typing import Any

try:
    from _thread import RLock
except ImportError:  # pragma: no cover  # a Python without the C lock
    from threading import RLock

if not TYPE_CHECKING:
    try:
        from _datetime import date
    except ImportError:  # pragma: no cover
        from datetime import date

    from _collections_abc import Mapping  # what collections.abc holds; importing it imports collections

__all__ = ["Mapping", "RLock", "date", "raw_decode", "sha256_hex"]


def _sha256() -> Any:
    # hashlib loads OpenSSL (a few ms at every cold start); the built-in SHA-256 module gives the same digest.
    try:
        if sys.version_info >= (3, 12):
            from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]
        else:
            from _sha256 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]
    except ImportError:  # pragma: no cover
        from hashlib import sha256  # type: ignore[assignment,unused-ignore]
    return sha256


_SHA256 = _sha256()


def sha256_hex(data: bytes) -> str:
    """The SHA-256 hex digest of *data*."""
    return str(_SHA256(data).hexdigest())


def _json_scanner() -> Any:
    """json's own scanner, made as ``json.JSONDecoder()`` makes it, without importing json (which imports re)."""
    try:
        from _json import make_scanner
    except ImportError:  # pragma: no cover
        import json

        return json.JSONDecoder().scan_once  # type: ignore[attr-defined]

    class Context:  # what json.JSONDecoder() gives its scanner
        strict = True
        object_hook = None
        object_pairs_hook = None
        parse_float = float
        parse_int = int
        parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}.__getitem__

    return make_scanner(Context)  # type: ignore[arg-type]


_scan = _json_scanner()


def raw_decode(text: str, index: int) -> tuple[Any, int]:
    """The JSON value that starts at *index* of *text* and where it ends, as ``json.JSONDecoder().raw_decode``
    gives them; raises ``ValueError`` where no JSON value is."""
    try:
        return _scan(text, index)  # type: ignore[no-any-return]
    except StopIteration as stop:
        raise ValueError(f"Expecting value: char {stop.value}") from None
    except SystemError:  # the scanner of Python 3.11 and older raises json.decoder's error only once json is imported
        import json.decoder  # noqa: F401

        return _scan(text, index)  # type: ignore[no-any-return]  # raises json.decoder.JSONDecodeError now
