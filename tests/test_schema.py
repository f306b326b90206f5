from __future__ import annotations

import json
import typing
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits import RECORD_TABLES, EditionRecords
from rqds_portraits._loading.codec import from_data, to_data
from rqds_portraits._loading.schema import REFUSALS, json_schema, validate, validate_part, validated_record

from .conftest import DATA, EDITION


def test_the_bundled_schema_is_generated_from_the_records() -> None:
    bundled = json.loads((DATA / "dataset.schema.json").read_text(encoding="utf-8"))
    assert bundled == json_schema()
    assert bundled["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(bundled["properties"]) == {"format", "edition", "revision", "revision_date", "as_of", "source", "territories",
                                          "initiatives", "periods", "dates", "amounts", "mentions", "partners", "ententes",
                                          "source_notes"}  # fmt: skip
    assert bundled["$defs"]["Amount"]["additionalProperties"] is False


def test_the_dataset_file_fits_the_schema_and_round_trips(ds: rp.Dataset) -> None:
    text = (DATA / EDITION / "dataset.json").read_text(encoding="utf-8")
    validate(text)
    data = json.loads(text)
    records = from_data(EditionRecords, data)
    assert records == ds.records
    assert to_data(records) == data


def test_validation_names_the_field() -> None:
    data = json.loads((DATA / EDITION / "dataset.json").read_text(encoding="utf-8"))
    data["amounts"][0]["qualifier"] = "roughly"
    with pytest.raises(rp.DatasetIntegrityError, match=r"amounts\[0\].qualifier"):
        validate(json.dumps(data))
    data["amounts"][0]["qualifier"] = "exact"
    data["amounts"][0]["per_years"] = "3"  # strict: a number written as a string does not fit
    with pytest.raises(rp.DatasetIntegrityError, match=r"amounts\[0\].per_years"):
        validate(json.dumps(data))


# -- a row of a table is parsed once: validated from its JSON data as from its text ------------------------
_ROWS = json.loads((DATA / EDITION / "dataset.json").read_text(encoding="utf-8"))
_NEAR: list[Any] = [
    None, True, False, 0, 1, -1, 13, 1900, 2015, 2**31, 1.5, 0.1, -0.0, 1e300, float("nan"), float("inf"),
    "", "x", "2014-2015", "1.50", " 1", "1_000", "abc", "NaN", "1e999999999", "leader", "funding", "signed",
    [], [1], [1, 2], [5, 0], [1, 2, 3], ["a"], [None], [[1]], [{}], {}, {"a": 1}, {"id": "x"}, {"kind": "paragraph"},
]  # fmt: skip
"""Values near and far from what each field holds: each kind of JSON value, and values the records refuse."""


@st.composite
def altered_rows(draw: st.DrawFn) -> tuple[str, Any]:
    """A real row of a table (its JSON data), with fields replaced, removed or added, at any depth."""

    def alter(value: Any) -> Any:
        if isinstance(value, dict) and value and draw(st.booleans()):
            value = dict(value)
            key = draw(st.sampled_from(sorted(value)))
            how = draw(st.sampled_from(["replace", "replace", "deeper", "deeper", "remove", "add"]))
            if how == "remove":
                del value[key]
            elif how == "add":
                value[draw(st.sampled_from(["unexpected", "other"]))] = draw(st.sampled_from(_NEAR))
            elif how == "deeper":
                value[key] = alter(value[key])
            else:
                value[key] = draw(st.sampled_from(_NEAR))
            return alter(value) if draw(st.booleans()) else value
        if isinstance(value, list) and value and draw(st.booleans()):
            value = list(value)
            value[draw(st.integers(0, len(value) - 1))] = alter(value[draw(st.integers(0, len(value) - 1))])
            return value
        return draw(st.sampled_from(_NEAR))

    table = draw(st.sampled_from(RECORD_TABLES))
    row = draw(st.sampled_from(_ROWS[table]))
    return table, alter(row)


def _from_text(cls: type, row: Any) -> str:
    """What validating the row's text, then building its record, says of it (the way every part was read)."""
    try:
        validate_part(cls, json.dumps(row, ensure_ascii=False), ("table", 0))
    except rp.DatasetIntegrityError as error:
        return str(error)
    try:
        return repr(from_data(cls, row))
    except REFUSALS as error:
        return f"refused: {error!r}"


def _from_data(cls: type, row: Any) -> str:
    try:
        record, refusal = validated_record(cls, row, ("table", 0))
    except rp.DatasetIntegrityError as error:
        return str(error)
    return f"refused: {refusal!r}" if refusal is not None else repr(record)


@given(altered_rows())
def test_a_row_read_from_its_data_is_what_its_text_says(altered: tuple[str, Any]) -> None:
    """The same record, or the same refusal with the same message at the same place, as strict JSON mode
    on the row's text followed by the records' own checks: every row is parsed once."""
    table, row = altered
    cls = typing.get_args(typing.get_type_hints(EditionRecords)[table])[0]
    assert _from_data(cls, row) == _from_text(cls, row)


def test_every_row_of_the_bundled_file_is_built_from_its_data() -> None:
    for table in RECORD_TABLES:
        cls = typing.get_args(typing.get_type_hints(EditionRecords)[table])[0]
        for position, row in enumerate(_ROWS[table]):
            record, refusal = validated_record(cls, row, (table, position))
            assert refusal is None and record == from_data(cls, row) == getattr(rp.load(EDITION), table)[position]
