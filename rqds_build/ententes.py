"""Agreements, plans, programmes and funds: the curated ``[[entente]]`` entries, tied to the text.

Which passages are agreements, and what a period means, are readings, so they
live in the curated file; this module checks each reading against the text,
links it to the periods, dates, amounts and mentions it names, and computes the
statuses that follow from dates. An entry gives:

- ``at`` (an exact part of the line where it is named; ``line`` when those words
  occur on several lines), ``through`` (a later line of the same block it
  continues on), ``also_at`` (other passages that name it: "l’entente", "le
  PARSIS");
- ``title`` and ``subject`` as written, ``kind``;
- its status: ``status`` with ``status_text`` (the words that state it), or, when
  the text states none, nothing: the build compares its period with the
  edition's ``as_of`` (ended before it, planned after it, in progress around
  it); with neither words nor period, ``status`` is a reading its ``note`` explains;
  ``status_text`` must hold a word of its status (``[conventions.status_words]``:
  "signée" for signed, "négociation" for under_negotiation …);
- ``signatories`` with ``signatories_text``, which writes that number ("5 partenaires
  signataires" is 5);
- ``period`` (one written period in its lines, in figures or in words) or
  ``periods`` (several, spanned), ``period_reading`` (the years, when no written
  period gives them; its note says why), ``start_at`` and ``end_at`` (a date
  written in words that starts or ends it: alone, the other bound is not written
  and stays unknown, as in "jusqu’en juin 2015"), ``dates`` (other written dates
  of it: a signature);
- ``amounts`` as written in its lines (an amount belongs to at most one agreement); ``partners_at``, passages listing its
  partners (``partners_line`` when the first occurs on several lines); ``note``.

Its partner mentions are those inside ``at``, on its later lines, and inside
``also_at`` and ``partners_at``. Its period, written again inside an ``also_at``
passage, is linked there too.

Every agreement-like phrase of the text (the edition's ``[conventions] entente_words``:
"entente", "PARSIS", "fonds", …) must be inside an agreement's ``at`` or
``also_at``, or inside a ``[[not_an_entente]]`` passage that says why it names
none ("une mise de fonds" is money; "diverses ententes" names no one agreement).
"""

from __future__ import annotations

import datetime
import re
import typing
from collections.abc import Iterable, Sequence

from rqds_build.context import BuildContext, anchored, describe, entry_context, locate, passage
from rqds_build.curated import Table, choice, line_of, optional_str, required_str
from rqds_build.extract import TextUnit
from rqds_portraits._errors import BuildError, InvalidPeriod
from rqds_portraits._records.annotations import Amount, Mention, WrittenDate, WrittenPeriod
from rqds_portraits._records.ententes import ENTENTE_KINDS, STATUSES, Entente, EntenteStatus, StatusBasis
from rqds_portraits._records.periods import PartialDate, Period

__all__ = ["check_coverage", "find_ententes", "status_from_period"]

Span = tuple[int, int]
Passage = tuple[int, Span]  # a line and the columns of a passage in it


def status_from_period(period: Period, as_of: datetime.date) -> EntenteStatus | None:
    """What a period says of an agreement at the reference date *as_of*: ended before it,
    planned after it, in progress around it (by month, periods read as fiscal years); ``None``
    when a bound the text does not write decides it (no bound is assumed)."""
    first, last = period.months()
    month = as_of.year * 12 + as_of.month - 1
    if last is not None and last < month:
        return "ended"
    if first is not None and first > month:
        return "planned"
    return "in_progress" if first is not None and last is not None else None


def _as_of(ctx: BuildContext) -> datetime.date | None:
    """The edition's reference date (``None`` until the curated file gives a date: the header check says so)."""
    as_of = ctx.curated.get("as_of")
    return as_of if isinstance(as_of, datetime.date) and not isinstance(as_of, datetime.datetime) else None


