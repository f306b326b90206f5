"""A dataset and what it returns can be copied, pickled and sent to a process pool (issue 16)."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import rqds_portraits as rp
from rqds_portraits._loading.files import sha256_of

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


def test_a_dataset_from_a_file_pickles_too(tmp_path: Path) -> None:
    path = tmp_path / "dataset.json"
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


def test_records_results_and_vocabularies_pickle() -> None:
    values = (DS.records, DS.total_funding(partner="MELS"), DS.by_partner("CRÉ")[0], rp.diff(OLD, DS)[0])
    vocabularies = (rp.STATUSES, rp.GRANTED, rp.ENTENTE_KINDS, rp.ROLES, rp.PARTY_ROLES, rp.MODES, rp.RECORD_TABLES)
    for value in (*values, rp.revisions(EDITION)[0], *vocabularies, rp.exports.TABLES, rp.exports.FORMATS):
        assert pickle.loads(pickle.dumps(value)) == value and copy.deepcopy(value) == value


def test_a_process_pool_receives_a_dataset() -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(total_of, [DS, DS, OLD], ["laval", "mauricie", "laval"]))
    assert answers == [total_of(DS, "laval"), total_of(DS, "mauricie"), total_of(OLD, "laval")]
    assert answers[0] == (DS.sha256, Decimal("18168394"))


def test_a_forged_pickle_is_validated_as_a_file_from_outside() -> None:
    """A pickle whose bytes and hash were both changed is no bundled revision: it is checked whole."""
    raw = DS.to_json()
    forged = raw.replace(b'"nord-du-quebec"', b'"nord-du-quebeX"', 1)  # a territory id its records still name
    data = pickle.dumps(DS).replace(raw, forged).replace(DS.sha256.encode(), sha256_of(forged).encode())
    with pytest.raises(rp.DatasetIntegrityError, match="is no id of territories"):
        pickle.loads(data)


def test_a_pickled_bundled_revision_takes_its_date_from_the_index() -> None:
    data = pickle.dumps(OLD).replace(b"2026-11-25", b"1999-01-01")  # the revision date a layout-1 file lacks
    assert pickle.loads(data).revision_date == OLD.revision_date == rp.revisions(EDITION)[0].date


def test_datasets_are_equal_when_read_from_the_same_file_with_the_same_date(tmp_path: Path) -> None:
    for ds in (DS, OLD):
        (tmp_path / f"r{ds.revision}.json").write_bytes(ds.to_json())
    latest = tmp_path / f"r{DS.revision}.json"
    assert rp.load_file(latest) == DS  # a layout-2 file holds its own date
    assert rp.load_file(tmp_path / "r1.json") != OLD  # a layout-1 file has no date: the index gives the bundled one
    assert len({DS, rp.load_file(latest), OLD}) == 2


def test_records_cannot_be_changed_by_a_caller() -> None:
    changes: tuple[Callable[[], object], ...] = (
        lambda: setattr(DS.amounts, "_exact", {}),
        lambda: delattr(DS.mentions, "_edition"),
        lambda: DS.amounts.__dict__,
        lambda: setattr(DS.ententes, "_dataset", None),
    )
    for change in changes:
        with pytest.raises(AttributeError, match="read-only"):
            change()
    assert DS.amount("laval-07-a1").text == "670 000 $ / 3 ans"


def test_an_id_found_forgivingly_is_never_another_records() -> None:
    amounts = DS.amounts
    twins = rp.Records(
        [attrs.evolve(amounts[0], id="Laval_07_A1"), amounts[1], attrs.evolve(amounts[2], id="laval-07-a1")],
        "amount",
        EDITION,
        rp.RecordNotFound,
    )
    assert twins.lookup("laval-07-a1") is twins[2] and twins.lookup("Laval_07_A1") is twins[0]
    with pytest.raises(rp.RecordNotFound, match="matches several amount ids"):
        twins.get("LAVAL 07 A1")
    with pytest.raises(rp.InvalidArgument):
        rp.Records([1, 2], "amount", EDITION, rp.RecordNotFound)  # type: ignore[type-var]
