"""Untrusted files, a tampered install, a full disk (issue 19): each example is refused or answered right.

Files given to ``load_file`` are refused at their first problem, at a cost bounded by what they
hold; what ``load_file`` accepts answers every lookup right. The install's edition index is
anchored by its hash, recorded in code by the build, and every entry must match its file.
Exports appear as whole sets, readable by others, never through a file reopened by name. The
command line and the build tool end every failure with one line, Ctrl-C with status 130.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import json
import os
import shutil
import stat
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import rqds_portraits as rp
from rqds_portraits import _load as loading
from rqds_portraits._cli import main
from rqds_portraits._io import read_regular_file
from rqds_portraits._loading import anchor, files, schema
from rqds_portraits._loading.anchor import EDITIONS_SHA256
from rqds_portraits._loading.files import sha256_of
from rqds_portraits.exports import _files, export
from rqds_portraits.exports._csv import csv_files
from rqds_portraits.exports._datapackage import descriptor

from .conftest import CURATION, DATA, EDITION

READ_BUNDLED = files.read_bundled  # as imported, before any fixture serves another folder

DS = rp.load(EDITION)
OLD = rp.load(EDITION, revision=1)


def written(tmp_path: Path, alter: Callable[[dict[str, Any]], object], name: str = "altered.json") -> Path:
    """The real dataset file with one change made by *alter*, written under *tmp_path*."""
    data = json.loads(DS.to_json())
    alter(data)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def refused(path: Path, *places: str) -> str:
    with pytest.raises(rp.DatasetIntegrityError) as caught:
        rp.load_file(path)
    message = str(caught.value)
    assert all(place in message for place in places), message
    return message


# -- 1. bounded cost ----------------------------------------------------------------------------
def test_the_gzip_bomb_is_refused_at_its_first_invalid_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """10.7 KB of gzip, 500 000 invalid records: the validation stops at the first (benchmarks/bomb.py times it)."""
    records = ",".join(['{"id":"x"}'] * 500_000)
    bomb = tmp_path / "bomb.json.gz"
    bomb.write_bytes(
        gzip.compress(f'{{"format":2,"edition":"{EDITION}","revision":1,"mentions":[{records}]}}'.encode(), 9)
    )
    assert bomb.stat().st_size < 11_000
    calls: list[tuple[Any, ...]] = []

    def counting(real: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any) -> Any:
            calls.append(args)
            return real(*args)

        return counted

    monkeypatch.setattr(schema, "validate_part", counting(schema.validate_part))  # a member, from its text
    monkeypatch.setattr(schema, "validated_record", counting(schema.validated_record))  # a row, from its data
    message = refused(bomb, "mentions[0].text: Field required")
    assert len(calls) == 4 and message.count(";") < 5  # format, edition, revision, the first mention


def test_a_member_of_too_many_values_is_refused_before_it_is_validated(tmp_path: Path) -> None:
    path = written(tmp_path, lambda data: data["source"].update(footer=[{}] * 20_000))
    refused(path, "source holds more than")
    path = written(tmp_path, lambda data: data["mentions"][3].update(roles=["member"] * 20_000))
    refused(path, "mentions[3] holds more than 10000 values")


def test_a_row_that_writes_a_lone_surrogate_is_refused_and_a_pair_is_read(tmp_path: Path) -> None:
    """A row is parsed once, by json, which reads a lone surrogate: refused still, as pydantic's parser refuses it."""

    def with_text(name: str, written_as: str) -> Path:
        path = written(tmp_path, lambda data: data["mentions"][3].update(text="\ue000"), name)
        path.write_text(path.read_text(encoding="utf-8").replace('"\ue000"', written_as, 1), encoding="utf-8")
        return path

    message = refused(with_text("lone.json", '"MAMOT \\ud800"'), "mentions[3]: Invalid JSON")
    assert "hex escape" in message, message
    paired = rp.load_file(with_text("pair.json", '"MAMOT \\ud83d\\ude42"'))  # an emoji written as two escapes
    assert paired.mentions[3].text == "MAMOT 🙂"


