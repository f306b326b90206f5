"""How the command line lays text out: tables that fit 100 columns, counts, amounts, line ranges."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["WIDTH", "Row", "count", "money", "shown_lines", "table"]

WIDTH = 100
"""The width text tables fit in, unless ``--wide``."""

Row = dict[str, Any]


_FLOOR = 16
"""A column is never cut below this width (nor below its heading): short columns stay whole."""


def _kept(column: str) -> bool:
    """Whether a column is never cut: ids, lines, numbers and short codes, which a cut would make wrong."""
    return column in ("id", "line", "lines", "period", "status", "kind", "date", "edition", "revision") or (
        column.endswith("_id") or column.endswith("_number")
    )


def _fitted(widths: list[int], columns: Sequence[str]) -> list[int]:
    """*widths* narrowed, widest first, until a line fits :data:`WIDTH` (short columns are never cut)."""
    widths = list(widths)
    floors = [
        width if _kept(column) else min(width, max(len(column), _FLOOR)) for width, column in zip(widths, columns)
    ]
    excess = sum(widths) + 2 * (len(widths) - 1) - WIDTH
    while excess > 0:
        cuttable = [i for i, width in enumerate(widths) if width > floors[i]]
        if not cuttable:
            break
        widest = max(cuttable, key=lambda i: (widths[i], i))
        widths[widest] -= 1
        excess -= 1
    return widths


def table(rows: Sequence[Row], columns: Sequence[str], wide: bool, details: str | None = None) -> str:
    """Rows as a text table whose columns are as wide as their widest cell. Unless *wide*, the
    longest columns are cut with "…" (widest first, never below 16 characters or their heading, and
    never ids, line numbers, periods or statuses)
    so lines fit :data:`WIDTH` characters. *details* names a field of each row holding lines
    printed under it, indented (wrapped to fit unless *wide*)."""
    import textwrap

    cells = [[str(row.get(column, "")) if row.get(column) is not None else "" for column in columns] for row in rows]
    widths = [max([len(column), *(len(line[i]) for line in cells)]) for i, column in enumerate(columns)]
    if not wide:
        widths = _fitted(widths, columns)
        cells = [
            [cell if len(cell) <= width else cell[: width - 1] + "…" for cell, width in zip(line, widths)]
            for line in cells
        ]
    out = ["  ".join(column.ljust(width) for column, width in zip(columns, widths)).rstrip()]
    out.append("  ".join("-" * width for width in widths))
    for row, line in zip(rows, cells):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
        for detail in row.get(details, ()) if details else ():
            out += ["  " + part for part in ([detail] if wide else textwrap.wrap(detail, WIDTH - 2))]
    return "\n".join(out)


def count(number: int, noun: str) -> str:
    """``"1 entente"``, ``"3 ententes"``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def shown_lines(lines: Sequence[int]) -> str:
    return str(lines[0]) if lines[0] == lines[1] else f"{lines[0]}-{lines[1]}"


def money(value: Any) -> str:
    from decimal import Decimal

    from rqds_portraits._money import format_amount

    return format_amount(Decimal(value), space=" ")
