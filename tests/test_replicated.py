"""The dataset replicated ×N (``benchmarks/replicate.py``, which the scaling benchmark loads): accepted by
``load_file``, and every query that reads an index built once per dataset answers N times what it answers ×1.

The queries' indexes (mentions by partner and territory, amounts by territory) are checked here against
what a scan of every record answers, on a file where each partner's mentions span several copies.
"""

from __future__ import annotations

import gc
import importlib.util
import json
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

import rqds_portraits as rp

from .conftest import EDITION

ROOT = Path(__file__).resolve().parent.parent
TIMES = 3


def _replicate_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("replicate", ROOT / "benchmarks" / "replicate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def replicated(tmp_path_factory: pytest.TempPathFactory) -> rp.Dataset:
    from rqds_portraits._loading.codec import dumps

    data = json.loads(rp.load(EDITION).to_json())
    path = tmp_path_factory.mktemp("replicated") / f"dataset-x{TIMES}.json"
    path.write_bytes(dumps(_replicate_module().replicated(data, TIMES)))
    return rp.load_file(path)


def test_the_replicated_file_holds_every_portrait_n_times(replicated: rp.Dataset) -> None:
    ds = rp.load(EDITION)
    assert len(replicated.territories) == TIMES * len(ds.territories)
    assert len(replicated.mentions) == TIMES * len(ds.mentions)
    assert len(replicated.partners) == len(ds.partners)  # the registry is not copied
    assert replicated.territory("laval copie 2").id == "laval-c2"


def test_by_partner_reads_the_index_in_document_order(replicated: rp.Dataset) -> None:
    ds = rp.load(EDITION)
    for name in ("MAMOT", "Centraide", "CRÉ"):
        found = replicated.by_partner(name)
        assert len(found) == TIMES * len(ds.by_partner(name))
        family = {m.partner.id for m in found}
        scanned = [m for m in replicated.mentions if m.partner_id in family]
        assert [m.mention for m in found] == scanned
    laval = replicated.by_partner("MAMOT", territory="laval-c3")
    assert [m.mention.id for m in laval] == [f"{m.mention.id}-c3" for m in ds.by_partner("MAMOT", territory="laval")]


def test_funding_by_territory_gives_each_copy_its_portraits_total(replicated: rp.Dataset) -> None:
    ds = rp.load(EDITION)
    for partner in (None, "MAMOT"):
        once = ds.funding_by_territory(partner=partner)
        copies = replicated.funding_by_territory(partner=partner)
        assert len(copies) == TIMES * len(once)
        for territory_id, funding in once.items():
            for k in range(2, TIMES + 1):
                copy = copies[f"{territory_id}-c{k}"]
                assert (copy.total, copy.count, copy.approximate) == (funding.total, funding.count, funding.approximate)
                assert [a.id for a in copy.amounts] == [f"{a.id}-c{k}" for a in funding.amounts]
    whole = replicated.total_funding(partner="MAMOT")
    assert whole.total == TIMES * ds.total_funding(partner="MAMOT").total
    assert sum((f.total for f in replicated.funding_by_territory().values()), Decimal(0)) == (
        replicated.total_funding().total
    )


def test_load_file_builds_each_record_once_and_restarts_the_collector(replicated: rp.Dataset, tmp_path: Path) -> None:
    assert replicated.records.mentions[0] is replicated.mentions[0]  # the records built while checking, kept
    assert gc.isenabled()
    refused = tmp_path / "refused.json"
    refused.write_text('{"format": 3, "edition": "2014-2015", "territories": [{"id": 1}]}')
    with pytest.raises(rp.DatasetIntegrityError):
        rp.load_file(refused)
    assert gc.isenabled()  # the collector is paused while records are built, and restarted even on a refusal
