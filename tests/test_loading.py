"""Loading: verified on every load, pinned by revision and hash, shared, safe between threads,
every published revision loadable; and load_file's whole-file validation."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import sys
import threading
import types
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits import _load as loading
from rqds_portraits._loading import files
from rqds_portraits._loading.files import MAX_FILE_BYTES
from rqds_portraits._loading.members import LazyObject
from rqds_portraits._loading.upgrade import LAYOUT

from .conftest import DATA, EDITION, serve_data_from

REVISION_1 = "37de3aaedc06f32dee564447dce5e5219838ce060e5c60348538330bab210532"


def test_editions_and_revisions() -> None:
    assert EDITION in rp.editions()
    revisions = rp.revisions(EDITION)
    assert [r.revision for r in revisions][:2] == [1, 2]
    first = revisions[0]
    assert (first.sha256, first.layout, str(first.date)) == (REVISION_1, 1, "2026-11-25")
    assert all(r.edition == EDITION for r in revisions)
    assert rp.revisions("2014/2015") == revisions == rp.revisions("2014–2015")  # the forms people type


def test_load_returns_one_shared_object() -> None:
    ds = rp.load(EDITION)  # not the session's fixture: another test may have cleared the cache since
    assert rp.load(EDITION) is ds
    latest = rp.revisions(EDITION)[-1]
    assert (ds.edition, ds.revision, ds.sha256) == (EDITION, latest.revision, latest.sha256)
    assert ds.sha256 == hashlib.sha256((DATA / EDITION / "dataset.json").read_bytes()).hexdigest()
    assert rp.load(EDITION, revision=ds.revision, sha256=ds.sha256.upper()) is ds
    assert rp.load(EDITION, sha256=ds.sha256) is ds


def test_revision_1_is_what_0_1_0_published(tmp_path: Path) -> None:
    old = rp.load(EDITION, revision=1, sha256=REVISION_1)
    assert (old.revision, old.sha256) == (1, REVISION_1)
    assert hashlib.sha256(old.to_json()).hexdigest() == REVISION_1
    (path,) = rp.exports.export(old, "json", tmp_path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == REVISION_1  # 0.1.0's dataset.json, byte for byte
    assert rp.load(EDITION, sha256=REVISION_1) is old  # a hash alone finds its revision
    # Upgraded to today's records: a mention of revision 1 has the one role 0.1.0 gave it.
    raw = json.loads(gzip.decompress((DATA / EDITION / "dataset.r1.json.gz").read_bytes()))
    assert [(m.id, m.roles) for m in old.mentions] == [(m["id"], (m["role"],)) for m in raw["mentions"]]
    assert len(old.ententes) == 68 and len(old.mentions) == 636 and old.dates == ()
    assert old.revision_date is not None and str(old.revision_date) == "2026-11-25" and old.as_of is None


def test_stored_revisions_are_compact() -> None:
    for revision in rp.revisions(EDITION)[:-1]:
        assert (DATA / EDITION / revision.file).stat().st_size < 150_000


def test_wrong_pins_fail_clearly(ds: rp.Dataset) -> None:
    with pytest.raises(rp.DatasetVersionError, match="no revision 99 .*revision 1 of 2026-11-25, sha256 37de3a"):
        rp.load(EDITION, revision=99)
    with pytest.raises(rp.DatasetVersionError, match="revision 1 has sha256 37de3a.* not 'abc'.*revision 2 of"):
        rp.load(EDITION, revision=1, sha256="abc")
    with pytest.raises(rp.DatasetVersionError, match="which has revision 1 of 2026-11-25, sha256 37de"):
        rp.load(EDITION, sha256="0" * 64)
    with pytest.raises(ValueError):
        rp.load(EDITION, sha256="0" * 64)
    with pytest.raises(rp.EditionNotFound, match="no bundled edition '2012-2013'; this package has '2014-2015'"):
        rp.load("2012-2013")
    with pytest.raises(rp.EditionNotFound, match="named by its years"):
        rp.load("../2014-2015")
    for bad in (2014, True, 1.0, b"2014-2015"):
        with pytest.raises(rp.InvalidArgument):
            rp.load(bad)  # type: ignore[arg-type]
    for bad_revision in (True, 1.0, "1", 0, -1):
        with pytest.raises(rp.InvalidArgument, match="revision= must be a positive integer"):
            rp.load(EDITION, revision=bad_revision)  # type: ignore[arg-type]
    with pytest.raises(rp.DatasetVersionError, match="no revision an integer of about 5001 digits"):
        rp.load(EDITION, revision=10**5000)
    with pytest.raises(rp.InvalidArgument, match="sha256="):
        rp.load(EDITION, sha256=12)  # type: ignore[arg-type]


def test_every_load_checks_the_file_against_its_hash(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    dataset = folder / EDITION / "dataset.json"
    raw = dataset.read_bytes()
    dataset.write_bytes(raw.replace(b'"revision":', b'"revision":9', 1))  # one added digit
    serve_data_from(monkeypatch, folder)
    try:
        with pytest.raises(rp.DatasetIntegrityError, match="altered after it was built"):
            rp.load(EDITION)  # pinned or not
        dataset.write_bytes(raw[: len(raw) // 2])  # half a file
        with pytest.raises(rp.DatasetIntegrityError):
            rp.load(EDITION)
        dataset.write_bytes(raw)
        assert rp.load(EDITION).revision == rp.revisions(EDITION)[-1].revision
        archive = folder / EDITION / "dataset.r1.json.gz"
        archive.write_bytes(gzip.compress(gzip.decompress(archive.read_bytes()).replace("CRÉ".encode(), b"CRE", 1)))
        with pytest.raises(rp.DatasetIntegrityError, match="revision 1 has sha256"):
            rp.load(EDITION, revision=1)
        (folder / EDITION / "dataset.json").unlink()
        rp.clear_cache()
        with pytest.raises(rp.DatasetIntegrityError, match="missing: reinstall"):
            rp.load(EDITION)
    finally:
        rp.clear_cache()


def test_a_pin_is_checked_against_the_bytes_loaded(ds: rp.Dataset) -> None:
    # Every path through load() hashes the bytes it builds from: what a pin compares is ds.sha256.
    for dataset in (rp.load(EDITION), rp.load(EDITION, revision=1)):
        assert dataset.sha256 == hashlib.sha256(dataset.to_json()).hexdigest()


def test_threads_share_one_dataset() -> None:
    rp.clear_cache()
    results: list[rp.Dataset] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        dataset = rp.load(EDITION)
        results.append(dataset)
        results.append(rp.load(EDITION))
        _ = dataset.territories, dataset.mentions, dataset.records  # build the tables at the same time

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 16 and len({id(r) for r in results}) == 1
    assert results[0].territories is results[0].territories


def test_clear_cache_racing_loads_never_breaks_them() -> None:
    failures: list[BaseException] = []
    answers: list[object] = []
    stop = threading.Event()

    def clear() -> None:
        while not stop.is_set():
            rp.clear_cache()

    def read() -> None:
        try:
            for _ in range(200):
                answers.append(rp.editions())
                answers.append(rp.load(EDITION).edition)
        except BaseException as error:
            failures.append(error)

    clearer = threading.Thread(target=clear)
    readers = [threading.Thread(target=read) for _ in range(4)]
    clearer.start()
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join()
    stop.set()
    clearer.join()
    assert failures == []
    assert all(answer == EDITION or (isinstance(answer, tuple) and EDITION in answer) for answer in answers)


def test_records_are_immutable(ds: rp.Dataset) -> None:
    territory = ds.territories[0]
    with pytest.raises(AttributeError):
        territory.name = "x"  # type: ignore[misc]
    assert isinstance(ds.territories, tuple) and isinstance(ds.initiatives[0].sections, tuple)
    assert isinstance(ds.ententes, tuple) and isinstance(ds.mentions[0].roles, tuple)
    with pytest.raises(AttributeError):
        ds.edition = "x"  # type: ignore[misc]


def test_load_file_reads_and_validates(tmp_path: Path, ds: rp.Dataset) -> None:
    copy = tmp_path / "dataset.json"
    shutil.copy(DATA / EDITION / "dataset.json", copy)
    other = rp.load_file(copy, sha256=ds.sha256)
    assert other is not ds and other.records == ds.records
    # A file of format 1 read from outside the package does not know the day it was published.
    outside = rp.load_file(DATA / EDITION / "dataset.r1.json.gz")
    assert outside.revision_date is None and outside.sha256 == REVISION_1
    assert outside.records == attrs.evolve(rp.load(EDITION, revision=1).records, revision_date=None)
    with pytest.raises(rp.DatasetVersionError):
        rp.load_file(copy, sha256="0" * 64)


def _broken(tmp_path: Path, change: object) -> Path:
    data = json.loads((DATA / EDITION / "dataset.json").read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["territories"][0].update(region_number=1),
            r"territories\[0\].region_number: Input should be a valid string",
        ),
        (
            lambda d: d["territories"][0].update(region_number="18"),
            r"territories\[0\].region_number: '18' is not a region number",
        ),
        (lambda d: d["mentions"][3].update(id=d["mentions"][2]["id"]), r"mentions\[3\].id: .* is used twice"),
        (
            lambda d: d["mentions"][0].update(partner_id="nobody"),
            r"mentions\[0\].partner_id: 'nobody' is no id of partners",
        ),
        (
            lambda d: d["ententes"][0].update(amount_ids=["x"]),
            r"ententes\[0\].amount_ids\[0\]: 'x' is no id of amounts",
        ),
        (lambda d: d["amounts"][0].update(value="1E+30"), r"amounts\[0\].value: .* not an amount in dollars"),
        (lambda d: d["amounts"][0].update(value="NaN"), "amounts"),
        (
            lambda d: d["initiatives"][0].update(lines=[5, 4000]),
            r"initiatives\[0\].lines: \(5, 4000\) is not a line range",
        ),
        (lambda d: d["mentions"][0].update(roles=["mentioned", "leader"]), r"mentions\[0\].roles"),
        (lambda d: d.update(edition="../../etc"), "edition: '../../etc' is not an edition's name"),
        (lambda d: d.update(format=9), rf"layout 9; this rqds-portraits reads layouts 1 to {LAYOUT}\b"),
        (lambda d: d.update(extra=1), "extra: Extra inputs are not permitted"),
        (lambda d: d["periods"][0].update(start=2050), r"periods\[0\]: 2050-20\d\d is not a period"),
    ],
)
def test_load_file_names_each_problem(tmp_path: Path, change: object, message: str) -> None:
    with pytest.raises((rp.DatasetIntegrityError, rp.DatasetVersionError), match=message):
        rp.load_file(_broken(tmp_path, change))


def test_load_file_refuses_what_is_not_a_dataset_file(tmp_path: Path) -> None:
    cases = {
        "brace.json": b"{",
        "list.json": b"[1]",
        "latin.json": '{"é": 1}'.encode("latin-1"),
        "deep.json": b"[" * 100_000,
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        with pytest.raises(rp.DatasetIntegrityError):
            rp.load_file(tmp_path / name)
    with pytest.raises(rp.DatasetIntegrityError, match="cannot read"):
        rp.load_file(tmp_path / "missing.json")
    with pytest.raises(rp.DatasetIntegrityError, match="not a regular file"):
        rp.load_file("/dev/zero")  # never read without bound
    with pytest.raises(rp.DatasetIntegrityError, match="(not a regular file|Is a directory)"):
        rp.load_file(tmp_path)
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(rp.DatasetIntegrityError, match="larger than"):
        rp.load_file(big)
    bomb = tmp_path / "bomb.json.gz"
    bomb.write_bytes(gzip.compress(b" " * (MAX_FILE_BYTES + 10)))
    with pytest.raises(rp.DatasetIntegrityError, match="larger than"):
        rp.load_file(bomb)
    for not_a_path in (0, 1, True, None, 3.5, b"dataset.json"):
        with pytest.raises(rp.InvalidArgument, match="path= must be a file path"):
            rp.load_file(not_a_path)  # type: ignore[arg-type]


def test_works_from_a_zip(tmp_path: Path) -> None:
    package = Path(rp.__file__).resolve().parent
    archive = tmp_path / "rqds.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                bundle.write(path, Path("rqds_portraits") / path.relative_to(package))
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import rqds_portraits as rp; "
        "assert '.zip' in rp.__file__; ds = rp.load('2014-2015'); old = rp.load('2014-2015', revision=1); "
        "print(len(ds.territories), ds.territory('laval').id, old.revision)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(archive)], capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": ""}, cwd=tmp_path)  # fmt: skip
    assert result.stdout.split() == ["16", "laval", "1"]


def test_import_reads_no_data_and_no_record_library() -> None:
    code = (
        "import sys, rqds_portraits; "
        "print(sorted(m for m in ('attrs', 'attr', 'pydantic', 'json', 'decimal', 'rqds_portraits.loading') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_lazy_reader_decodes_what_json_does() -> None:
    raw = (DATA / EDITION / "dataset.json").read_bytes()
    lazy = LazyObject(raw)
    assert lazy["edition"] == EDITION and "mentions" not in lazy._members  # only as far as asked
    assert lazy._decoded < len(raw) // 4  # and the bytes made text only as far as those members go
    assert dict(lazy) == json.loads(raw) and list(lazy) == list(json.loads(raw))
    assert len(LazyObject(b' { "a" : [1, {"b": "}"}] ,\n "c":null } ')) == 2
    assert dict(LazyObject(b"{}")) == {} and dict(LazyObject(b" {\n}\n")) == {}
    for broken in (b"[1]", b'{"a" 1}', b'{"a": }', b'{"a": 1', b'{"a": "\xff"}'):
        with pytest.raises(rp.DatasetIntegrityError):
            dict(LazyObject(broken))


@settings(max_examples=50)
@given(
    st.dictionaries(st.text(), st.recursive(st.none() | st.integers() | st.text(), st.lists), max_size=8),
    st.integers(1, 64),
)
def test_the_lazy_reader_reads_any_object_whatever_its_line_breaks(data: dict[str, Any], first: int) -> None:
    """Text is made of the bytes a part at a time, cut at line ends: a member cut by a part is read whole."""
    raw = (
        "{\n" + ",\n".join(f"{json.dumps(k)}:\n{json.dumps(v, indent=1)}" for k, v in data.items()) + "\n}\n"
    ).encode()
    lazy = LazyObject.__new__(LazyObject)
    lazy._FIRST = first  # parts of a few bytes: every member crosses several
    LazyObject.__init__(lazy, raw)
    assert dict(lazy) == data and list(lazy) == list(data)


@settings(max_examples=30)
@given(st.lists(st.sampled_from(["edition", "revision", "sha256", "both", "upper", "slash"]), min_size=1, max_size=6))
def test_pinned_loads_always_give_the_same_object(calls: list[str]) -> None:
    reference = rp.load(EDITION)
    pins = {
        "edition": {"edition": EDITION},
        "revision": {"edition": EDITION, "revision": reference.revision},
        "sha256": {"edition": EDITION, "sha256": reference.sha256},
        "both": {"edition": EDITION, "revision": reference.revision, "sha256": reference.sha256},
        "upper": {"edition": EDITION, "sha256": f"  {reference.sha256.upper()} "},
        "slash": {"edition": "2014/2015"},
    }
    assert all(rp.load(**pins[call]) is reference for call in calls)  # type: ignore[arg-type]


def test_the_latest_edition_is_the_default(later_edition: str) -> None:
    assert rp.editions()[-1] == later_edition and EDITION in rp.editions()
    latest = rp.load()
    assert latest.edition == later_edition and rp.load(EDITION).edition == EDITION
    assert rp.revisions()[-1].edition == later_edition


def test_other_loaders_read_through_importlib_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    # A loader without get_data (say, a custom importer) falls back on importlib.resources.files().
    monkeypatch.setattr(loading, "__spec__", types.SimpleNamespace(loader=None))
    assert files.read_bundled(EDITION, "source.txt") == (DATA / EDITION / "source.txt").read_bytes()
    with pytest.raises(rp.DatasetIntegrityError, match="data/missing.json is missing"):
        files.read_bundled("missing.json")
