"""The exceptions of rqds-portraits.

Every error the package raises on purpose is a :class:`RqdsError`, and also the
built-in exception a caller would expect, so ``except LookupError`` and
``except rp.RqdsError`` both work::

    >>> import rqds_portraits as rp
    >>> try:
    ...     rp.load("2014-2015").territory("Atlantide")
    ... except LookupError as error:
    ...     print(type(error).__name__)
    TerritoryNotFound
"""

from __future__ import annotations

__all__ = [
    "AmbiguousId",
    "AmbiguousPartner",
    "AmbiguousTerritory",
    "BuildError",
    "DatasetIntegrityError",
    "DatasetVersionError",
    "EditionNotFound",
    "ExportError",
    "InitiativeNotFound",
    "InvalidArgument",
    "InvalidPeriod",
    "MissingDependency",
    "NotFound",
    "PartnerNotFound",
    "RecordNotFound",
    "RqdsError",
    "TerritoryNotFound",
    "shown",
]


class RqdsError(Exception):
    """Base class of every exception raised by rqds-portraits.

    .. versionadded:: 0.1.0
    """


class NotFound(RqdsError, LookupError):
    """Nothing matches the key or name asked for; the message lists the closest valid ones.

    .. versionadded:: 0.1.0
    """


class EditionNotFound(NotFound):
    """No bundled edition has that name.

    .. versionadded:: 0.1.0
    """


class DatasetVersionError(RqdsError, ValueError):
    """A pinned revision or content hash does not match the dataset.

    .. versionadded:: 0.1.0
    """


class DatasetIntegrityError(RqdsError, ValueError):
    """A dataset file is not what its edition index says it is (altered or truncated).

    .. versionadded:: 0.1.0
    """


class TerritoryNotFound(NotFound):
    """No territory matches the key.

    .. versionadded:: 0.1.0
    """


class InitiativeNotFound(NotFound):
    """No initiative block has that id.

    .. versionadded:: 0.1.0
    """


class RecordNotFound(NotFound):
    """No record of that kind (an agreement, an amount, a mention, a period, a note) has that id.

    .. versionadded:: 0.2.0
    """


class AmbiguousId(RqdsError, LookupError):
    """The id or name is that of records of several kinds (a territory and a partner); give the other.

    .. versionadded:: 0.3.0
    """


class AmbiguousTerritory(RqdsError, LookupError):
    """The key matches several territories (region 16 has two).

    .. versionadded:: 0.1.0
    """


class PartnerNotFound(NotFound):
    """No partner of the registry matches the name.

    .. versionadded:: 0.1.0
    """


class AmbiguousPartner(RqdsError, LookupError):
    """The name means different partners in different territories; pass ``territory=``.

    .. versionadded:: 0.1.0
    """


class InvalidPeriod(RqdsError, ValueError):
    """A period could not be read, or its end comes before its start.

    .. versionadded:: 0.1.0
    """


class InvalidArgument(RqdsError, ValueError, TypeError):
    """An argument is not one of the accepted values or types.

    Caught as :class:`ValueError` (a wrong value) and as :class:`TypeError` (a
    wrong type) alike.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 also a :class:`TypeError`.
    """


class ExportError(RqdsError, OSError):
    """An export cannot be written: a folder that cannot be created or written, a directory
    where a file should go, a full disk. Nothing half-written is left behind.

    .. versionadded:: 0.2.0
    """


class MissingDependency(RqdsError, ImportError):
    """An optional feature needs a package that is not installed.

    .. versionadded:: 0.1.0
    """


class BuildError(RqdsError, ValueError):
    """The source text and the curated file of an edition do not agree.

    Raised by the build step (never by :func:`rqds_portraits.load`), with the
    line and the curated entry involved.

    .. versionadded:: 0.1.0
    """


# The public name of each exception, in tracebacks and reprs: rqds_portraits.TerritoryNotFound.
for _name in __all__:
    if _name[0].isupper():
        globals()[_name].__module__ = "rqds_portraits"

_SHOWN_LENGTH = 80


def shown(value: object) -> str:
    """*value* as an error message shows it: its ``repr``, on one line, at most 80 characters.

    Never fails, whatever the value (an integer of thousands of digits, an
    object whose ``repr`` raises), so an error about bad input is always readable.

        >>> from rqds_portraits._errors import shown
        >>> shown("a" * 100)
        "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' (100 characters)"
        >>> shown(10**5000)
        'an integer of about 5001 digits'
    """
    if isinstance(value, int) and value.bit_length() > 128:
        # str() of a huge integer is slow, and past 4300 digits it raises.
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    try:
        # Only the start of a long text is shown: the repr of a megabyte would cost more than the lookup.
        text = (
            repr(value[: 2 * _SHOWN_LENGTH] + value[-1])
            if isinstance(value, str) and len(value) > 2 * _SHOWN_LENGTH
            else repr(value)
        )
    except Exception:  # a caller's object whose repr fails: name its type instead
        return f"a {type(value).__name__} object"
    if len(text) <= _SHOWN_LENGTH and not (isinstance(value, str) and len(value) > 2 * _SHOWN_LENGTH):
        return text
    size = f" ({len(value)} characters)" if isinstance(value, str) else ""
    return text[: _SHOWN_LENGTH - 8] + "…" + text[-1] + size
