"""A whole dataset file: one edition at one revision, every table of records."""

from __future__ import annotations

import datetime

from rqds_portraits._records.annotations import Amount, Mention, SourceNote, WrittenDate, WrittenPeriod
from rqds_portraits._records.document import Source
from rqds_portraits._records.ententes import Entente
from rqds_portraits._records.frozen import frozen
from rqds_portraits._records.partners import Partner
from rqds_portraits._records.portraits import Initiative, Territory

__all__ = ["RECORD_TABLES", "EditionRecords"]


@frozen
class EditionRecords:
    """Everything a dataset file holds: one edition at one revision.

    ``revision_date`` is the day the revision was published; ``as_of`` the
    reference date the edition's statuses are read against (both ``None`` in a
    file of layout 1 read from outside the package). ``format`` is the file's
    layout (the word the file writes). The fields are in the order of the file,
    small and often-read tables first: a reader that needs only the territories
    stops early: the file is decoded member by member.
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


RECORD_TABLES: tuple[str, ...] = tuple(
    name for name, hint in EditionRecords.__annotations__.items() if hint.startswith("tuple[")
)
"""The tables of records a dataset holds, in the order of its file: ``territories``, ``initiatives``, …,
``partners`` (the fields of :class:`EditionRecords` that hold a tuple of records)."""
