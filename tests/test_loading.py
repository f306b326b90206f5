"""Loading: once, shared, pinned by revision and hash, from a wheel, a checkout or a zip."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import threading
import types
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits import loading

from .conftest import DATA, EDITION


def test_editions() -> None:
    assert rp.editions() == ("2014-2015",)


def test_load_returns_one_shared_object(ds: rp.Dataset) -> None:
    assert rp.load() is ds and rp.load(EDITION) is ds
    assert (ds.edition, ds.revision) == (EDITION, 1)
    assert ds.sha256 == hashlib.sha256((DATA / EDITION / "dataset.json").read_bytes()).hexdigest()
    assert rp.load(EDITION, revision=1, sha256=ds.sha256.upper()) is ds


def test_the_index_matches_the_files() -> None:
    index = json.loads((DATA / "editions.json").read_text(encoding="utf-8"))
    for entry in index["editions"]:
        raw = (DATA / entry["edition"] / "dataset.json").read_bytes()
        assert hashlib.sha256(raw).hexdigest() == entry["sha256"]
        assert json.loads(raw)["revision"] == entry["revision"]


def test_wrong_pins_fail_clearly(ds: rp.Dataset) -> None:
    with pytest.raises(rp.DatasetVersionError, match="at revision 1 .* not 2"):
        rp.load(EDITION, revision=2)
    with pytest.raises(rp.DatasetVersionError, match=f"has sha256 {ds.sha256}, not 'abc'"):
        rp.load(EDITION, sha256="abc")
    with pytest.raises(ValueError):
        rp.load(EDITION, sha256="0" * 64)
    with pytest.raises(rp.EditionNotFound, match="no bundled edition '2012-2013'; this package has '2014-2015'"):
        rp.load("2012-2013")
    with pytest.raises(rp.InvalidArgument):
        rp.load(2014)  # type: ignore[arg-type]


def test_threads_share_one_dataset() -> None:
    rp.clear_cache()
    results: list[rp.Dataset] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        dataset = rp.load()
        results.append(dataset)
        results.append(rp.load())
        _ = dataset.territories, dataset.mentions, dataset.records  # build the tables at the same time

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 16 and len({id(r) for r in results}) == 1
    assert results[0].territories is results[0].territories


def test_records_are_immutable(ds: rp.Dataset) -> None:
    territory = ds.territories[0]
    with pytest.raises(AttributeError):
        territory.name = "x"  # type: ignore[misc]
    assert isinstance(ds.territories, tuple) and isinstance(ds.initiatives[0].sections, tuple)
    with pytest.raises(AttributeError):
        ds.edition = "x"  # type: ignore[misc]


def test_load_file_validates(tmp_path: Path, ds: rp.Dataset) -> None:
    copy = tmp_path / "dataset.json"
    shutil.copy(DATA / EDITION / "dataset.json", copy)
    other = rp.load_file(copy, sha256=ds.sha256)
    assert other is not ds and other.records == ds.records
    data = json.loads(copy.read_text(encoding="utf-8"))
    data["territories"][0]["region_number"] = 1
    copy.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(rp.DatasetIntegrityError, match="territories.0.region_number"):
        rp.load_file(copy)
    with pytest.raises(rp.DatasetVersionError):
        rp.load_file(copy, sha256=ds.sha256)
    copy.write_text("{", encoding="utf-8")
    with pytest.raises(rp.DatasetIntegrityError, match="not a JSON dataset file"):
        rp.load_file(copy)
    with pytest.raises(rp.DatasetIntegrityError, match="cannot read"):
        rp.load_file(tmp_path / "missing.json")


def test_an_altered_installed_file_is_caught_when_pinned(monkeypatch: pytest.MonkeyPatch, ds: rp.Dataset) -> None:
    real = loading.read_bundled

    def altered(*parts: str) -> bytes:
        content = real(*parts)
        return content.replace(b'"revision":1', b'"revision":1 ') if parts[-1] == "dataset.json" else content

    monkeypatch.setattr(loading, "read_bundled", altered)
    rp.clear_cache()
    try:
        with pytest.raises(rp.DatasetIntegrityError, match="altered after it was built"):
            rp.load(EDITION, sha256=ds.sha256)
    finally:
        rp.clear_cache()


def test_works_from_a_zip(tmp_path: Path) -> None:
    package = Path(rp.__file__).resolve().parent
    archive = tmp_path / "rqds.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                bundle.write(path, Path("rqds_portraits") / path.relative_to(package))
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import rqds_portraits as rp; "
        "assert '.zip' in rp.__file__; ds = rp.load(); print(len(ds.territories), ds.territory('laval').id)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(archive)], capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": ""}, cwd=tmp_path)
    assert result.stdout.split() == ["16", "laval"]


def test_import_reads_no_data_and_no_heavy_library() -> None:
    code = (
        "import sys, rqds_portraits; "
        "print(sorted(m for m in ('pydantic', 'json', 'decimal') if m in sys.modules)); "
        "print(rqds_portraits.loading._LOADED, rqds_portraits.loading._INDEX)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    assert "pydantic" not in lines[0] and "decimal" not in lines[0]
    assert lines[1] == "{} []"


def test_the_lazy_reader_decodes_what_json_does() -> None:
    text = (DATA / EDITION / "dataset.json").read_text(encoding="utf-8")
    lazy = loading.LazyObject(text)
    assert lazy["edition"] == EDITION and "mentions" not in lazy._members  # only as far as asked
    assert dict(lazy) == json.loads(text) and list(lazy) == list(json.loads(text))
    assert len(loading.LazyObject(' { "a" : [1, {"b": "}"}] ,\n "c":null } ')) == 2
    assert dict(loading.LazyObject("{}")) == {}
    for broken in ("[1]", '{"a" 1}', '{"a": }'):
        with pytest.raises(rp.DatasetIntegrityError):
            dict(loading.LazyObject(broken))


@given(st.lists(st.sampled_from(["bare", "edition", "revision", "sha256", "both", "upper"]), min_size=1, max_size=6))
def test_pinned_loads_always_give_the_same_object(calls: list[str]) -> None:
    reference = rp.load()
    pins = {
        "bare": {},
        "edition": {"edition": EDITION},
        "revision": {"edition": EDITION, "revision": reference.revision},
        "sha256": {"sha256": reference.sha256},
        "both": {"edition": EDITION, "revision": reference.revision, "sha256": reference.sha256},
        "upper": {"sha256": f"  {reference.sha256.upper()} "},
    }
    assert all(rp.load(**pins[call]) is reference for call in calls)  # type: ignore[arg-type]


def test_other_loaders_read_through_importlib_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    # A loader without get_data (say, a custom importer) falls back on importlib.resources.files().
    monkeypatch.setattr(loading, "__spec__", types.SimpleNamespace(loader=None))
    assert loading.read_bundled(EDITION, "source.txt") == (DATA / EDITION / "source.txt").read_bytes()
    with pytest.raises(rp.DatasetIntegrityError, match="data/missing.json is missing"):
        loading.read_bundled("missing.json")
