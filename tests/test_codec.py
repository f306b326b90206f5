"""The codec: records to JSON-compatible data and back, and the one JSON encoding of the dataset file."""

from __future__ import annotations

import datetime
import json
import typing
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits._loading.codec import dumps, from_data, to_data
from rqds_portraits._records.annotations import Amount
from rqds_portraits._records.edition import RECORD_TABLES, EditionRecords
from rqds_portraits._records.periods import PartialDate, Period

EDITION = "2014-2015"
TABLE_HINTS = typing.get_type_hints(EditionRecords)
# Union hints, as the records' optional fields write them (typed Any: from_data takes them at run time).
OPTIONAL_DATE: Any = datetime.date | None
OPTIONAL_PERIOD: Any = Period | None
OPTIONAL_PARTIAL_DATE: Any = PartialDate | None


@pytest.fixture(scope="module")
def records() -> EditionRecords:
    return rp.load(EDITION).records


def test_the_whole_edition_round_trips(records: EditionRecords) -> None:
    data = to_data(records)
    assert list(data) == [field.name for field in attrs.fields(EditionRecords)]
    assert from_data(EditionRecords, data) == records


@pytest.mark.parametrize("table", RECORD_TABLES)
def test_each_record_table_round_trips(records: EditionRecords, table: str) -> None:
    rows = getattr(records, table)
    assert rows, f"the 2014-2015 edition has no {table}"
    data = to_data(rows)
    assert isinstance(data, list) and len(data) == len(rows)
    assert all(isinstance(row, dict) and row["id"] == record.id for row, record in zip(data, rows))
    back = from_data(TABLE_HINTS[table], data)
    assert isinstance(back, tuple)
    assert back == rows


def test_a_record_is_an_object_with_its_fields_in_order(records: EditionRecords) -> None:
    amount = records.amounts[0]
    data = to_data(amount)
    assert list(data) == [field.name for field in attrs.fields(Amount)]
    assert isinstance(data["lines"], list) and isinstance(data["span"], list)  # tuples become lists
    assert from_data(Amount, data) == amount


def test_decimal_is_written_as_an_exact_string() -> None:
    for written in ("130558", "200000.00", "0.10", "123456789012.34", "-5.5"):
        value = Decimal(written)
        data = to_data(value)
        assert data == written
        back = from_data(Decimal, data)
        assert back == value and str(back) == written  # the cents as written, not a float's
    assert to_data(Decimal("0.1") + Decimal("0.2")) == "0.3"


def test_amount_value_keeps_its_cents(records: EditionRecords) -> None:
    amount = attrs.evolve(records.amounts[0], value=Decimal("1234567.89"))
    data = to_data(amount)
    assert data["value"] == "1234567.89"
    assert from_data(Amount, data).value == Decimal("1234567.89")
    cents = [a for a in records.amounts if a.value.as_tuple().exponent == -2]
    assert cents and all(to_data(a)["value"] == str(a.value) for a in cents)  # "200000.00" stays as written


def test_dates_are_iso_strings(records: EditionRecords) -> None:
    data = to_data(records)
    assert records.revision_date is not None and records.as_of is not None
    assert data["revision_date"] == records.revision_date.isoformat()
    assert data["as_of"] == records.as_of.isoformat()
    assert to_data(datetime.date(2014, 10, 1)) == "2014-10-01"
    moment = datetime.datetime(2015, 3, 31, 12, 30, 5)
    assert to_data(moment) == "2015-03-31T12:30:05"
    assert from_data(datetime.datetime, to_data(moment)) == moment
    assert from_data(OPTIONAL_DATE, "2014-10-01") == datetime.date(2014, 10, 1)
    source = data["source"]
    assert source["published"] == records.source.published.isoformat()
    assert source["modified"] == records.source.modified.isoformat()


def test_none_optional_fields(records: EditionRecords) -> None:
    amount = attrs.evolve(records.amounts[0], period=None, period_id=None, per_years=None, note=None)
    data = to_data(amount)
    assert (data["period"], data["period_id"], data["per_years"], data["note"]) == (None, None, None, None)
    assert from_data(Amount, data) == amount
    assert from_data(OPTIONAL_DATE, None) is None
    assert from_data(OPTIONAL_PERIOD, None) is None


