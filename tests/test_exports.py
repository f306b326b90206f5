"""Exports: JSON, CSV, SQLite, the Frictionless Data Package and pandas, from one table description."""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import rqds_portraits as rp
from rqds_portraits.exports import FORMATS, TABLES, export, to_dataframe

from .conftest import DATA, EDITION

DS = rp.load()


def _digests(files: list[Path]) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


@pytest.mark.parametrize("format", FORMATS)
def test_exports_are_byte_identical_run_after_run(tmp_path: Path, format: str) -> None:
    first = export(DS, format, tmp_path / "a")
    second = export(DS, format, tmp_path / "b")
    again = export(DS, format, tmp_path / "a")  # over the first run's files
    assert _digests(first) == _digests(second) == _digests(again)


def test_json_is_the_dataset_as_shipped(tmp_path: Path) -> None:
    (path,) = export(DS, "json", tmp_path)
    assert path.read_bytes() == (DATA / EDITION / "dataset.json").read_bytes()
    assert rp.load_file(path).sha256 == DS.sha256


def test_csv_tables_join_and_keep_amounts_exact(tmp_path: Path) -> None:
    files = {p.stem: p for p in export(DS, "csv", tmp_path)}
    assert list(files) == [t.name for t in TABLES]

    def read(name: str) -> list[dict[str, str]]:
        with files[name].open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    territories = {row["id"]: row for row in read("territories")}
    amounts = read("amounts")
    assert len(amounts) == 22 and all(row["territory_id"] in territories for row in amounts)
    cut = next(row for row in amounts if row["text"] == "200 000 00$")
    assert cut["value"] == "200000.00" and cut["kind"] == "cut" and cut["note"]
    assert sum(Decimal(row["value"]) for row in amounts) == Decimal("25265522.00")
    partners = {row["id"] for row in read("partners")}
    assert all(row["partner_id"] in partners for row in read("mentions"))
    items = read("items")
    assert {row["section_id"] for row in items} <= {row["id"] for row in read("sections")}
    assert len(read("entente_amounts")) == 22


def test_the_data_package_validates_with_frictionless(tmp_path: Path) -> None:
    import frictionless
    files = export(DS, "datapackage", tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert descriptor["sources"][0]["path"] == DS.source.url and DS.source.reuse_caveat in descriptor["description"]
    assert descriptor["citation"] == DS.cite("text")
    amounts = next(r for r in descriptor["resources"] if r["name"] == "amounts")
    assert amounts["schema"]["primaryKey"] == ["id"]
    assert {"fields": ["territory_id"], "reference": {"resource": "territories", "fields": ["id"]}} in amounts["schema"]["foreignKeys"]
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    assert len(files) == len(TABLES) + 1

    # The validation is real: a dangling foreign key fails it.
    mentions = tmp_path / "mentions.csv"
    mentions.write_text(mentions.read_text(encoding="utf-8").replace(",quebec-en-forme,", ",nobody,", 1), encoding="utf-8")
    broken = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not broken.valid and ["foreign-key"] in broken.flatten(["type"])


def test_sqlite_answers_real_sql(tmp_path: Path) -> None:
    (path,) = export(DS, "sqlite", tmp_path)
    connection = sqlite3.connect(path)
    try:
        laval = connection.execute(
            "SELECT t.name, COUNT(*), SUM(CAST(a.value AS NUMERIC)) FROM amounts a "
            "JOIN territories t ON t.id = a.territory_id WHERE a.kind = 'funding' AND a.share_of IS NULL "
            "GROUP BY t.id ORDER BY t.first_line"
        ).fetchall()
        assert ("Laval", 16, 19038394) in laval  # 18 168 394 counted + 870 000 under negotiation
        per_partner = dict(connection.execute(
            "SELECT p.id, COUNT(m.id) FROM partners p JOIN mentions m ON m.partner_id = p.id GROUP BY p.id"
        ).fetchall())  # fmt: skip
        assert per_partner["quebec-en-forme"] == len(DS.by_partner("quebec-en-forme", include_network=False))
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {row[1] for row in connection.execute("SELECT * FROM sqlite_master WHERE type = 'index'")}
        assert "mentions_partner_id" in indexes
        assert connection.execute("SELECT revision, sha256 FROM edition").fetchone() == (DS.revision, DS.sha256)
    finally:
        connection.close()


def test_dataframes() -> None:
    amounts = to_dataframe(DS, "amounts")
    assert len(amounts) == 22 and amounts.index.name == "id"
    assert amounts.loc["laval-07-a1", "value"] == Decimal("670000") and isinstance(amounts["value"].iloc[0], Decimal)
    assert str(amounts["per_years"].dtype) == "Int64"
    mentions = DS.to_dataframe("mentions")
    assert len(mentions) == len(DS.mentions) and set(mentions["role"]) >= {"leader", "member", "observer"}
    ententes = to_dataframe(DS, "entente_amounts")
    assert list(ententes.index.names) == ["entente_id", "amount_id"]
    with pytest.raises(rp.InvalidArgument, match="tables are edition, territories"):
        to_dataframe(DS, "nope")


def test_a_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(rp.MissingDependency, match=r'pip install "rqds-portraits\[pandas\]"') as caught:
        to_dataframe(DS, "amounts")
    assert isinstance(caught.value, ImportError)


def test_the_subpackage_is_reachable_from_the_package() -> None:
    assert rp.exports.export is export and rp.exports.FORMATS == FORMATS


def test_bad_export_arguments(tmp_path: Path) -> None:
    with pytest.raises(rp.InvalidArgument, match="formats are json, csv, sqlite, datapackage"):
        export(DS, "xlsx", tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(rp.InvalidArgument, match="cannot write into"):
        export(DS, "csv", blocker / "sub")