def test_reading_takes_what_the_file_holds(tmp_path: Path) -> None:
    small = tmp_path / "small.json"
    small.write_bytes(b"{}")
    tracemalloc.start()
    try:
        assert read_regular_file(small, files.MAX_FILE_BYTES) == b"{}"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024  # not a buffer of MAX_FILE_BYTES


# -- 2. a file is validated whole before anything is answered -------------------------------------
def test_ids_that_differ_only_by_case_are_refused(tmp_path: Path) -> None:
    def twin(data: dict[str, Any]) -> None:
        first = next(a for a in data["amounts"] if a["text"] == "670 000 $ / 3 ans")
        data["amounts"].append({**first, "id": first["id"].upper(), "value": "1"})

    refused(written(tmp_path, twin), "amounts[", "differ only by case")


def test_lookups_are_exact_on_folded_ids() -> None:
    amount = next(a for a in DS.amounts if a.text == "670 000 $ / 3 ans")
    assert DS.amount(amount.id) is DS.amount(amount.id.upper()) is DS.amount(amount.id.replace("-", " ")) is amount


def test_a_territory_named_like_another_is_refused(tmp_path: Path) -> None:
    def rename(data: dict[str, Any]) -> None:
        data["territories"][1]["name"] = data["territories"][0]["name"].upper()

    refused(written(tmp_path, rename), "territories[1].name", "also names territories[0]")


@pytest.mark.parametrize("value", ["1e999999999", "-1e999999999", "0E+999999", "1e-999999999"])
def test_an_amount_past_any_decimal_context_is_refused(tmp_path: Path, value: str) -> None:
    refused(written(tmp_path, lambda data: data["amounts"][0].update(value=value)), "amounts[0].value")


@pytest.mark.parametrize(
    ("table", "field", "value"),
    [
        ("amounts", "per_years", 2**70),
        ("amounts", "per_years", 2**63),
        ("mentions", "span", [0, 2**64]),
        ("territories", "lines", [1, 2**63]),
        ("mentions", "lines", [-1, 3]),
        ("ententes", "lines", [10**9 + 1, 10**9 + 2]),
    ],
)
def test_integers_past_what_the_exports_hold_are_refused(tmp_path: Path, table: str, field: str, value: Any) -> None:
    refused(written(tmp_path, lambda data: data[table][0].update({field: value})), f"{table}[0].{field}")


def test_title_lines_beyond_the_source_are_refused(tmp_path: Path) -> None:
    path = written(tmp_path, lambda data: data["source"].update(title_lines=[5000, 5000]))
    refused(path, "source.title_lines")


def test_a_time_the_records_cannot_read_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path, lambda data: data["source"].update(modified=data["source"]["modified"] + "z"))
    refused(path, "source:", "isoformat")


@pytest.mark.parametrize("edition", ["2014-2015\n", "2099-1999", "2014-2014", "2014-2016", "٢٠١٤-٢٠١٥"])
def test_an_edition_not_named_by_consecutive_years_is_refused(tmp_path: Path, edition: str) -> None:
    refused(written(tmp_path, lambda data: data.update(edition=edition)), "edition")


def test_a_member_written_twice_or_format_not_first_is_refused(tmp_path: Path) -> None:
    raw = DS.to_json().decode("utf-8")
    twice = tmp_path / "twice.json"
    twice.write_text(raw.replace('"revision":', f'"edition":"{EDITION}","revision":', 1), encoding="utf-8")
    refused(twice, "edition is written twice")
    data = json.loads(raw)
    late = tmp_path / "late.json"
    late.write_text(json.dumps({"edition": data.pop("edition"), **data}), encoding="utf-8")
    refused(late, "format must be", "its first member")


