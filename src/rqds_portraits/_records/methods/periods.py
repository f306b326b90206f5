"""The methods attrs would write for the record classes of ``rqds_portraits._records.periods``: written by
``python -m rqds_build``, never by hand (see :mod:`rqds_portraits._records.methods`).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_setattr = object.__setattr__


class PartialDate:
    """``rqds_portraits._records.periods.PartialDate``."""

    SPEC = (
        ('year', None, True),
        ('month', 'None', True),
        ('day', 'None', True),
    )
    TYPES = (
        ('year', 'value'),
        ('month', ('optional', 'value')),
        ('day', ('optional', 'value')),
    )

    def __init__(self: Any, year: Any, month: Any = None, day: Any = None) -> None:
        _setattr(self, "year", year)
        _setattr(self, "month", month)
        _setattr(self, "day", day)
        self.__attrs_post_init__()

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(year={self.year!r}, month={self.month!r}, day={self.day!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.year == other.year
            and self.month == other.month
            and self.day == other.day
        )

    def __hash__(self: Any) -> int:
        return hash((80681387805261561, self.year, self.month, self.day, ))


class Period:
    """``rqds_portraits._records.periods.Period``."""

    SPEC = (
        ('start', None, True),
        ('end', None, True),
        ('start_date', 'None', True),
        ('end_date', 'None', True),
    )
    TYPES = (
        ('start', ('optional', 'value')),
        ('end', ('optional', 'value')),
        ('start_date', ('optional', ('record', 'rqds_portraits._records.periods.PartialDate'))),
        ('end_date', ('optional', ('record', 'rqds_portraits._records.periods.PartialDate'))),
    )

    def __init__(self: Any, start: Any, end: Any, start_date: Any = None, end_date: Any = None) -> None:
        _setattr(self, "start", start)
        _setattr(self, "end", end)
        _setattr(self, "start_date", start_date)
        _setattr(self, "end_date", end_date)
        self.__attrs_post_init__()

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(start={self.start!r}, end={self.end!r}, start_date={self.start_date!r}, end_date={self.end_date!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.start == other.start
            and self.end == other.end
            and self.start_date == other.start_date
            and self.end_date == other.end_date
        )

    def __hash__(self: Any) -> int:
        return hash((565163799680959628, self.start, self.end, self.start_date, self.end_date, ))


WRITTEN = {
    "PartialDate": PartialDate,
    "Period": Period,
}
