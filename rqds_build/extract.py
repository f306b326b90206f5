"""The document's structure: title, introduction, territories, blocks, sections, lines.

The Tour du Québec is laid out the same way in every edition: a title line, an
introduction, then one portrait per territory opened by ``"NN | NAME"``. A
portrait holds blocks (a title in capitals, or a run of sections), each section
opened by a heading from the edition's vocabulary ("Leadership", "Membres du
comité", …; ``"HEADING | text"`` when the heading opens the first line), and
lines that are paragraphs, bullets ("  • ", one level per two spaces) or
numbered items ("1.1", "  1.", "B)", "Orientation 2 :"). The publishing
platform's footer follows the last portrait.

Everything here is mechanical; the curated file supplies the vocabulary and the
few lines no rule can place (see ``rqds_build/curated.py``). Every web
address written in a portrait, labelled ("Site Internet :") or not, is a
website of its territory.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import attrs

from rqds_build.context import BuildContext
from rqds_build.curated import Table, required_str
from rqds_portraits._errors import BuildError
from rqds_portraits._records.portraits import (
    Element,
    Initiative,
    Lines,
    Section,
    SectionKind,
    Territory,
    Website,
)
from rqds_portraits._render import SEPARATOR
from rqds_portraits._text import slug

__all__ = ["Structure", "TextUnit", "extract", "french_title_case", "parse_element"]

TERRITORY_HEADING = re.compile(r"^(?P<number>\d{2}) \| (?P<name>\S.*?)\s*$")
_BULLET = re.compile(r"^(?P<indent>[ ]*)•(?P<gap>[ \u00a0]+)(?P<text>.*)$", re.DOTALL)
_DOTTED = re.compile(r"^(?P<indent>[ ]*)(?P<number>\d+\.(?:\d+)?)(?P<gap>[ \u00a0]+)(?P<text>\S.*)$", re.DOTALL)
_LETTER = re.compile(r"^(?P<indent>[ ]*)(?P<number>[A-Z]\))(?P<gap>[ \u00a0]+)(?P<text>\S.*)$", re.DOTALL)
_URL = re.compile(r"(?:https?://|www\.)[^\s,;]+")
_PARTICLES = frozenset({"de", "du", "des", "la", "le", "les", "et", "aux", "au", "sur", "en"})


@attrs.frozen
class TextUnit:
    """A piece of portrait text to annotate: ``text`` starts at ``column`` of source line ``line``."""

    line: int
    column: int
    text: str
    territory_id: str
    initiative_id: str | None
    section: SectionKind | None


@attrs.frozen
class Structure:
    """What :func:`extract` finds, before annotation."""

    title: str
    title_lines: Lines
    introduction_heading: str
    introduction: tuple[Element, ...]
    introduction_lines: Lines
    territories: tuple[Territory, ...]
    initiatives: tuple[Initiative, ...]
    units: tuple[TextUnit, ...]
    footer_start: int


def french_title_case(heading: str) -> str:
    """Write a heading in capitals the usual way: ``"NORD-DU-QUÉBEC"`` gives ``"Nord-du-Québec"``."""
    words = re.split(r"([ -])", heading.strip().lower())
    out = []
    for index, word in enumerate(words):
        if word in (" ", "-") or (index > 0 and word in _PARTICLES):
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return "".join(out)


def parse_element(line: str, number: int, numbered_labels: Sequence[str]) -> Element:
    """One content line as a paragraph, a bullet or a numbered item (``prefix + text == line``)."""
    bullet = _BULLET.match(line)
    if bullet:
        indent = bullet["indent"]
        prefix = f"{indent}•{bullet['gap']}"
        return Element("bullet", bullet["text"], (number, number), max(1, len(indent) // 2), None, prefix)
    for pattern in (_DOTTED, _LETTER, *(_labelled(label) for label in numbered_labels)):
        item = pattern.match(line)
        if item:
            indent = item["indent"]
            prefix = line[: item.start("text")]
            level = max(1, len(indent) // 2)
            return Element("numbered", item["text"], (number, number), level, item["number"], prefix)
    return Element("paragraph", line, (number, number))


def _labelled(label: str) -> re.Pattern[str]:
    return re.compile(rf"^(?P<indent>[ ]*)(?P<number>{re.escape(label)} \d+)(?P<gap> : )(?P<text>\S.*)$", re.DOTALL)


def _blank(line: str) -> bool:
    return not line.strip()


def _is_capitals(line: str) -> bool:
    return any(ch.isalpha() for ch in line) and line == line.upper()


class _Portrait:
    """Builds one territory's blocks from its lines (mutable while reading, frozen at the end)."""

    def __init__(self, territory_id: str, headings: dict[str, SectionKind]) -> None:
        self.territory_id = territory_id
        self.headings = headings
        self.blocks: list[tuple[str | None, int, list[tuple[SectionKind, str, bool, int, list[Element]]]]] = []
        self.notes: list[Element] = []

    def start_block(self, title: str | None, line: int) -> None:
        self.blocks.append((title, line, []))

    def heading_of(self, line: str) -> tuple[SectionKind, str, str | None] | None:
        stripped = line.rstrip()
        if stripped in self.headings:
            return self.headings[stripped], stripped, None
        head, separator, rest = line.partition(SEPARATOR)
        if separator and head in self.headings:
            return self.headings[head], head, rest
        return None

    def add_section(self, kind: SectionKind, heading: str, inline: bool, line: int) -> None:
        if not self.blocks:
            self.start_block(None, line)
        sections = self.blocks[-1][2]
        kinds = {section[0] for section in sections}
        if (kind == "leadership" and "leadership" in kinds) or (kind == "description" and sections):
            self.start_block(None, line)  # a new run of sections: a new block
            sections = self.blocks[-1][2]
        sections.append((kind, heading, inline, line, []))

    def add_element(self, element: Element) -> None:
        if not self.blocks:
            self.notes.append(element)  # before any block: about the territory (Laval's web site)
            return
        sections = self.blocks[-1][2]
        if not sections:
            raise BuildError(
                "text after a block title and before any section heading: add the heading to "
                "[conventions.section_headings], or curate the line as a [[block_title]] or a [[territory_note]]"
            )
        sections[-1][4].append(element)

    def initiatives(self) -> list[Initiative]:
        out = []
        for index, (title, first, raw_sections) in enumerate(self.blocks, start=1):
            sections = tuple(
                Section(kind, heading, inline, (line, max([line, *(e.lines[1] for e in elements)])), tuple(elements))
                for kind, heading, inline, line, elements in raw_sections
            )
            last = max([first, *(section.lines[1] for section in sections)])
            block_id = f"{self.territory_id}-{index:02d}"
            out.append(Initiative(block_id, self.territory_id, title, sections, (first, last)))
        return out