# -- 3. the install's index is anchored --------------------------------------------------------------
@pytest.fixture()
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the package's data folder, read by the package as its own (the anchor stays the package's)."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    monkeypatch.setattr(files, "_DATA", str(folder))
    monkeypatch.setattr(files, "read_bundled", READ_BUNDLED)  # the package's own reader, whatever a fixture served
    monkeypatch.setattr(anchor, "EDITIONS_SHA256", EDITIONS_SHA256)  # the package's own, whatever a fixture served
    rp.clear_cache()
    yield folder
    rp.clear_cache()


def index_of(folder: Path) -> dict[str, Any]:
    index: dict[str, Any] = json.loads((folder / "editions.json").read_text(encoding="utf-8"))
    return index


def rewrite_index(folder: Path, index: dict[str, Any], monkeypatch: pytest.MonkeyPatch | None = None) -> None:
    """Write *index*; with *monkeypatch*, anchor it too (as an attacker who could also change the code)."""
    raw = json.dumps(index).encode("utf-8")
    (folder / "editions.json").write_bytes(raw)
    if monkeypatch is not None:
        monkeypatch.setattr(anchor, "EDITIONS_SHA256", sha256_of(raw))
    rp.clear_cache()


def entries(index: dict[str, Any]) -> list[dict[str, Any]]:
    return next(e for e in index["editions"] if e["edition"] == EDITION)["revisions"]  # type: ignore[no-any-return]


def test_the_anchor_is_the_hash_of_the_installed_index() -> None:
    assert sha256_of((DATA / "editions.json").read_bytes()) == EDITIONS_SHA256


def test_an_altered_dataset_file_with_its_new_hash_in_the_index_is_refused(install: Path) -> None:
    dataset = install / EDITION / "dataset.json"
    altered = dataset.read_bytes().replace("CRÉ".encode(), b"CRE", 1)
    dataset.write_bytes(altered)
    index = index_of(install)
    entries(index)[-1]["sha256"] = sha256_of(altered)
    rewrite_index(install, index)
    with pytest.raises(rp.DatasetIntegrityError, match="editions.json has sha256 .* as the package's code records"):
        rp.load(EDITION)


