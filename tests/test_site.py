"""The browsable site (issue 22), read back without a browser: every record has a page or an anchor,
every mark sits on the exact text of its span, every link resolves, the build is byte-reproducible,
and the colours keep their contrast. tests/test_site_browser.py drives Chromium over the same site."""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import rqds_portraits as rp
from rqds_portraits._cli import main
from rqds_portraits._records.edition import RECORD_TABLES
from rqds_portraits.exports import write_site
from rqds_portraits.exports._site_marks import KINDS, MARKED
from rqds_portraits.exports._site_page import CONTRAST_PAIRS, PALETTE

from .conftest import EDITION
from .sitepages import SitePage, pages, ranked, search_entries

DS = rp.load(EDITION)
QUERIES = {"MELS": "p/mels.html", "QEF": "p/quebec-en-forme.html", "Côte-Nord": "t/cote-nord.html"}
QUERIES["coté nord"] = QUERIES["Côte-Nord"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    write_site(DS, folder)
    return folder


@pytest.fixture(scope="module")
def read(site: Path) -> dict[str, SitePage]:
    return dict(pages(site))


Built = tuple[rp.Dataset, Path, dict[str, SitePage]]


@pytest.fixture(scope="module", params=["latest", "the one before"], ids=lambda which: f"revision {which}")
def built(
    request: pytest.FixtureRequest, site: Path, read: dict[str, SitePage], tmp_path_factory: pytest.TempPathFactory
) -> Built:
    """The sites of the latest two revisions, each with its dataset and its pages read back."""
    if request.param == "latest":
        return DS, site, read
    ds = rp.load(EDITION, revision=DS.revision - 1)
    folder = tmp_path_factory.mktemp("previous")
    write_site(ds, folder)
    return ds, folder, dict(pages(folder))


def test_every_record_has_a_page_or_an_anchor(built: Built) -> None:
    ds, _, read = built
    ids = {name: set(page.ids) for name, page in read.items()}
    for name, found in ids.items():
        assert len(found) == len(read[name].ids), f"{name} repeats an id"
    checked = set()
    for table in RECORD_TABLES:
        for record in getattr(ds, table):
            if table in ("territories", "partners", "ententes", "amounts"):
                folder = {"territories": "t", "partners": "p", "ententes": "e", "amounts": "a"}[table]
                assert f"{folder}/{record.id}.html" in read, (table, record.id)
            if table == "initiatives" or table in MARKED:
                portrait = ids[f"t/{record.territory_id}.html"]
                assert record.id in portrait, (table, record.id)
            if table in MARKED:
                assert f"at-{record.id}" in portrait, (table, record.id)
        checked.add(table)
    assert checked == set(RECORD_TABLES)
    assert len(read) == 3 + 1 + len(ds.territories) + len(ds.partners) + len(ds.ententes) + len(ds.amounts)


def test_each_mark_sits_on_the_exact_text_of_its_span(built: Built) -> None:
    ds, _, read = built
    rendered = ds.render().split("\n")
    marked = 0
    for territory in ds.territories:
        portrait = read[f"t/{territory.id}.html"]
        first, last = territory.lines
        assert sorted(portrait.lines) == list(range(first, last + 1))  # every line of the portrait, anchored
        for number, text in portrait.lines.items():
            assert text == rendered[number - 1], f"line {number} is not the source's"
        seen = set()
        for table in MARKED:
            for record in getattr(ds, table):
                if record.territory_id != territory.id:
                    continue
                pieces = portrait.pieces[record.id]
                seen.add(record.id)
                line, start, end = record.lines[0], record.span[0], record.span[1]
                assert {kind for *_, kind in pieces} == {KINDS[table]}
                assert {piece_line for piece_line, *_ in pieces} == {line}
                columns = sorted((s, e) for _, s, e, _ in pieces)
                assert columns[0][0] == start and columns[-1][1] == end, (record.id, columns, record.span)
                assert all(a[1] == b[0] for a, b in itertools.pairwise(columns)), f"{record.id} is cut: {columns}"
                text = "".join(portrait.lines[line][s:e] for s, e in columns)
                assert text == record.text == rendered[line - 1][start:end]
                assert portrait.refs[record.id]  # its label, linking to its row
                marked += 1
        assert set(portrait.pieces) == seen, f"marks of no record: {sorted(set(portrait.pieces) - seen)}"
    assert marked == sum(len(getattr(ds, table)) for table in MARKED)


def test_crossing_marks_are_cut_into_pieces_that_keep_their_text(built: Built) -> None:
    """A note on the source that ends inside a mention: one of the two is cut, and still reads whole."""
    ds, _, read = built
    crossing = []
    for territory in ds.territories:
        portrait = read[f"t/{territory.id}.html"]
        crossing += [record for record, pieces in portrait.pieces.items() if len(pieces) > 1]
    assert crossing  # the data has some (a note ending inside a mention in Chaudière-Appalaches)


def test_every_internal_link_and_anchor_resolves(built: Built) -> None:
    _, site, read = built
    ids = {name: set(page.ids) for name, page in read.items()}
    for name, page in read.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                continue  # a link out (the source's address, a territory's website): not a request
            assert not parts.scheme and not parts.netloc, f"{name}: {href}"
            target = (
                posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path))) if parts.path else name
            )
            assert not target.startswith("../"), f"{name}: {href} leaves the site's folder"
            assert (site / target).is_file(), f"{name}: {href} ({target}) is missing"
            if parts.fragment and target.endswith(".html"):
                assert unquote(parts.fragment) in ids[target], f"{name}: {href} names no anchor of {target}"


