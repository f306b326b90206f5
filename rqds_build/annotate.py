"""Periods, dates and money amounts found in the portraits' text, each tied to its exact place.

Periods are every ``YYYY-YYYY`` (hyphen or en dash) written in a portrait, and
every range written in words ("de novembre 2012 à avril 2013", see
:mod:`.dates`); dates are every other date written in words. Amounts are every
number followed by a dollar sign, with the duration written after it ("/ 3
ans"). An amount is tied to the period written on its own line (the nearest
one before it, else the one after it).

Readings that no rule can make come from the curated file's ``[[amount]]``
entries, each with its kind, qualifier and note: an approximate or a malformed
amount, an impact, a cut, a share of another amount (and whose share it is),
a period written on another line. A curated ``value`` must have the digits
written, read whole or with their last two as cents (a decimal comma the text
omits), never other digits; ``reading`` says why. Each entry is read whole: a value that
contradicts its digits is named even when its ``at`` no longer matches. An
amount is read once: a second entry for it is refused.

Which amounts need a reading is decided once the agreements are known
(:func:`check_readings`), and the word that demands a reading decides what it
may say: ``[conventions.amount_word_readings]`` gives, for a word of
``amount_words``, the ``kind`` or ``qualifier`` it implies, ``share_of = true``
(a part of a larger amount written over the same years in its block must say
whose part it is) and ``entente_status`` (the amount must belong to an
agreement of that status: "négociation").
"""

from __future__ import annotations

import re
import typing
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation

import attrs

from rqds_build.context import BuildContext, anchored, describe, entry_context, locate
from rqds_build.curated import Table, choice, line_of, optional_str, required_str
from rqds_build.dates import find_words
from rqds_build.extract import TextUnit
from rqds_portraits._errors import BuildError, InvalidArgument
from rqds_portraits._money import SPACES, parse_amount
from rqds_portraits._records.annotations import (
    AMOUNT_KINDS,
    QUALIFIERS,
    Amount,
    AmountKind,
    Qualifier,
    SourceNote,
    WrittenDate,
    WrittenPeriod,
)
from rqds_portraits._records.ententes import STATUSES, Entente
from rqds_portraits._records.periods import FIRST_YEAR, LAST_YEAR

__all__ = ["check_readings", "find_amounts", "find_dates", "find_periods", "find_source_notes"]

_PERIOD = re.compile(r"(?<![\d/])(\d{4})[-–](\d{4})(?![\d/])")
_AMOUNT = re.compile(
    rf"(?<![\d,])\d(?:[\d{SPACES},]*\d)?[{SPACES}]?\$(?:[{SPACES}]*/[{SPACES}]*(\d+)[{SPACES}]*ans\b)?"
)
_PLAIN = re.compile(
    rf"^\d{{1,3}}(?:[{SPACES}]\d{{3}})*(?:,\d{{2}})?[{SPACES}]?\$(?:[{SPACES}]*/[{SPACES}]*\d+[{SPACES}]*ans)?$"
)


