"""The exports answer like the API: every period carries its first and last month as read, so SQL over
the SQLite export and DuckDB over the Parquet export give ``funding_by_territory(period=…)`` for every
territory and every period the docs use; the views are typed; Parquet keeps exact decimals."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

import rqds_portraits as rp
from rqds_portraits._rows import months
from rqds_portraits.exports import TABLES, export, to_dataframes

from .conftest import EDITION

DS = rp.load(EDITION)
# Every period the docs ask about (grep 'period' docs/*.md), and a few more.
DOCS_PERIODS = [
    "2013",
    "2014",
    "2015",
    "2016",
    "2014-2015",
    "2013-2016",
    "2013-2018",
    "2012-2017",
    "2008-2013",
    "2012-2015",
]

# The natural SQL: an amount's period (else its entente's) shares a month with the period asked. A bound
# not written stands for the other one, which is the latest start (or earliest end) it can have: what
# the API counts, since it never assumes an unwritten bound.
_TOTALS = """
SELECT territory_id, SUM(value) FROM amounts
WHERE counted AND COALESCE(period_start_month, period_end_month) <= ?
AND COALESCE(period_end_month, period_start_month) >= ?
GROUP BY territory_id
"""


def _asked(period: str) -> tuple[str, str]:
    first, last = months(rp.Period.parse(period))
    return last or "9999-12", first or "0000-01"


def _api(period: str) -> dict[str, Decimal]:
    return {tid: t.total for tid, t in DS.funding_by_territory(period=period).items() if t.total}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    export(DS, "sqlite", folder / "sqlite")
    export(DS, "parquet", folder / "parquet")
    export(DS, "datapackage", folder / "datapackage")
    return folder


@pytest.mark.parametrize("period", DOCS_PERIODS)
def test_sql_over_sqlite_gives_the_api_totals(exported: Path, period: str) -> None:
    (database,) = (exported / "sqlite").glob("*.sqlite")
    connection = sqlite3.connect(database)
    try:
        found = {tid: Decimal(str(total)) for tid, total in connection.execute(_TOTALS, _asked(period))}
    finally:
        connection.close()
    assert {tid: total for tid, total in found.items() if total} == _api(period)


@pytest.mark.parametrize("period", DOCS_PERIODS)
def test_duckdb_over_parquet_gives_the_api_totals(exported: Path, period: str) -> None:
    duckdb = pytest.importorskip("duckdb")
    amounts = str(exported / "parquet" / "amounts.parquet")
    query = _TOTALS.replace("FROM amounts", f"FROM read_parquet('{amounts}')").replace("?", "$1", 1).replace("?", "$2")
    found = dict(duckdb.connect().execute(query, list(_asked(period))).fetchall())
    assert {tid: total for tid, total in found.items() if total} == _api(period)
    assert all(isinstance(total, Decimal) for total in found.values())  # exact decimals, not floats


def test_every_period_carries_its_months_as_read() -> None:
    assert months(rp.Period.parse("2014-2015")) == ("2014-04", "2015-03")  # a fiscal year
    assert months(rp.Period.parse("2014")) == ("2014-01", "2014-12")  # a calendar year
    assert months(rp.Period.parse("?-2016")) == (None, "2016-03")
    with_dates = rp.Period(2012, 2013, rp.PartialDate(2012, 11), rp.PartialDate(2013, 4))
    assert months(with_dates) == ("2012-11", "2013-04")
    for name, prefix in (("periods", ""), ("amounts", "period_"), ("ententes", "period_")):
        table = next(t for t in TABLES if t.name == name)
        assert {f"{prefix}start_month", f"{prefix}end_month"} <= {c.name for c in table.columns}
    unknown = [e for e in DS.ententes if e.period is not None and e.period.unwritten]
    rows = {row[0]: row for row in next(t for t in TABLES if t.name == "ententes").rows(DS)}
    columns = [c.name for c in next(t for t in TABLES if t.name == "ententes").columns]
    for entente in unknown:  # a bound not written stays empty
        assert entente.period is not None
        row = dict(zip(columns, rows[entente.id]))
        assert (row["period_start_month"] is None) == (entente.period.start is None)
        assert (row["period_end_month"] is None) == (entente.period.end is None)


def test_sqlite_views_have_typed_columns(exported: Path) -> None:
    (database,) = (exported / "sqlite").glob("*.sqlite")
    connection = sqlite3.connect(database)
    try:
        for view in ("funding_by_territory", "partners_by_territory", "counted_amounts"):
            declared = {row[1]: row[2] for row in connection.execute(f"PRAGMA table_info({view})")}
            assert all(declared.values()), (view, declared)
        declared = {row[1]: row[2] for row in connection.execute("PRAGMA table_info(funding_by_territory)")}
        assert (declared["total_cents"], declared["total"], declared["amounts"]) == ("INTEGER", "NUMERIC", "INTEGER")
        laval = connection.execute("SELECT total FROM funding_by_territory WHERE territory_id = 'laval'").fetchone()
        assert Decimal(str(laval[0])) == DS.total_funding(territory="laval").total
    finally:
        connection.close()


def test_parquet_has_every_table_typed(exported: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    for table in TABLES:
        read = parquet.read_table(exported / "parquet" / f"{table.name}.parquet")
        assert read.column_names == [c.name for c in table.columns]
        assert read.num_rows == len(list(table.rows(DS)))
    amounts = parquet.read_table(exported / "parquet" / "amounts.parquet")
    assert str(amounts.schema.field("value").type) == "decimal128(18, 2)"
    assert sum(amounts.column("value").to_pylist()) == sum(a.value for a in DS.amounts)


def test_to_dataframes_gives_every_table() -> None:
    frames = to_dataframes(DS)
    assert list(frames) == [t.name for t in TABLES]
    assert frames["amounts"].equals(DS.to_dataframe("amounts"))


def test_the_data_package_says_what_is_known_of_the_terms(exported: Path) -> None:
    package = json.loads((exported / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    (licence,) = package["licenses"]
    assert licence["path"] == DS.source.url and "No licence stated by the source" in licence["title"]
    assert DS.source.reuse_caveat in licence["title"]
    for part in ("**What it is.**", "**How it was read.**", "**Limits.**", "**Cite.**"):
        assert part in package["description"]