def _passages(
    units: Sequence[TextUnit], territory: str, value: object, key: str, line: object = None
) -> list[tuple[TextUnit, Span]]:
    """The passages of *value*: a string or a table ``{at, line}``, or a list of them."""
    items = [value] if isinstance(value, (str, dict)) else value
    if not isinstance(items, list):
        raise BuildError(f"{key} must be a passage, or a list of passages, got {value!r}")
    found = []
    for item in items:
        if isinstance(item, dict):
            found.append(passage(units, territory, required_str(item, "at"), item.get("line")))
        elif isinstance(item, str) and item:
            found.append(passage(units, territory, item, line))
        else:
            raise BuildError(f"{key} must hold passages (strings, or tables with at and line), got {item!r}")
    return found


def _inside(line: int, span: Span, passages: Iterable[Passage]) -> bool:
    return any(line == p_line and p_span[0] <= span[0] and span[1] <= p_span[1] for p_line, p_span in passages)


def find_ententes(
    ctx: BuildContext,
    units: Sequence[TextUnit],
    periods: Sequence[WrittenPeriod],
    dates: Sequence[WrittenDate],
    amounts: Sequence[Amount],
    mentions: Sequence[Mention],
) -> tuple[tuple[Entente, ...], tuple[Passage, ...]]:
    """Every curated agreement, checked against the text, in document order; and the
    passages that name agreements (for :func:`check_coverage`)."""
    as_of = _as_of(ctx)
    found: list[Entente] = []
    named: list[Passage] = []

    status_words = _status_words(ctx)
    owners: dict[str, str] = {}
    anchors: dict[tuple[int, Span], str] = {}

    def read(entry: Table) -> None:
        # What the entry says of itself is checked before its anchor: one run names all its problems.
        for complaint in _own_complaints(entry, status_words):
            ctx.problems.add(ctx.curated_file, line_of(entry), complaint, describe("entente")(entry))
        complaints: list[str] = []
        entente, passages = _entente(entry, units, periods, dates, amounts, mentions, as_of, complaints)
        named.extend(passages)  # its passages name an agreement, even when its reading is refused
        if entente.id in {e.id for e in found}:
            complaints.append(f"the id {entente.id!r} is used twice")
        if passages[0] in anchors:
            complaints.append(f"its 'at' is the 'at' of {anchors[passages[0]]!r}: an agreement is given once")
        claimed = [f"{a!r} ({owners[a]})" for a in entente.amount_ids if a in owners]
        if claimed:
            complaints.append(
                f"amounts {', '.join(claimed)} already belong to another agreement: an amount is counted once"
            )
        anchors.setdefault(passages[0], entente.id)
        owners.update({a: entente.id for a in entente.amount_ids if a not in owners})
        found.append(entente)
        for complaint in complaints:  # every disagreement of the entry, each named
            ctx.problems.add(ctx.curated_file, line_of(entry), complaint, describe("entente")(entry))

    ctx.each("entente", read)
    return tuple(sorted(found, key=lambda entente: (entente.lines, entente.id))), tuple(named)