def find_periods(ctx: BuildContext, units: Sequence[TextUnit]) -> tuple[WrittenPeriod, ...]:
    """Every period written in the portraits, in figures or in words, in document order.

    Ids number the periods of each block: those in figures first (as 0.1.0 did,
    so their ids stay), then those in words.
    """
    figures: list[tuple[TextUnit, re.Match[str]]] = []
    words = []
    for unit in units:
        for match in _PERIOD.finditer(unit.text):
            start, end = int(match[1]), int(match[2])
            if FIRST_YEAR <= start <= end <= LAST_YEAR:
                figures.append((unit, match))
            else:
                ctx.in_source(
                    unit.line, f"{match[0]!r} is not a period (its end comes before its start, or out of range)"
                )
        words += [(unit, found) for found in find_words(unit.text) if found.is_range]
    counters: dict[str, int] = defaultdict(int)
    periods = []

    def next_id(unit: TextUnit) -> str:
        scope = unit.initiative_id or unit.territory_id
        counters[scope] += 1
        return f"{scope}-p{counters[scope]}"

    for unit, match in figures:
        span = (unit.column + match.start(), unit.column + match.end())
        periods.append(
            WrittenPeriod(
                next_id(unit),
                match[0],
                int(match[1]),
                int(match[2]),
                unit.territory_id,
                unit.initiative_id,
                (unit.line, unit.line),
                span,
            )
        )
    for unit, found in words:
        assert found.start is not None and found.end is not None
        span = (unit.column + found.span[0], unit.column + found.span[1])
        periods.append(
            WrittenPeriod(
                next_id(unit), found.text, found.start.year, found.end.year, unit.territory_id, unit.initiative_id,
                (unit.line, unit.line), span, found.start, found.end,
            )
        )  # fmt: skip
    return tuple(sorted(periods, key=lambda p: (p.lines[0], p.span)))


def find_dates(units: Sequence[TextUnit]) -> tuple[WrittenDate, ...]:
    """Every date written in words in the portraits (outside the ranges), in document order."""
    counters: dict[str, int] = defaultdict(int)
    found = []
    for unit in units:
        for word in find_words(unit.text):
            if word.is_range:
                continue
            scope = unit.initiative_id or unit.territory_id
            counters[scope] += 1
            date = word.end if word.relation == "until" else word.start
            assert date is not None
            last_day = word.end if word.relation == "on" and word.end != word.start else None
            span = (unit.column + word.span[0], unit.column + word.span[1])
            found.append(
                WrittenDate(
                    f"{scope}-d{counters[scope]}",
                    word.text,
                    date,
                    word.relation,
                    unit.territory_id,
                    unit.initiative_id,
                    (unit.line, unit.line),
                    span,
                    last_day,
                )
            )
    return tuple(found)


def find_amounts(
    ctx: BuildContext, units: Sequence[TextUnit], periods: Sequence[WrittenPeriod]
) -> tuple[tuple[Amount, ...], dict[str, int]]:
    """Every money amount written in the portraits, in document order, with the curated readings
    applied; and the ids of the amounts a curated entry reads, with that entry's line."""
    readings = _readings(ctx, units)
    read: dict[str, int] = {}
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
            scope = unit.initiative_id or unit.territory_id
            counters[scope] += 1
            amount_id = f"{scope}-a{counters[scope]}"
            texts[(unit.territory_id, match[0])] = amount_id
            if reading:
                read[amount_id] = line_of(reading)
            value = Decimal(0)  # when its value cannot be read (a problem named), the amount stays, for what links it
            with ctx.problems.entry(*_where(ctx, reading, unit.line, match[0])):
                value = _value(match[0], reading)
            with ctx.problems.entry(*_where(ctx, reading, unit.line, match[0])):
                found.append(
                    Amount(
                        id=amount_id,
                        text=match[0],
                        value=value,
                        qualifier=typing.cast(Qualifier, choice(reading, "qualifier", QUALIFIERS, "exact")),
                        kind=typing.cast(AmountKind, choice(reading, "kind", AMOUNT_KINDS, "funding")),
                        per_years=int(match[1]) if match[1] else None,
                        period=None,
                        period_id=None,
                        share_of=optional_str(reading, "share_of"),
                        partner_id=optional_str(reading, "partner"),
                        territory_id=unit.territory_id,
                        initiative_id=unit.initiative_id,
                        lines=(unit.line, unit.line),
                        span=span,
                        note=optional_str(reading, "note"),
                    )
                )
                written_period = _period_for(reading, by_line, units, unit, span)
                if written_period is not None:
                    found[-1] = attrs.evolve(found[-1], period=written_period.period, period_id=written_period.id)
    for (_, text), entry in readings.items():
        ctx.problems.add(
            ctx.curated_file,
            line_of(entry),
            f"no amount is written {text!r} there; the source may have changed",
            describe("amount")(entry),
        )
    return tuple(_resolve_shares(ctx, found, texts)), read


