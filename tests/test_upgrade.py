"""Upgrading a dataset file of layout 1 to today's layout: each step of the module's docstring."""

from __future__ import annotations

import copy
import gzip
import json
from typing import Any

import attrs
import pytest

import rqds_portraits as rp
from rqds_portraits._loading.upgrade import ADDED, LAYOUT, added, upgrade
from rqds_portraits._records.annotations import Amount, Mention, WrittenPeriod
from rqds_portraits._records.ententes import Entente
from rqds_portraits._records.partners import Partner

from .conftest import DATA

EDITION = "2014-2015"


@pytest.fixture(scope="module")
def layout_1() -> dict[str, Any]:
    """The members of revision 1 of 2014-2015, as 0.1.0 wrote them (layout 1)."""
    data: dict[str, Any] = json.loads(gzip.decompress((DATA / EDITION / "dataset.r1.json.gz").read_bytes()))
    assert data["format"] == 1
    return data


def names(cls: type) -> list[str]:
    return [field.name for field in attrs.fields(cls)]


def test_layout_is_today_s() -> None:
    assert LAYOUT == 3
    assert json.loads(rp.load(EDITION).to_json())["format"] == LAYOUT


def test_format_becomes_today_s() -> None:
    assert upgrade("format", 1, 1) == LAYOUT


def test_role_becomes_roles_in_place() -> None:
    row = {"id": "m1", "text": "CRÉ", "role": "leader", "partner_id": "cre"}
    (upgraded,) = upgrade("mentions", [row], 1)
    assert upgraded == {"id": "m1", "text": "CRÉ", "roles": ["leader"], "partner_id": "cre"}
    assert list(upgraded) == ["id", "text", "roles", "partner_id"]  # where role was
    assert row["role"] == "leader" and "roles" not in row  # the file's data is left as read


def test_amount_gains_partner_id_before_territory_id() -> None:
    row = {"id": "a1", "share_of": None, "territory_id": "laval", "initiative_id": None}
    (upgraded,) = upgrade("amounts", [row], 1)
    assert upgraded == {**row, "partner_id": None}
    assert list(upgraded) == ["id", "share_of", "partner_id", "territory_id", "initiative_id"]


@pytest.mark.parametrize(
    ("status_text", "period", "basis"),
    [
        ("mise en œuvre", {"start": 2012, "end": 2017}, "text"),
        ("mise en œuvre", None, "text"),
        (None, {"start": 2012, "end": 2017}, "period"),
        ("", {"start": 2012, "end": 2017}, "period"),
        (None, None, "reading"),
        ("", None, "reading"),
    ],
)
def test_entente_status_basis(status_text: str | None, period: dict[str, int] | None, basis: str) -> None:
    row: dict[str, Any] = {
        "id": "e1",
        "status_text": status_text,
        "signatories": 2,
        "period": period,
        "dates_text": [],
        "note": None,
    }
    (upgraded,) = upgrade("ententes", [row], 1)
    assert upgraded["status_basis"] == basis
    assert upgraded["date_ids"] == []
    assert list(upgraded) == [
        "id",
        "status_text",
        "status_basis",
        "signatories",
        "period",
        "date_ids",
        "dates_text",
        "note",
    ]


def test_partner_gains_empty_portrait_forms() -> None:
    row = {"id": "mels", "variants": ["MELS"], "kind": "quebec_government"}
    (upgraded,) = upgrade("partners", [row], 1)
    assert upgraded == {"id": "mels", "variants": ["MELS"], "portrait_forms": [], "kind": "quebec_government"}
    assert list(upgraded) == ["id", "variants", "portrait_forms", "kind"]


def test_written_period_gains_its_dates() -> None:
    row = {"id": "p1", "start": 2013, "end": 2016}
    assert upgrade("periods", [row], 1) == [{**row, "start_date": None, "end_date": None}]


def test_written_date_gains_its_last_day_in_layout_3() -> None:
    row = {"id": "d1", "text": "31 mars 2014", "span": [0, 12]}
    assert upgrade("dates", [row], 2) == [{**row, "last_day": None}]
    assert upgrade("format", 2, 2) == LAYOUT == 3
    # An older revision's dates read as one day or month each, its bytes unchanged.
    for revision in (1, 2):
        old = rp.load(EDITION, revision=revision)
        assert all(d.last_day is None for d in old.dates)
        assert old.to_json() == gzip.decompress((DATA / EDITION / f"dataset.r{revision}.json.gz").read_bytes())


def test_other_members_pass_unchanged() -> None:
    territories = [{"id": "laval", "region_number": "13"}]
    assert upgrade("territories", territories, 1) == territories
    assert upgrade("edition", EDITION, 1) == EDITION


def test_a_file_of_today_s_layout_is_not_touched() -> None:
    rows = [{"id": "m1", "role": "leader"}]
    assert upgrade("mentions", rows, LAYOUT) is rows
    assert upgrade("format", LAYOUT, LAYOUT) == LAYOUT


def test_a_row_not_shaped_as_layout_1_cannot_be_upgraded() -> None:
    with pytest.raises(KeyError):
        upgrade("mentions", [{"id": "m1"}], 1)


def test_added_members() -> None:
    assert set(ADDED) == {"revision_date", "as_of", "dates"}
    assert ADDED["dates"] == (2, []) and ADDED["revision_date"] == (2, None) and ADDED["as_of"] == (2, None)
    for member in ADDED:
        assert added(member, 1)
        assert not added(member, 2)
    for member in ("format", "mentions", "amounts", "ententes", "unknown"):
        assert not added(member, 1)


@pytest.mark.parametrize(
    ("table", "cls"),
    [
        ("mentions", Mention),
        ("amounts", Amount),
        ("ententes", Entente),
        ("partners", Partner),
        ("periods", WrittenPeriod),
    ],
)
def test_revision_1_upgrades_to_today_s_key_order(layout_1: dict[str, Any], table: str, cls: type) -> None:
    before = copy.deepcopy(layout_1[table])
    rows = upgrade(table, layout_1[table], 1)
    assert layout_1[table] == before
    assert len(rows) == len(before) > 0
    assert all(list(row) == names(cls) for row in rows)


def test_revision_1_ententes_get_their_basis_by_the_rule(layout_1: dict[str, Any]) -> None:
    rows = upgrade("ententes", layout_1["ententes"], 1)
    bases = {row["status_basis"] for row in rows}
    assert bases == {"text", "period", "reading"}
    for old, new in zip(layout_1["ententes"], rows):
        expected = "text" if old["status_text"] else ("period" if old["period"] is not None else "reading")
        assert new["status_basis"] == expected


def test_loading_revision_1_gives_today_s_records(layout_1: dict[str, Any]) -> None:
    old = rp.load(EDITION, revision=1)
    assert old.revision == 1
    records = old.records
    assert records.format == LAYOUT
    assert old.dates == () and records.dates == ()
    assert old.as_of is None
    assert len(old.mentions) == len(layout_1["mentions"])
    for mention, raw in zip(old.mentions, layout_1["mentions"]):
        assert isinstance(mention.roles, tuple) and mention.roles == (raw["role"],)
        assert mention.role == raw["role"]
    assert all(amount.partner_id is None for amount in old.amounts)
    assert all(partner.portrait_forms == () for partner in old.partners)
    assert all(period.start_date is None and period.end_date is None for period in old.periods)
    assert all(entente.date_ids == () for entente in old.ententes)
    assert all(entente.status_basis in ("text", "period", "reading") for entente in old.ententes)
    assert old.to_json() == gzip.decompress((DATA / EDITION / "dataset.r1.json.gz").read_bytes())
