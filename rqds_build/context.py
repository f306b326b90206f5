"""The edition being built: its source lines, its curated file, and where problems are recorded.

Each step of the build reads the curated entries through :meth:`BuildContext.each`,
which records a problem of one entry and goes on with the next, and anchors an
entry to the text with :meth:`BuildContext.locate`, whose error names the closest
lines when the source no longer reads as the entry says.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

import attrs

from rqds_build.curated import Table, entries, key_line, line_of, required_str, todos
from rqds_build.problems import Problems
from rqds_portraits._errors import BuildError

if TYPE_CHECKING:
    from rqds_build.extract import TextUnit

__all__ = ["BuildContext", "describe", "entry_context", "locate"]

T = TypeVar("T")


def describe(kind: str) -> Callable[[Table], str]:
    def describe(entry: Table) -> str:
        label = entry.get("id") or entry.get("text") or entry.get("at") or ""
        territory = entry.get("territory")
        return f"[[{kind}]] {label!r}" + (f" ({territory})" if isinstance(territory, str) else "")

    return describe


@attrs.define
class BuildContext:
    """One edition's inputs and the problems found in them."""

    edition: str
    lines: Sequence[str]
    curated: Table
    problems: Problems
    curated_text: str = ""
    """The curated file as written, to name the line of a key (:meth:`key_line`)."""

    @property
    def curated_file(self) -> str:
        return f"{self.edition}/curated.toml"

    @property
    def source_file(self) -> str:
        return f"{self.edition}/source.txt"

    def each(self, kind: str, handle: Callable[[Table], T]) -> list[T]:
        """What *handle* gives for every ``[[kind]]`` entry; a :class:`~rqds_portraits.BuildError`
        it raises is recorded against that entry, and the next one is handled."""
        describe_entry = describe(kind)
        try:
            found = entries(self.curated, kind)
        except BuildError as error:
            self.problems.add(self.curated_file, 0, str(error))
            return []
        results: list[T] = []
        seen: dict[str, int] = {}
        for entry in found:
            if todos(entry):
                continue  # each TODO is reported once, as a decision to make; the entry is not read until then
            same = repr(sorted((key, repr(value)) for key, value in entry.items() if key != "__line__"))
            if same in seen:
                self.problems.add(
                    self.curated_file,
                    line_of(entry),
                    f"the same entry is on line {seen[same]}: an entry is given once",
                    describe_entry(entry),
                )
                continue
            seen[same] = line_of(entry)
            with self.problems.entry(self.curated_file, line_of(entry), describe_entry(entry)):
                results.append(handle(entry))
        return results

    def key_line(self, place: str) -> int:
        """The line of the curated key *place* (``"conventions.footer_start"``), 0 when unknown."""
        return key_line(self.curated_text, place)

    def in_source(self, line: int, message: str) -> None:
        """Record a problem of the source text at *line* (one no curated entry answers yet)."""
        self.problems.add(self.source_file, line, message)


_NOT_CONTEXT = frozenset(
    {"territory", "at", "id", "why", "note", "kind", "qualifier", "status", "role", "roles", "line"}
)


def entry_context(entry: Table) -> tuple[str, ...]:
    """The words of a curated *entry* besides its anchor (its text, title, amounts, …), which a hint
    looks for near the candidate lines."""
    found: list[str] = []
    for key, value in entry.items():
        if key in _NOT_CONTEXT or key.startswith("__"):
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item:
                found.append(item)
            elif isinstance(item, dict) and isinstance(item.get("at"), str):
                found.append(item["at"])
    return tuple(found)


def passage(
    units: Sequence[TextUnit], territory: str, at: str, line: object = None, context: Sequence[str] = ()
) -> tuple[TextUnit, tuple[int, int]]:
    """The unit holding the curated anchor *at* (see :func:`locate`) and the columns of *at* in its line."""
    unit = locate(units, territory, at, line, context)
    start = unit.column + unit.text.index(at)
    return unit, (start, start + len(at))


def anchored(units: Sequence[TextUnit], entry: Table) -> tuple[TextUnit, tuple[int, int], str]:
    """The unit of a curated entry's passage (its ``territory``, ``at`` and ``line``), the columns of its
    ``text`` there (which must occur once in ``at``; the whole passage when there is none) and that text."""
    at = required_str(entry, "at")
    unit, (start, _) = passage(units, required_str(entry, "territory"), at, entry.get("line"), entry_context(entry))
    text = entry.get("text", at)
    if not isinstance(text, str) or at.count(text) != 1:
        raise BuildError(f"{text!r} must occur exactly once in its 'at' passage {at!r}")
    begin = start + at.index(text)
    return unit, (begin, begin + len(text)), text


def locate(
    units: Sequence[TextUnit], territory: str, at: str, line: object = None, context: Sequence[str] = ()
) -> TextUnit:
    """The one text unit of *territory* whose text contains *at* (a curated anchor);
    *line* picks one when the words occur on several lines.

    When no line contains *at*, the error says the source may have changed and
    names the closest lines, ranked by the whole entry (*at*, and its other words,
    *context*, on the line or its neighbours); when several do, it lists them.
    """
    if line is not None and not isinstance(line, int):
        raise BuildError(f"line must be a line number, got {line!r}")
    own = [unit for unit in units if unit.territory_id == territory]
    if not own:
        raise BuildError(f"no portrait has the territory id {territory!r}")
    found = [unit for unit in own if at in unit.text]
    chosen = [unit for unit in found if unit.line == line] if line is not None else found
    if len(chosen) == 1:
        return chosen[0]
    if not found:
        raise BuildError(
            f"no line of {territory!r} contains {at!r}; the source may have changed. {_closest(own, at, context)}"
        )
    lines = [unit.line for unit in found]
    if line is not None:
        raise BuildError(f"line {line} does not contain {at!r}; it is on lines {lines}")
    raise BuildError(f"{at!r} is on several lines of {territory!r}: {lines}; add line = N to say which")


def _likeness(at: str, text: str) -> float:
    """How much of *at* reads in *text*: the characters of every matching block, and how close their lengths are."""
    matcher = difflib.SequenceMatcher(None, at, text, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / max(len(at), 1) - 0.3 * abs(len(text) - len(at)) / max(len(text), len(at), 1)


def _closest(units: Sequence[TextUnit], at: str, context: Sequence[str] = ()) -> str:
    """The lines most like *at*, ranked by the entry's whole context, for a maintainer to find what it
    became; when the two best are nearly as likely, the hint says it is not sure."""
    by_line = {unit.line: unit for unit in units}
    scored = []
    for unit in units:
        near = " ".join(
            other.text
            for other in (by_line.get(unit.line - 1), unit, by_line.get(unit.line + 1))
            if other is not None and other.initiative_id == unit.initiative_id
        )
        found = sum(1 for words in context if words in near)
        score = _likeness(at, unit.text) + (0.5 * found / len(context) if context else 0.0)
        scored.append((score, unit))
    best = [item for item in sorted(scored, key=lambda item: -item[0])[:2] if item[0] >= 0.3]
    if not best:
        return "No line is close."
    shown = "; ".join(f"line {unit.line}: {unit.text[:90]!r}" for _, unit in best)
    unsure = len(best) == 2 and best[0][0] - best[1][0] < 0.05
    return f"Closest (not sure: the two read alike): {shown}" if unsure else f"Closest: {shown}"
