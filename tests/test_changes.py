"""Revisions and what changed between them: rp.diff, and the CHANGELOG's data section checked against it."""

from __future__ import annotations

import json
import re
import typing
from collections import Counter
from pathlib import Path

import pytest

import rqds_portraits as rp

from .conftest import EDITION

ROOT = Path(__file__).resolve().parent.parent
OLD = rp.load(EDITION, revision=1)
NEW = rp.load(EDITION, revision=2)
CHANGES = rp.diff(OLD, NEW)


def _field(change: rp.Change, name: str) -> rp.FieldChange | None:
    return next((field for field in change.fields if field.field == name), None)


def test_a_dataset_has_no_changes_from_itself() -> None:
    assert rp.diff(NEW, NEW) == () and rp.diff(OLD, OLD) == ()


def test_the_diff_backwards_swaps_added_and_removed() -> None:
    backwards = rp.diff(NEW, OLD)
    swap = {"added": "removed", "removed": "added", "changed": "changed", "reassigned": "reassigned"}
    assert Counter((c.table, swap[c.kind]) for c in backwards) == Counter((c.table, c.kind) for c in CHANGES)
    moved = {(t, new): old for t, renamed in CHANGES.id_map.items() for old, new in renamed.items()}
    assert {(t, old): new for t, renamed in backwards.id_map.items() for old, new in renamed.items()} == moved
    for change in backwards:
        if change.kind == "changed":
            forward = next(
                (
                    c
                    for c in CHANGES
                    if c.table == change.table
                    and c.kind == "changed"
                    and {f.field for f in c.fields} == {f.field for f in change.fields}
                    and all(any(f.old == g.new and f.new == g.old for g in c.fields) for f in change.fields)
                ),
                None,
            )
            assert forward is not None, change


def test_the_corrections_of_the_issue_are_in_the_diff() -> None:
    by_place = {(c.table, c.id): c for c in CHANGES}
    # COSMOSS (l.25) is the object of "ont aidé à la naissance de": mentioned, not leader.
    cosmoss = [
        NEW.mention(c.id)
        for c in CHANGES
        if c.table == "mentions" and c.kind == "changed" and NEW.mention(c.id).text == "COSMOSS"
    ]
    assert cosmoss and all(m.roles == ("mentioned",) and m.lines == (25, 25) for m in cosmoss)
    # "Coordination de la CRDS par la CRÉ" (l.521): the CRDS does not lead.
    crds = next(
        c
        for c in CHANGES
        if c.table == "mentions"
        and c.kind == "changed"
        and NEW.mention(c.id).lines == (521, 521)
        and NEW.mention(c.id).text == "CRDS"
    )
    assert _field(crds, "roles") == rp.FieldChange("roles", ("leader",), ("mentioned",))
    # The Mauricie signatories who form the coordination committee (l.189) hold both roles.
    mauricie = [
        NEW.mention(c.id)
        for c in CHANGES
        if c.table == "mentions" and c.kind == "changed" and NEW.mention(c.id).lines == (189, 189)
    ]
    assert len(mauricie) == 5 and all(m.roles == ("signatory", "member") for m in mauricie)
    # The four typed agreements of l.395, the Côte-Nord PARSIS: new records.
    added = {c.id for c in CHANGES if c.table == "ententes" and c.kind == "added"}
    assert {e.id for e in NEW.ententes if e.lines[0] == 395 and e.kind in ("specific", "administrative")} <= added
    assert len({e.subject for e in NEW.ententes if e.lines[0] == 395 and e.kind in ("specific", "administrative")}) == 4
    assert "cote-nord-parsis" in added
    # SISCA (l.596) ran in 2014 and was extended to 30 September 2016.
    sisca = by_place[("ententes", "chaudiere-appalaches-sisca")]
    period = _field(sisca, "period")
    assert period is not None and period.old.start == 2015 and period.new.start == 2014
    assert str(period.new.end_date) == "2016-09-30"
    # Periods and dates in words are read by rules of the extractor.
    written = {NEW.date(c.id).text for c in CHANGES if c.table == "dates"} | {
        NEW.period(c.id).text for c in CHANGES if c.table == "periods"
    }
    assert {
        "de novembre 2012 à avril 2013",
        "entre octobre 2013 et septembre 2014",
        "jusqu’en juin 2015",
        "à la fin mars 2014",
    } <= written
    # Websites, and the registry: RAP and SEMO known, two bodies in one parenthesis are two partners.
    assert {c.id for c in CHANGES if c.table == "territories"} == {"gaspesie-iles-de-la-madeleine", "laurentides"}
    assert ("partners", "semo") in by_place and by_place[
        ("partners", "tables-concertation-lanaudiere")
    ].kind == "removed"
    assert NEW.partner("RAP").id == "comite-rap-cote-nord"
    with pytest.raises(rp.PartnerNotFound):
        OLD.partner("RAP")


