"""Québec's 17 administrative regions, by number: what a region number or a region name means.

A territory of the Tour du Québec belongs to one region (its number is written
in its portrait's heading); a region may hold several territories (region 16,
Montérégie, holds Montérégie Est and Vallée-du-Haut-Saint-Laurent) or none
(not every region is a member of the RQDS).

    >>> from rqds_portraits._regions import REGIONS, region_number
    >>> REGIONS["16"]
    'Montérégie'
    >>> region_number("13"), region_number(9), region_number("-1"), region_number("¹")
    ('13', '09', None, None)
"""

from __future__ import annotations

__all__ = ["FIRST", "LAST", "REGIONS", "region_number"]

REGIONS = {
    "01": "Bas-Saint-Laurent",
    "02": "Saguenay–Lac-Saint-Jean",
    "03": "Capitale-Nationale",
    "04": "Mauricie",
    "05": "Estrie",
    "06": "Montréal",
    "07": "Outaouais",
    "08": "Abitibi-Témiscamingue",
    "09": "Côte-Nord",
    "10": "Nord-du-Québec",
    "11": "Gaspésie–Îles-de-la-Madeleine",
    "12": "Chaudière-Appalaches",
    "13": "Laval",
    "14": "Lanaudière",
    "15": "Laurentides",
    "16": "Montérégie",
    "17": "Centre-du-Québec",
}
"""The official names of the administrative regions, by their two-digit number."""

FIRST, LAST = 1, 17

_ASCII_DIGITS = frozenset("0123456789")


def region_number(value: object) -> str | None:
    """*value* as a two-digit region number (``"01"`` to ``"17"``), or ``None`` when it is not one.

    A region number is an integer from 1 to 17 (not a boolean) or a string of
    one or two ASCII digits (``"13"``, ``"01"``, ``" 9 "``). Signs, dots,
    superscripts and other scripts' digits (``"-1"``, ``"13."``, ``"¹"``, ``"٣"``) are not.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number: int | None = value
    elif isinstance(value, str):
        text = value.strip()
        number = int(text) if 1 <= len(text) <= 2 and set(text) <= _ASCII_DIGITS else None
    else:
        return None
    return f"{number:02d}" if number is not None and FIRST <= number <= LAST else None
