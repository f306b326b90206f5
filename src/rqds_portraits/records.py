"""A whole dataset file: one edition at one revision, every table of records."""

from __future__ import annotations

import attrs

from .agreements import Entente
from .annotations import Amount, Mention, SourceNote, WrittenPeriod
from .document import Source
from .models import Initiative, Territory
from .registry import Partner

__all__ = ["EditionRecords"]


@attrs.frozen
class EditionRecords:
    """Everything a dataset file holds: one edition at one revision.

    The fields are in the order of the file, small and often-read tables first:
    a reader that needs only the territories stops early (see
    :class:`~rqds_portraits.loading.LazyObject`).
    """

    format: int
    edition: str
    revision: int
    territories: tuple[Territory, ...]
    source: Source
    initiatives: tuple[Initiative, ...]
    periods: tuple[WrittenPeriod, ...]
    amounts: tuple[Amount, ...]
    ententes: tuple[Entente, ...]
    source_notes: tuple[SourceNote, ...]
    mentions: tuple[Mention, ...]
    partners: tuple[Partner, ...]
