"""The source text, regenerated from the records.

Each text-bearing record writes its line at the place its ``lines`` give: the
title, the introduction, each territory's heading ("NN | NAME") and notes, each
block's title, each section's heading and elements (``prefix + text``, or
``"HEADING | text"`` for an inline heading), and the footer. Lines no record
owns are blank. :func:`owned_lines` lists who writes what, which is how the
tests prove that every non-blank line of the source belongs to exactly one record.
"""

from __future__ import annotations

from collections.abc import Iterator

from rqds_portraits._errors import DatasetIntegrityError
from rqds_portraits._records.edition import EditionRecords

__all__ = ["SEPARATOR", "owned_lines", "render"]

SEPARATOR = " | "
"""Between a heading and the text on its line: "13 | LAVAL", "DESCRIPTION ET/OU OBJECTIFS | …"."""


def owned_lines(records: EditionRecords) -> Iterator[tuple[int, str, str]]:
    """``(line, text, owner)`` for every line a record writes, in document order."""
    source = records.source
    yield source.title_lines[0], source.title, "source.title"
    intro = source.introduction
    yield intro.lines[0], intro.heading, "source.introduction.heading"
    for paragraph in intro.paragraphs:
        yield paragraph.lines[0], paragraph.text, "source.introduction"
    for territory in records.territories:
        yield territory.lines[0], f"{territory.region_number}{SEPARATOR}{territory.heading}", territory.id
        for note in territory.notes:
            yield note.lines[0], note.prefix + note.text, f"{territory.id}.notes"
    for initiative in records.initiatives:
        if initiative.title is not None:
            yield initiative.lines[0], initiative.title, f"{initiative.id}.title"
        for index, section in enumerate(initiative.sections):
            owner = f"{initiative.id}.sections[{index}]"
            for position, element in enumerate(section.elements):
                text = element.prefix + element.text
                if section.inline and position == 0:
                    text = f"{section.heading}{SEPARATOR}{text}"
                yield element.lines[0], text, owner
            if not section.inline:
                yield section.lines[0], section.heading, f"{owner}.heading"
    for line in source.footer:
        yield line.lines[0], line.text, f"source.footer.{line.role}"


def render(records: EditionRecords) -> str:
    """The whole source text, line for line, from the records (blank lines where no record writes)."""
    out = [""] * records.source.line_count
    for number, text, owner in owned_lines(records):
        if out[number - 1]:
            raise DatasetIntegrityError(f"line {number} is written by two records (the second is {owner})")
        if "\n" in text:  # a record's text is one line of the source: a line break in it would shift every line after
            raise DatasetIntegrityError(
                f"line {number} holds a line break (written by {owner}): a record writes one line"
            )
        out[number - 1] = text
    return "\n".join(out)
