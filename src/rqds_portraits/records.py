"""A whole dataset file: one edition at one revision, every table of records."""

from __future__ import annotations

import attrs

from .agreements import Entente
from .document import Source
from .annotations import Amount, Mention, SourceNote, WrittenPeriod
from .models import Initiative, Territory
from .registry import Partner

__all__ = ["EditionRecords"]


@attrs.frozen
class EditionRecords:
    """Everything a dataset file holds: one edition at one revision."""

    format: int
    edition: str
    revision: int
    source: Source
    territories: tuple[Territory, ...]
    initiatives: tuple[Initiative, ...]
    periods: tuple[WrittenPeriod, ...]
    amounts: tuple[Amount, ...]
    mentions: tuple[Mention, ...]
    partners: tuple[Partner, ...]
    ententes: tuple[Entente, ...]
    source_notes: tuple[SourceNote, ...]
