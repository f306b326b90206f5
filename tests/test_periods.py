from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits import PartialDate, Period
from rqds_portraits._records.periods import relates, unwritten


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2013-2016", 2013, 2016),
        ("2013–2016", 2013, 2016),
        ("(2011-2015)", 2011, 2015),
        (" 2014 ", 2014, 2014),
        (2014, 2014, 2014),
        ((2013, 2016), 2013, 2016),
        ("2014-15", 2014, 2015),  # the end year's last two digits, as people write a fiscal year
        ("2013/16", 2013, 2016),
        ("1999-00", 1999, 2000),
        (Period(2005, 2014), 2005, 2014),
    ],
)
def test_parse(value: rp.periods.PeriodLike, start: int, end: int) -> None:
    period = Period.parse(value)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    "value", ["2016-2013", "abc", 1800, "", "2013-1", "2013-016", (2013,), (2016, 2013), True, 2013.5, None]
)
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


# A bound the text does not write is unknown: a comparison never assumes it. It answers True when the
# written bounds prove it, False when they rule it out, and None when the unwritten bound decides.

SISCA = Period(None, 2016, end_date=PartialDate(2016, 9, 30))  # "poursuite du programme au 30 septembre 2016"


def test_an_unwritten_bound_is_unknown_and_shown_as_such() -> None:
    assert (SISCA.start, SISCA.end, SISCA.unwritten, str(SISCA), SISCA.years) == (
        None,
        2016,
        ("start",),
        "?-2016",
        None,
    )
    since = Period(2010, None)
    assert (str(since), since.unwritten, since.months()) == ("2010-?", ("end",), (2010 * 12 + 3, None))
    assert unwritten(SISCA) == "its start is not written"
    with pytest.raises(rp.InvalidPeriod, match="its start or its end must be written"):
        Period(None, None)
    with pytest.raises(rp.InvalidPeriod, match="its start is not written .None. but has a date"):
        Period(None, 2016, start_date=PartialDate(2015, 1))


def test_a_query_never_assumes_an_unwritten_bound() -> None:
    # Is SISCA active in 2013? Its start is not written: not known. In 2016? Its written end proves it.
    assert (SISCA.overlaps(2013), SISCA.overlaps(2016), SISCA.overlaps(2017), SISCA.overlaps("2016-2017")) == (
        None,
        True,
        False,
        True,
    )
    assert (SISCA.within("2010-2017"), SISCA.within(2016), SISCA.within("2014-2015")) == (None, None, False)
    assert (SISCA.contains(2015), SISCA.contains("2015-2016"), SISCA.contains(2016)) == (None, None, False)
    assert (SISCA.same_years("2014-2016"), SISCA.same_years("2014-2015")) == (None, False)
    assert [relates(SISCA, Period(2013, 2013), mode) for mode in rp.MODES] == [None, False, None, False]


open_periods = st.builds(
    lambda a, b, which: Period(None if which == "start" else min(a, b), None if which == "end" else max(a, b)),
    years,
    years,
    st.sampled_from(["start", "end", None]),
)


def _worlds(period: Period) -> list[Period]:
    """The periods the written bounds allow (an unwritten start is any year up to the end, …)."""
    if period.start is None:
        assert period.end is not None
        return [Period(start, period.end) for start in range(1985, period.end + 1)]
    if period.end is None:
        return [Period(period.start, end) for end in range(period.start, 2036)]
    return [period]


@given(open_periods, periods, st.sampled_from(rp.MODES))
def test_three_valued_answers_agree_with_every_world_the_text_allows(period: Period, asked: Period, mode: str) -> None:
    answer = relates(period, asked, mode)
    worlds = {bool(relates(world, asked, mode)) for world in _worlds(period)}
    assert answer == (worlds.pop() if len(worlds) == 1 else None)


def test_an_open_period_reads_back_and_relates_to_itself() -> None:
    assert Period.parse("?-2016") == Period(None, 2016) and Period.parse("(2010–?)") == Period(2010, None)
    assert Period.parse(str(SISCA)).same_years(SISCA) is True  # both leave the start unwritten
    assert Period(None, 2016).same_years("2014-2016") is None  # one writes a start the other does not
    assert SISCA.overlaps(SISCA) and SISCA.within(SISCA) and SISCA.contains(SISCA) and SISCA.same_years(SISCA)
    assert Period(None, 2016).within(Period(None, 2016, end_date=PartialDate(2016, 9))) is None  # two periods
    with pytest.raises(rp.InvalidPeriod, match="its start or its end must be written"):
        Period.parse("?-?")
