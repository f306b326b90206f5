"""The rows of the exported tables, from a dataset: one function per table (see ``_tables.py``).

Each function reads a dataset through the attributes every
:class:`~rqds_portraits.Dataset` has (:class:`Tabulated`) and gives one tuple of
values per row, in the order of its table's columns. Money stays a
:class:`~decimal.Decimal` beside its exact integer of cents; a list of values
(a mention's roles, a partner's acronyms) is one text, its items separated by
``"; "``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from rqds_portraits._records.annotations import Amount, Mention, SourceNote, WrittenDate, WrittenPeriod
from rqds_portraits._records.document import Source
from rqds_portraits._records.ententes import Entente
from rqds_portraits._records.partners import Partner
from rqds_portraits._records.periods import Period
from rqds_portraits._records.portraits import Initiative, Territory

if TYPE_CHECKING:
    from rqds_portraits._queries.funding import FundingTotal

__all__ = ["Row", "Tabulated", "cents", "text_value"]

Row = tuple[Any, ...]


class Tabulated(Protocol):
    """What the tables are made from: what every :class:`~rqds_portraits.Dataset` has."""

    @property
    def edition(self) -> str: ...
    @property
    def revision(self) -> int: ...
    @property
    def revision_date(self) -> datetime.date | None: ...
    @property
    def as_of(self) -> datetime.date | None: ...
    @property
    def sha256(self) -> str: ...
    @property
    def source(self) -> Source: ...
    @property
    def territories(self) -> Sequence[Territory]: ...
    @property
    def initiatives(self) -> Sequence[Initiative]: ...
    @property
    def periods(self) -> Sequence[WrittenPeriod]: ...
    @property
    def dates(self) -> Sequence[WrittenDate]: ...
    @property
    def amounts(self) -> Sequence[Amount]: ...
    @property
    def ententes(self) -> Sequence[Entente]: ...
    @property
    def mentions(self) -> Sequence[Mention]: ...
    @property
    def partners(self) -> Sequence[Partner]: ...
    @property
    def source_notes(self) -> Sequence[SourceNote]: ...
    def total_funding(self) -> FundingTotal: ...


def edition(ds: Tabulated) -> Iterator[Row]:
    s = ds.source
    yield (ds.edition, ds.revision, ds.revision_date, ds.as_of, ds.sha256, s.title, s.publisher, s.publisher_acronym,
           "; ".join(s.authors), s.published, s.modified, s.url, s.platform, s.consulted, s.citation, s.reuse_caveat,
           s.sha256)  # fmt: skip


def _date(value: Any) -> str | None:
    return None if value is None else str(value)


def months(period: Period | None) -> tuple[str | None, str | None]:
    """The first and last month *period* covers, as read (ISO ``YYYY-MM``: a range of years is fiscal,
    April to March; a single year is the calendar year; written dates give their months); ``None``
    for a bound not written. ``start_month <= '2015-03' AND end_month >= '2014-04'`` in SQL is
    :meth:`Period.overlaps` of 2014-2015 wherever both bounds are written."""
    if period is None:
        return None, None
    first, last = period.months()
    return tuple(None if m is None else f"{m // 12:04d}-{m % 12 + 1:02d}" for m in (first, last))  # type: ignore[return-value]


def cents(value: Decimal) -> int:
    """An amount in dollars as an exact integer of cents (amounts have at most two decimals)."""
    return int(value.scaleb(2).to_integral_value())


def territories(ds: Tabulated) -> Iterator[Row]:
    for t in ds.territories:
        yield (t.id, t.region_number, t.name, t.heading, " ".join(w.url for w in t.websites),
               "\n".join(n.text for n in t.notes), *t.lines)  # fmt: skip


def initiatives(ds: Tabulated) -> Iterator[Row]:
    for i in ds.initiatives:
        yield (i.id, i.territory_id, i.title, i.label, *i.lines)


def sections(ds: Tabulated) -> Iterator[Row]:
    for i in ds.initiatives:
        for position, s in enumerate(i.sections, start=1):
            yield (f"{i.id}-s{position}", i.id, position, s.kind, s.heading, s.inline, *s.lines)


def items(ds: Tabulated) -> Iterator[Row]:
    for i in ds.initiatives:
        for s_position, s in enumerate(i.sections, start=1):
            for position, e in enumerate(s.elements, start=1):
                yield (f"{i.id}-s{s_position}-{position}", f"{i.id}-s{s_position}", position, e.kind, e.level,
                       e.number, e.prefix, e.text, e.lines[0])  # fmt: skip


def periods(ds: Tabulated) -> Iterator[Row]:
    for p in ds.periods:
        yield (p.id, p.text, p.start, p.end, _date(p.start_date), _date(p.end_date), *months(p.period),
               p.territory_id, p.initiative_id, p.lines[0], *p.span)  # fmt: skip


def dates(ds: Tabulated) -> Iterator[Row]:
    for d in ds.dates:
        yield (
            d.id,
            d.text,
            str(d.date),
            d.date.precision,
            _date(d.last_day),
            d.relation,
            d.territory_id,
            d.initiative_id,
            d.lines[0],
            *d.span,
        )


def amounts(ds: Tabulated) -> Iterator[Row]:
    # Whether the funding total counts it, and why not, by the very code of ds.total_funding().
    total = ds.total_funding()
    counted = {a.id for a in total.amounts}
    reasons = {e.amount.id: e.reason for e in total.excluded}
    of_entente = {amount_id: e for e in ds.ententes for amount_id in e.amount_ids}
    for a in ds.amounts:
        period = a.period
        entente = of_entente.get(a.id)
        # The period total_funding compares: the amount's own, else its entente's.
        compared = period or (entente.period if entente is not None else None)
        yield (a.id, a.text, a.value, cents(a.value), a.currency, a.qualifier, a.kind, a.per_years,
               period.start if period else None, period.end if period else None, *months(compared), a.period_id,
               a.share_of,
               a.partner_id, a.territory_id, a.initiative_id, a.lines[0], *a.span, a.note,
               a.id in counted, reasons.get(a.id))  # fmt: skip


def partners(ds: Tabulated) -> Iterator[Row]:
    for p in ds.partners:
        renames = "; ".join(
            f"{r.year}: {r.old_acronym or r.old_name} → {r.new_acronym or r.new_name}" for r in p.renames
        )
        yield (p.id, p.name, "; ".join(p.acronyms), "; ".join(p.variants), "; ".join(p.portrait_forms), p.kind,
               p.scope, "; ".join(p.territories), p.network_id, p.collective, p.count, renames, p.note)  # fmt: skip


def mentions(ds: Tabulated) -> Iterator[Row]:
    for m in ds.mentions:
        yield (m.id, m.text, m.role, "; ".join(m.roles), m.partner_id, m.territory_id, m.initiative_id, m.lines[0],
               *m.span, m.note)  # fmt: skip


def ententes(ds: Tabulated) -> Iterator[Row]:
    for e in ds.ententes:
        p = e.period
        yield (e.id, e.title, e.subject, e.kind, e.status, e.status_text, e.status_basis, e.signatories,
               p.start if p else None, p.end if p else None, _date(p.start_date if p else None),
               _date(p.end_date if p else None), *months(p), "\n".join(e.dates_text), e.territory_id, e.initiative_id, *e.lines,
               e.note)  # fmt: skip


@attrs.frozen
class Links:
    """The rows of a link table: each entente's id with each id of its *attribute* (``"amount_ids"``).

    A value, not a closure, so a table and its description pickle.
    """

    attribute: str

    def __call__(self, ds: Tabulated) -> Iterator[Row]:
        for e in ds.ententes:
            for other in getattr(e, self.attribute):
                yield (e.id, other)


def source_notes(ds: Tabulated) -> Iterator[Row]:
    for n in ds.source_notes:
        yield (n.id, n.text, n.note, n.territory_id, n.initiative_id, n.lines[0], *n.span)


def text_value(value: Any) -> str:
    """A value as text: exact decimals, ISO dates, 'true'/'false', empty for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)