def extract(ctx: BuildContext) -> Structure:
    """Find the document's structure in its lines, guided by the curated file.

    A line that cannot be placed is recorded as a problem of the source (the
    build goes on); a source with no recognisable layout raises
    :class:`~rqds_portraits.BuildError`.
    """
    lines = ctx.lines
    layout = ctx.curated.get("conventions", {})
    headings: dict[str, SectionKind] = dict(layout.get("section_headings", {}))
    numbered_labels = list(layout.get("numbered_labels", []))
    intro_heading = required_str(layout, "introduction_heading")
    footer_marker = required_str(layout, "footer_start")
    territory_notes = _curated_lines(ctx, "territory_note")
    block_titles = _curated_lines(ctx, "block_title")

    numbers = [n for n, line in enumerate(lines, start=1) if not _blank(line)]
    title_line = numbers[0]
    footer_start = _only_line(ctx, footer_marker, "footer_start", r"^pdf ", len(lines) + 1)
    intro_line = _only_line(ctx, intro_heading, "introduction_heading", r"^INTRODUCTION\s*$", 1)
    heading_lines = [n for n in numbers if TERRITORY_HEADING.match(lines[n - 1]) and intro_line < n < footer_start]
    if not heading_lines:
        raise BuildError("no territory heading of the form 'NN | NAME' between the introduction and the footer")

    introduction = tuple(
        Element("paragraph", lines[n - 1], (n, n)) for n in numbers if intro_line < n < heading_lines[0]
    )
    territories: list[Territory] = []
    initiatives: list[Initiative] = []
    units: list[TextUnit] = []
    bounds = [*heading_lines, footer_start]
    for first, following in itertools.pairwise(bounds):
        match = TERRITORY_HEADING.match(lines[first - 1])
        assert match is not None
        name = french_title_case(match["name"])
        territory_id = slug(name)
        portrait = _Portrait(territory_id, headings)
        body = [n for n in numbers if first < n < following]
        for n in sorted({*territory_notes, *block_titles} & set(body)):
            if territory_id != territory_notes.get(n, block_titles.get(n)):
                ctx.in_source(
                    n,
                    f"a curated [[territory_note]] or [[block_title]] names this line, in the {territory_id!r} portrait, for another territory",
                )
        for n in body:
            line = lines[n - 1]
            with ctx.problems.entry(ctx.source_file, n):
                if n in territory_notes:
                    portrait.notes.append(Element("paragraph", line, (n, n)))
                elif n in block_titles or (
                    not portrait.blocks and _is_capitals(line) and portrait.heading_of(line) is None
                ):
                    portrait.start_block(line, n)
                elif (heading := portrait.heading_of(line)) is not None:
                    kind, written, rest = heading
                    portrait.add_section(kind, written, rest is not None, n)
                    if rest is not None:
                        portrait.add_element(Element("paragraph", rest, (n, n)))
                else:
                    portrait.add_element(parse_element(line, n, numbered_labels))
        blocks = portrait.initiatives()
        last = max([first, *(b.lines[1] for b in blocks), *(e.lines[1] for e in portrait.notes)])
        territory = Territory(
            territory_id,
            match["number"],
            name,
            match["name"],
            _websites(portrait.notes, blocks),
            tuple(portrait.notes),
            (first, last),
        )
        territories.append(territory)
        initiatives.extend(blocks)
        units.extend(_units(lines, territory, blocks))

    for repeated in _repeated([t.id for t in territories]):
        ctx.in_source(
            next(t.lines[0] for t in territories if t.id == repeated),
            f"two portraits have the territory id {repeated!r}",
        )
    return Structure(
        title=lines[title_line - 1],
        title_lines=(title_line, title_line),
        introduction_heading=intro_heading,
        introduction=introduction,
        introduction_lines=(intro_line, introduction[-1].lines[1] if introduction else intro_line),
        territories=tuple(territories),
        initiatives=tuple(initiatives),
        units=tuple(units),
        footer_start=footer_start,
    )