def _entente(
    entry: Table,
    units: Sequence[TextUnit],
    periods: Sequence[WrittenPeriod],
    dates: Sequence[WrittenDate],
    amounts: Sequence[Amount],
    mentions: Sequence[Mention],
    as_of: datetime.date | None,
    complaints: list[str],
) -> tuple[Entente, list[Passage]]:
    """The agreement of *entry*; a reading that contradicts the text is added to *complaints*
    (the record is still built, so what it names is not reported again)."""
    entente_id = required_str(entry, "id")
    territory = required_str(entry, "territory")
    first, at_span = passage(units, territory, required_str(entry, "at"), entry.get("line"), entry_context(entry))
    through = optional_str(entry, "through")
    last = locate(units, territory, through, entry.get("through_line")) if through else first
    if last.line < first.line or last.initiative_id != first.initiative_id:
        raise BuildError("'through' must be a later line of the same block")
    lines = (first.line, last.line)
    also = _passages(units, territory, entry.get("also_at", []), "also_at")
    partners = _passages(units, territory, entry.get("partners_at", []), "partners_at", entry.get("partners_line"))
    block = [u for u in units if u.territory_id == territory and u.initiative_id == first.initiative_id]
    block_text = "\n".join(u.text for u in block)
    own_text = "\n".join(u.text for u in units if u.territory_id == territory and first.line <= u.line <= last.line)

    def written(text: str, key: str, scope: str) -> str:
        if text not in scope:
            raise BuildError(f"{key} {text!r} is not written there")
        return text

    title = written(required_str(entry, "title"), "title", own_text)
    subject = optional_str(entry, "subject")
    if subject is not None:
        written(subject, "subject", block_text)
    signatories = entry.get("signatories")
    if signatories is not None:
        if isinstance(signatories, bool) or not isinstance(signatories, int) or signatories < 1:
            raise BuildError(f"signatories must be a positive count, got {signatories!r}")
        written(required_str(entry, "signatories_text"), "signatories_text", block_text)

    in_block = {u.line for u in block}
    linked = _linked_periods(entry, periods, territory, first.line, last.line, at_span)
    # The same period written again inside an also_at passage ("pour la période 2012-2017") is linked too.
    repeated = [
        p
        for p in periods
        if p.territory_id == territory
        and p not in linked
        and p.text in {q.text for q in linked}
        and _inside(p.lines[0], p.span, [(u.line, s) for u, s in also])
    ]
    linked = sorted([*linked, *repeated], key=lambda p: (p.lines[0], p.span))
    period, linked_dates = _period(entry, linked, complaints, [d for d in dates if d.territory_id == territory and d.lines[0] in in_block],
                                   [p for p in periods if p.territory_id == territory and p.lines[0] in in_block])  # fmt: skip
    status, status_text, basis = _status(entry, period, as_of, block_text)

    amount_ids = []
    for text in entry.get("amounts", []):
        written_amounts = [
            a
            for a in amounts
            if a.territory_id == territory and a.text == text and first.line <= a.lines[0] <= last.line
        ]
        if len(written_amounts) != 1:
            raise BuildError(f"amount {text!r} must be written once in its lines {lines}")
        amount_ids.append(written_amounts[0].id)

    passages = [(first.line, at_span), *((u.line, s) for u, s in also)]
    listing = [*passages, *((u.line, s) for u, s in partners)]
    mention_ids = [
        m.id
        for m in mentions
        if m.territory_id == territory
        and (first.line < m.lines[0] <= last.line or _inside(m.lines[0], m.span, listing))
    ]
    if partners and not any(_inside(m.lines[0], m.span, [(u.line, s) for u, s in partners]) for m in mentions):
        raise BuildError("partners_at holds no partner mention")

    entente = Entente(
        id=entente_id,
        title=title,
        subject=subject,
        kind=typing.cast("typing.Any", choice(entry, "kind", ENTENTE_KINDS)),
        status=status,
        status_text=status_text,
        status_basis=basis,
        signatories=signatories,
        period=period,
        period_ids=tuple(p.id for p in linked),
        date_ids=tuple(d.id for d in linked_dates),
        dates_text=(*(d.text for d in linked_dates), *(p.text for p in linked if p.start_date is not None)),
        amount_ids=tuple(amount_ids),
        mention_ids=tuple(mention_ids),
        territory_id=territory,
        initiative_id=first.initiative_id,
        lines=lines,
        note=optional_str(entry, "note"),
    )
    return entente, passages


def _linked_periods(
    entry: Table, periods: Sequence[WrittenPeriod], territory: str, first: int, last: int, at_span: Span
) -> list[WrittenPeriod]:
    texts = entry.get("periods", [entry["period"]] if "period" in entry else [])
    in_lines = [p for p in periods if p.territory_id == territory and first <= p.lines[0] <= last]
    linked = []
    for text in texts:
        matching = [p for p in in_lines if p.text == text]
        if len(matching) > 1:  # written twice: the one inside the `at` passage
            matching = [p for p in matching if p.lines[0] == first and at_span[0] <= p.span[0] < at_span[1]]
        if len(matching) != 1:
            raise BuildError(f"period {text!r} must be written once in its lines {first}-{last}")
        linked.append(matching[0])
    return linked