def test_a_field_left_out_takes_its_default(records: EditionRecords) -> None:
    data = to_data(records.amounts[0])
    del data["currency"]
    assert from_data(Amount, data).currency == "CAD"
    assert from_data(Period, {"start": 2013, "end": 2016}) == Period(2013, 2016)
    del data["value"]
    with pytest.raises(TypeError):
        from_data(Amount, data)


def test_a_type_it_cannot_read_is_refused() -> None:
    with pytest.raises(TypeError, match="no conversion"):
        from_data(float, 1.5)


@st.composite
def partial_dates(draw: st.DrawFn, year: int) -> PartialDate:
    month = draw(st.none() | st.integers(1, 12))
    day = None if month is None else draw(st.none() | st.integers(1, 28))
    return PartialDate(year, month, day)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(st.integers(1900, 2100))
    end = draw(st.integers(start, 2100))
    start_date = draw(st.none() | partial_dates(start))
    end_date = draw(st.none() | partial_dates(end))
    if start == end and start_date and end_date and (start_date.month or 1) > (end_date.month or 12):
        start_date, end_date = PartialDate(start, end_date.month), PartialDate(end, start_date.month)
    return Period(start, end, start_date, end_date)


@given(periods())
def test_periods_round_trip(period: Period) -> None:
    data = to_data(period)
    assert list(data) == ["start", "end", "start_date", "end_date"]
    assert json.loads(json.dumps(data)) == data
    back = from_data(Period, data)
    assert back == period
    assert isinstance(back.start_date, PartialDate) == (period.start_date is not None)


@given(st.integers(1900, 2100).flatmap(partial_dates))
def test_partial_dates_round_trip(date: PartialDate) -> None:
    data = to_data(date)
    assert data == {"year": date.year, "month": date.month, "day": date.day}
    assert from_data(PartialDate, data) == date
    assert from_data(OPTIONAL_PARTIAL_DATE, data) == date


def test_dumps_writes_one_record_per_line() -> None:
    data: dict[str, Any] = {
        "format": 2,
        "rows": [{"id": "a", "n": 1}, {"id": "b", "n": 2}],
        "empty": [],
        "ints": [1, 2],
    }
    text = dumps(data).decode("utf-8")
    assert text.splitlines() == [
        "{",
        '"format":2,',
        '"rows":[',
        '{"id":"a","n":1},',
        '{"id":"b","n":2}',
        "],",
        '"empty":[],',
        '"ints":[1,2]',
        "}",
    ]
    assert text.endswith("}\n")
    assert json.loads(text) == data


def test_dumps_of_a_value_that_is_not_an_object_is_one_line() -> None:
    rows = [{"id": "a"}, {"id": "b"}]
    assert dumps(rows) == b'[{"id":"a"},{"id":"b"}]\n'
    assert json.loads(dumps(rows)) == rows
    assert dumps("é") == '"é"\n'.encode()


def test_dumps_is_utf8_with_accents_as_written() -> None:
    data = {"rows": [{"name": "Côte-Nord", "text": "Gaspésie–Îles-de-la-Madeleine « 670 000 $ »"}]}
    raw = dumps(data)
    assert "Côte-Nord".encode() in raw and "«".encode() in raw
    assert b"\\u" not in raw
    assert json.loads(raw.decode("utf-8")) == data


@given(
    st.dictionaries(
        st.text(max_size=5),
        st.lists(st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=8) | st.none(), max_size=3)),
        max_size=4,
    )
)
def test_dumps_reads_back_as_what_it_wrote(data: dict[str, list[dict[str, int | str | None]]]) -> None:
    assert json.loads(dumps(data)) == data


def test_the_bundled_file_is_the_records_dumped() -> None:
    ds = rp.load(EDITION)
    assert ds.revision == rp.revisions(EDITION)[-1].revision
    assert dumps(to_data(ds.records)) == ds.to_json()
