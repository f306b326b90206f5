"""Periods of years, as the portraits write them, and how they relate.

A period is written "2013-2016": a start year and an end year. Québec's public
agreements ("ententes") run on fiscal years, from 1 April to 31 March, so a
written range is read as fiscal years: "2013-2016" runs from April 2013 to
March 2016 (three fiscal years, which is why the text says "670 000 $ / 3 ans"),
and "2014-2015" is one fiscal year. A single year ("2014") is the calendar year.
Exact dates, when the text gives them, replace those defaults.

A bound the text does not write is unknown (``None``): "poursuite du programme
au 30 septembre 2016" writes an end and no start, so its period is
``Period(None, 2016, end_date=…)``, shown ``"?-2016"``. A comparison never
assumes an unwritten bound: :meth:`Period.overlaps`, :meth:`Period.within`,
:meth:`Period.contains` and :meth:`Period.same_years` answer ``True`` when the
written bounds prove it, ``False`` when they prove it cannot be, and ``None``
when it depends on the bound that is not written (a known year without a date
ends in March or, should the unwritten start be the same year, in December).

    >>> from rqds_portraits._records.periods import Period
    >>> p = Period.parse("2013–2016")
    >>> p.start, p.end, p.years
    (2013, 2016, 3)
    >>> p.overlaps(Period.parse("2014-2015")), p.overlaps(Period.parse("2016-2017"))
    (True, False)
    >>> Period.parse(2014).overlaps(Period.parse("2013-2014"))  # January to March 2014
    True
    >>> sisca = Period(None, 2016, end_date=PartialDate(2016, 9, 30))
    >>> str(sisca), sisca.overlaps(2016), sisca.overlaps(2013), sisca.overlaps(2017)
    ('?-2016', True, None, False)
"""

from __future__ import annotations

import re
from typing import Literal, TypeAlias, get_args

from rqds_portraits._errors import InvalidArgument, InvalidPeriod, shown
from rqds_portraits._records.frozen import frozen

__all__ = ["FIRST_YEAR", "LAST_YEAR", "MODES", "Mode", "PartialDate", "Period", "PeriodLike", "relates", "unwritten"]

FIRST_YEAR = 1900
LAST_YEAR = 2100
_FISCAL_START_MONTH = 4  # April
_ACCEPTED = (
    'a year (2014 or "2014"), a range "2013-2016" or "2014-15" (hyphen, en dash or slash; parentheses allowed; '
    '"?" for a bound not written, as in "?-2016"), a pair of years (2013, 2016) or a Period, with years from '
    f"{FIRST_YEAR} to {LAST_YEAR} and the end not before the start"
)
# Patterns as strings: re compiles (and caches) them on first use, not at import.
_RANGE = r"^\(?\s*([0-9]{4}|\?)\s*[-–/]\s*([0-9]{4}|[0-9]{2}|\?)\s*\)?$"
_YEAR = r"^\(?\s*([0-9]{4})\s*\)?$"
_DATE = r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$"
_EARLIEST, _LATEST = -(10**6), 10**6  # stand for an unwritten start or end in the month arithmetic

Precision = Literal["year", "month", "day"]


