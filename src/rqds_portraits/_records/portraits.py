"""The records of the portraits' structure: territories, their initiative blocks, sections and lines.

Every record carries ``lines``, the 1-based first and last line of the bundled
source text it comes from. Records are frozen attrs classes holding tuples, so
a caller cannot change them. They know nothing of loading, queries or exports;
they are the single definition from which the dataset file's JSON Schema is
generated (``_loading/schema.py``).

The other records live beside them, one module per topic: ``annotations``
(periods, amounts and mentions written in the text), ``document`` (the
published document), ``partners`` (the registry), ``ententes`` and
``edition`` (a whole dataset file).
"""

from __future__ import annotations

from rqds_portraits._records.frozen import frozen, literal

TYPE_CHECKING = False  # not typing's: territories are read on the cold-start path, which imports no typing
if TYPE_CHECKING:
    from typing import Literal, TypeAlias

__all__ = [
    "ELEMENT_KINDS",
    "SECTION_KINDS",
    "Element",
    "ElementKind",
    "Initiative",
    "Lines",
    "Section",
    "SectionKind",
    "Territory",
    "Website",
]

Lines: TypeAlias = tuple[int, int]
"""The 1-based first and last line of the bundled source text a record comes from."""

SECTION_KINDS: tuple[SectionKind, ...] = (
    "description",
    "leadership",
    "intentions",
    "members",
    "particularities",
    "periodicity",
    "documentation",
    "events",
    "participation",
)
ELEMENT_KINDS: tuple[ElementKind, ...] = ("paragraph", "bullet", "numbered")
if TYPE_CHECKING:  # the same words, for type checkers (tests/test_frozen.py checks that they agree)
    SectionKind: TypeAlias = Literal[
        "description",
        "leadership",
        "intentions",
        "members",
        "particularities",
        "periodicity",
        "documentation",
        "events",
        "participation",
    ]
    ElementKind: TypeAlias = Literal["paragraph", "bullet", "numbered"]
else:
    SectionKind = literal(SECTION_KINDS)
    ElementKind = literal(ELEMENT_KINDS)


@frozen
class Element:
    """One line of a portrait's section: a paragraph or a list item.

    Bullets keep their level (1 for "  • ", 2 for "    • "); numbered items keep
    their number as written ("1.1", "Orientation 2", "B)"). ``prefix`` holds the
    characters written before ``text`` on the line, so ``prefix + text`` is the
    line as published.
    """

    kind: ElementKind
    text: str
    lines: Lines
    level: int = 0
    number: str | None = None
    prefix: str = ""


@frozen
class Section:
    """A titled part of an initiative block: "Leadership", "Intentions", "Membres du comité", …

    ``heading`` is written as in the source; ``kind`` names it in English. When
    ``inline`` is true the heading opens the line of the first element
    ("DESCRIPTION ET/OU OBJECTIFS | Depuis 2004, …").
    """

    kind: SectionKind
    heading: str
    inline: bool
    lines: Lines
    elements: tuple[Element, ...]

    @property
    def text(self) -> str:
        """The section's elements as text, one per line (prefixes included)."""
        return "\n".join(element.prefix + element.text for element in self.elements)


@frozen
class Initiative:
    """One block of a territory's portrait: a démarche, a committee, an agreement, a programme or an event."""

    id: str
    territory_id: str
    title: str | None
    sections: tuple[Section, ...]
    lines: Lines

    def section(self, kind: SectionKind) -> Section | None:
        """The first section of that kind, or ``None`` when the block has none; a *kind* that is not
        a section kind (``"leadership"``, ``"members"``, …) raises :class:`~rqds_portraits.InvalidArgument`."""
        if not isinstance(kind, str) or kind not in SECTION_KINDS:
            from rqds_portraits._errors import InvalidArgument, shown

            raise InvalidArgument(f"invalid section kind {shown(kind)}; kinds are {', '.join(SECTION_KINDS)}")
        return next((section for section in self.sections if section.kind == kind), None)

    @property
    def label(self) -> str:
        """The title, or else the first line of the Leadership section (what the block is about)."""
        if self.title is not None:
            return self.title
        leadership = self.section("leadership")
        if leadership is not None and leadership.elements:
            return leadership.elements[0].text
        return self.id


@frozen
class Website:
    """A web address given for a territory's démarche, as written (sentence punctuation removed)."""

    url: str
    lines: Lines


@frozen
class Territory:
    """One of the 16 member territories, with its portrait's heading, websites and notes."""

    id: str
    region_number: str
    name: str
    heading: str
    websites: tuple[Website, ...]
    notes: tuple[Element, ...]
    lines: Lines
