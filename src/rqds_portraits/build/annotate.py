"""Periods and money amounts found in the portraits' text, each tied to its exact place.

Periods are every ``YYYY-YYYY`` (hyphen or en dash) written in a portrait.
Amounts are every number followed by a dollar sign, with the duration written
after it ("/ 3 ans"). An amount is tied to the period written on its own line
(the nearest one before it, else the one after it). Readings that no rule can
make (an approximate or a malformed amount, an impact, a cut, a share of another
amount, a period written on another line) come from the curated file's
``[[amount]]`` entries, each with its note.
"""

from __future__ import annotations

import re
import typing
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation

import attrs

from ..annotations import Amount, AmountKind, Qualifier, SourceNote, WrittenPeriod
from ..errors import BuildError, InvalidArgument
from ..money import SPACES, parse_amount
from ..periods import FIRST_YEAR, LAST_YEAR
from .curated import Table, choice, entries, optional_str, required_str
from .extract import TextUnit

__all__ = ["find_amounts", "find_periods", "find_source_notes", "locate"]

_PERIOD = re.compile(r"(?<![\d/])(\d{4})[-–](\d{4})(?![\d/])")
_AMOUNT = re.compile(rf"(?<![\d,])\d(?:[\d{SPACES},]*\d)?[{SPACES}]?\$(?:[{SPACES}]*/[{SPACES}]*(\d+)[{SPACES}]*ans\b)?")
_QUALIFIERS = typing.get_args(Qualifier)
_KINDS = typing.get_args(AmountKind)


def locate(units: Sequence[TextUnit], territory: str, at: str, where: str, line: int | None = None) -> TextUnit:
    """The one text unit of *territory* whose text contains *at* (a curated anchor);
    *line* picks one when the words occur on several lines."""
    found = [unit for unit in units if unit.territory_id == territory and at in unit.text]
    chosen = [unit for unit in found if unit.line == line] if line is not None else found
    if len(chosen) != 1:
        lines = [unit.line for unit in found]
        hint = "" if line is not None or not found else "; add line = N"
        raise BuildError(f"curated {where}: {at!r} must occur on exactly one line of {territory!r}, found on {lines}{hint}")
    return chosen[0]


def find_periods(units: Sequence[TextUnit]) -> tuple[WrittenPeriod, ...]:
    """Every period of years written in the portraits, in document order."""
    counters: dict[str, int] = defaultdict(int)
    found = []
    for unit in units:
        for match in _PERIOD.finditer(unit.text):
            start, end = int(match[1]), int(match[2])
            if not (FIRST_YEAR <= start <= end <= LAST_YEAR):
                raise BuildError(f"line {unit.line}: {match[0]!r} is not a period (end before start or out of range)")
            scope = unit.initiative_id or unit.territory_id
            counters[scope] += 1
            found.append(
                WrittenPeriod(
                    id=f"{scope}-p{counters[scope]}",
                    text=match[0],
                    start=start,
                    end=end,
                    territory_id=unit.territory_id,
                    initiative_id=unit.initiative_id,
                    lines=(unit.line, unit.line),
                    span=(unit.column + match.start(), unit.column + match.end()),
                )
            )
    return tuple(found)


def find_amounts(units: Sequence[TextUnit], periods: Sequence[WrittenPeriod], curated: Table) -> tuple[Amount, ...]:
    """Every money amount written in the portraits, in document order, with the curated readings applied."""
    readings = _readings(units, curated)
    counters: dict[str, int] = defaultdict(int)
    by_line: dict[int, list[WrittenPeriod]] = defaultdict(list)
    for period in periods:
        by_line[period.lines[0]].append(period)
    found: list[Amount] = []
    texts: dict[tuple[str, str], str] = {}
    for unit in units:
        for match in _AMOUNT.finditer(unit.text):
            span = (unit.column + match.start(), unit.column + match.end())
            reading = readings.pop((unit.line, match[0]), {})
            where = f"[[amount]] {match[0]!r}"
            value = _value(match[0], reading, unit.line)
            period_written = _period_for(reading, by_line, units, unit, span, where)
            scope = unit.initiative_id or unit.territory_id
            counters[scope] += 1
            amount_id = f"{scope}-a{counters[scope]}"
            texts[(unit.territory_id, match[0])] = amount_id
            found.append(
                Amount(
                    id=amount_id,
                    text=match[0],
                    value=value,
                    qualifier=typing.cast(Qualifier, choice(reading, "qualifier", _QUALIFIERS, where, "exact")),
                    kind=typing.cast(AmountKind, choice(reading, "kind", _KINDS, where, "funding")),
                    per_years=int(match[1]) if match[1] else None,
                    period=period_written.period if period_written else None,
                    period_id=period_written.id if period_written else None,
                    share_of=optional_str(reading, "share_of", where),
                    territory_id=unit.territory_id,
                    initiative_id=unit.initiative_id,
                    lines=(unit.line, unit.line),
                    span=span,
                    note=optional_str(reading, "note", where),
                )
            )
    if readings:
        (line, text), _ = next(iter(readings.items()))
        raise BuildError(f"curated [[amount]] {text!r}: no amount is written so on line {line}")
    return tuple(_resolve_shares(found, texts))


