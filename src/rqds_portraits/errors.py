"""The exceptions of rqds-portraits.

Every error the package raises on purpose is a :class:`RqdsError`, and also the
built-in exception a caller would expect, so ``except LookupError`` and
``except rp.RqdsError`` both work::

    >>> import rqds_portraits as rp
    >>> try:
    ...     rp.load().territory("Atlantide")
    ... except LookupError as error:
    ...     print(type(error).__name__)
    TerritoryNotFound
"""

from __future__ import annotations

__all__ = [
    "AmbiguousPartner",
    "AmbiguousTerritory",
    "BuildError",
    "DatasetIntegrityError",
    "DatasetVersionError",
    "EditionNotFound",
    "InitiativeNotFound",
    "InvalidArgument",
    "InvalidPeriod",
    "MissingDependency",
    "NotFound",
    "PartnerNotFound",
    "RqdsError",
    "TerritoryNotFound",
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


class InvalidArgument(RqdsError, ValueError):
    """An argument is not one of the accepted values or types.

    .. versionadded:: 0.1.0
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