def test_no_page_asks_for_anything_outside_its_folder(built: Built) -> None:
    _, site, read = built
    for name, page in read.items():
        assert page.resources, name
        for src in page.resources:
            parts = urlsplit(src)
            assert not parts.scheme and not parts.netloc and not src.startswith("/"), f"{name} loads {src}"
    assert "url(" not in (site / "style.css").read_text(encoding="utf-8")
    assert "fetch(" not in (site / "site.js").read_text(encoding="utf-8")


def test_every_page_says_what_it_shows_and_how_to_cite_it(built: Built) -> None:
    ds, site, _ = built
    citation = html.escape(ds.cite("text"), quote=True)
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert ds.sha256 in text and f"revision {ds.revision}" in text and citation in text, path
        assert f"edition {EDITION}" in text


def test_the_build_is_byte_reproducible(site: Path, tmp_path: Path) -> None:
    again = write_site(DS, tmp_path / "again")
    again += write_site(DS, tmp_path / "again")  # over its own files

    def digests(folder: Path) -> dict[str, str]:
        return {
            p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    assert digests(site) == digests(tmp_path / "again")
    assert not [p for p in (tmp_path / "again").rglob("*.tmp")]


def test_the_search_index_finds_acronyms_and_names_whatever_their_accents(site: Path) -> None:
    entries = search_entries(site)
    for query, page in QUERIES.items():
        assert ranked(entries, query)[0] == page, query


def test_the_funding_shown_is_the_apis(read: dict[str, SitePage], site: Path) -> None:
    from rqds_portraits._money import format_amount

    index = (site / "index.html").read_text(encoding="utf-8")
    for territory_id, total in DS.funding_by_territory().items():
        assert html.escape(format_amount(total.total)) in index
        portrait = (site / "t" / f"{territory_id}.html").read_text(encoding="utf-8")
        assert f"{total.count} amounts counted" in portrait
        for exclusion in total.excluded:
            assert html.escape(exclusion.reason, quote=True) in portrait


def test_a_revision_with_a_predecessor_has_a_changes_page(site: Path, tmp_path: Path) -> None:
    previous = rp.load(EDITION, revision=DS.revision - 1)
    changes = rp.diff(previous, DS)
    text = (site / "changes.html").read_text(encoding="utf-8")
    assert text.count("<tr>") == len(changes) + 1  # a row per change, and the header
    first = rp.revisions(EDITION)[0].revision
    written = write_site(rp.load(EDITION, revision=first), tmp_path / "first")
    assert not (tmp_path / "first" / "changes.html").exists()
    assert "changes.html" not in (tmp_path / "first" / "index.html").read_text(encoding="utf-8")
    assert written == sorted(written)


def test_the_changes_page_links_each_change_to_both_records(tmp_path: Path) -> None:
    revisions = rp.revisions(EDITION)
    old, new = rp.load(EDITION, revision=revisions[0].revision), rp.load(EDITION, revision=revisions[1].revision)
    write_site(new, tmp_path, previous=old)
    page = SitePage((tmp_path / "changes.html").read_text(encoding="utf-8"))
    changes = rp.diff(old, new)
    was = [href for href in page.links if href.startswith("#was-")]
    assert len(was) == sum(1 for c in changes if c.kind != "added")
    assert all(href.removeprefix("#") in page.ids for href in was)
    now = [href for href in page.links if href.split("#")[0].startswith(("t/", "p/", "e/", "a/"))]
    assert len(now) >= sum(1 for c in changes if c.kind != "removed" and c.table not in ("edition", "source"))


@pytest.mark.parametrize("pair", CONTRAST_PAIRS, ids=lambda pair: f"{pair[0]}-on-{pair[1]}")
def test_text_colours_keep_a_contrast_of_at_least_4_5_to_1(pair: tuple[str, str]) -> None:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(PALETTE[pair[0]]), luminance(PALETTE[pair[1]])), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5


def test_the_command_line_writes_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["site", str(tmp_path / "out"), "--edition", EDITION]) == 0
    out = capsys.readouterr().out
    assert f"edition {EDITION} revision {DS.revision}" in out and f"open {tmp_path / 'out' / 'index.html'}" in out
    assert main(["site", str(tmp_path / "json"), "--edition", EDITION, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pages"] == len(list((tmp_path / "json").rglob("*.html")))
    assert main(["site", str(tmp_path / "no" / "such" / "folder"), "--edition", EDITION]) == 1
    assert "parent folder does not exist" in capsys.readouterr().err


def test_write_site_refuses_what_is_not_a_dataset(tmp_path: Path) -> None:
    with pytest.raises(rp.InvalidArgument, match="must be a Dataset"):
        write_site("2014-2015", tmp_path)  # type: ignore[arg-type]
    with pytest.raises(rp.InvalidArgument, match="must be a Dataset"):
        write_site(DS, tmp_path, previous="1")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_a_record_id_that_is_no_file_name_writes_nothing_outside(tmp_path: Path) -> None:
    """A dataset file from outside whose id would make a page's path leave the folder is refused whole."""
    data = json.loads(DS.to_json())
    data["ententes"][0]["id"] = "../../escaped"
    (tmp_path / "crafted.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    crafted = rp.load_file(tmp_path / "crafted.json")
    with pytest.raises(rp.ExportError, match="is not a file name"):
        write_site(crafted, tmp_path / "site")
    assert not list(tmp_path.parent.rglob("escaped*")) and not list((tmp_path / "site").iterdir())