def _written_date(
    text: str, key: str, dates: Sequence[WrittenDate], periods: Sequence[WrittenPeriod]
) -> WrittenDate | WrittenPeriod:
    found: list[WrittenDate | WrittenPeriod] = [d for d in dates if d.text == text]
    found += [p for p in periods if p.text == text and p.start_date is not None]
    if len(found) != 1:
        raise BuildError(f"{key} {text!r} must be a date written in words once in its block (found {len(found)})")
    return found[0]


def _period(
    entry: Table,
    linked: list[WrittenPeriod],
    complaints: list[str],
    dates: Sequence[WrittenDate],
    word_periods: Sequence[WrittenPeriod],
) -> tuple[Period | None, list[WrittenDate]]:
    """The period of an agreement: the years of its written periods (or of its ``period_reading``),
    with the dates written in words that start and end it."""
    linked_dates: list[WrittenDate] = []

    def date_of(key: str, end: bool) -> PartialDate | None:
        text = optional_str(entry, key)
        if text is None:
            return None
        found = _written_date(text, key, dates, word_periods)
        if isinstance(found, WrittenDate):
            linked_dates.append(found)
            return found.date
        return found.end_date if end else found.start_date

    start, end = date_of("start_at", False), date_of("end_at", True)
    for text in entry.get("dates", []):
        found = _written_date(text, "dates", dates, word_periods)
        if not isinstance(found, WrittenDate):
            raise BuildError(f"dates {text!r} is a period: link it with period")
        if found in linked_dates:
            raise BuildError(f"dates {text!r} is already linked (start_at, end_at or dates)")
        linked_dates.append(found)
    reading = optional_str(entry, "period_reading")
    try:
        if reading is not None:
            required_str(entry, "note")  # a reading says why
            years = Period.parse(reading)
            written = [p for p in linked if (p.start, p.end) != (years.start, years.end)]
            if written:
                complaints.append(
                    f"period_reading {reading!r} contradicts the period written {written[0].text!r}: "
                    "a reading gives years the text does not write, never others"
                )
            return Period(years.start, years.end, start, end), linked_dates
        if linked:
            first = min(linked, key=lambda p: p.start)
            last = max(linked, key=lambda p: p.end)
            return Period(first.start, last.end, start or first.start_date, end or last.end_date), linked_dates
        if start is not None or end is not None:  # a bound the text does not write stays unknown
            bounds = (None if start is None else start.year, None if end is None else end.year)
            return Period(*bounds, start, end), linked_dates
    except InvalidPeriod as error:
        raise BuildError(str(error)) from None
    return None, linked_dates


def _status(
    entry: Table, period: Period | None, as_of: datetime.date | None, block_text: str
) -> tuple[EntenteStatus, str | None, StatusBasis]:
    status_text = optional_str(entry, "status_text")
    if status_text is not None:
        if status_text not in block_text:
            raise BuildError(f"status_text {status_text!r} is not written there")
        return typing.cast(EntenteStatus, choice(entry, "status", STATUSES)), status_text, "text"
    if period is not None and (as_of is None or status_from_period(period, as_of) is not None):
        if as_of is None:
            raise BuildError("its status follows from its period, against the edition's as_of, which is not a date yet")
        computed = status_from_period(period, as_of)
        assert computed is not None
        if "status" in entry:
            raise BuildError(
                f"status follows from the period ({period} against as_of {as_of}: {computed}): "
                "remove it, or give the words that state it (status_text)"
            )
        return computed, None, "period"
    required_str(entry, "note")  # neither words nor a period that decides it: the note explains the reading
    return typing.cast(EntenteStatus, choice(entry, "status", STATUSES)), None, "reading"


_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
}  # fmt: skip


