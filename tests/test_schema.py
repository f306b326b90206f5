from __future__ import annotations

import json

import pytest

import rqds_portraits as rp
from rqds_portraits import EditionRecords
from rqds_portraits._loading.codec import from_data, to_data
from rqds_portraits._loading.schema import json_schema, validate

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
