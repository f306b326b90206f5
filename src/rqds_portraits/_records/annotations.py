"""What is written in the portraits' text: periods of years, money amounts, organisation mentions,
and notes on passages of the source (typos, inconsistencies) that the data records rather than fixes.

Each annotation is written on one line: ``lines`` gives it and ``span`` the
0-based start and end columns of ``text`` in that line, so
``line[span[0]:span[1]] == text``.
"""

from __future__ import annotations

import typing
from decimal import Decimal
from typing import Literal, TypeAlias

from rqds_portraits._records.frozen import frozen
from rqds_portraits._records.periods import PartialDate, Period
from rqds_portraits._records.portraits import Lines

__all__ = [
    "AMOUNT_KINDS",
    "DATE_RELATIONS",
    "PARTY_ROLES",
    "QUALIFIERS",
    "ROLES",
    "Amount",
    "AmountKind",
    "DateRelation",
    "Mention",
    "Qualifier",
    "Role",
    "SourceNote",
    "Span",
    "WrittenDate",
    "WrittenPeriod",
]

Span: TypeAlias = tuple[int, int]
"""The 0-based start and end (exclusive) columns of an annotation's text in its line."""

Qualifier = Literal["exact", "approximate", "at_least"]
DateRelation = Literal["on", "from", "since", "until"]
"""What a written date marks: the day or month itself ("le 31 mars 2014", "à la fin mars 2014"),
a start ("à partir de", "depuis") or an end ("jusqu’en juin 2015")."""
AmountKind = Literal["funding", "impact", "cut"]
Role = Literal["leader", "signatory", "funder", "manager", "member", "observer", "mentioned"]
"""What a body does in a passage, from the most to the least involved: it leads (chairs, coordinates,
carries), is a party to an agreement, funds, manages (trustee, management committee), sits on a committee,
observes, or is only mentioned (the object of a sentence, the body whose members are listed, context).
A mention's roles follow this order, and ``"mentioned"`` never goes with another role."""
ROLES: tuple[Role, ...] = typing.get_args(Role)
"""Every role, in the order of :data:`Role`."""
PARTY_ROLES: tuple[Role, ...] = ("leader", "signatory", "funder", "manager")
"""The roles that make a body a party to an entente: what ``total_funding(partner=…)`` counts by default.

A leader counts when its mention is linked to the entente, which the data does only where the text
says the body leads, coordinates or carries that agreement or plan itself ("Coordination par la CRÉ"
over the agreement; a Laval block's Leadership line over the block's own agreements), never for
leading the démarche in which an agreement is only written."""
QUALIFIERS: tuple[Qualifier, ...] = typing.get_args(Qualifier)
DATE_RELATIONS: tuple[DateRelation, ...] = typing.get_args(DateRelation)
AMOUNT_KINDS: tuple[AmountKind, ...] = typing.get_args(AmountKind)


@frozen
class WrittenPeriod:
    """A period as written in the portraits: in figures ("2014-2017", "(2011-2015)") or in
    words ("de novembre 2012 à avril 2013"), when ``start_date`` and ``end_date`` give its months."""

    id: str
    text: str
    start: int
    end: int
    territory_id: str
    initiative_id: str | None
    lines: Lines
    span: Span
    start_date: PartialDate | None = None
    end_date: PartialDate | None = None

    @property
    def period(self) -> Period:
        """The written period as a :class:`~rqds_portraits.Period`."""
        return Period(self.start, self.end, self.start_date, self.end_date)


@frozen
class WrittenDate:
    """A date written in words, with its month and, when written, its day ("31 mars 2014",
    "jusqu’en juin 2015", "avril ’13"); ``relation`` says what it marks.

    An event written on several days of one month ("les 11 et 12 novembre 2010") is one
    date: ``date`` is its first day and ``last_day`` its last (``None`` for a single day or month).
    """

    id: str
    text: str
    date: PartialDate
    relation: DateRelation
    territory_id: str
    initiative_id: str | None
    lines: Lines
    span: Span
    last_day: PartialDate | None = None
    """The last day of a date written on several days ("les 11 et 12 novembre 2010": the 12th)."""


@frozen
class Amount:
    """A money amount as written, with its exact value in Canadian dollars.

    ``qualifier`` says whether the text gives it exactly, approximately ("app.")
    or as a minimum ("plus de"); ``kind`` whether it is money granted or
    committed (``"funding"``), an impact (``"impact"``, "retombées") or a cut
    (``"cut"``, "compressions"). ``per_years`` is the duration written after it
    ("/ 3 ans"); ``period`` the period written with it. ``share_of`` is the id of
    another amount this one is part of, and ``partner_id`` the partner whose own
    share it is when the text says so (the MELS's "app. 1 600 000 $" of three
    agreements' 3 740 000 $). ``note`` explains any reading of the source.
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
    partner_id: str | None
    territory_id: str
    initiative_id: str | None
    lines: Lines
    """The line of the bundled source text the amount is written on (first and last are the same)."""
    span: Span
    note: str | None
    """How the source is read where it is ambiguous (a malformed amount, a share, a period)."""
    currency: str = "CAD"


@frozen
class Mention:
    """An organisation named in the portraits, as written, with its roles there.

    ``roles`` holds every role the passage gives it, in the order of
    :data:`Role` (signatories who also form the management committee are
    ``("signatory", "manager")``); ``role`` is the first. ``partner_id`` is the
    registry entry the mention resolves to; it is ``None`` only when the text
    is too vague to resolve, and ``note`` then says why.
    """

    id: str
    text: str
    roles: tuple[Role, ...]
    partner_id: str | None
    """The registry partner it resolves to (``None`` only when the text is too vague; ``note`` says why)."""
    territory_id: str
    initiative_id: str | None
    lines: Lines
    span: Span
    note: str | None

    @property
    def role(self) -> Role:
        """The first of ``roles``: what 0.1.0 called the mention's role."""
        return self.roles[0]


@frozen
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
