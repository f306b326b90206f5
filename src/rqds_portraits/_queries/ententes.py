"""Ententes by period, place, party, status and kind: one query, and the arguments it shares with funding.

A period is compared by a *mode* (:data:`~rqds_portraits.MODES`): an entente
whose period shares a month with the one asked for (``"overlaps"``, the
default), lies inside it (``"within"``), holds it (``"contains"``) or has the
same years (``"exact"``). Asking for a period counts the granted ententes
(:data:`~rqds_portraits.GRANTED`) unless *status* says otherwise, and leaves
out those with no written period.

A query never assumes a bound the text does not write. An entente whose
period has an unwritten start or end (``"?-2016"``) is kept when its written
bounds prove the match, excluded when they prove it cannot match, and
otherwise left out, the reason being ``"its start is not written"`` (or end;
:attr:`Period.unwritten <rqds_portraits.Period.unwritten>` names it, and the command
line prints those it leaves out so).
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING

import attrs

from rqds_portraits._arguments import choices
from rqds_portraits._errors import InvalidArgument, shown
from rqds_portraits._records.ententes import ENTENTE_KINDS, GRANTED, STATUSES

if TYPE_CHECKING:
    from rqds_portraits._records.ententes import Entente, EntenteStatus
    from rqds_portraits._records.periods import Mode, Period

__all__ = ["LeftOut", "in_order", "left_out", "matching", "mode_argument", "period_argument", "statuses_argument"]


def period_argument(value: object, parameter: str) -> Period | None:
    """``None``, or *value* read as a period (:class:`~rqds_portraits.InvalidPeriod` when it is not one)."""
    if value is None:
        return None
    from rqds_portraits._records.periods import Period  # read by the first query that needs it

    return Period.parse(value, parameter=parameter)  # type: ignore[arg-type,unused-ignore]  # Period.parse checks it


def mode_argument(mode: object, period: Period | None) -> Mode:
    """*mode* checked against :data:`~rqds_portraits.MODES` (``"overlaps"`` when ``None``); without a
    *period* it has nothing to compare, and is only checked."""
    from rqds_portraits._records.periods import MODES

    if mode is None:
        return "overlaps"
    if not isinstance(mode, str) or mode not in MODES:
        raise InvalidArgument(f"invalid mode= {shown(mode)}; modes are {', '.join(MODES)}")
    return mode


def statuses_argument(status: object, period_asked: bool) -> frozenset[str] | None:
    """The statuses asked for; the granted ones when a period is asked for and *status* is ``None``."""
    chosen = choices(status, STATUSES, "status")
    return frozenset(GRANTED) if chosen is None and period_asked else chosen


def in_order(statuses: Set[str]) -> tuple[EntenteStatus, ...]:
    """*statuses* in the order of :data:`~rqds_portraits.STATUSES` (for messages and records that list them)."""
    return tuple(s for s in STATUSES if s in statuses)


def matching(
    ententes: Iterable[Entente],
    *,
    period: Period | None,
    mode: Mode,
    territory_id: str | None,
    mention_ids: Set[str] | None,
    statuses: Set[str] | None,
    kind: object,
) -> tuple[Entente, ...]:
    """The *ententes* whose period relates to *period* by *mode*, in *territory_id*'s portrait,
    written with one of *mention_ids*, of one of *statuses* and of the *kind* asked for
    (each filter ``None`` keeps every entente)."""
    from rqds_portraits._records.periods import relates

    kinds = choices(kind, ENTENTE_KINDS, "kind")
    return tuple(
        e
        for e in ententes
        if (period is None or (e.period is not None and relates(e.period, period, mode) is True))
        and (territory_id is None or e.territory_id == territory_id)
        and (mention_ids is None or not mention_ids.isdisjoint(e.mention_ids))
        and (statuses is None or e.status in statuses)
        and (kinds is None or e.kind in kinds)
    )


_VERBS = {"overlaps": "overlaps", "within": "lies within", "contains": "contains", "exact": "has the years of"}


@attrs.frozen
class LeftOut:
    """An entente a period query leaves out, and why (:meth:`rqds_portraits.Dataset.left_out_ententes`)."""

    entente: Entente
    reason: str


def left_out(
    ententes: Iterable[Entente],
    *,
    period: Period | None,
    mode: Mode,
    territory_id: str | None,
    mention_ids: Set[str] | None,
    statuses: Set[str] | None,
    status_given: bool,
    kind: object,
) -> tuple[LeftOut, ...]:
    """The *ententes* that every other filter keeps but the *period* query leaves out without knowing
    they do not match: no written period, a bound the match needs that is not written, or (when the
    statuses are the default) a status that is not granted while the period would match."""
    from rqds_portraits._records.periods import relates, unwritten

    if period is None:
        return ()
    kept = matching(
        ententes, period=None, mode=mode, territory_id=territory_id, mention_ids=mention_ids, statuses=None, kind=kind
    )
    found = []
    for e in kept:
        granted = statuses is None or e.status in statuses
        if not granted and status_given:
            continue  # the statuses asked for drop it: not a question of period
        why = []
        if e.period is None:
            why.append("no written period: it cannot be placed in a period")
        else:
            related = relates(e.period, period, mode)
            if related is False:
                continue
            if related is None:
                why.append(f"{unwritten(e.period)} ({e.period}): cannot tell whether it {_VERBS[mode]} {period}")
        if not granted:
            why.append(f"its status, {e.status}, is not granted: ask for that status to count it")
        if why:
            found.append(LeftOut(e, "; ".join(why)))
    return tuple(found)
