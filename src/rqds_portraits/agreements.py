"""Agreements ("ententes"), plans and programmes, with their periods, statuses and amounts."""

from __future__ import annotations

from typing import Literal

import attrs

from .models import Lines
from .periods import Period

__all__ = ["Entente", "EntenteKind", "EntenteStatus"]

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
