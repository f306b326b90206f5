"""The checks every public function makes on its arguments, at the boundary.

A wrong type or value raises :class:`~rqds_portraits.InvalidArgument` (also a
``ValueError`` and a ``TypeError``) naming the parameter and what it accepts;
it never changes the meaning of a call (``yearly="no"`` is refused, not read as
true). Messages name parameters as a call writes them (``territory=``); the
command line rewrites them into its options.

    >>> from rqds_portraits._arguments import flag
    >>> flag(True, "yearly")
    True
    >>> flag("no", "yearly")
    Traceback (most recent call last):
    ...
    rqds_portraits.InvalidArgument: yearly= must be True or False, not 'no'
"""

from __future__ import annotations

from rqds_portraits._errors import InvalidArgument, shown
from rqds_portraits._text import written

TYPE_CHECKING = False  # not typing's: a first lookup imports no typing (issue 20)
if TYPE_CHECKING:
    from collections.abc import Collection

__all__ = ["choices", "flag", "name", "optional_name", "positive_int"]


def flag(value: object, parameter: str) -> bool:
    """*value* when it is a boolean; anything else is refused."""
    if not isinstance(value, bool):
        raise InvalidArgument(f"{parameter}= must be True or False, not {shown(value)}")
    return value


def name(value: object, parameter: str, what: str = "a name") -> str:
    """*value* when it is a string, in one Unicode form (NFC) and stripped."""
    if not isinstance(value, str):
        raise InvalidArgument(f"{parameter}= must be {what} (a string), not {shown(value)}")
    return written(value)


def optional_name(value: object, parameter: str, what: str = "a name") -> str | None:
    """``None``, or *value* checked by :func:`name`."""
    return None if value is None else name(value, parameter, what)


def positive_int(value: object, parameter: str) -> int:
    """*value* when it is an integer of at least 1 (not a boolean, not a float)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidArgument(f"{parameter}= must be a positive integer, not {shown(value)}")
    return value


def choices(value: object, valid: Collection[str], parameter: str) -> frozenset[str] | None:
    """The values asked for: ``None`` (no filter), one of *valid*, or a non-empty
    tuple, list or set of them."""
    if value is None:
        return None
    wanted = [value] if isinstance(value, str) else value
    if (
        not isinstance(wanted, (tuple, list, set, frozenset))
        or not wanted
        or not all(isinstance(v, str) for v in wanted)
    ):
        raise InvalidArgument(f"{parameter}= must be one of {', '.join(valid)}, or a tuple of them; not {shown(value)}")
    unknown = [v for v in wanted if v not in valid]
    if unknown:
        raise InvalidArgument(f"invalid {parameter}= {shown(unknown[0])}; choose one or several of: {', '.join(valid)}")
    return frozenset(wanted)