def test_an_entry_pointing_at_another_revision_s_file_is_refused(
    install: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = index_of(install)
    second = entries(index)[1]
    shutil.copy(install / EDITION / entries(index)[0]["file"], install / EDITION / second["file"])
    second["sha256"] = OLD.sha256
    rewrite_index(install, index)
    with pytest.raises(rp.DatasetIntegrityError, match="editions.json has sha256"):  # the anchor
        rp.load(EDITION, revision=second["revision"])
    rewrite_index(install, index, monkeypatch)  # the index anchored too: the file's own revision
    with pytest.raises(rp.DatasetIntegrityError, match=r"holds edition '2014-2015' revision 1, not the revision"):
        rp.load(EDITION, revision=second["revision"])


def test_revisions_listed_in_reverse_are_refused(install: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = index_of(install)
    entries(index).reverse()
    rewrite_index(install, index, monkeypatch)
    with pytest.raises(rp.DatasetIntegrityError, match="revisions are listed oldest first"):
        rp.load(EDITION)


@pytest.mark.parametrize(
    "malform",
    [
        lambda index: "not json {",
        lambda index: {"format": 2},
        lambda index: {"format": 2, "editions": []},
        lambda index: {**index, "editions": [{"edition": EDITION}]},
        lambda index: {**index, "editions": [{**index["editions"][0], "revisions": []}]},
        lambda index: {**index, "editions": [{**index["editions"][0], "edition": "../../etc"}]},
        lambda index: {**index, "editions": index["editions"] * 2},
        lambda index: [index],
    ],
)
def test_a_malformed_index_is_an_integrity_error(
    install: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], malform: Any
) -> None:
    index = malform(index_of(install))
    raw = index.encode() if isinstance(index, str) else json.dumps(index).encode()
    (install / "editions.json").write_bytes(raw)
    monkeypatch.setattr(anchor, "EDITIONS_SHA256", sha256_of(raw))
    rp.clear_cache()
    with pytest.raises(rp.DatasetIntegrityError, match="editions.json"):
        rp.load(EDITION)
    rp.clear_cache()
    assert main(["summary"]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and "editions.json" in err


@pytest.mark.parametrize("entry", ["index", "dataset"])
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_a_pipe_or_a_device_in_place_of_a_bundled_file_is_refused_at_once(install: Path, entry: str, kind: str) -> None:
    target = install / "editions.json" if entry == "index" else install / EDITION / "dataset.json"
    target.unlink()
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    with pytest.raises(rp.DatasetIntegrityError, match="not a regular file"):
        rp.load(EDITION)


def test_unpickling_reads_the_anchored_index(install: Path) -> None:
    import pickle

    pickled = pickle.dumps(DS)
    (install / "editions.json").write_bytes(b'{"format": 2, "editions": []}')
    with pytest.raises(rp.DatasetIntegrityError, match="editions.json has sha256"):
        pickle.loads(pickled)


# -- 4. exports as a set ---------------------------------------------------------------------------
@pytest.fixture()
def umask_022() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.mark.parametrize("format", ["json", "csv", "sqlite", "datapackage"])
def test_exported_files_have_the_umask_s_mode(tmp_path: Path, umask_022: None, format: str) -> None:
    for path in export(DS, format, tmp_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_no_file_is_reopened_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each temporary file is created new (never an existing file or link) and written through its descriptor;
    the database is built in memory."""
    opened: list[tuple[str, int]] = []
    real_open = os.open

    def spy(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        opened.append((os.fspath(path), flags))
        return real_open(path, flags, *args, **kwargs)

    import sqlite3

    connected: list[object] = []
    real_connect = sqlite3.connect

    def connect(where: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        connected.append(where)
        connection: sqlite3.Connection = real_connect(where, *args, **kwargs)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(os, "open", spy)
    for format in ("sqlite", "datapackage"):
        export(DS, format, tmp_path)
    monkeypatch.undo()
    writes = [(path, flags) for path, flags in opened if flags & (os.O_WRONLY | os.O_RDWR)]
    assert writes and all(flags & os.O_CREAT and flags & os.O_EXCL and flags & os.O_NOFOLLOW for _, flags in writes)
    assert len({path for path, _ in writes}) == len(writes)  # each opened once
    assert connected == [":memory:"]


def test_a_full_disk_leaves_the_previous_set_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    export(OLD, "datapackage", tmp_path)
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    count = iter(range(100))

    def full_after_ten(descriptor: int, content: bytes) -> None:
        if next(count) >= 10:
            raise OSError(errno.ENOSPC, "No space left on device")
        os.write(descriptor, content)

    monkeypatch.setattr(_files, "_write_all", full_after_ten)
    with pytest.raises(rp.ExportError, match="No space left on device"):
        export(DS, "datapackage", tmp_path)
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before  # no temporary, nothing new


def test_two_exports_into_one_folder_leave_one_whole_set(tmp_path: Path) -> None:
    sets = {
        ds.revision: {
            **csv_files(ds),
            "datapackage.json": (json.dumps(descriptor(ds), ensure_ascii=False, indent=2) + "\n").encode(),
        }
        for ds in (OLD, DS)
    }
    failures: list[BaseException] = []

    def run(ds: rp.Dataset) -> None:
        try:
            for _ in range(5):
                export(ds, "datapackage", tmp_path)
        except BaseException as error:  # pragma: no cover  # reported below
            failures.append(error)

    threads = [threading.Thread(target=run, args=(ds,)) for ds in (OLD, DS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    found = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    manifest = found.pop(_files.MANIFEST).decode()
    assert found in list(sets.values())
    assert set(manifest.splitlines()) == {
        f"{hashlib.sha256(content).hexdigest()}  {name}" for name, content in found.items()
    }


def test_a_set_cut_short_is_never_vouched_for_by_a_manifest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    export(OLD, "csv", tmp_path)
    assert (tmp_path / _files.MANIFEST).is_file()
    renames = iter(range(100))
    replace = os.replace

    def killed_after_five(source: str, target: Any) -> None:
        if next(renames) >= 5:
            raise OSError(errno.EIO, "Input/output error")  # as if the process died here
        replace(source, target)

    monkeypatch.setattr(os, "replace", killed_after_five)
    with pytest.raises(rp.ExportError):
        export(DS, "csv", tmp_path)
    monkeypatch.setattr(os, "replace", replace)
    assert not (tmp_path / _files.MANIFEST).exists()  # the mix of two revisions has no manifest


def test_a_reader_refuses_a_file_its_folder_s_manifest_does_not_list(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    export(DS, "csv", tmp_path)
    assert len(rp.exports.read_csv(tmp_path / "amounts.csv")) == len(DS.amounts)
    other = tmp_path / "old"
    export(OLD, "csv", other)
    (tmp_path / "mentions.csv").write_bytes((other / "mentions.csv").read_bytes())  # a folder that mixes two exports
    with pytest.raises(rp.DatasetIntegrityError, match="is not the file its folder's SHA256SUMS lists"):
        rp.exports.read_csv(tmp_path / "mentions.csv")


def test_sqlite_on_a_full_disk_is_one_line_in_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(descriptor: int, content: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_files, "_write_all", full)
    assert main(["export", "sqlite", str(tmp_path), "--edition", EDITION]) == 1
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and "No space left on device" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


# -- 5. no traceback, Ctrl-C, ASCII numbers ------------------------------------------------------------
@pytest.mark.parametrize("revision", ["١", "+1", "2_0", " 2", "1.0", "-1", "²"])
def test_cli_numbers_are_ascii_digits(capsys: pytest.CaptureFixture[str], revision: str) -> None:
    assert main(["summary", "--edition", EDITION, "--revision", revision]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and "ASCII digits" in err
    assert main(["diff", revision, "2", "--edition", EDITION]) == 2
    capsys.readouterr()


def test_ctrl_c_ends_quietly_with_status_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(loading, "load", interrupted)
    assert main(["summary"]) == 130
    assert capsys.readouterr() == ("", "")


def test_an_unexpected_failure_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("something of ours")

    monkeypatch.setattr(loading, "load", broken)
    assert main(["summary"]) == 1
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and "internal error" in err and "something of ours" in err


def _build(*args: str) -> tuple[int, str]:
    import contextlib
    import io

    from rqds_build.__main__ import main as build

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = build(list(args))
    return status, err.getvalue()


def test_the_build_tool_gives_one_line_for_a_missing_folder_or_a_dangling_link(tmp_path: Path) -> None:
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    for folder in (tmp_path / "missing", tmp_path / "dangling"):
        status, err = _build(str(folder))
        assert status == 2 and err.count("\n") == 1 and "No such file or directory" in err, err


def test_the_build_tool_gives_one_line_for_a_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from .synthetic import scratch_data

    data = scratch_data(DATA, tmp_path / "data")

    def read_only(self: Path, content: bytes) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_bytes", read_only)  # as root, chmod does not stop a write
    status, err = _build(str(data))
    assert status == 2 and err.count("\n") == 1 and "Permission denied" in err, err


def test_the_build_tool_names_an_invalid_regular_expression(tmp_path: Path) -> None:
    from .synthetic import scratch_data

    data = scratch_data(DATA, tmp_path / "data")
    curated = data / EDITION / "curated.toml"
    text = curated.read_text(encoding="utf-8")
    assert "entente_words = [" in text
    curated.write_text(text.replace("entente_words = [", 'entente_words = ["(unclosed", ', 1), encoding="utf-8")
    status, err = _build(str(data))
    assert status == 2 and "entente_words must be a list of regular expressions" in err and "Traceback" not in err


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "big"])
def test_build_new_reads_a_regular_source_within_a_bound(tmp_path: Path, kind: str) -> None:
    from rqds_build.scaffold import MAX_SOURCE_BYTES

    source = tmp_path / "source.txt"
    if kind == "fifo":
        os.mkfifo(source)
    elif kind == "/dev/zero":
        source.symlink_to("/dev/zero")
    else:
        with source.open("wb") as handle:
            handle.truncate(MAX_SOURCE_BYTES + 1)
    status, err = _build("new", "2016-2017", str(source), "--data", str(tmp_path / "data"))
    assert status == 2 and err.count("\n") == 1 and "cannot read the source text" in err


# -- smaller ----------------------------------------------------------------------------------------
def test_by_period_none_is_an_invalid_argument() -> None:
    with pytest.warns(DeprecationWarning), pytest.raises(rp.InvalidArgument, match="by_period needs a period"):
        DS.by_period(None)  # type: ignore[arg-type]


def test_a_brace_in_a_title_cannot_inject_a_bibtex_entry() -> None:
    from rqds_portraits._citation import cite

    source = attrs.evolve(DS.source, title="A} @misc{evil, title={x")
    entry = cite(source, DS.edition, DS.revision, DS.sha256, "bibtex")
    assert [line for line in entry.splitlines() if line.startswith("@")] == [entry.splitlines()[0]]
    title = next(line for line in entry.splitlines() if line.strip().startswith("title"))
    assert title.count("{") == title.count("}") and r"\textbraceright{}" in title


def test_the_build_writes_the_anchor_of_the_index_it_writes(tmp_path: Path) -> None:
    from rqds_build.builder import ANCHOR_FILE, anchor_module, build_outputs

    from .synthetic import scratch_data

    outputs = build_outputs(DATA, CURATION)
    anchor = DATA.parent / ANCHOR_FILE
    assert outputs[anchor] == anchor_module(outputs[DATA / "editions.json"]) == anchor.read_bytes()
    assert f'EDITIONS_SHA256 = "{sha256_of(outputs[DATA / "editions.json"])}"'.encode() in outputs[anchor]
    scratch = scratch_data(DATA, tmp_path / "data")  # a scratch folder, not a package's: nothing to anchor
    assert not any(path.name == "anchor.py" for path in build_outputs(scratch))


def test_a_folder_in_place_of_one_file_writes_none_of_the_set(tmp_path: Path) -> None:
    export(OLD, "csv", tmp_path)
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    last = tmp_path / sorted(before)[-1]
    last.unlink()
    last.mkdir()  # a folder where the set's last file goes
    with pytest.raises(rp.ExportError, match=f"{last.name}.*it is a folder"):
        export(DS, "csv", tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == {
        name: content for name, content in before.items() if name != last.name
    }


def test_a_line_written_by_two_records_is_refused(tmp_path: Path) -> None:
    """What load_file accepts regenerates its source: render() answers it."""

    def title(data: dict[str, Any]) -> None:
        block = next(i for i in data["initiatives"] if i["title"] is None and i["sections"])
        block["title"] = "A title on a line a section writes"

    refused(written(tmp_path, title), "is written by two records")


def test_a_record_text_holding_a_line_break_is_refused(tmp_path: Path) -> None:
    """A section heading of two lines would shift every line after it (found by the mutated-file fuzz)."""

    def heading(data: dict[str, Any]) -> None:
        section = next(i for i in data["initiatives"] if i["sections"])["sections"][0]
        section["heading"] = section["heading"] + "\nMEMBRES"

    refused(written(tmp_path, heading), "holds a line break")


def test_a_real_sigint_ends_the_command_line_quietly() -> None:
    import subprocess
    import sys

    script = (
        "import os, signal, sys; import rqds_portraits._load as loading; from rqds_portraits._cli import main; "
        "loading.load = lambda *a, **k: os.kill(os.getpid(), signal.SIGINT); sys.exit(main(['summary']))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (130, b"", b"")


def test_ctrl_c_ends_the_build_tool_with_status_130(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import rqds_build.__main__ as build

    def interrupted(*args: object) -> list[Path]:
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "check", interrupted)
    # A scratch data folder: the checkout's own is refused under a wheel install, before any check runs.
    assert _build("--check", str(tmp_path)) == (130, "")