def _where(ctx: BuildContext, reading: Table, line: int, text: str) -> tuple[str, int, str]:
    if reading:
        return ctx.curated_file, line_of(reading), describe("amount")(reading)
    return ctx.source_file, line, ""


def _readings(ctx: BuildContext, units: Sequence[TextUnit]) -> dict[tuple[int, str], Table]:
    found: dict[tuple[int, str], Table] = {}

    def read(entry: Table) -> None:
        text = required_str(entry, "text")
        at = required_str(entry, "at")
        if text not in at:
            raise BuildError("the amount must be part of its 'at' text")
        # Every field is checked before the anchor, so one run names all of an entry's problems.
        with ctx.problems.entry(ctx.curated_file, line_of(entry), describe("amount")(entry)):
            for needed in ("kind", "qualifier", "note"):
                required_str(entry, needed)  # an explicit reading, never a default
        with ctx.problems.entry(ctx.curated_file, line_of(entry), describe("amount")(entry)):
            choice(entry, "kind", AMOUNT_KINDS)
            choice(entry, "qualifier", QUALIFIERS)
        with ctx.problems.entry(ctx.curated_file, line_of(entry), describe("amount")(entry)):
            _value(text, entry)
        unit = locate(units, required_str(entry, "territory"), at, entry.get("line"), entry_context(entry))
        place = (unit.line, text)
        if place in found:
            raise BuildError(
                f"{text!r} of line {unit.line} is read twice: its reading is on line {line_of(found[place])}"
            )
        found[place] = entry

    ctx.each("amount", read)
    return found


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _interpretations(digits: str) -> list[Decimal]:
    """The values the written *digits* can mean: read whole, or with their last two as cents."""
    if not digits:
        return []
    whole = Decimal(digits)
    return [whole, whole / 100] if len(digits) > 2 else [whole]


def _value(text: str, reading: Table) -> Decimal:
    number = text.split("/")[0]
    written = optional_str(reading, "value")
    if written is None:
        try:
            return parse_amount(number)
        except InvalidArgument:
            raise BuildError(
                f"cannot read the amount {text!r}: curate its value, with a reading of the digits"
            ) from None
    try:
        value = Decimal(written)
    except InvalidOperation:
        raise BuildError(f"value {written!r} is not a decimal number") from None
    if not value.is_finite():
        raise BuildError(f"value {written!r} is not a finite amount")
    digits = _digits(number)
    readings = _interpretations(digits)
    if value not in readings:
        shown = " or ".join(f"{choice:f}" for choice in readings)
        raise BuildError(
            f"value {written} is not a reading of the digits written ({digits}): it can be {shown}; "
            "a reading chooses between these (a decimal comma the text omits), never other digits"
        )
    return value


def _period_for(
    reading: Table,
    by_line: dict[int, list[WrittenPeriod]],
    units: Sequence[TextUnit],
    unit: TextUnit,
    span: tuple[int, int],
) -> WrittenPeriod | None:
    if "period" in reading:
        wanted = reading["period"]
        if wanted == "":
            return None  # curated: the period written on the line is not this amount's
        anchor = locate(units, unit.territory_id, required_str(reading, "period_at"), reading.get("period_line"))
        written = [p for p in by_line.get(anchor.line, []) if p.text == wanted]
        if len(written) != 1:
            raise BuildError(f"period {wanted!r} must be written once on line {anchor.line}")
        return written[0]
    same_line = by_line.get(unit.line, [])
    before = [p for p in same_line if p.span[1] <= span[0]]
    after = [p for p in same_line if p.span[0] >= span[1]]
    return before[-1] if before else (after[0] if after else None)


