"""Amounts in Canadian dollars, written the French-Canadian way: ``"1 685 907 $"``.

Money is always a :class:`~decimal.Decimal`, never a float.

    >>> from rqds_portraits._money import format_amount, parse_amount
    >>> parse_amount("1 685 907$")
    Decimal('1685907')
    >>> parse_amount("2 195 118,50 $")
    Decimal('2195118.50')
    >>> format_amount(parse_amount("1 685 907 $"), space=" ")
    '1 685 907 $'
"""

from __future__ import annotations

import re
from decimal import Decimal

from rqds_portraits._errors import InvalidArgument

__all__ = ["SPACES", "format_amount", "parse_amount"]

SPACES = " \u00a0\u202f"
"""The spaces accepted between groups of digits: normal, no-break and narrow no-break."""

_AMOUNT = re.compile(rf"^(\d{{1,3}}(?:[{SPACES}]\d{{3}})*|\d+)(?:,(\d{{1,2}}))?[{SPACES}]*\$?$")


def parse_amount(text: str) -> Decimal:
    """Read an amount written ``"1 685 907 $"``, ``"1 685 907$"`` or ``"2 300 000,50 $"``.

    Groups of three digits are separated by a normal, no-break or narrow no-break
    space; cents follow a comma; the dollar sign is optional. Raises
    :class:`~rqds_portraits.InvalidArgument` for anything else (``"200 000 00$"``
    included: such readings belong in an edition's curated file, with a note).
    """
    match = _AMOUNT.match(text.strip(SPACES)) if isinstance(text, str) else None
    if match is None:
        raise InvalidArgument(
            f"invalid amount {text!r}: expected digits grouped by threes with spaces, "
            'optional cents after a comma and an optional "$", e.g. "1 685 907 $"'
        )
    units = re.sub(f"[{SPACES}]", "", match[1])
    return Decimal(f"{units}.{match[2]}") if match[2] else Decimal(units)


def format_amount(value: Decimal, *, space: str = "\u00a0") -> str:
    """Write *value* the French-Canadian way, ``"1 685 907 $"``.

    Groups of digits and the dollar sign are separated by *space* (a no-break
    space by default, as French typography wants); cents, when there are any,
    follow a comma.
    """
    if not isinstance(value, Decimal) or not value.is_finite():
        raise InvalidArgument(f"invalid amount {value!r}: expected a finite Decimal")
    sign = "-" if value < 0 else ""
    units, _, cents = f"{abs(value):f}".partition(".")
    groups: list[str] = []
    while units:
        groups.insert(0, units[-3:])
        units = units[:-3]
    written = space.join(groups or ["0"])
    if cents:
        written += "," + cents
    return f"{sign}{written}{space}$"
