"""What is written in the portraits' text: periods of years, money amounts, organisation mentions,
and notes on passages of the source (typos, inconsistencies) that the data records rather than fixes.

Each annotation is written on one line: ``lines`` gives it and ``span`` the
0-based start and end columns of ``text`` in that line, so
``line[span[0]:span[1]] == text``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, TypeAlias

import attrs

from .models import Lines
from .periods import Period

__all__ = ["Amount", "AmountKind", "Mention", "Qualifier", "Role", "SourceNote", "Span", "WrittenPeriod"]

Span: TypeAlias = tuple[int, int]
"""The 0-based start and end (exclusive) columns of an annotation's text in its line."""

Qualifier = Literal["exact", "approximate", "at_least"]
AmountKind = Literal["funding", "impact", "cut"]
Role = Literal["leader", "member", "signatory", "funder", "observer", "manager", "mentioned"]


@attrs.frozen
class WrittenPeriod:
    """A period of years as written in the portraits ("2014-2017", "(2011-2015)")."""

    id: str
    text: str
    start: int
    end: int
    territory_id: str
    initiative_id: str | None
    lines: Lines
    span: Span

    @property
    def period(self) -> Period:
        """The written years as a :class:`~rqds_portraits.Period`."""
        return Period(self.start, self.end)



@attrs.frozen
class Amount:
    """A money amount as written, with its exact value in Canadian dollars.

    ``qualifier`` says whether the text gives it exactly, approximately ("app.")
    or as a minimum ("plus de"); ``kind`` whether it is money granted or
    committed (``"funding"``), an impact (``"impact"``, "retombées") or a cut
    (``"cut"``, "compressions"). ``per_years`` is the duration written after it
    ("/ 3 ans"); ``period`` the period written with it. ``share_of`` is the id of
    another amount this one is part of. ``note`` explains any reading of the source.
    """

    id: str
    text: str
    value: Decimal
    qualifier: Qualifier
    kind: AmountKind
    per_years: int | None
    period: Period | None
    period_id: str | None
    share_of: str | None
    territory_id: str
    initiative_id: str | None
    lines: Lines
    span: Span
    note: str | None
    currency: str = "CAD"



@attrs.frozen
class Mention:
    """An organisation named in the portraits, as written, with its role there.

    ``partner_id`` is the registry entry the mention resolves to; it is ``None``
    only when the text is too vague to resolve, and ``note`` then says why.
    """

    id: str
    text: str
    role: Role
    partner_id: str | None
    territory_id: str
    initiative_id: str | None
    lines: Lines
    span: Span
    note: str | None


@attrs.frozen
class SourceNote:
    """A remark on a passage of the source: a typo, an inconsistency, an ambiguity.

    The data keeps the passage as written; the note says what is odd about it
    and how the dataset reads it.
    """

    id: str
    text: str
    note: str
    territory_id: str
    initiative_id: str | None
    lines: Lines
    span: Span