def _resolve_shares(ctx: BuildContext, amounts: list[Amount], ids: dict[tuple[str, str], str]) -> Iterable[Amount]:
    for amount in amounts:
        if amount.share_of is None:
            yield amount
            continue
        other = ids.get((amount.territory_id, amount.share_of))
        if other is None:
            ctx.in_source(
                amount.lines[0],
                f"the reading of {amount.text!r} says share_of {amount.share_of!r}, which is no amount of {amount.territory_id!r}",
            )
            other = None
        yield attrs.evolve(amount, share_of=other)


def words_near(text_of: Mapping[int, TextUnit], line: int, words: Sequence[str]) -> list[str]:
    """The *words* written on *line* or on the line before it in the same block (whole words, any case)."""
    unit = text_of[line]
    previous = text_of.get(line - 1)
    near = unit.text + (
        "\n" + previous.text if previous is not None and previous.initiative_id == unit.initiative_id else ""
    )
    return [word for word in words if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", near, re.IGNORECASE)]


def is_plain(text: str) -> bool:
    """Whether an amount is written plainly: "N $" or "N $ / k ans"."""
    return _PLAIN.match(text) is not None


def check_readings(
    ctx: BuildContext,
    units: Sequence[TextUnit],
    amounts: Sequence[Amount],
    read: Mapping[str, int],
    ententes: Sequence[Entente],
) -> None:
    """Every amount has an explicit reading unless it is unambiguous: written plainly ("N $",
    "N $ / k ans"), in an agreement's lines, with none of the edition's ``amount_words``
    (``[conventions]``: "compressions", "app.", …) on its line or the line before; and a reading
    says what those words say (``[conventions.amount_word_readings]``)."""
    conventions = ctx.curated.get("conventions", {})
    words = conventions.get("amount_words", [])
    rules = _word_rules(ctx, conventions.get("amount_word_readings", {}), words)
    in_agreements = {amount_id: e for e in ententes for amount_id in e.amount_ids}
    text_of = {unit.line: unit for unit in units}
    for amount in amounts:
        line = amount.lines[0]
        said = words_near(text_of, line, words)
        if amount.id in read:
            for word in _deciding(text_of, amount, said, amounts):
                for problem in _disagreements(amount, word, rules.get(word, {}), amounts, in_agreements.get(amount.id)):
                    ctx.problems.add(ctx.curated_file, read[amount.id], problem, f"[[amount]] {amount.text!r}")
            continue
        if said:
            ctx.in_source(
                line,
                f"{amount.text!r} needs a curated [[amount]] reading (kind, qualifier, note): {', '.join(map(repr, said))} is written near it",
            )
        elif not is_plain(amount.text):
            ctx.in_source(
                line,
                f"{amount.text!r} is not written plainly (N $ or N $ / k ans): it needs a curated [[amount]] reading",
            )
        elif amount.id not in in_agreements:
            ctx.in_source(
                line,
                f"{amount.text!r} belongs to no agreement record: give it an [[entente]], or a curated [[amount]] reading",
            )


def _deciding(
    text_of: Mapping[int, TextUnit], amount: Amount, said: Sequence[str], amounts: Sequence[Amount]
) -> list[str]:
    """The words of *said* that decide the reading of *amount*: a word written on its own line
    decides the amount nearest to it (the one it precedes first: "retombées 2 300 000$"), a word
    only on the line before decides every amount of the line."""
    unit = text_of[amount.lines[0]]
    on_line = [a for a in amounts if a.lines[0] == amount.lines[0]]
    deciding = []
    for word in said:
        found = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", unit.text, re.IGNORECASE)]
        if not found:
            deciding.append(word)
            continue
        for start, end in found:
            at = unit.column + end

            def distance(other: Amount, at: int = at, start: int = unit.column + start) -> tuple[int, int]:
                after = other.span[0] - at
                return (0, after) if after >= 0 else (1, start - other.span[1])

            if min(on_line, key=distance).id == amount.id:
                deciding.append(word)
                break
    return deciding


_RULE_KEYS = {"kind": AMOUNT_KINDS, "qualifier": QUALIFIERS}


def _word_rules(ctx: BuildContext, table: object, words: Sequence[str]) -> dict[str, Table]:
    """The ``[conventions.amount_word_readings]`` rules, each checked (problems at the table's line)."""
    where = ctx.key_line("conventions.amount_word_readings") or ctx.key_line("conventions.amount_words")
    if not isinstance(table, dict):
        ctx.problems.add(ctx.curated_file, where, "[conventions.amount_word_readings] must be a table of word = { … }")
        return {}
    rules: dict[str, Table] = {}
    for word, rule in table.items():
        if word not in words:
            ctx.problems.add(ctx.curated_file, where, f"amount_word_readings: {word!r} is not one of amount_words")
            continue
        if not isinstance(rule, dict) or not set(rule) <= {"kind", "qualifier", "share_of", "entente_status"}:
            ctx.problems.add(
                ctx.curated_file,
                where,
                f"amount_word_readings: {word!r} must give kind, qualifier, share_of = true or entente_status",
            )
            continue
        bad = [
            f"{key} {rule[key]!r}" for key, allowed in _RULE_KEYS.items() if key in rule and rule[key] not in allowed
        ]
        if "entente_status" in rule and rule["entente_status"] not in STATUSES:
            bad.append(f"entente_status {rule['entente_status']!r}")
        if bad:
            ctx.problems.add(
                ctx.curated_file, where, f"amount_word_readings: {word!r} gives an unknown {', '.join(bad)}"
            )
            continue
        rules[word] = rule
    return rules


def _disagreements(
    amount: Amount, word: str, rule: Table, amounts: Sequence[Amount], entente: Entente | None
) -> list[str]:
    """How the reading of *amount* contradicts what *word*, written near it, says (its rule)."""
    found = []
    for key in ("kind", "qualifier"):
        if key in rule and getattr(amount, key) != rule[key]:
            found.append(f"{word!r} is written near it: its {key} is {rule[key]!r}, not {getattr(amount, key)!r}")
    if rule.get("share_of") and amount.share_of is None:
        larger = [
            other
            for other in amounts
            if other.initiative_id == amount.initiative_id
            and other.territory_id == amount.territory_id
            and other.id != amount.id
            and other.per_years == amount.per_years
            and other.value > amount.value
        ]
        if larger:
            found.append(
                f"{word!r} is written near it and its block writes a larger amount over the same years "
                f"({larger[0].text!r}): give share_of (whose part it is), or the amount is counted twice"
            )
    status = rule.get("entente_status")
    if status is not None and (entente is None or entente.status != status):
        found.append(
            f"{word!r} is written near it: it belongs to an agreement whose status is {status!r}"
            + (
                f", not {entente.status!r} ({entente.id})"
                if entente is not None
                else " (list it in that [[entente]]'s amounts)"
            )
        )
    return found


def find_source_notes(ctx: BuildContext, units: Sequence[TextUnit]) -> tuple[SourceNote, ...]:
    """The curated ``[[source_note]]`` remarks, each tied to its passage (``text`` within ``at``)."""

    def anchor(entry: Table) -> tuple[TextUnit, tuple[int, int], str, str]:
        return (*anchored(units, entry), required_str(entry, "note"))

    found = ctx.each("source_note", anchor)
    counters: dict[str, int] = defaultdict(int)
    notes = []
    for unit, span, text, note in sorted(found, key=lambda item: (item[0].line, item[1])):
        scope = unit.initiative_id or unit.territory_id
        counters[scope] += 1
        notes.append(
            SourceNote(
                f"{scope}-n{counters[scope]}",
                text,
                note,
                unit.territory_id,
                unit.initiative_id,
                (unit.line, unit.line),
                span,
            )
        )
    return tuple(notes)
