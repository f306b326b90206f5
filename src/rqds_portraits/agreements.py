"""Agreements ("ententes"), plans and programmes, and the money they carry.

Periods are compared as fiscal years (see :mod:`rqds_portraits.periods`):
"2013-2016" runs from April 2013 to March 2016, so it overlaps "2015-2016" but
not "2016-2017", and the calendar year 2014 meets both "2013-2014" and
"2014-2015". Funding totals add exact ``Decimal`` amounts, count each amount
once and say what they leave out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Literal

import attrs

from .annotations import Amount
from .errors import InvalidArgument
from .models import Lines
from .periods import Period

__all__ = ["MODES", "NOT_GRANTED", "Entente", "EntenteKind", "EntenteStatus", "Exclusion", "FundingTotal", "check_mode", "funding_total", "matches"]

EntenteKind = Literal[
    "specific", "administrative", "partnership", "regional", "municipal", "programme", "plan", "fund", "grant", "other"
]
EntenteStatus = Literal[
    "signed", "in_progress", "renewed", "extended", "to_come", "under_negotiation", "ended", "planned", "cancelled"
]


@attrs.frozen
class Entente:
    """An agreement, plan or programme that the text gives a period, an amount or a status for.

    ``title`` is written as in the source (``subject`` is the block's subject
    when the title alone says little). ``status_text`` holds the words that
    state the status; it is ``None`` when the status was read from the period,
    and ``note`` then says so. ``period`` holds the years (and the exact dates
    in ``dates_text``, when written); ``period_ids``, ``amount_ids`` and
    ``mention_ids`` point to the written periods, the amounts and the partner
    mentions (signatories, managers, members of its committee) it comes with.
    """

    id: str
    title: str
    subject: str | None
    kind: EntenteKind
    status: EntenteStatus
    status_text: str | None
    signatories: int | None
    period: Period | None
    period_ids: tuple[str, ...]
    dates_text: tuple[str, ...]
    amount_ids: tuple[str, ...]
    mention_ids: tuple[str, ...]
    territory_id: str
    initiative_id: str | None
    lines: Lines
    note: str | None


@attrs.frozen
class Exclusion:
    """An amount a funding total left out, and why."""

    amount: Amount
    reason: str


@attrs.frozen
class FundingTotal:
    """A sum of money granted or committed, with what it counts and what it leaves out.

    ``total`` adds the ``amounts`` it counts (each once); ``approximate`` is
    true when one of them is written approximately or as a minimum, or when a
    yearly figure was rounded to the cent. ``excluded`` lists the amounts of the
    selection it did not add (impacts, cuts, shares of an amount already counted,
    amounts of agreements not yet granted, amounts with no period or duration
    when one is needed), each with its reason.
    """

    total: Decimal
    count: int
    approximate: bool
    yearly: bool
    amounts: tuple[Amount, ...] = attrs.field(repr=lambda amounts: f"<{len(amounts)} amounts>")
    excluded: tuple[Exclusion, ...] = attrs.field(repr=lambda excluded: f"<{len(excluded)} excluded>")


MODES = ("overlaps", "within", "contains", "exact")
"""How a period is compared with the one asked for (see :meth:`Period.overlaps` and the others)."""

NOT_GRANTED: tuple[EntenteStatus, ...] = ("to_come", "under_negotiation", "planned", "cancelled")
"""Statuses of agreements whose money is not yet granted or committed."""

_CENT = Decimal("0.01")


def check_mode(mode: object) -> None:
    """Raise :class:`~rqds_portraits.InvalidArgument` unless *mode* is one of :data:`MODES`."""
    if mode not in MODES:
        raise InvalidArgument(f"invalid mode {mode!r}; modes are {', '.join(MODES)}")


def matches(period: Period, asked: Period, mode: str) -> bool:
    """Whether *period* relates to *asked* as *mode* says (one of :data:`MODES`)."""
    check_mode(mode)
    if mode == "overlaps":
        return period.overlaps(asked)
    if mode == "within":
        return period.within(asked)
    if mode == "contains":
        return period.contains(asked)
    return period.same_years(asked)  # "exact"


def funding_total(selection: Sequence[Amount], ententes: Mapping[str, Entente], *, yearly: bool = False) -> FundingTotal:
    """The money granted or committed among *selection*, each amount counted once.

    *ententes* maps an amount id to its agreement. With *yearly*, each amount
    counts for one year: divided by the years written after it ("/ 3 ans"),
    else by the years of its period.
    """
    counted: list[Amount] = []
    excluded: list[Exclusion] = []
    total = Decimal(0)
    approximate = False
    # Whole amounts first, so a share of an amount already counted is seen as such.
    for amount in sorted(selection, key=lambda a: a.share_of is not None):
        reason = _exclusion(amount, ententes.get(amount.id), {a.id for a in counted})
        value = amount.value
        if reason is None and yearly:
            years = amount.per_years or (amount.period.years if amount.period is not None else None)
            if years is None:
                reason = "no duration or period written: no yearly figure"
            else:
                value = (amount.value / years).quantize(_CENT)
                approximate = approximate or value * years != amount.value
        if reason is not None:
            excluded.append(Exclusion(amount, reason))
            continue
        counted.append(amount)
        total += value
        approximate = approximate or amount.qualifier != "exact"
    order = {a.id: i for i, a in enumerate(selection)}
    return FundingTotal(
        total=total,
        count=len(counted),
        approximate=approximate,
        yearly=yearly,
        amounts=tuple(sorted(counted, key=lambda a: order[a.id])),
        excluded=tuple(sorted(excluded, key=lambda e: order[e.amount.id])),
    )


def _exclusion(amount: Amount, entente: Entente | None, counted: set[str]) -> str | None:
    if amount.kind == "impact":
        return "an impact (retombées), not money granted"
    if amount.kind == "cut":
        return "a cut (compressions), not money granted"
    if entente is not None and entente.status in NOT_GRANTED:
        return f"its agreement {entente.id} is {entente.status.replace('_', ' ')}: not yet granted"
    if amount.share_of is not None and amount.share_of in counted:
        return f"a share of {amount.share_of}, which is counted"
    return None
