from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits import PartialDate, Period


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2013-2016", 2013, 2016),
        ("2013–2016", 2013, 2016),
        ("(2011-2015)", 2011, 2015),
        (" 2014 ", 2014, 2014),
        (2014, 2014, 2014),
        ((2013, 2016), 2013, 2016),
        (Period(2005, 2014), 2005, 2014),
    ],
)
def test_parse(value: rp.periods.PeriodLike, start: int, end: int) -> None:
    period = Period.parse(value)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("value", ["2016-2013", "abc", 1800, "", "2013-16", (2013,), (2016, 2013), True, 2013.5, None])
def test_bad_periods_name_the_accepted_forms(value: object) -> None:
    with pytest.raises(rp.InvalidPeriod, match="accepted: a year") as caught:
        Period.parse(value)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, rp.RqdsError)


def test_construction_is_checked_too() -> None:
    with pytest.raises(rp.InvalidPeriod, match="end comes before the start"):
        Period(2016, 2013)
    for start in (1800, 2013.5, True, "2013", 10**5000):
        with pytest.raises(rp.InvalidPeriod, match="the start year must be an integer from 1900 to 2100"):
            Period(start, 2014)  # type: ignore[arg-type]


def test_fiscal_years() -> None:
    assert Period.parse("2014-2015").years == 1
    assert Period.parse("2013-2016").years == 3
    assert Period.parse("2005-2014").years == 9
    # April 2013 to March 2014 and April 2014 to March 2015 share no month.
    assert not Period.parse("2013-2014").overlaps("2014-2015")
    # The calendar year 2014 meets both fiscal years.
    assert Period.parse(2014).overlaps("2013-2014") and Period.parse(2014).overlaps("2014-2015")
    assert Period.parse("2014-2015").within("2013-2016")
    assert Period.parse("2013-2016").contains("2014-2015")
    assert not Period.parse("2013-2016").within("2014-2017")
    assert Period.parse("2013-2016").same_years((2013, 2016))


def test_exact_dates_replace_the_fiscal_defaults() -> None:
    extended = Period(2011, 2015, end_date=PartialDate.parse("2016-09-30"))
    assert extended.overlaps("2016-2017")  # runs to September 2016
    started = Period(2013, 2016, start_date=PartialDate.parse("2013-04"), end_date=PartialDate.parse("2016-03-31"))
    assert started.months() == Period(2013, 2016).months()


def test_partial_dates_keep_their_precision() -> None:
    assert PartialDate.parse("2014").precision == "year"
    assert PartialDate.parse("2013-04").precision == "month"
    assert str(PartialDate.parse("2016-03-31")) == "2016-03-31"
    for bad in ("2016-13", "2016-02-30", "31 mars 2016"):
        with pytest.raises(rp.InvalidPeriod):
            PartialDate.parse(bad)


years = st.integers(min_value=1990, max_value=2030)
periods = st.builds(lambda a, b: Period(min(a, b), max(a, b)), years, years)


@given(periods, periods)
def test_relations_are_consistent(a: Period, b: Period) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    assert a.within(b) == b.contains(a)
    if a.within(b):
        assert a.overlaps(b)
    if a.within(b) and b.within(a):
        assert a.months() == b.months()
    assert a.within(a) and a.overlaps(a)


@given(periods)
def test_written_forms_parse_back(period: Period) -> None:
    assert Period.parse(str(period)) == period
    assert Period.parse(f"({period.start}–{period.end})") == Period(period.start, period.end)