@frozen
class PartialDate:
    """A date written with the precision the text gives: a year, a month or a day.

    >>> PartialDate.parse("2016-03-31").precision, str(PartialDate.parse("2013-04"))
    ('day', '2013-04')
    """

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        """``"year"``, ``"month"`` or ``"day"``: how much of the date the text gives."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"``."""
        import datetime  # only when a date is parsed: not on the cold-start path

        match = re.match(_DATE, text.strip()) if isinstance(text, str) and len(text) < 40 else None
        if match is None:
            raise InvalidPeriod(f"invalid date {shown(text)}: expected YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        try:
            datetime.date(year, month or 1, day or 1)
        except ValueError as error:
            raise InvalidPeriod(f"invalid date {shown(text)}: {error}") from None
        return cls(year, month, day)

    def __attrs_post_init__(self) -> None:
        import datetime

        parts = {"year": self.year, "month": self.month, "day": self.day}
        for name, part in parts.items():
            if isinstance(part, bool) or (not isinstance(part, int) and (name == "year" or part is not None)):
                raise InvalidPeriod(
                    f"invalid date: {name} must be an integer{'' if name == 'year' else ' or None'}, not {shown(part)}"
                )
        if self.day is not None and self.month is None:
            raise InvalidPeriod(f"invalid date: a day ({shown(self.day)}) needs a month")
        try:
            datetime.date(self.year, self.month or 1, self.day or 1)
        except (ValueError, OverflowError) as error:
            written = ", ".join(f"{name}={shown(part)}" for name, part in parts.items())
            raise InvalidPeriod(f"invalid date ({written}): {error}") from None

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        parts += [f"{part:02d}" for part in (self.month, self.day) if part is not None]
        return "-".join(parts)


def _check_year(name: str, value: object) -> None:
    if value is None:
        return  # not written: the period's check wants the other bound
    if isinstance(value, bool) or not isinstance(value, int) or not FIRST_YEAR <= value <= LAST_YEAR:
        raise InvalidPeriod(
            f"invalid period: the {name} year must be an integer from {FIRST_YEAR} to {LAST_YEAR}"
            f" or None (not written), not {shown(value)}"
        )


def _check_date(name: str, value: object) -> None:
    if value is not None and not isinstance(value, PartialDate):
        raise InvalidPeriod(f"invalid period: {name} must be a PartialDate or None, not {shown(value)}")


@frozen
class Period:
    """Years from *start* to *end*, with exact dates when the text gives them.

    *start* or *end* is ``None`` when the text does not write it (never both):
    the period of "signées jusqu’en juin 2015" has an end and no start.
    """

    start: int | None
    end: int | None
    start_date: PartialDate | None = None
    end_date: PartialDate | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("start", "end"):
            _check_year(name, getattr(self, name))
        for name in ("start_date", "end_date"):
            _check_date(name, getattr(self, name))
        if self.start is None and self.end is None:
            raise InvalidPeriod(f"invalid period: its start or its end must be written; accepted: {_ACCEPTED}")
        for name, year, date in (("start", self.start, self.start_date), ("end", self.end, self.end_date)):
            if date is not None and year is None:
                raise InvalidPeriod(f"invalid period: its {name} is not written (None) but has a date, {date}")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise InvalidPeriod(
                f"invalid period {self.start}-{self.end}: the end comes before the start; accepted: {_ACCEPTED}"
            )
        first, last = self.months()
        if first is not None and last is not None and last < first:
            raise InvalidPeriod(
                f"invalid period {self}: its end date {self.end_date} comes before its start date {self.start_date}"
            )

    @classmethod
    def parse(cls, value: PeriodLike, *, parameter: str = "period") -> Period:
        """Read a period from ``"2013-2016"``, ``"2013–2016"``, ``"2013/2016"``, ``"2014-15"``, ``"(2011-2015)"``,
        ``"2014"``, ``2014`` or ``(2013, 2016)``; ``"?-2016"`` and ``"2010-?"`` leave a bound unwritten
        (what ``str`` shows for such a period).

        Raises :class:`~rqds_portraits.InvalidPeriod` for anything else
        (*parameter* names the argument in the message).
        """
        if not isinstance(parameter, str) or not parameter.isidentifier():
            raise InvalidArgument(
                f"parameter= names the argument read, such as 'period' (an identifier), not {shown(parameter)}"
            )
        if isinstance(value, Period):
            return value
        if isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR:
            return cls(value, value)
        if (
            isinstance(value, tuple)
            and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            start, end = value
            if FIRST_YEAR <= start <= LAST_YEAR and FIRST_YEAR <= end <= LAST_YEAR:
                return cls(start, end)
        if isinstance(value, str) and len(value) < 40:
            text = value.strip()
            range_match = re.match(_RANGE, text)
            if range_match:
                first, last = (None if bound == "?" else int(bound) for bound in range_match.groups())
                if first is not None and last is not None and len(range_match[2]) == 2:
                    # "2014-15": the end year in the start's century (or the next one's: "1999-00")
                    last += first // 100 * 100
                    last += 100 if last < first else 0
                elif first is None and last is not None and len(range_match[2]) == 2:
                    raise InvalidPeriod(f"invalid {parameter}= {shown(value)}: write the end's four digits after '?'")
                return cls(first, last)
            year_match = re.match(_YEAR, text)
            if year_match:
                return cls(int(year_match[1]), int(year_match[1]))
        raise InvalidPeriod(f"invalid {parameter}= {shown(value)}; accepted: {_ACCEPTED}")

    @property
    def years(self) -> int | None:
        """The number of years the range spans (``end - start``; 1 for a single year);
        ``None`` when its start or end is not written."""
        if self.start is None or self.end is None:
            return None
        return max(self.end - self.start, 1)

    @property
    def unwritten(self) -> tuple[str, ...]:
        """The bounds the text does not write: ``()``, ``("start",)`` or ``("end",)``."""
        return tuple(name for name, year in (("start", self.start), ("end", self.end)) if year is None)

    def months(self) -> tuple[int | None, int | None]:
        """First and last month covered, as ``year * 12 + month - 1`` (see the module docs);
        ``None`` for a bound that is not written."""
        single = self.start == self.end  # a single year is a calendar year; a range, fiscal years
        first = None if self.start is None else self.start * 12 + (0 if single else _FISCAL_START_MONTH - 1)
        last = None if self.end is None else self.end * 12 + (11 if single else _FISCAL_START_MONTH - 2)
        if self.start_date is not None:
            first = self.start_date.year * 12 + (self.start_date.month or 1) - 1
        if self.end_date is not None:
            last = self.end_date.year * 12 + (self.end_date.month or 12) - 1
        return first, last

    def _range(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """The earliest and latest its first month and its last month can be (an unwritten
        start is at the latest its end; an unwritten end at the earliest its start)."""
        first, last = self.months()
        firsts = (first, first) if first is not None else (_EARLIEST, last if last is not None else _LATEST)
        lasts = (last, last) if last is not None else (first if first is not None else _EARLIEST, _LATEST)
        # A year bound without a date, the other bound unwritten: if both turn out to be the same year,
        # it is a calendar year (January to December), else a fiscal one (April, March).
        if self.start is None and self.end is not None and self.end_date is None and last is not None:
            lasts = (last, self.end * 12 + 11)
        if self.end is None and self.start is not None and self.start_date is None and first is not None:
            firsts = (self.start * 12, first)
        return firsts, lasts

    def overlaps(self, other: PeriodLike) -> bool | None:
        """Whether the two periods share at least one month (``None``: it depends on a bound not written)."""
        theirs = Period.parse(other)
        if theirs == self:
            return True  # a period relates to itself, written bounds or not
        (f_lo, f_hi), (l_lo, l_hi) = self._range()
        (g_lo, g_hi), (m_lo, m_hi) = theirs._range()
        # f <= m and g <= l
        if f_hi <= m_lo and g_hi <= l_lo:
            return True
        if f_lo > m_hi or g_lo > l_hi:
            return False
        return None

    def within(self, other: PeriodLike) -> bool | None:
        """Whether this period lies entirely inside *other* (``None``: it depends on a bound not written)."""
        theirs = Period.parse(other)
        if theirs == self:
            return True
        (f_lo, f_hi), (l_lo, l_hi) = self._range()
        (g_lo, g_hi), (m_lo, m_hi) = theirs._range()
        # g <= f and l <= m
        if g_hi <= f_lo and l_hi <= m_lo:
            return True
        if g_lo > f_hi or l_lo > m_hi:
            return False
        return None

    def contains(self, other: PeriodLike) -> bool | None:
        """Whether *other* lies entirely inside this period (``None``: it depends on a bound not written)."""
        return Period.parse(other).within(self)

    def same_years(self, other: PeriodLike) -> bool | None:
        """Whether both periods are written with the same start and end years (a bound that neither
        writes is the same as written; ``None``: one writes a year the other does not)."""
        theirs = Period.parse(other)
        pairs = ((self.start, theirs.start), (self.end, theirs.end))
        if any(a is not None and b is not None and a != b for a, b in pairs):
            return False
        return None if any((a is None) != (b is None) for a, b in pairs) else True

    def __str__(self) -> str:
        if self.start is not None and self.start == self.end:
            return str(self.start)
        return f"{'?' if self.start is None else self.start}-{'?' if self.end is None else self.end}"


PeriodLike: TypeAlias = "Period | str | int | tuple[int, int]"
"""What the period arguments accept: a :class:`Period`, ``"2013-2016"``, ``2014`` or ``(2013, 2016)``."""


Mode = Literal["overlaps", "within", "contains", "exact"]
MODES: tuple[Mode, ...] = get_args(Mode)
"""How a period is compared with the one asked for: it shares a month with it (``"overlaps"``),
lies inside it (``"within"``), holds it (``"contains"``) or has the same years (``"exact"``)."""


def relates(period: Period, asked: Period, mode: str) -> bool | None:
    """Whether *period* relates to *asked* as *mode* (one of :data:`MODES`) says: ``True`` when the
    written bounds prove it, ``False`` when they rule it out, ``None`` when a bound not written decides."""
    if mode == "overlaps":
        return period.overlaps(asked)
    if mode == "within":
        return period.within(asked)
    if mode == "contains":
        return period.contains(asked)
    return period.same_years(asked)  # "exact"


def unwritten(period: Period) -> str:
    """Why a comparison with *period* is not known: ``"its start is not written"`` (or end)."""
    return " and ".join(f"its {bound} is not written" for bound in period.unwritten) or "its bounds are written"
