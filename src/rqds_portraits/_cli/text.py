"""How the command line lays text out: tables that fit 100 columns, counts, amounts, line ranges."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["WIDTH", "Row", "count", "ellipsis", "money", "shown_lines", "table"]

WIDTH = 100
"""The width text tables fit in, unless ``--wide``."""

Row = dict[str, Any]


_FLOOR = 16
"""A column is never cut below this width (nor below its heading): short columns stay whole."""


def _kept(column: str) -> bool:
    """Whether a column is wrapped, never cut: ids, lines, periods and codes, which a cut would make wrong."""
    return column in ("id", "line", "lines", "period", "status", "kind", "date", "edition", "revision") or (
        column.endswith("_id") or column.endswith("_number")
    )


def _fitted(widths: list[int], columns: Sequence[str]) -> list[int]:
    """*widths* narrowed until a line fits :data:`WIDTH`: the texts that may be cut first, widest
    first, then the ids that wrap; none below 16 characters or its heading (short columns stay whole)."""
    widths = list(widths)
    floors = [min(width, max(len(column), _FLOOR)) for width, column in zip(widths, columns)]
    excess = sum(widths) + 2 * (len(widths) - 1) - WIDTH
    for wrapped in (False, True):
        while excess > 0:
            narrower = [i for i, width in enumerate(widths) if width > floors[i] and _kept(columns[i]) == wrapped]
            if not narrower:
                break
            widest = max(narrower, key=lambda i: (widths[i], i))
            widths[widest] -= 1
            excess -= 1
    return widths


def _pieces(cell: str, width: int, column: str, mark: str) -> list[str]:
    """*cell* in a column *width* wide: whole, wrapped (an id, at its hyphens), or cut with *mark*."""
    if len(cell) <= width:
        return [cell]
    if _kept(column):
        import textwrap

        return textwrap.wrap(cell, width, break_on_hyphens=True) or [cell[:width]]
    return [cell[: width - len(mark)] + mark]


def table(rows: Sequence[Row], columns: Sequence[str], wide: bool, details: str | None = None) -> str:
    """Rows as a text table whose columns are as wide as their widest cell. Unless *wide*, lines fit
    :data:`WIDTH` characters: the long texts are cut with "…" (widest first, never below 16
    characters or their heading), then, if need be, the ids, line numbers and statuses wrap onto
    the next lines (never cut). *details* names a field of each row holding lines printed under
    it, indented (wrapped to fit unless *wide*)."""
    import textwrap

    cells = [[str(row.get(column, "")) if row.get(column) is not None else "" for column in columns] for row in rows]
    widths = [max([len(column), *(len(line[i]) for line in cells)]) for i, column in enumerate(columns)]
    if not wide:
        widths = _fitted(widths, columns)
    mark = ellipsis()
    out = ["  ".join(column.ljust(width) for column, width in zip(columns, widths)).rstrip()]
    out.append("  ".join("-" * width for width in widths))
    for row, line in zip(rows, cells):
        pieces = [_pieces(cell, width, column, mark) for cell, width, column in zip(line, widths, columns)]
        for n in range(max(len(piece) for piece in pieces) if pieces else 0):
            parts = [piece[n] if n < len(piece) else "" for piece in pieces]
            out.append("  ".join(part.ljust(width) for part, width in zip(parts, widths)).rstrip())
        for detail in row.get(details, ()) if details else ():
            out += ["  " + part for part in ([detail] if wide else textwrap.wrap(detail, WIDTH - 2))]
    return "\n".join(out)


def ellipsis() -> str:
    """What marks a cut: "…", or "..." on a terminal that cannot write it."""
    from rqds_portraits._cli.output import utf8

    return "…" if utf8() else "..."


def count(number: int, noun: str) -> str:
    """``"1 entente"``, ``"3 ententes"``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def shown_lines(lines: Sequence[int]) -> str:
    return str(lines[0]) if lines[0] == lines[1] else f"{lines[0]}-{lines[1]}"


def money(value: Any) -> str:
    from decimal import Decimal

    from rqds_portraits._money import format_amount

    return format_amount(Decimal(value), space=" ")
