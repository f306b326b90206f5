"""Ententes (agreements), plans, programmes and funds: the records, and what their statuses mean.

An entente is *granted* when it was signed and has run or runs: its status is
one of :data:`GRANTED` (signed, in progress, renewed, extended, ended). Planned
ententes, ententes to come, under negotiation or cancelled are not; the
queries of activity and money count granted ententes unless asked otherwise.
"""

from __future__ import annotations

import typing
from typing import Literal

from rqds_portraits._records.frozen import frozen
from rqds_portraits._records.periods import Period
from rqds_portraits._records.portraits import Lines

__all__ = [
    "ENTENTE_KINDS",
    "GRANTED",
    "NOT_GRANTED",
    "STATUSES",
    "STATUS_BASES",
    "Entente",
    "EntenteKind",
    "EntenteStatus",
    "StatusBasis",
]

EntenteKind = Literal[
    "specific", "administrative", "partnership", "regional", "municipal", "programme", "plan", "fund", "grant", "other"
]
EntenteStatus = Literal[
    "signed", "in_progress", "renewed", "extended", "ended", "to_come", "under_negotiation", "planned", "cancelled"
]
StatusBasis = Literal["text", "period", "reading"]
"""Where an agreement's status comes from: words of the text (``status_text``), its period
compared with the edition's reference date (``as_of``), or a reading explained in its note."""

ENTENTE_KINDS: tuple[EntenteKind, ...] = typing.get_args(EntenteKind)
"""What an entente is: a specific, administrative, partnership, regional or municipal agreement, a
programme, a plan, a fund, a grant or another kind."""
STATUSES: tuple[EntenteStatus, ...] = typing.get_args(EntenteStatus)
"""Every status an entente can have, from signed to cancelled."""
STATUS_BASES: tuple[StatusBasis, ...] = typing.get_args(StatusBasis)

GRANTED: tuple[EntenteStatus, ...] = ("signed", "in_progress", "renewed", "extended", "ended")
"""Statuses of ententes that were signed and run or ran: what activity and funding count by default."""

NOT_GRANTED: tuple[EntenteStatus, ...] = ("to_come", "under_negotiation", "planned", "cancelled")
"""Statuses of ententes whose money is not granted or committed."""


@frozen
class Entente:
    """An entente (an agreement), plan, programme or fund that the text names as such.

    ``title`` is written as in the source (``subject`` is the block's subject
    when the title alone says little). ``status_basis`` says where the status
    comes from: ``"text"`` (``status_text`` holds the words that state it),
    ``"period"`` (its period compared with the edition's reference date
    ``as_of``) or ``"reading"`` (no words or dates say it; ``note`` explains the
    reading). ``period`` holds the years (and the exact dates, when written;
    ``dates_text`` holds the words that write them); ``period_ids``,
    ``date_ids``, ``amount_ids`` and ``mention_ids`` point to the written
    periods, the written dates, the amounts and the partner mentions
    (signatories, funders, managers, members of its committee) it comes with.
    """

    id: str
    title: str
    subject: str | None
    kind: EntenteKind
    status: EntenteStatus
    status_text: str | None
    status_basis: StatusBasis
    signatories: int | None
    period: Period | None
    period_ids: tuple[str, ...]
    date_ids: tuple[str, ...]
    dates_text: tuple[str, ...]
    amount_ids: tuple[str, ...]
    mention_ids: tuple[str, ...]
    territory_id: str
    initiative_id: str | None
    lines: Lines
    note: str | None