def test_diff_refuses_what_is_not_a_dataset() -> None:
    for value in (None, "2014-2015", 1, [NEW]):
        with pytest.raises(rp.InvalidArgument, match="must be a Dataset"):
            rp.diff(value, NEW)  # type: ignore[arg-type]
        with pytest.raises(rp.InvalidArgument, match="must be a Dataset"):
            rp.diff(NEW, value)  # type: ignore[arg-type]


def test_changes_are_frozen_records() -> None:
    change = CHANGES[0]
    with pytest.raises(AttributeError):
        change.kind = "added"  # type: ignore[misc]
    assert isinstance(CHANGES, tuple) and all(isinstance(c.fields, tuple) for c in CHANGES)


# -- CHANGELOG.md's data sections: each revision's reading log, checked against rp.diff -------------------


def _data_section(edition: str, revision: int) -> str:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    match = re.search(
        rf"^#### {edition} revision {revision} \(\d{{4}}-\d{{2}}-\d{{2}}\)\n(.*?)(?=^#{{2,4}} )", text, re.M | re.S
    )
    assert match is not None, f"CHANGELOG.md has no data section '#### {edition} revision {revision} (date)'"
    return match[1]


SECTION = _data_section(EDITION, 2)
LOGS = {  # each revision's reading log, with the two revisions it compares and their changes
    f"revision {new}": (rp.load(EDITION, revision=new - 1), rp.load(EDITION, revision=new), _data_section(EDITION, new))
    for new in (2, 3)
}


@pytest.fixture(params=sorted(LOGS), scope="module")
def log(request: pytest.FixtureRequest) -> tuple[rp.Dataset, rp.Dataset, str, tuple[rp.Change, ...]]:
    old, new, section = LOGS[request.param]
    return old, new, section, rp.diff(old, new)


Log = tuple[rp.Dataset, rp.Dataset, str, tuple[rp.Change, ...]]


def test_the_changelog_counts_every_changed_table(log: Log) -> None:
    _, _, section, changes = log
    rows = re.findall(r"^\| (\w+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", section, re.M)
    described = {table: tuple(map(int, counts)) for table, *counts in rows}
    counts = Counter((c.table, c.kind) for c in changes)
    kinds: tuple[rp.ChangeKind, ...] = ("added", "changed", "reassigned", "removed")
    expected = {t: tuple(counts[(t, kind)] for kind in kinds) for t, _ in counts}
    assert described == expected


def test_the_reading_log_names_every_role_change(log: Log) -> None:
    _, new, section, changes = log
    for change in changes:
        roles = _field(change, "roles") if change.table == "mentions" else None
        if roles is not None:
            mention = new.mention(change.id)
            entry = f"l.{mention.lines[0]} « {mention.text} » (`{mention.id}`): {', '.join(roles.old)} → {', '.join(roles.new)}."
            assert entry in section, entry
    assert f"**Roles ({sum(1 for c in changes if c.table == 'mentions' and _field(c, 'roles'))} mentions).**" in section