def _number_in(text: str) -> int | None:
    """The first number *text* writes, in figures or in words ("5", "cinq"); ``None`` when none."""
    match = re.search(r"(?<!\w)(\d+|" + "|".join(_NUMBER_WORDS) + r")(?!\w)", text, re.IGNORECASE)
    if match is None:
        return None
    word = match[1].lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _own_complaints(entry: Table, status_words: dict[str, list[str]]) -> list[str]:
    """What an entry's readings contradict in its own words: a status its status_text does not state,
    a count of signatories its signatories_text does not write."""
    complaints = []
    status, status_text = entry.get("status"), entry.get("status_text")
    if isinstance(status, str) and isinstance(status_text, str) and status_text:
        complaints += _status_complaints(status, status_text, status_words)
    signatories, signatories_text = entry.get("signatories"), entry.get("signatories_text")
    if isinstance(signatories, int) and isinstance(signatories_text, str) and signatories_text:
        count = _number_in(signatories_text)
        if count != signatories:
            complaints.append(
                f"signatories = {signatories}, but signatories_text {signatories_text!r} writes "
                + (f"{count}" if count is not None else "no number")
            )
    return complaints


def _status_words(ctx: BuildContext) -> dict[str, list[str]]:
    """``[conventions.status_words]``: for each status, the words (regular expressions, any case)
    of which a ``status_text`` stating it holds one."""
    table = ctx.curated.get("conventions", {}).get("status_words", {})
    where = ctx.key_line("conventions.status_words")
    if not isinstance(table, dict) or not all(
        status in STATUSES and isinstance(words, list) and all(isinstance(w, str) and w for w in words)
        for status, words in table.items()
    ):
        ctx.problems.add(
            ctx.curated_file,
            where,
            f"[conventions.status_words] maps statuses ({', '.join(STATUSES)}) to lists of words",
        )
        return {}
    return table


def _status_complaints(status: str, text: str, words: dict[str, list[str]]) -> list[str]:
    if not words:
        return []  # an edition without the convention: statuses are not checked against their words
    own = words.get(status, [])
    if not any(re.search(rf"(?<!\w)(?:{word})", text, re.IGNORECASE) for word in own):
        stated = [
            other
            for other, listed in words.items()
            if any(re.search(rf"(?<!\w)(?:{w})", text, re.IGNORECASE) for w in listed)
        ]
        return [
            f"status {status!r} is not what status_text {text!r} says: it holds none of the words of "
            f"{status!r} in [conventions.status_words] ({', '.join(own) or 'none'})"
            + (f"; it says {' or '.join(map(repr, stated))}" if stated else "")
        ]
    return []


def check_coverage(ctx: BuildContext, units: Sequence[TextUnit], named: Sequence[Passage]) -> None:
    """Every agreement-like phrase is named by an agreement record or listed as not one."""
    words = ctx.curated.get("conventions", {}).get("entente_words", [])
    if not words:
        return
    try:
        if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
            raise TypeError("not a list of strings")
        pattern = re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.IGNORECASE)
    except (re.error, TypeError) as error:
        ctx.problems.add(
            ctx.curated_file,
            ctx.key_line("conventions.entente_words"),
            f"[conventions] entente_words must be a list of regular expressions: {error}",
        )
        return

    def listed(entry: Table) -> Passage:
        required_str(entry, "why")
        unit, span, _ = anchored(units, entry)
        if not any(
            _inside(unit.line, (unit.column + m.start(), unit.column + m.end()), [(unit.line, span)])
            for m in pattern.finditer(unit.text)
        ):
            raise BuildError(
                "no agreement-like phrase is there: the source or [conventions] entente_words may have changed"
            )
        return unit.line, span

    covered = [*named, *ctx.each("not_an_entente", listed)]
    for unit in units:
        for match in pattern.finditer(unit.text):
            span = (unit.column + match.start(), unit.column + match.end())
            if not _inside(unit.line, span, covered):
                ctx.in_source(
                    unit.line,
                    f"{match[0]!r} in {unit.text[max(0, match.start() - 40) : match.end() + 40]!r} is named by no [[entente]] "
                    "(at or also_at) and listed in no [[not_an_entente]] with why",
                )
