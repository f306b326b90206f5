"""A dataset and what it returns can be copied, pickled and sent to a process pool (issue 16)."""

from __future__ import annotations

import copy
import pickle
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal

import pytest

import rqds_portraits as rp

from .conftest import EDITION

DS = rp.load(EDITION)
OLD = rp.load(EDITION, revision=1)


def total_of(ds: rp.Dataset, territory: str) -> tuple[str, Decimal]:
    return ds.sha256, ds.total_funding(territory=territory).total


@pytest.mark.parametrize("ds", [DS, OLD], ids=["latest", "revision 1"])
def test_a_dataset_pickles_as_its_checked_bytes(ds: rp.Dataset) -> None:
    again = pickle.loads(pickle.dumps(ds))
    assert again == ds and again is not ds and hash(again) == hash(ds)
    assert (again.edition, again.revision, again.sha256, again.revision_date) == (
        ds.edition,
        ds.revision,
        ds.sha256,
        ds.revision_date,
    )
    assert again.records == ds.records and again.to_json() == ds.to_json()
    assert again.total_funding(partner="MELS") == ds.total_funding(partner="MELS")


def test_an_unpickled_dataset_is_checked_against_its_hash() -> None:
    data = pickle.dumps(DS)
    at = data.index(b'"territories"')
    altered = data[:at] + b"'" + data[at + 1 :]  # one byte of the dataset file, same length
    with pytest.raises(rp.DatasetIntegrityError, match="altered after it was pickled"):
        pickle.loads(altered)


def test_a_dataset_from_a_file_pickles_too(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "dataset.json"  # type: ignore[operator]
    path.write_bytes(DS.to_json())
    outside = rp.load_file(path)
    assert pickle.loads(pickle.dumps(outside)) == outside and outside.territories == DS.territories
    assert outside != OLD


def test_copies_are_the_same_immutable_objects() -> None:
    for value in (DS, DS.amounts, DS.ententes, DS.territories):
        assert copy.copy(value) is value and copy.deepcopy(value) is value


def test_every_plural_pickles_and_keeps_its_lookups() -> None:
    for table in rp.RECORD_TABLES:
        records = getattr(DS, table)
        again = pickle.loads(pickle.dumps(records))
        assert again == records and isinstance(again, rp.Records)
        assert again.lookup(records[0].id) == records[0]
    ententes = pickle.loads(pickle.dumps(DS.ententes))
    assert ententes == DS.ententes
    with pytest.deprecated_call():
        assert ententes(territory="laval") == DS.find_ententes(territory="laval")


def test_records_and_results_pickle() -> None:
    for value in (
        DS.records,
        DS.total_funding(partner="MELS"),
        DS.by_partner("CRÉ")[0],
        rp.diff(OLD, DS)[0],
        rp.revisions(EDITION)[0],
    ):
        assert pickle.loads(pickle.dumps(value)) == value


def test_a_process_pool_receives_a_dataset() -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(total_of, [DS, DS, OLD], ["laval", "mauricie", "laval"]))
    assert answers == [total_of(DS, "laval"), total_of(DS, "mauricie"), total_of(OLD, "laval")]
    assert answers[0] == (DS.sha256, Decimal("18168394"))
