"""A portrait's lines as HTML, each fact the text writes marked on the exact characters of its span.

A mark is a ``<mark>`` on ``line[span[0]:span[1]]``, followed by a short text
label (the mention's roles, or the kind: "amount", "period", …) that links to
the record. Marks nest; when two cross (a note on the source that ends inside
a mention), the inner one is closed and opened again, so one record can have
two pieces, each with ``data-rec`` set to its id (the first also has the anchor
``at-<id>``). Labels are ``<a class="ref">`` elements after the mark's last piece:
the text of a line is its marks' and plain text without them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from rqds_portraits._dataset import Dataset
from rqds_portraits.exports._site_page import esc

__all__ = ["KINDS", "MARKED", "ROLE_LABELS", "Mark", "label", "marked_line", "marks_by_line"]

MARKED = ("source_notes", "mentions", "amounts", "periods", "dates")
"""The tables whose records are written at one place of a line (``lines`` and ``span``), outermost first
when two share a span."""

KINDS = {"source_notes": "note", "mentions": "mention", "amounts": "amount", "periods": "period", "dates": "date"}
"""The kind of mark each table's records get (the ``k-<kind>`` class and ``data-kind``)."""

ROLE_LABELS = {
    "leader": "leads",
    "signatory": "signs",
    "funder": "funds",
    "manager": "manages",
    "member": "member",
    "observer": "observes",
    "mentioned": "named",
}
"""The label a mention's mark carries for each of its roles."""


@attrs.frozen(eq=False)
class Mark:
    """One record written on a line: its table, the record, and its columns (compared by identity)."""

    table: str
    record: Any
    start: int
    end: int


def label(mark: Mark) -> str:
    """The text after a mark: a mention's roles ("signs+manages"), else its kind."""
    if mark.table == "mentions":
        return "+".join(ROLE_LABELS[role] for role in mark.record.roles)
    return KINDS[mark.table]


def marks_by_line(ds: Dataset) -> Mapping[int, tuple[Mark, ...]]:
    """Every record of :data:`MARKED`, by the line it is written on."""
    found: dict[int, list[Mark]] = {}
    for table in MARKED:
        for record in getattr(ds, table):
            found.setdefault(record.lines[0], []).append(Mark(table, record, record.span[0], record.span[1]))
    return {line: tuple(marks) for line, marks in sorted(found.items())}


def marked_line(text: str, marks: Sequence[Mark], title: Callable[[Mark], str]) -> str:
    """*text* as HTML with *marks* on their spans; *title* gives the tooltip of each label."""
    priority = {table: index for index, table in enumerate(MARKED)}
    ordered = sorted(marks, key=lambda m: (m.start, -m.end, priority[m.table]))
    points = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[Mark] = set()

    def close(down_to: int, at: int) -> None:
        while len(stack) > down_to:
            mark = stack.pop()
            out.append("</mark>")
            if mark.end == at:
                out.append(_ref(mark, title))

    for start, end in itertools.pairwise(points):
        active = [m for m in ordered if m.start <= start and end <= m.end]
        keep = 0
        while keep < len(stack) and stack[keep] in active:
            keep += 1
        close(keep, start)
        for mark in active:
            if mark not in stack:
                first = mark not in opened
                opened.add(mark)
                stack.append(mark)
                out.append(_open(mark, first))
        out.append(esc(text[start:end]))
    close(0, len(text))
    return "".join(out)


def _open(mark: Mark, first: bool) -> str:
    record_id = esc(mark.record.id)
    anchor = f' id="at-{record_id}"' if first else ""
    return f'<mark class="mk k-{KINDS[mark.table]}" data-kind="{KINDS[mark.table]}" data-rec="{record_id}"{anchor}>'


def _ref(mark: Mark, title: Callable[[Mark], str]) -> str:
    return f'<a class="ref" href="#{esc(mark.record.id)}" title="{esc(title(mark))}">{esc(label(mark))}</a>'