def _readings(units: Sequence[TextUnit], curated: Table) -> dict[tuple[int, str], Table]:
    readings = {}
    for entry in entries(curated, "amount"):
        text = required_str(entry, "text", "[[amount]]")
        where = f"[[amount]] {text!r}"
        required_str(entry, "note", where)
        unit = locate(units, required_str(entry, "territory", where), required_str(entry, "at", where), where)
        if text not in required_str(entry, "at", where):
            raise BuildError(f"curated {where}: the amount must be part of its 'at' text")
        readings[(unit.line, text)] = entry
    return readings


def _value(text: str, reading: Table, line: int) -> Decimal:
    written = optional_str(reading, "value", f"[[amount]] {text!r}")
    if written is not None:
        try:
            return Decimal(written)
        except InvalidOperation:
            raise BuildError(f"curated [[amount]] {text!r}: value {written!r} is not a decimal number") from None
    number = text.split("/")[0]
    try:
        return parse_amount(number)
    except InvalidArgument:
        raise BuildError(f"line {line}: cannot read the amount {text!r}; curate its value with a note") from None


def _period_for(
    reading: Table,
    by_line: dict[int, list[WrittenPeriod]],
    units: Sequence[TextUnit],
    unit: TextUnit,
    span: tuple[int, int],
    where: str,
) -> WrittenPeriod | None:
    if "period" in reading:
        wanted = reading["period"]
        if wanted == "":
            return None  # curated: the period written on the line is not this amount's
        anchor = locate(units, unit.territory_id, required_str(reading, "period_at", where), where)
        written = [p for p in by_line.get(anchor.line, []) if p.text == wanted]
        if len(written) != 1:
            raise BuildError(f"curated {where}: period {wanted!r} must be written once on line {anchor.line}")
        return written[0]
    same_line = by_line.get(unit.line, [])
    before = [p for p in same_line if p.span[1] <= span[0]]
    after = [p for p in same_line if p.span[0] >= span[1]]
    return before[-1] if before else (after[0] if after else None)


def _resolve_shares(amounts: list[Amount], ids: dict[tuple[str, str], str]) -> Iterable[Amount]:
    for amount in amounts:
        if amount.share_of is None:
            yield amount
            continue
        other = ids.get((amount.territory_id, amount.share_of))
        if other is None:
            raise BuildError(f"curated [[amount]] {amount.text!r}: share_of {amount.share_of!r} is no amount of {amount.territory_id!r}")
        yield attrs.evolve(amount, share_of=other)


def find_source_notes(units: Sequence[TextUnit], curated: Table) -> tuple[SourceNote, ...]:
    """The curated ``[[source_note]]`` remarks, each tied to its passage (``text`` within ``at``)."""
    counters: dict[str, int] = defaultdict(int)
    found = []
    for entry in entries(curated, "source_note"):
        at = required_str(entry, "at", "[[source_note]]")
        where = f"[[source_note]] {at!r}"
        unit = locate(units, required_str(entry, "territory", where), at, where, entry.get("line"))
        text = entry.get("text", at)
        if not isinstance(text, str) or at.count(text) != 1:
            raise BuildError(f"curated {where}: {text!r} must occur exactly once in its 'at' passage")
        start = unit.column + unit.text.index(at) + at.index(text)
        found.append((unit, (start, start + len(text)), text, required_str(entry, "note", where)))
    notes = []
    for unit, span, text, note in sorted(found, key=lambda item: (item[0].line, item[1])):
        scope = unit.initiative_id or unit.territory_id
        counters[scope] += 1
        notes.append(
            SourceNote(f"{scope}-n{counters[scope]}", text, note, unit.territory_id, unit.initiative_id, (unit.line, unit.line), span)
        )
    return tuple(notes)
