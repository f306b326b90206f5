"""The whole-file checks of a dataset file from outside the package: one alteration at a time of the real file."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest

import rqds_portraits as rp
from rqds_portraits._loading.checks import MAX_MONEY, check_records
from rqds_portraits._loading.integrity import parse_dataset_file
from rqds_portraits._loading.upgrade import LAYOUT

EDITION = "2014-2015"
WHERE = "the file"
Alter = Callable[[dict[str, Any]], Any]


@pytest.fixture(scope="module")
def raw() -> bytes:
    return rp.load(EDITION).to_json()


def altered(raw: bytes, alter: Alter) -> bytes:
    """The file *raw* with one change: *alter* edits the members in place, or returns what to write instead."""
    data = json.loads(raw)
    replaced = alter(data)
    return json.dumps(data if replaced is None else replaced, ensure_ascii=False).encode("utf-8")


def position(raw: bytes, table: str, test: Callable[[dict[str, Any]], bool]) -> int:
    """The position in *table* of the first record that passes *test*."""
    return next(i for i, row in enumerate(json.loads(raw)[table]) if test(row))


def refused(raw: bytes, alter: Alter, place: str, error: type[rp.RqdsError] = rp.DatasetIntegrityError) -> str:
    with pytest.raises(error) as caught:
        parse_dataset_file(altered(raw, alter), WHERE)
    message = str(caught.value)
    assert message.startswith(WHERE), message
    assert place in message, message
    return message


def test_the_untouched_file_passes(raw: bytes) -> None:
    members = parse_dataset_file(raw, WHERE)
    assert members == json.loads(raw)
    check_records(rp.load(EDITION).records, WHERE)


def test_a_file_rewritten_unchanged_passes(raw: bytes) -> None:
    assert parse_dataset_file(altered(raw, lambda data: None), WHERE)["edition"] == EDITION


def test_duplicate_id(raw: bytes) -> None:
    def alter(data: dict[str, Any]) -> None:
        data["mentions"][1]["id"] = data["mentions"][0]["id"]

    message = refused(raw, alter, "mentions[1].id")
    assert "used twice" in message


def test_dangling_mention_partner(raw: bytes) -> None:
    message = refused(raw, lambda data: data["mentions"][0].update(partner_id="nobody"), "mentions[0].partner_id")
    assert "'nobody' is no id of partners" in message


def test_dangling_amount_partner(raw: bytes) -> None:
    message = refused(raw, lambda data: data["amounts"][0].update(partner_id="nobody"), "amounts[0].partner_id")
    assert "no id of partners" in message


def test_dangling_share_of(raw: bytes) -> None:
    share = position(raw, "amounts", lambda row: row["share_of"] is not None)
    refused(raw, lambda data: data["amounts"][share].update(share_of="nowhere"), f"amounts[{share}].share_of")


def test_dangling_territory(raw: bytes) -> None:
    message = refused(raw, lambda data: data["amounts"][0].update(territory_id="atlantis"), "amounts[0].territory_id")
    assert "no id of territories" in message


def test_dangling_entente_amount(raw: bytes) -> None:
    at = position(raw, "ententes", lambda row: bool(row["amount_ids"]))

    def alter(data: dict[str, Any]) -> None:
        data["ententes"][at]["amount_ids"][0] = "no-such-amount"

    message = refused(raw, alter, f"ententes[{at}].amount_ids[0]")
    assert "no id of amounts" in message


def test_region_number_18(raw: bytes) -> None:
    message = refused(
        raw, lambda data: data["territories"][0].update(region_number="18"), "territories[0].region_number"
    )
    assert "'18'" in message and "01 to 17" in message


def test_line_range_beyond_the_source(raw: bytes) -> None:
    line_count = json.loads(raw)["source"]["line_count"]
    message = refused(raw, lambda data: data["mentions"][0].update(lines=[1, line_count + 1]), "mentions[0].lines")
    assert f"{line_count} lines" in message


def test_line_range_inside_the_source_passes(raw: bytes) -> None:
    line_count = json.loads(raw)["source"]["line_count"]
    parse_dataset_file(altered(raw, lambda data: data["mentions"][0].update(lines=[line_count, line_count])), WHERE)


def test_span_ending_before_its_start(raw: bytes) -> None:
    message = refused(raw, lambda data: data["mentions"][0].update(span=[5, 2]), "mentions[0].span")
    assert "(5, 2)" in message


@pytest.mark.parametrize("value", ["1.005", str(MAX_MONEY), "-1000000000000", "1000000000000.00"])
def test_amount_value_not_in_dollars_and_cents(raw: bytes, value: str) -> None:
    message = refused(raw, lambda data: data["amounts"][0].update(value=value), "amounts[0].value")
    assert "dollars and cents" in message


@pytest.mark.parametrize("value", ["999999999999.99", "0.01", "12.5"])
def test_amount_value_in_range_passes(raw: bytes, value: str) -> None:
    parse_dataset_file(altered(raw, lambda data: data["amounts"][0].update(value=value)), WHERE)


@pytest.mark.parametrize("roles", [[], ["leader", "mentioned"], ["mentioned", "funder"], ["funder", "funder"]])
def test_roles_not_distinct_or_mentioned_not_alone(raw: bytes, roles: list[str]) -> None:
    message = refused(raw, lambda data: data["mentions"][0].update(roles=roles), "mentions[0].roles")
    assert "'mentioned' alone" in message


def test_several_distinct_roles_pass(raw: bytes) -> None:
    parse_dataset_file(altered(raw, lambda data: data["mentions"][0].update(roles=["signatory", "manager"])), WHERE)


def test_edition_not_named_by_its_years(raw: bytes) -> None:
    message = refused(raw, lambda data: data.update(edition="2014-2015x"), "edition")
    assert "'2014-2015x'" in message


@pytest.mark.parametrize("value", [[1, 2], [{"format": 2}], "a dataset", 3, None])
def test_json_that_is_not_an_object(value: Any) -> None:
    with pytest.raises(rp.DatasetIntegrityError) as caught:
        parse_dataset_file(json.dumps(value).encode("utf-8"), WHERE)
    assert str(caught.value) == f"{WHERE} holds {type(value).__name__}, not a JSON object: not a dataset file"


@pytest.mark.parametrize(("layout", "shown"), [(0, "0"), (-1, "-1"), ("2", "'2'"), (True, "True"), (None, "None")])
def test_format_not_a_positive_integer(raw: bytes, layout: Any, shown: str) -> None:
    message = refused(raw, lambda data: data.update(format=layout), "format must be a positive integer")
    assert message.endswith(f"not {shown}")


def test_format_missing(raw: bytes) -> None:
    def alter(data: dict[str, Any]) -> None:
        del data["format"]

    assert refused(raw, alter, "format must be a positive integer").endswith("not None")


def test_layout_newer_than_today_s(raw: bytes) -> None:
    message = refused(raw, lambda data: data.update(format=LAYOUT + 1), f"layout {LAYOUT + 1}", rp.DatasetVersionError)
    assert re.search(rf"layouts 1 to {LAYOUT}\b", message)


def test_bytes_that_are_not_json_or_not_utf8() -> None:
    with pytest.raises(rp.DatasetIntegrityError, match=r"^the file is not a JSON dataset file"):
        parse_dataset_file(b"{not json", WHERE)
    with pytest.raises(rp.DatasetIntegrityError, match=r"^the file is not UTF-8 text"):
        parse_dataset_file(b'{"edition": "\xff"}', WHERE)
