"""Agreements, plans and programmes: the curated ``[[entente]]`` entries, tied to the text.

Which passages are agreements, what their status is and what a period means
are readings, so they all live in the curated file; this module checks each
reading against the text and links it to the periods, amounts and mentions it
names. An entry gives:

- ``at`` (an exact part of the line where it is written; ``line`` when those
  words occur on several lines) and ``through`` (a later line of the same block
  it continues on);
- ``title`` and ``subject`` as written, ``kind``, ``status``, ``status_text``
  (the words stating the status; empty when read from the period, with a note);
- ``signatories`` with ``signatories_text``; ``period`` (one written period in
  its lines) or ``periods`` (several, spanned), ``start``/``end`` exact dates with
  ``dates_text``; ``amounts`` as written in its lines; ``partners_at``, the
  passage listing its partners (``partners_line`` when it occurs on several lines);
  and ``note``.
"""

from __future__ import annotations

import typing
from collections.abc import Sequence

from ..agreements import Entente, EntenteKind, EntenteStatus
from ..annotations import Amount, Mention, WrittenPeriod
from ..errors import BuildError, InvalidPeriod
from ..periods import PartialDate, Period
from .annotate import locate
from .curated import Table, choice, entries, optional_str, required_str
from .extract import TextUnit

__all__ = ["find_ententes"]

_KINDS = typing.get_args(EntenteKind)
_STATUSES = typing.get_args(EntenteStatus)


def find_ententes(
    units: Sequence[TextUnit],
    periods: Sequence[WrittenPeriod],
    amounts: Sequence[Amount],
    mentions: Sequence[Mention],
    curated: Table,
) -> tuple[Entente, ...]:
    """Every curated agreement, checked against the text, in document order."""
    found = [_entente(entry, units, periods, amounts, mentions) for entry in entries(curated, "entente")]
    ids = [entente.id for entente in found]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise BuildError(f"curated [[entente]]: the ids {duplicates} are used twice")
    return tuple(sorted(found, key=lambda entente: (entente.lines, entente.id)))


def _entente(
    entry: Table,
    units: Sequence[TextUnit],
    periods: Sequence[WrittenPeriod],
    amounts: Sequence[Amount],
    mentions: Sequence[Mention],
) -> Entente:
    entente_id = required_str(entry, "id", "[[entente]]")
    where = f"[[entente]] {entente_id!r}"
    territory = required_str(entry, "territory", where)
    at = required_str(entry, "at", where)
    first = locate(units, territory, at, where, entry.get("line"))
    at_start = first.column + first.text.index(at)
    at_span = (at_start, at_start + len(at))
    through = optional_str(entry, "through", where)
    last = locate(units, territory, through, where) if through else first
    if last.line < first.line or last.initiative_id != first.initiative_id:
        raise BuildError(f"curated {where}: 'through' must be a later line of the same block")
    lines = (first.line, last.line)
    own_units = [u for u in units if u.territory_id == territory and first.line <= u.line <= last.line]
    block_text = "\n".join(u.text for u in units if u.territory_id == territory and u.initiative_id == first.initiative_id)

    def written(text: str, key: str, scope: str) -> str:
        if text not in scope:
            raise BuildError(f"curated {where}: {key} {text!r} is not written there")
        return text

    own_text = "\n".join(u.text for u in own_units)
    title = written(required_str(entry, "title", where), "title", own_text)
    subject = optional_str(entry, "subject", where)
    if subject is not None:
        written(subject, "subject", block_text)
    status_text = optional_str(entry, "status_text", where)
    if status_text is None:
        required_str(entry, "note", where)  # a status read from the period says so
    else:
        written(status_text, "status_text", block_text)
    signatories = entry.get("signatories")
    if signatories is not None:
        written(required_str(entry, "signatories_text", where), "signatories_text", block_text)

    period_texts = entry.get("periods", [entry["period"]] if "period" in entry else [])
    in_lines = [p for p in periods if p.territory_id == territory and first.line <= p.lines[0] <= last.line]
    linked = []
    for text in period_texts:
        matching = [p for p in in_lines if p.text == text]
        if len(matching) > 1:  # written twice: the one inside the `at` passage
            matching = [p for p in matching if p.lines[0] == first.line and at_span[0] <= p.span[0] < at_span[1]]
        if len(matching) != 1:
            raise BuildError(f"curated {where}: period {text!r} must be written once in its lines {lines}")
        linked.append(matching[0])
    dates_text = tuple(written(t, "dates_text", block_text) for t in entry.get("dates_text", []))
    period = _period(entry, linked, where)

    amount_ids = []
    for text in entry.get("amounts", []):
        written_amounts = [a for a in amounts if a.territory_id == territory and a.text == text and first.line <= a.lines[0] <= last.line]
        if len(written_amounts) != 1:
            raise BuildError(f"curated {where}: amount {text!r} must be written once in its lines {lines}")
        amount_ids.append(written_amounts[0].id)

    mention_ids = [m.id for m in mentions if m.territory_id == territory and first.line <= m.lines[0] <= last.line]
    partners_at = optional_str(entry, "partners_at", where)
    if partners_at is not None:
        unit = locate(units, territory, partners_at, where, entry.get("partners_line"))
        start = unit.column + unit.text.index(partners_at)
        listed = [m for m in mentions if m.lines[0] == unit.line and start <= m.span[0] and m.span[1] <= start + len(partners_at)]
        if not listed:
            raise BuildError(f"curated {where}: partners_at {partners_at!r} holds no partner mention")
        mention_ids += [m.id for m in listed if m.id not in mention_ids]

    return Entente(
        id=entente_id,
        title=title,
        subject=subject,
        kind=typing.cast(EntenteKind, choice(entry, "kind", _KINDS, where)),
        status=typing.cast(EntenteStatus, choice(entry, "status", _STATUSES, where)),
        status_text=status_text,
        signatories=signatories,
        period=period,
        period_ids=tuple(p.id for p in linked),
        dates_text=dates_text,
        amount_ids=tuple(amount_ids),
        mention_ids=tuple(mention_ids),
        territory_id=territory,
        initiative_id=first.initiative_id,
        lines=lines,
        note=optional_str(entry, "note", where),
    )


def _period(entry: Table, linked: list[WrittenPeriod], where: str) -> Period | None:
    """The years of the linked written periods, with the exact dates the entry gives."""
    try:
        start = PartialDate.parse(entry["start"]) if "start" in entry else None
        end = PartialDate.parse(entry["end"]) if "end" in entry else None
        for date in (start, end):
            if date is not None and date.precision == "year":
                raise BuildError(f"curated {where}: an exact date gives at least a month, not {date}")
        if linked:
            return Period(min(p.start for p in linked), max(p.end for p in linked), start, end)
        if start is not None and end is not None:
            return Period(start.year, end.year, start, end)
    except InvalidPeriod as error:
        raise BuildError(f"curated {where}: {error}") from None
    if start is not None or end is not None:
        raise BuildError(f"curated {where}: a single exact date needs a written period (or both dates)")
    return None
