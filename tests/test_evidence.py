"""Every question in one command, with its evidence (issue 23): source lines, mentions, leadership,
diff filters with old and new values, shares with the amount they are part of."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits._cli import main
from rqds_portraits._records.periods import relates

from .conftest import EDITION

E = ("--edition", EDITION)
DS = rp.load(EDITION)
LINES = DS.render().split("\n")
WRITTEN = ("periods", "dates", "amounts", "mentions", "source_notes")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main([*args, *E])
    out, err = capsys.readouterr()
    return status, out, err


def test_source_prints_the_lines_verbatim_with_every_record_written_on_them(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "source", f"1-{len(LINES)}", "--json")
    assert status == 0
    printed = json.loads(out)["lines"]
    assert [line["text"] for line in printed] == LINES
    on = {(r["table"], r["id"]): line for line in printed for r in line["records"]}
    for table in (*WRITTEN, "ententes", "initiatives", "territories"):
        for record in getattr(DS, table):
            line = on[(table, record.id)]
            assert line["number"] == record.lines[0]
            if table in WRITTEN:  # each mark sits on its own text
                start, end = record.span
                assert line["text"][start:end] == record.text


def test_source_of_laval_s_culture_amount_cites_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    amount = DS.amount("laval-07-a1")
    status, out, _ = run(capsys, "source", str(amount.lines[0]))
    assert status == 0
    first, *marks = out.splitlines()
    assert first == f"{amount.lines[0]}  {LINES[amount.lines[0] - 1]}".rstrip()
    assert any(f"amount laval-07-a1 « {amount.text} » (funding" in mark for mark in marks)


def test_source_of_a_territory_is_its_whole_portrait(capsys: pytest.CaptureFixture[str]) -> None:
    first, last = DS.territory("cote-nord").lines
    status, out, _ = run(capsys, "source", "--territory", "Côte-Nord", "--json")
    assert status == 0
    assert [line["number"] for line in json.loads(out)["lines"]] == list(range(first, last + 1))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("0",), "the source has lines 1 to"),
        (("5-2",), "the first before the last"),
        (("7a",), "expected LINE or FIRST-LAST in ASCII digits"),
        (("١٢",), "expected LINE or FIRST-LAST in ASCII digits"),
        (("12", "--territory", "laval"), "not both"),
        ((), "give the lines to print"),
    ],
)
def test_source_refuses_bad_lines_in_one_line(
    capsys: pytest.CaptureFixture[str], arguments: tuple[str, ...], message: str
) -> None:
    status, out, err = run(capsys, "source", *arguments)
    assert status == 2 and out == "" and message in err and len(err.strip().splitlines()) == 1


@given(st.text(max_size=12))
def test_source_answers_or_refuses_any_line_argument(text: str) -> None:
    if text.startswith("-"):
        text = " " + text  # not an option
    try:
        status = main(["source", text, *E])
    except SystemExit as stop:  # argparse's --help and the like
        status = int(stop.code or 0)
    assert status in (0, 2)


def test_mentions_keeps_what_every_filter_asks(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "mentions", "--territory", "mauricie", "--role", "signatory", "--json")
    rows = json.loads(out)
    expected = [m.id for m in DS.mentions if m.territory_id == "mauricie" and "signatory" in m.roles]
    assert (
        status == 0
        and [row["id"] for row in rows] == expected
        and {"mauricie-01-m5", "mauricie-01-m9"} <= set(expected)
    )
    status, out, _ = run(capsys, "mentions", "--partner", "QEF", "--json")
    assert [row["id"] for row in json.loads(out)] == [m.id for m in DS.mentions if m.partner_id == "quebec-en-forme"]
    status, out, _ = run(capsys, "mentions", "--initiative", "laval-08")
    assert status == 0 and out.startswith(f"{sum(m.initiative_id == 'laval-08' for m in DS.mentions)} mentions")
    assert run(capsys, "mentions", "--role", "chief")[0] == 2


def test_show_territory_says_who_holds_the_leadership(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "mauricie", "--json")
    leadership = json.loads(out)["leadership"]
    assert status == 0 and [lead["initiative_id"] for lead in leadership] == ["mauricie-01"]
    named = {m["text"]: m["roles"] for m in leadership[0]["mentions"]}
    assert named["MAMOT"] == ["leader", "signatory", "manager"] == named["Centraide"]
    status, out, _ = run(capsys, "show", "mauricie")
    assert "leadership, as each block's Leadership section writes it:" in out
    assert "names MAMOT (leader, signatory, manager; " in out


def test_diff_keeps_one_territory_s_records_whatever_their_ids(capsys: pytest.CaptureFixture[str]) -> None:
    old, new = rp.load(EDITION, revision=1), rp.load(EDITION, revision=2)
    status, out, _ = main(["diff", "1", "2", *E, "--territory", "chaudiere-appalaches", "--json"]), *capsys.readouterr()
    rows = json.loads(out)
    assert status == 0 and rows
    for row in rows:
        record = getattr(old if row["kind"] == "removed" else new, row["table"]).lookup(row["id"])
        territories = record.territories if row["table"] == "partners" else (record.territory_id,)
        assert "chaudiere-appalaches" in territories
    every = [c for c in rp.diff(old, new) if c.table not in ("edition", "source")]
    kept = {(row["table"], row["id"]) for row in rows}
    assert any(t == "partners" for t, _ in kept)  # partner ids do not name the territory; they follow it
    assert len(kept) < len(every)


def test_diff_filters_by_table_and_kind_and_shows_old_and_new_values(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        ["diff", "1", "2", *E, "--table", "mentions", "--kind", "changed", "--territory", "bas-saint-laurent"]
    )
    out = capsys.readouterr().out
    assert status == 0
    rows = [line for line in out.splitlines() if line.startswith("mentions")]
    assert rows and all(line.split()[1] == "changed" for line in rows)
    assert "roles: + mentioned; − leader" in out  # COSMOSS, l.25
    status = main(["diff", "1", "2", *E, "--table", "amounts", "--json"])
    changes = json.loads(capsys.readouterr().out)
    assert {c["table"] for c in changes} == {"amounts"}
    assert all(set(field) == {"old", "new"} for c in changes for field in c["fields"].values())


def test_a_share_is_shown_with_the_amount_it_is_part_of(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "funding", "--partner", "MELS")
    whole = DS.amount("laval-03-a1")
    assert status == 0
    assert f"of {whole.text!r} (laval-03-a1, 3 740 000 $, l.{whole.lines[0]})" in " ".join(out.split())
    status, out, _ = run(capsys, "funding", "--partner", "MELS", "--json")
    share = json.loads(out)["shares"][0]
    assert share["of"] == {"id": whole.id, "text": whole.text, "value": "3740000", "lines": list(whole.lines)}


def test_json_outputs_carry_status_words_and_notes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "ententes", "--json")
    rows = json.loads(out)
    assert status == 0
    by_id = {row["id"]: row for row in rows}
    for entente in DS.ententes:
        assert by_id[entente.id]["status_text"] == entente.status_text
        assert by_id[entente.id]["note"] == entente.note
    assert any(row["status_text"] for row in rows) and any(row["note"] for row in rows)


def test_a_period_query_says_what_it_leaves_out_and_why(capsys: pytest.CaptureFixture[str]) -> None:
    left = DS.left_out_ententes(period=2015, territory="cote-nord")
    written = [e for e in DS.ententes if e.territory_id == "cote-nord"]
    assert DS.find_ententes(period=2015, territory="cote-nord") == ()
    assert [x.entente for x in left] == written and all(e.period is None for e in written)
    assert all(x.reason.startswith("no written period") for x in left)
    assert sum("is not granted" in x.reason for x in left) == sum(e.status not in rp.GRANTED for e in written)
    status, out, _ = run(capsys, "ententes", "--period", "2015", "--territory", "cote-nord")
    assert status == 0 and out.rstrip().endswith(
        f"{len(left)} ententes left out by --period: no written period ({len(left)}); add --left-out to list them"
    )
    status, out, _ = run(capsys, "ententes", "--period", "2015", "--territory", "cote-nord", "--left-out", "--json")
    assert [(row["id"], row["reason"]) for row in json.loads(out)] == [(x.entente.id, x.reason) for x in left]
    assert run(capsys, "ententes", "--left-out")[0] == 2


def test_an_unwritten_bound_is_left_out_with_its_reason_not_assumed() -> None:
    sisca = next(e for e in DS.ententes if e.period is not None and e.period.start is None and e.period.end == 2016)
    assert sisca not in DS.find_ententes(period=2013)
    reasons = {x.entente.id: x.reason for x in DS.left_out_ententes(period=2013)}
    assert reasons[sisca.id].startswith("its start is not written (?-2016): cannot tell whether it overlaps 2013")
    assert sisca in DS.find_ententes(period=2016) and sisca.id not in {
        x.entente.id for x in DS.left_out_ententes(period=2016)
    }


@given(
    period=st.sampled_from([2010, 2013, 2014, 2015, 2016, "2013-2016", "2014-2015", "2017-2020"]),
    mode=st.sampled_from(rp.MODES),
    territory=st.sampled_from([None, *(t.id for t in DS.territories)]),
    status=st.sampled_from([None, "planned", ("in_progress", "signed")]),
)
def test_kept_and_left_out_never_meet_and_every_left_out_has_a_reason(
    period: object, mode: str, territory: str | None, status: object
) -> None:
    kept = DS.find_ententes(period=period, mode=mode, territory=territory, status=status)  # type: ignore[arg-type]
    left = DS.left_out_ententes(period=period, mode=mode, territory=territory, status=status)  # type: ignore[arg-type]
    assert not {e.id for e in kept} & {x.entente.id for x in left}
    assert all(x.reason for x in left)
    for x in left:  # left out only for what the period or the default status cannot decide
        asked = rp.Period.parse(period)  # type: ignore[arg-type]
        assert (
            x.entente.period is None
            or relates(x.entente.period, asked, mode) is not False
            or (status is None and x.entente.status not in rp.GRANTED)
        )


def test_sql_over_the_amounts_export_gives_the_api_s_totals(tmp_path: Path) -> None:
    import sqlite3

    path = next(p for p in rp.exports.export(DS, "sqlite", tmp_path) if p.suffix == ".sqlite")
    with sqlite3.connect(path) as db:
        sums = dict(
            db.execute("SELECT territory_id, SUM(value_cents) FROM amounts WHERE counted GROUP BY territory_id")
        )
        reasons = dict(db.execute("SELECT id, excluded_reason FROM amounts WHERE NOT counted"))
    for territory in DS.territories:
        total = DS.total_funding(territory=territory.id)
        assert sums.get(territory.id, 0) == int(total.total * 100), territory.id
    assert reasons == {e.amount.id: e.reason for e in DS.total_funding().excluded}
