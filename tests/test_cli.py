"""The command line: every subcommand in text and JSON with the API's shapes; bad input exits 2 with
one line in the command line's words; any terminal, any output, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import rqds_portraits as rp
from rqds_portraits._cli import WIDTH, main

from .conftest import EDITION

DS = rp.load(EDITION)
E = ["--edition", EDITION]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_summary_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *E)
    assert status == 0 and f"sha256         {DS.sha256}" in out and "territories    16" in out
    status, out, _ = run(capsys, "summary", "--json", *E)
    data = json.loads(out)
    assert (data["edition"], data["revision"], data["amounts"], data["mentions"]) == (
        EDITION,
        DS.revision,
        22,
        len(DS.mentions),
    )


def test_territories_and_show_use_the_api_names(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "territories", *E)
    assert status == 0 and out.splitlines()[2].split()[:3] == ["01", "bas-saint-laurent", "Bas-Saint-Laurent"]
    rows = json.loads(run(capsys, "territories", "--json", *E)[1])
    assert [row["id"] for row in rows] == [t.id for t in DS.territories]
    assert rows[0]["region_number"] == "01" and rows[0]["lines"] == [18, 76]  # lines are always [first, last]
    status, out, _ = run(capsys, "show", "cote-nord", *E)
    assert out.startswith("09 | Côte-Nord  (cote-nord, lines 400-422)") and "cote-nord-01" in out
    shown = json.loads(run(capsys, "show", "09", "--json", *E)[1])
    assert shown["initiatives"][0] == {
        "id": "cote-nord-01",
        "label": "TABLE DES PARTENAIRES DU PARSIS (PLAN D’ACTION RÉGIONAL POUR LA SOLIDARITÉ ET L’INCLUSION SOCIALE)",
        "lines": [402, 422],
    }
    assert shown["region_number"] == "09" and shown["lines"] == [400, 422]


def test_show_an_initiative_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "laval-03", *E)
    lines = out.splitlines()
    assert status == 0 and lines[0] == "laval-03  (laval, lines 646-657)"
    assert "3 ententes régionales : 2005-2014 | 3 740 000 $ / 9 ans" in lines and "Particularité(s)" in lines
    data = json.loads(run(capsys, "show", "laval-03", "--json", *E)[1])
    assert data["sections"][-1]["elements"] == [
        "3 ententes régionales : 2005-2014 | 3 740 000 $ / 9 ans",
        "MELS : app. - 1 600 000 $/9 ans",
    ]


def test_partner(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "partner", "QEF", *E)
    assert (
        status == 0
        and out.startswith("Québec en Forme  (quebec-en-forme;")
        and f"{len(DS.by_partner('QEF'))} mentions" in out
    )
    rows = json.loads(run(capsys, "partner", "ASSSL", "--territory", "laval", "--role", "member", "--json", *E)[1])[
        "mentions"
    ]
    assert rows and {(r["territory_id"], r["partner_id"]) for r in rows} == {("laval", "asss-laval")}
    assert all("member" in r["roles"] for r in rows) and all(len(r["lines"]) == 2 for r in rows)
    assert json.loads(run(capsys, "partner", "Centraide", "--exact", "--json", *E)[1])["mentions"] == []
    assert "signatory, manager" in run(capsys, "partner", "MAMOT", "--territory", "mauricie", *E)[1]


def test_ententes_fit_100_columns_and_show_shares_as_shares(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "ententes", "--active-in", "2014", "--territory", "laval", *E)
    assert status == 0 and all(len(line) <= WIDTH for line in out.splitlines())
    assert f"\n{len(DS.find_ententes(period=2014, territory='laval'))} ententes\n" in out
    assert (
        "laval-avec-3-ententes-regionales-2005-2014" in out and "656-657" in out and "  631\n" in out
    )  # one line: one number
    assert "3 740 000 $; of which MELS’s share: 1 600 000 $" in out and "+" not in out
    wide = run(capsys, "ententes", "--territory", "laval", "--wide", *E)[1]
    assert max(len(line) for line in wide.splitlines()) >= max(len(line) for line in out.splitlines())
    rows = json.loads(run(capsys, "ententes", "--period", "2013–2016", "--mode", "within", "--json", *E)[1])
    assert [row["id"] for row in rows] == [e.id for e in DS.find_ententes(period="2013-2016", mode="within")]
    rows = json.loads(run(capsys, "ententes", "--partner", "MAMROT", "--status", "In-Progress", "--json", *E)[1])
    assert rows and {row["status"] for row in rows} == {"in_progress"}
    rows = json.loads(run(capsys, "ententes", "--kind", "fund", "--json", *E)[1])
    assert rows and {row["kind"] for row in rows} == {"fund"}
    rows = json.loads(run(capsys, "ententes", "--period", "2014/2015", "--status", "planned", "--json", *E)[1])
    assert rows and {row["status"] for row in rows} == {"planned"}


def test_funding_says_which_partnership_it_counts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "funding", "--territory", "laval", *E)
    assert status == 0 and out.startswith("total     18 168 394 $")
    out = run(capsys, "funding", "--partner", "MELS", *E)[1]
    assert "roles     leader, signatory, funder, manager" in out and "shares    1 600 000 $" in out
    data = json.loads(run(capsys, "funding", "--partner", "QEF", "--role", "member", "--json", *E)[1])
    assert (data["total"], data["roles"]) == ("438459", ["member"])
    totals = json.loads(run(capsys, "funding", "--by", "territory", "--json", *E)[1])
    assert (
        list(totals) == [t.id for t in DS.territories] and totals["vallee-du-haut-saint-laurent"]["total"] == "910000"
    )
    out = run(capsys, "funding", "--by", "territory", *E)[1]
    assert "laval" in out and "18 168 394 $" in out


def test_export_and_diff(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "export", "sqlite", str(tmp_path), *E)
    assert status == 0 and out.splitlines()[0] == f"wrote {tmp_path / 'tour-du-quebec-2014-2015.sqlite'}"
    status, out, _ = run(capsys, "export", "datapackage", str(tmp_path / "pkg"), "--json", *E)
    assert str(tmp_path / "pkg" / "datapackage.json") in json.loads(out)
    changes = json.loads(run(capsys, "diff", "1", "2", "--json", *E)[1])
    assert len(changes) == len(rp.diff(rp.load(EDITION, revision=1), rp.load(EDITION, revision=2)))
    cosmoss = next(c for c in changes if c["id"] == "bas-saint-laurent-01-m10")
    assert cosmoss["fields"]["roles"] == {"old": ["leader"], "new": ["mentioned"]}
    assert "changes" in run(capsys, "diff", "1", "2", *E)[1]
    only = json.loads(run(capsys, "editions", "--edition", "2014/2015", "--json")[1])
    assert {row["edition"] for row in only} == {EDITION} and [row["revision"] for row in only][:2] == [1, 2]
    editions = json.loads(run(capsys, "editions", "--json")[1])
    assert [(row["edition"], row["revision"]) for row in editions if row["edition"] == EDITION][:2] == [
        (EDITION, 1),
        (EDITION, 2),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "Atlantide"], "no record 'Atlantide'"),
        (["show", "--", "-1"], "no record '-1'"),
        (["show", "16", *E], "which has 2 territories"),
        (["partner", "Centraid", *E], "closest: 'Centraide'"),
        (["partner", "ASSSL", *E], "pass --territory"),
        (["partner", "Ville", *E], "names a body only inside a portrait"),
        (["ententes", "--period", "2016-2013"], "the end comes before the start"),
        (["funding", "--period", "abc"], "invalid --period 'abc'"),
        (["ententes", "--status", "done"], "invalid --status 'done'"),
        (["ententes", "--mode", "within"], "--mode says how --period is compared: give --period too"),
        (["ententes", "--role", "member"], "give --partner too"),
        (["funding", "--by", "territory", "--territory", "laval"], "leave out --territory"),
        (["export", "xlsx", "out"], "invalid choice: 'xlsx'"),
        (["export", "csv", ""], "the export folder must name a folder"),
        (["--edition", "2012-2013"], "no bundled edition '2012-2013'"),
        (["territories", "--revision", "9"], "has no revision 9"),
        (["diff", "1", "2", "--revision", "1", *E], "diff compares the two revisions OLD NEW it is given"),
        (["editions", "--revision", "9"], "editions lists every revision"),
        (["bogus"], "invalid choice: 'bogus'"),
        (["show"], "the following arguments are required"),
        (["show", "laval\nlaval"], "no record 'laval\\nlaval'"),
        (["show", "laval-99", *E], "'laval-09'"),
        (["ententes", "--period", "2016-2013"], "invalid --period 2016-2013"),
        (["territories", "--json", "--format", "csv"], "give one"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    status, out, err = run(capsys, *args)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("rqds-portraits: error: ") and message in err


def test_common_options_go_before_or_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert json.loads(run(capsys, "--json", "summary", *E)[1])["edition"] == EDITION
    assert json.loads(run(capsys, "territories", "--json", *E)[1])[0]["id"] == "bas-saint-laurent"
    status, _, err = run(capsys, "--revision", "99", "territories", *E)
    assert status == 2 and "no revision 99" in err
    assert json.loads(run(capsys, "--edition", "2014/2015", "summary", "--json")[1])["edition"] == EDITION
    assert json.loads(run(capsys, "summary", "--revision", "1", "--json", *E)[1])["revision"] == 1
    rows = json.loads(
        run(capsys, "ententes", "--status", "ended", "--status", "to come", "--territory", "laval", "--json", *E)[1]
    )
    assert {row["status"] for row in rows} == {"ended", "to_come"}


def _process(
    args: list[str], env: dict[str, str] | None = None, stdout: object = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LANG")}
    environment.update(env or {})
    command = [sys.executable, "-m", "rqds_portraits", *args]
    return subprocess.run(command, env=environment, stdout=stdout, stderr=subprocess.PIPE, timeout=120)  # type: ignore[call-overload,no-any-return]


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "latin-1"},
        {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
    ],
)
def test_any_terminal_encoding_prints_readably(env: dict[str, str]) -> None:
    shown = _process(["show", "cote-nord", "--edition", EDITION], env)
    assert shown.returncode == 0 and shown.stderr == b""
    text = shown.stdout.decode("latin-1")
    assert text.startswith(("09 | Côte-Nord", "09 | Cote-Nord"))  # the accent, or the letter without it
    exported = _process(["partner", "Québec en Forme", "--json", "--edition", EDITION], env)
    assert exported.returncode == 0 and json.loads(exported.stdout)["name"] == "Québec en Forme"  # JSON stays exact


def test_outputs_that_cannot_be_written_give_one_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    closed = subprocess.run(
        f"{sys.executable} -m rqds_portraits summary --edition {EDITION} >&-",
        shell=True,
        capture_output=True,
        timeout=120,
    )
    assert closed.returncode == 1 and closed.stderr.count(b"\n") == 1 and b"Traceback" not in closed.stderr
    if Path("/dev/full").exists():
        with open("/dev/full", "wb") as full:
            result = _process(["territories", "--edition", EDITION], stdout=full)
        assert result.returncode == 1 and result.stderr.count(b"\n") == 1 and b"No space left" in result.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    for target, code in ((blocker / "sub", 1), (tmp_path / "missing" / "deep", 1), ("", 2)):
        result = _process(["export", "csv", str(target), "--edition", EDITION])
        assert result.returncode == code and result.stderr.count(b"\n") == 1 and b"Traceback" not in result.stderr
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "amounts.csv").mkdir()  # a directory where a file should go
    result = _process(["export", "csv", str(tmp_path / "out"), "--edition", EDITION])
    assert result.returncode == 1 and b"amounts.csv" in result.stderr and result.stderr.count(b"\n") == 1


def test_a_closed_pipe_is_not_an_error() -> None:
    # Standard output is a pipe whose reader has gone, as with `rqds-portraits … | head -1`.
    script = (
        "import os, sys; r, w = os.pipe(); os.close(r); os.dup2(w, 1); "
        f"from rqds_portraits._cli import main; code = main(['partner', 'CRÉ', '--edition', '{EDITION}']); sys.stderr.write(f'exit {{code}}')"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stderr == "exit 0" and result.returncode == 0


def test_the_module_and_the_script_run() -> None:
    result = _process(["editions", "--json"])
    assert result.returncode == 0 and EDITION in {row["edition"] for row in json.loads(result.stdout)}
    failed = _process(["show", "Atlantide", "--edition", EDITION])
    assert failed.returncode == 2 and b"Traceback" not in failed.stderr


def test_the_latest_edition_is_the_default(capsys: pytest.CaptureFixture[str], later_edition: str) -> None:
    assert json.loads(run(capsys, "summary", "--json")[1])["edition"] == later_edition
    assert json.loads(run(capsys, "summary", "--json", "--edition", EDITION)[1])["edition"] == EDITION
    assert {row["edition"] for row in json.loads(run(capsys, "editions", "--json")[1])} >= {EDITION, later_edition}


@pytest.mark.parametrize("table", ["territories", "initiatives", "ententes", "amounts", "mentions", "partners",
                                   "periods", "dates", "source_notes"])  # fmt: skip
def test_show_takes_every_id_the_package_prints(capsys: pytest.CaptureFixture[str], table: str) -> None:
    record = getattr(DS, table)[-1]
    status, out, err = run(capsys, "show", record.id, "--json", *E)
    assert status == 0 and err == ""
    data = json.loads(out)
    assert data["id"] == record.id
    if table not in ("territories", "initiatives", "partners"):
        first, last = record.lines
        assert [line["number"] for line in data["source"]] == list(range(first, last + 1))
        written = record.title if table == "ententes" else record.text
        assert written.split()[0] in " ".join(line["text"] for line in data["source"])  # the words it was read from
    status, text, _ = run(capsys, "show", record.id, *E)
    assert status == 0 and record.id in text.split("\n")[0]


def test_show_finds_names_and_raises_on_ids_of_several_kinds(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from rqds_portraits._cli.show import resolve

    assert resolve(DS, "Côte-Nord") == ("territories", DS.territory("cote-nord"))
    assert resolve(DS, "QEF") == ("partners", DS.partner("QEF"))
    entente = next(e for e in DS.ententes if e.amount_ids)
    assert resolve(DS, entente.id.upper()) == ("ententes", entente)
    # No id names records of two kinds in the bundled data; were one to, show says so.
    from types import SimpleNamespace

    from rqds_portraits._cli.show import KINDS

    amount, mention = DS.amounts[0], DS.mentions[0]
    tables = {name: SimpleNamespace(get=lambda key, default=None: None) for name in KINDS}
    tables["amounts"] = SimpleNamespace(get=lambda key, default=None: amount)
    tables["mentions"] = SimpleNamespace(get=lambda key, default=None: mention)
    with pytest.raises(rp.AmbiguousId, match="names records of several kinds: amount .*, mention "):
        resolve(SimpleNamespace(**tables), amount.id)


def test_funding_shows_its_work(capsys: pytest.CaptureFixture[str]) -> None:
    from decimal import Decimal

    data = json.loads(run(capsys, "funding", "--territory", "laval", "--period", "2014-15", "--json", *E)[1])
    assert sum(Decimal(a["counted"]) for a in data["amounts"]) == Decimal(data["total"])
    assert Decimal(data["total"]) == DS.total_funding(territory="laval", period="2014-2015").total
    assert all(a["entente_id"] for a in data["amounts"])
    qef = json.loads(run(capsys, "funding", "--partner", "QEF", "--json", *E)[1])
    assert qef["total"] == "0" and "no written amount" in qef["why_zero"]
    mels = json.loads(run(capsys, "funding", "--partner", "MELS", "--json", *E)[1])
    assert {role for a in mels["amounts"] for role in a["roles"]} <= set(mels["roles"])
    assert mels["shares_follow_roles"] is False
    text = run(capsys, "funding", "--partner", "MELS", *E)[1]
    assert "the whole of the ententes MELS is party to" in text and "whatever the roles counted" in text


def test_editions_and_periods_as_written_short(capsys: pytest.CaptureFixture[str]) -> None:
    short = json.loads(
        run(capsys, "ententes", "--period", "2014-15", "--edition", EDITION[:5] + EDITION[7:], "--json")[1]
    )
    assert short == json.loads(run(capsys, "ententes", "--period", "2014-2015", "--json", *E)[1])
    assert rp.Period.parse("1999-00") == rp.Period(1999, 2000)


def test_tables_as_csv_and_tsv(capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    out = run(capsys, "territories", "--format", "csv", *E)[1]
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["id"] for row in rows] == [t.id for t in DS.territories]
    tsv = list(
        csv.reader(io.StringIO(run(capsys, "funding", "--by", "territory", "--format", "tsv", *E)[1]), "excel-tab")
    )
    assert tsv[0][:2] == ["territory_id", "total"] and len(tsv) == len(DS.territories) + 1
