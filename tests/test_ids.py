"""An id, once published, names one record forever: the ledger, the build's refusals, retired ids, and
the diff's reassignments (issue 17)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import rqds_portraits as rp
from rqds_build.builder import build_outputs
from rqds_build.context import BuildContext
from rqds_build.ledger import stable_ids
from rqds_build.problems import BuildFailed, Problems
from rqds_portraits._cli import main
from rqds_portraits._records.identity import WRITTEN, Place, match, place_of, places, same_place

from .conftest import DATA, EDITION
from .synthetic import scratch_data

REVISIONS = rp.revisions(EDITION)
LATEST = rp.load(EDITION)


def _ledger(folder: Path = DATA) -> dict[str, Any]:
    return dict(json.loads((folder / EDITION / "ids.json").read_bytes()))


def _meaning(entry: dict[str, Any], revision: int) -> dict[str, Any] | None:
    return next((m for m in entry["denotes"] if m["revisions"][0] <= revision <= m["revisions"][1]), None)


def test_the_ledger_says_what_every_published_id_denotes_in_every_revision() -> None:
    ledger = _ledger()
    assert ledger["revisions"] == [r.revision for r in REVISIONS]
    for published in REVISIONS:
        ds = rp.load(EDITION, revision=published.revision, sha256=published.sha256)
        for table in rp.RECORD_TABLES:
            entries = {entry["id"]: entry for entry in ledger[table]}
            for record in getattr(ds, table):
                meaning = _meaning(entries[record.id], published.revision)
                assert meaning is not None, (table, record.id, published.revision)
                place = place_of(table, record)
                if table in WRITTEN:  # an entry follows its record's latest reading: an extent may be corrected
                    written = Place(tuple(meaning["lines"]), tuple(meaning["span"]), meaning["text"])
                    assert same_place(table, written, place), (table, record.id, published.revision)


def test_ids_changed_meaning_only_between_revisions_1_and_2_and_the_ledger_records_each() -> None:
    ledger = _ledger()
    for old, new in itertools.pairwise(REVISIONS):
        before, after = rp.load(EDITION, revision=old.revision), rp.load(EDITION, revision=new.revision)
        moved = []
        for table in rp.RECORD_TABLES:
            pairs = match(table, places(table, getattr(before, table)), places(table, getattr(after, table)))
            shared = {r.id for r in getattr(before, table)} & {r.id for r in getattr(after, table)}
            moved += [(table, i) for i in sorted(shared) if pairs.get(i) != i]
        if new.revision == 2:  # before ids were kept: a published fact, recorded as a known break
            assert len(moved) == 101 and {t for t, _ in moved} == {"mentions", "source_notes"}
            entries = {(t, e["id"]): e for t in rp.RECORD_TABLES for e in ledger[t]}
            for key in moved:
                assert [m["revisions"][0] for m in entries[key]["denotes"]] == [1, 2], key
        else:
            assert moved == [], f"revision {new.revision} gives published ids to other records: {moved[:5]}"


def test_every_published_id_finds_its_record_in_the_latest_revision_or_says_it_was_retired() -> None:
    retired = 0
    for published in REVISIONS:
        ds = rp.load(EDITION, revision=published.revision)
        for table in rp.RECORD_TABLES:
            latest = getattr(LATEST, table)
            for record in getattr(ds, table):
                if latest.get(record.id) is not None:
                    continue
                retired += 1
                with pytest.raises(rp.NotFound, match="it was retired in revision") as caught:
                    latest.lookup(record.id)
                message = str(caught.value)
                successors = message.split("its successors are " if "successors are" in message else "successor is ")
                if len(successors) == 2:
                    for successor in successors[1].split(", "):
                        assert latest.lookup(successor.strip("'")) is not None
    assert retired >= 2  # revision 2 retired a partner split in two and an agreement split in four


def test_a_retired_id_names_its_successors() -> None:
    with pytest.raises(rp.PartnerNotFound) as caught:
        LATEST.partners.lookup("tables-concertation-lanaudiere")
    assert "retired in revision 2" in str(caught.value)
    assert "'table-groupes-femmes-lanaudiere', 'table-personnes-handicapees-lanaudiere'" in str(caught.value)
    with pytest.raises(rp.RecordNotFound, match="monteregie-est-entente-culture"):
        LATEST.entente("monteregie-est-ententes-immigration-aines-shv-culture")


def test_an_id_of_a_later_revision_says_which_revision_issued_it() -> None:
    first = rp.load(EDITION, revision=1)
    date = LATEST.dates[0]
    with pytest.raises(rp.RecordNotFound, match=r"in revision 1 of 2014-2015: it was first issued in revision 2"):
        first.date(date.id)
    assert first.dates.get(date.id) is None  # get answers as before: no such record here


def test_an_unknown_id_still_gets_the_closest_ids() -> None:
    with pytest.raises(rp.RecordNotFound, match="did you mean"):
        LATEST.mention("laval-08-m999")


def test_the_diff_reports_a_reassignment_with_its_old_and_new_id() -> None:
    old, new = rp.load(EDITION, revision=1), rp.load(EDITION, revision=2)
    changes = rp.diff(old, new)
    moved = next(c for c in changes if c.old_id == "laval-08-m5")
    assert (moved.kind, moved.id, moved.table) == ("reassigned", "laval-08-m6", "mentions")
    assert "id" not in {f.field for f in moved.fields}
    assert changes.id_map["mentions"]["laval-08-m5"] == "laval-08-m6"
    assert sum(map(len, changes.id_map.values())) == sum(c.kind == "reassigned" for c in changes)
    # A script that applies the map finds, in the new revision, the record it meant in the old one.
    for table, renamed in changes.id_map.items():
        for old_id, new_id in renamed.items():
            a, b = getattr(old, table).lookup(old_id), getattr(new, table).lookup(new_id)
            assert (a.lines, a.span) == (b.lines, b.span) or a.lines == b.lines


def test_the_diff_of_a_revision_with_itself_is_empty(capsys: pytest.CaptureFixture[str]) -> None:
    for published in REVISIONS:
        ds = rp.load(EDITION, revision=published.revision)
        assert rp.diff(ds, ds) == () and dict(rp.diff(ds, ds).id_map["mentions"]) == {}
    assert main(["diff", "1", "1", "--edition", EDITION]) == 0
    assert (
        capsys.readouterr().out.strip()
        == "no changes: the two revisions hold the same records (or none that the filters keep)"
    )


def test_the_command_line_diff_prints_old_and_new_id_on_one_row(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "1", "2", "--edition", EDITION, "--wide"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["mentions", "reassigned", "718", "laval-08-m5", "→", "laval-08-m6"] in rows
    assert main(["diff", "1", "2", "--edition", EDITION, "--json"]) == 0
    found = [c for c in json.loads(capsys.readouterr().out) if c["old_id"] == "laval-08-m5"]
    assert [(c["kind"], c["id"]) for c in found] == [("reassigned", "laval-08-m6")]


@pytest.fixture()
def real_data(tmp_path: Path) -> Path:
    return scratch_data(DATA, tmp_path / "data")


def _problems(folder: Path) -> str:
    with pytest.raises(BuildFailed) as caught:
        build_outputs(folder)
    return "\n".join(str(problem) for problem in caught.value.problems)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NOTE = (
    '[[source_note]]\nterritory = "capitale-nationale"\nat = "*Ce portrait régional n’a pas été mis à jour en 2014"\n'
)


def test_the_build_refuses_to_drop_a_published_id_without_retiring_it(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    note = next(n for n in LATEST.source_notes if n.text.startswith("*Ce portrait régional"))
    text = curated.read_text(encoding="utf-8")
    start = text.index(NOTE)
    curated.write_text(text[:start] + text[text.index("\n\n", start) + 2 :], encoding="utf-8")
    problems = _problems(real_data)
    assert f"the source_notes id {note.id!r}" in problems and "add a [[retired]] entry" in problems
    retired = (
        f'\n[[retired]]\ntable = "source_notes"\nid = "{note.id}"\nrevision = {LATEST.revision}\n'
        'successors = []\nwhy = "a test: the note is withdrawn"\n'
    )
    curated.write_text(curated.read_text(encoding="utf-8") + retired, encoding="utf-8")
    outputs = build_outputs(real_data)
    ledger = json.loads(outputs[real_data / EDITION / "ids.json"])
    entry = next(e for e in ledger["source_notes"] if e["id"] == note.id)
    assert entry["retired"] == {"revision": LATEST.revision, "successors": [], "why": "a test: the note is withdrawn"}


def test_the_build_refuses_a_curated_id_given_to_another_agreement(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    a, b = "capitale-nationale-parsis", "capitale-nationale-plan-quinquennal-2012-2017"
    text = curated.read_text(encoding="utf-8")
    curated.write_text(
        text.replace(f'id = "{a}"', "id = 'swap'")
        .replace(f'id = "{b}"', f'id = "{a}"')
        .replace("id = 'swap'", f'id = "{b}"'),
        encoding="utf-8",
    )
    problems = _problems(real_data)
    assert f"the ententes id {a!r} named 'PARSIS'" in problems and "an id names one record forever" in problems


def test_the_build_never_reuses_a_retired_id(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    _edit(curated, 'id = "capitale-nationale-parsis"', 'id = "monteregie-est-ententes-immigration-aines-shv-culture"')
    problems = _problems(real_data)
    assert "'monteregie-est-ententes-immigration-aines-shv-culture' was retired before revision" in problems


def test_a_retirement_that_retires_nothing_is_refused(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    retired = (
        f'\n[[retired]]\ntable = "mentions"\nid = "{LATEST.mentions[0].id}"\nrevision = {LATEST.revision}\n'
        'successors = []\nwhy = "a test"\n'
    )
    curated.write_text(curated.read_text(encoding="utf-8") + retired, encoding="utf-8")
    assert "still names a record: it is not retired" in _problems(real_data)


def test_a_new_record_gets_an_id_never_issued_before_and_the_others_keep_theirs() -> None:
    """A mention read before the others of its block: the build's counters renumber the block, the
    ledger gives every published record its id back and the new one the next free number."""
    published = [rp.load(EDITION, revision=r.revision).records for r in REVISIONS[:-1]]
    latest = published[-1]
    block = [m for m in latest.mentions if m.id.startswith("laval-08-m")]
    shifted = {m.id: f"laval-08-m{int(m.id.rsplit('m', 1)[1]) + 1}" for m in block}  # as counters would
    first = block[0]
    new = attrs.evolve(first, id="laval-08-m1", text=first.text[:1], span=(first.span[0] - 5, first.span[0] - 4))
    mentions = [attrs.evolve(m, id=shifted.get(m.id, m.id)) for m in latest.mentions]
    mentions.insert(latest.mentions.index(first), new)
    ententes = [attrs.evolve(e, mention_ids=tuple(shifted.get(i, i) for i in e.mention_ids)) for e in latest.ententes]
    current = attrs.evolve(latest, revision=latest.revision + 1, mentions=tuple(mentions), ententes=tuple(ententes))
    problems = Problems()
    ctx = BuildContext(EDITION, [], {}, problems)
    kept = stable_ids(ctx, current, published, [])
    assert not problems, problems.report()
    assert next(m for m in kept.mentions if m.lines == new.lines and m.span == new.span).id == (
        f"laval-08-m{max(int(m.id.rsplit('m', 1)[1]) for m in block) + 1}"
    )
    by_place = {(m.lines, m.span): m.id for m in kept.mentions}
    assert all(by_place[(m.lines, m.span)] == m.id for m in latest.mentions)
    assert kept.ententes == latest.ententes  # references follow the ids


def test_the_known_break_is_listed_in_the_changelog_and_on_the_versioning_page() -> None:
    ledger = _ledger()
    root = Path(__file__).resolve().parent.parent
    pages = [(root / name).read_text(encoding="utf-8") for name in ("CHANGELOG.md", "docs/versioning.md")]
    listed = 0
    for table in rp.RECORD_TABLES:
        for entry in ledger[table]:
            if len(entry["denotes"]) < 2:
                continue
            listed += 1
            first, then = entry["denotes"][0], entry["denotes"][1]
            line = f"- `{entry['id']}`: in revision 1 « {first['text']} » (l.{first['lines'][0]}), which "
            assert all(line in page for page in pages), line
            assert all(f"from revision 2 « {then['text']} » (l.{then['lines'][0]})." in page for page in pages)
    assert listed == 101


def test_a_retired_partner_says_so_when_asked_by_its_id() -> None:
    with pytest.raises(rp.PartnerNotFound, match="retired in revision 2.*'table-groupes-femmes-lanaudiere'"):
        LATEST.partner("tables-concertation-lanaudiere")