def test_the_reading_log_names_every_record_added_or_removed(log: Log) -> None:
    old, new, section, changes = log
    for change in changes:
        if change.kind in ("changed", "reassigned") or change.table == "mentions":
            continue
        assert f"`{change.id}`" in section, (change.table, change.kind, change.id)
    for change in changes:
        if change.table == "mentions" and change.kind in ("added", "removed"):  # reassigned: the known break
            mention = (new if change.kind == "added" else old).mention(change.id)
            assert f"{change.kind}: l.{mention.lines[0]} « {mention.text} » (`{mention.id}`" in section


def test_the_reading_log_names_every_changed_agreement_and_website(log: Log) -> None:
    _, _, section, changes = log
    for change in changes:
        if (
            change.table in ("ententes", "territories", "amounts", "source_notes", "partners")
            and change.kind == "changed"
        ):
            if change.table == "partners" and section == SECTION:
                continue  # revision 2 counts its 190 registry changes by field
            assert f"`{change.id}`" in section, (change.table, change.id)
    for change in changes:
        websites = _field(change, "websites") if change.table == "territories" else None
        if websites is not None:
            for site in set(websites.new) - set(websites.old):
                assert f"{site.url} (l.{site.lines[0]})" in section


def test_the_revision_3_log_names_new_records_by_line_and_words() -> None:
    """New records are named by their line and words first: the id ledger may renumber them."""
    old, new, section = LOGS["revision 3"]
    for change in rp.diff(old, new):
        if change.kind == "added" and change.table in ("ententes", "source_notes", "dates"):
            record: rp.Entente | rp.SourceNote | rp.WrittenDate = (
                new.entente(change.id)
                if change.table == "ententes"
                else new.source_note(change.id)
                if change.table == "source_notes"
                else new.date(change.id)
            )
            lines = record.lines
            assert f"l.{lines[0]} « " in section, change.id


# -- most records keep their place: compared in order, the others by key --------------------------------------
def _loaded(tmp_path: Path, name: str, alter: typing.Callable[[dict[str, typing.Any]], object]) -> rp.Dataset:
    data = json.loads(NEW.to_json())
    alter(data)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return rp.load_file(path)


def test_records_moved_in_their_table_are_unchanged(tmp_path: Path) -> None:
    moved = _loaded(tmp_path, "reversed.json", lambda data: data["mentions"].reverse())
    assert [m.id for m in moved.mentions] == [m.id for m in reversed(NEW.mentions)]
    assert rp.diff(NEW, moved) == () and rp.diff(moved, NEW) == ()


def test_a_record_removed_before_the_others_is_the_only_change(tmp_path: Path) -> None:
    referenced = {m for e in NEW.ententes for m in e.mention_ids}
    first = next(m for m in NEW.mentions if m.id not in referenced)
    fewer = _loaded(tmp_path, "fewer.json", lambda data: data["mentions"].remove(next(
        row for row in data["mentions"] if row["id"] == first.id
    )))  # fmt: skip
    assert rp.diff(NEW, fewer) == (rp.Change("mentions", first.id, "removed", old_id=first.id),)
    assert rp.diff(fewer, NEW) == (rp.Change("mentions", first.id, "added"),)
    assert NEW.mentions.index(first) < len(NEW.mentions) // 2  # every record after it is one place earlier


def test_a_changed_record_moved_in_its_table_is_changed(tmp_path: Path) -> None:
    def alter(data: dict[str, typing.Any]) -> None:
        data["mentions"].reverse()
        data["mentions"][0]["note"] = "a note"

    changed = _loaded(tmp_path, "changed.json", alter)
    last = NEW.mentions[-1]
    assert last.note != "a note"
    assert rp.diff(NEW, changed) == (
        rp.Change("mentions", last.id, "changed", (rp.FieldChange("note", last.note, "a note"),), old_id=last.id),
    )
