"""Exports: JSON, CSV, SQLite (with Datasette metadata), the Frictionless Data Package and pandas,
from one table description, with the API's shapes, written safely."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits.exports import FORMATS, TABLES, export, read_csv, to_dataframe
from rqds_portraits.exports._csv import FORMULA_STARTS, csv_cell, csv_value

from .conftest import DATA, EDITION

DS = rp.load(EDITION)


def _digests(files: list[Path]) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


@pytest.mark.parametrize("format", FORMATS)
def test_exports_are_byte_identical_run_after_run(tmp_path: Path, format: str) -> None:
    first = export(DS, format, tmp_path / "a")
    second = export(DS, format, tmp_path / "b")
    again = export(DS, format, tmp_path / "a")  # over the first run's files
    assert _digests(first) == _digests(second) == _digests(again)
    assert not [p for p in (tmp_path / "a").iterdir() if p.name.endswith(".tmp")]  # no temporary file left


def test_json_is_the_dataset_as_shipped(tmp_path: Path) -> None:
    (path,) = export(DS, "json", tmp_path)
    assert path.name == f"dataset-{EDITION}.json"
    assert path.read_bytes() == (DATA / EDITION / "dataset.json").read_bytes()
    assert rp.load_file(path).sha256 == DS.sha256


def test_csv_tables_join_and_keep_amounts_exact(tmp_path: Path) -> None:
    files = {p.stem: p for p in export(DS, "csv", tmp_path)}
    assert list(files) == [t.name for t in TABLES]

    def read(name: str) -> list[dict[str, str]]:
        with files[name].open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    territories = {row["id"]: row for row in read("territories")}
    assert territories["bas-saint-laurent"]["region_number"] == "01"
    amounts = read("amounts")
    assert len(amounts) == 22 and all(row["territory_id"] in territories for row in amounts)
    cut = next(row for row in amounts if row["text"] == "200 000 00$")
    assert (cut["value"], cut["value_cents"], cut["kind"]) == ("200000.00", "20000000", "cut") and cut["note"]
    assert sum(Decimal(row["value"]) for row in amounts) == Decimal("25265522.00")
    assert sum(int(row["value_cents"]) for row in amounts) == 2526552200
    partners = {row["id"] for row in read("partners")}
    mentions = read("mentions")
    assert all(row["partner_id"] in partners for row in mentions)
    assert {row["roles"] for row in mentions} >= {"leader; signatory; manager", "signatory; observer", "leader; member"}
    assert {row["section_id"] for row in read("items")} <= {row["id"] for row in read("sections")}
    assert len(read("entente_amounts")) == 22 and read("dates")[0]["precision"] in ("month", "day")


def test_formula_like_text_is_escaped_in_csv_only() -> None:
    for formula in ("=SUM(A1)", "+1", "-2 ans", "@cmd", "\tx", "\rx"):
        assert csv_cell(formula, "string") == "'" + formula
    assert csv_cell(Decimal("-5"), "decimal") == "-5" and csv_cell(-5, "integer") == "-5"
    assert csv_cell("Côte-Nord", "string") == "Côte-Nord"
    assert csv_cell("'=x", "string") == "''=x" and csv_value("''=x", "string") == "'=x"  # a real apostrophe survives


@given(st.text(alphabet=st.sampled_from(["'", "a", " ", *FORMULA_STARTS]), max_size=6) | st.text())
def test_csv_cells_read_back_as_written(text: str) -> None:
    cell = csv_cell(text, "string")
    assert csv_value(cell, "string") == text
    assert not cell.startswith(FORMULA_STARTS)  # never a live formula


def test_the_data_package_validates_with_frictionless(tmp_path: Path) -> None:
    import frictionless

    files = export(DS, "datapackage", tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert descriptor["created"] == f"{DS.revision_date}T00:00:00Z"  # when the data was built, reproducibly
    assert descriptor["sources"][0]["path"] == DS.source.url and DS.source.reuse_caveat in descriptor["description"]
    assert descriptor["citation"] == DS.cite("text")
    amounts = next(r for r in descriptor["resources"] if r["name"] == "amounts")
    assert amounts["schema"]["primaryKey"] == ["id"]
    assert {"fields": ["territory_id"], "reference": {"resource": "territories", "fields": ["id"]}} in amounts[
        "schema"
    ]["foreignKeys"]
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    assert len(files) == len(TABLES) + 1
    # The validation is real: a dangling foreign key fails it.
    mentions = tmp_path / "mentions.csv"
    mentions.write_text(
        mentions.read_text(encoding="utf-8").replace(",quebec-en-forme,", ",nobody,", 1), encoding="utf-8"
    )
    broken = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not broken.valid and ["foreign-key"] in broken.flatten(["type"])


def test_sqlite_sorts_and_sums_money_as_numbers(tmp_path: Path) -> None:
    database, metadata = export(DS, "sqlite", tmp_path)
    connection = sqlite3.connect(database)
    try:
        top = connection.execute("SELECT value, typeof(value) FROM amounts ORDER BY value DESC LIMIT 1").fetchone()
        assert top == (3740000, "integer")  # not 910 000: the amounts sort as numbers
        assert connection.execute("SELECT SUM(value_cents) FROM amounts").fetchone() == (2526552200,)
        by_territory = {
            row[0]: row[1] for row in connection.execute("SELECT territory_id, total_cents FROM funding_by_territory")
        }
        api = DS.funding_by_territory()
        assert by_territory == {
            tid: int(total.total * 100) for tid, total in api.items()
        }  # the view counts what the API counts
        partners = connection.execute(
            "SELECT mentions, roles FROM partners_by_territory WHERE territory_id = 'mauricie' AND partner_id = 'mamot'"
        ).fetchone()
        assert partners[0] == len(DS.by_partner("mamot", territory="mauricie", include_network=False))
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {row[1] for row in connection.execute("SELECT * FROM sqlite_master WHERE type = 'index'")}
        assert "mentions_partner_id" in indexes
        assert connection.execute("SELECT revision, sha256 FROM edition").fetchone() == (DS.revision, DS.sha256)
    finally:
        connection.close()
    described = json.loads(metadata.read_text(encoding="utf-8"))
    tables = described["databases"][database.stem]["tables"]
    assert set(tables) == {t.name for t in TABLES} | {
        "counted_amounts",
        "funding_by_territory",
        "partners_by_territory",
        "view_types",
    }
    assert tables["amounts"]["columns"]["value_cents"].startswith("the same value in cents")
    # The reuse caveat is in the data card (Datasette's description), not presented as a licence.
    assert described["source_url"] == DS.source.url and "license" not in described
    assert DS.source.reuse_caveat in described["description"] and "**Cite.**" in described["description"]


def test_dataframes_have_the_csv_columns_and_exact_money(tmp_path: Path) -> None:
    amounts = to_dataframe(DS, "amounts")
    assert list(amounts.columns) == [c.name for c in next(t for t in TABLES if t.name == "amounts").columns]
    assert len(amounts) == 22 and "id" in amounts.columns
    assert str(amounts["value"].dtype) == "decimal128(18, 2)[pyarrow]" and amounts["value"].sum() == Decimal(
        "25265522.00"
    )
    assert str(amounts["value_cents"].dtype) == "Int64" and str(amounts["per_years"].dtype) == "Int64"
    territories = DS.to_dataframe("territories")
    assert list(territories["region_number"])[:2] == ["01", "03"]  # region numbers stay strings
    for table in TABLES:
        frame = to_dataframe(DS, table.name)
        assert list(frame.columns) == [c.name for c in table.columns] and len(frame.columns) > 0
    files = {p.stem: p for p in export(DS, "csv", tmp_path)}
    for name in ("amounts", "territories", "mentions", "entente_amounts"):
        assert read_csv(files[name]).equals(to_dataframe(DS, name))  # the documented one-liner gives the same frame
    with pytest.raises(rp.InvalidArgument, match="tables are edition, territories"):
        to_dataframe(DS, "nope")


def test_a_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(
        rp.MissingDependency,
        match=r'pip install pandas pyarrow \(or, in a checkout of rqds-portraits, pip install "\.\[pandas\]"\)',
    ) as caught:
        to_dataframe(DS, "amounts")
    assert isinstance(caught.value, ImportError)


def test_the_subpackage_is_reachable_from_the_package() -> None:
    assert rp.exports.export is export and rp.exports.FORMATS == FORMATS


def test_bad_export_arguments(tmp_path: Path) -> None:
    with pytest.raises(rp.InvalidArgument, match="formats are json, csv, sqlite, datapackage"):
        export(DS, "xlsx", tmp_path)
    not_a_dataset: object
    for not_a_dataset in ([], None, "ds"):
        with pytest.raises(rp.InvalidArgument, match="ds= must be a Dataset"):
            export(not_a_dataset, "json", tmp_path)  # type: ignore[arg-type]
    for folder in ("", "  ", None, 3):
        with pytest.raises(rp.InvalidArgument, match="folder= must"):
            export(DS, "csv", folder)  # type: ignore[arg-type]
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(rp.ExportError, match="cannot write into") as caught:
        export(DS, "csv", blocker / "sub")
    assert isinstance(caught.value, OSError)
    with pytest.raises(rp.ExportError, match="its parent folder does not exist"):
        export(DS, "csv", tmp_path / "missing" / "deep")


def test_exports_are_written_whole_and_never_through_a_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text("keep me", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / f"dataset-{EDITION}.json").symlink_to(outside)
    export(DS, "json", folder)
    assert outside.read_text(encoding="utf-8") == "keep me"  # the link is replaced, not followed
    assert not (folder / f"dataset-{EDITION}.json").is_symlink()
    (folder / "amounts.csv").mkdir()  # a directory where a file should go
    with pytest.raises(rp.ExportError, match="amounts.csv"):
        export(DS, "csv", folder)
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_folder_that_cannot_be_written_is_an_export_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from rqds_portraits.exports import _files

    def refused(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(rp.ExportError, match="cannot write into .*Permission denied"):
        export(DS, "csv", tmp_path)
    monkeypatch.undo()

    def full(descriptor: int, content: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_files, "_write_all", full)
    with pytest.raises(rp.ExportError, match="No space left on device"):
        export(DS, "json", tmp_path)
    monkeypatch.undo()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