def _only_line(ctx: BuildContext, text: str, key: str, likely: str, default: int) -> int:
    """The one line that reads *text*; when none or several do, the problem is recorded and the
    build goes on from the first line like *likely* (or *default*), to name every other problem too."""
    found = [n for n, line in enumerate(ctx.lines, start=1) if line.rstrip() == text]
    if len(found) == 1:
        return found[0]
    ctx.problems.add(
        ctx.curated_file,
        ctx.key_line(f"conventions.{key}"),
        f"{text!r} must be exactly one line of the source, found on lines {found}; the source may have changed",
        f"[conventions] {key}",
    )
    guesses = [n for n, line in enumerate(ctx.lines, start=1) if re.match(likely, line)]
    return guesses[0] if guesses else default


def _curated_lines(ctx: BuildContext, kind: str) -> dict[int, str]:
    """Curated whole lines, by number, with their territory: each ``text`` is one line, or ``line`` says which."""

    def place(entry: Table) -> tuple[int, str]:
        text = required_str(entry, "text")
        required_str(entry, "why")
        territory = required_str(entry, "territory")
        matches = [n for n, line in enumerate(ctx.lines, start=1) if line == text]
        wanted = entry.get("line")
        if not matches:
            raise BuildError(f"no line reads {text!r}; the source may have changed")
        if wanted is not None and wanted not in matches:
            raise BuildError(f"line {wanted} does not read {text!r} (lines {matches} do)")
        if wanted is None and len(matches) != 1:
            raise BuildError(f"{text!r} is on several lines: {matches}; add line = N to say which")
        return (wanted if wanted is not None else matches[0]), territory

    return dict(ctx.each(kind, place))


def _repeated(values: list[str]) -> list[str]:
    return sorted({value for value in values if values.count(value) > 1})


def _elements(initiative: Initiative) -> list[tuple[SectionKind, Element]]:
    return [(section.kind, element) for section in initiative.sections for element in section.elements]


def _websites(notes: Sequence[Element], blocks: Sequence[Initiative]) -> tuple[Website, ...]:
    texts = [*notes, *(element for block in blocks for _, element in _elements(block))]
    return tuple(Website(url.rstrip(".)"), element.lines) for element in texts for url in _URL.findall(element.text))


def _units(lines: Sequence[str], territory: Territory, blocks: Sequence[Initiative]) -> list[TextUnit]:
    units = [TextUnit(note.lines[0], len(note.prefix), note.text, territory.id, None, None) for note in territory.notes]
    for block in blocks:
        if block.title is not None:
            units.append(TextUnit(block.lines[0], 0, block.title, territory.id, block.id, None))
        for kind, element in _elements(block):
            line = lines[element.lines[0] - 1]
            column = len(line) - len(element.text)  # after the prefix or the inline heading
            units.append(TextUnit(element.lines[0], column, element.text, territory.id, block.id, kind))
    return sorted(units, key=lambda unit: unit.line)
