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

from rqds_portraits._arguments import choices
from rqds_portraits._errors import InvalidArgument, shown
from rqds_portraits._records.ententes import ENTENTE_KINDS, GRANTED, STATUSES

if TYPE_CHECKING:
    from rqds_portraits._records.ententes import Entente, EntenteStatus
    from rqds_portraits._records.periods import Mode, Period

__all__ = ["in_order", "matching", "mode_argument", "period_argument", "statuses_argument"]


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
