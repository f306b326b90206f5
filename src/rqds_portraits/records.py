"""A whole dataset file: one edition at one revision, every table of records."""

from __future__ import annotations

import datetime

import attrs

from .agreements import Entente
from .annotations import Amount, Mention, SourceNote, WrittenDate, WrittenPeriod
from .document import Source
from .models import Initiative, Territory
from .registry import Partner
from .upgrade import FORMAT  # defined with the upgrades, which the first lookup reads without this module

__all__ = ["FORMAT", "EditionRecords"]


@attrs.frozen
class EditionRecords:
    """Everything a dataset file holds: one edition at one revision.

    ``revision_date`` is the day the revision was published; ``as_of`` the
    reference date the edition's statuses are read against (both ``None`` in a
    file of format 1 read from outside the package). The fields are in the
    order of the file, small and often-read tables first: a reader that needs
    only the territories stops early (see :class:`~rqds_portraits.loading.LazyObject`).
    """

    format: int
    edition: str
    revision: int
    revision_date: datetime.date | None
    as_of: datetime.date | None
    territories: tuple[Territory, ...]
    source: Source
    initiatives: tuple[Initiative, ...]
    periods: tuple[WrittenPeriod, ...]
    dates: tuple[WrittenDate, ...]
    amounts: tuple[Amount, ...]
    ententes: tuple[Entente, ...]
    source_notes: tuple[SourceNote, ...]
    mentions: tuple[Mention, ...]
    partners: tuple[Partner, ...]
