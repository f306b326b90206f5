"""The command line: every subcommand in text and JSON; bad input exits 2 with one clear line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import rqds_portraits as rp
from rqds_portraits.cli import main

DS = rp.load()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_summary_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys)
    assert status == 0 and f"sha256       {DS.sha256}" in out and "territories  16" in out
    status, out, _ = run(capsys, "summary", "--json")
    data = json.loads(out)
    assert (data["edition"], data["revision"], data["amounts"], data["mentions"]) == ("2014-2015", 1, 22, len(DS.mentions))


def test_territories_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "territories")
    assert status == 0 and out.splitlines()[2].split()[:3] == ["01", "bas-saint-laurent", "Bas-Saint-Laurent"]
    status, out, _ = run(capsys, "territories", "--json")
    assert [row["id"] for row in json.loads(out)] == [t.id for t in DS.territories]
    status, out, _ = run(capsys, "show", "cote-nord")
    assert out.startswith("09 | Côte-Nord  (cote-nord, lines 400-422)") and "cote-nord-01" in out
    status, out, _ = run(capsys, "show", "09", "--json")
    assert json.loads(out)["initiatives"][0]["id"] == "cote-nord-01"


def test_partner(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "partner", "QEF")
    assert status == 0 and out.startswith("Québec en Forme  (quebec-en-forme;") and "10 mentions" in out
    status, out, _ = run(capsys, "partner", "ASSSL", "--territory", "laval", "--role", "member", "--json")
    rows = json.loads(out)["mentions"]
    assert rows and {(r["territory"], r["role"], r["partner"]) for r in rows} == {("laval", "member", "asss-laval")}
    status, out, _ = run(capsys, "partner", "Centraide", "--exact", "--json")
    assert json.loads(out)["mentions"] == []


def test_ententes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "ententes", "--active-in", "2014", "--territory", "laval")
    assert status == 0 and "1 685 907 $" in out and out.rstrip().endswith(f"{len(DS.ententes(active_in=2014, territory='laval'))} agreements")
    status, out, _ = run(capsys, "ententes", "--period", "2013–2016", "--mode", "within", "--json")
    assert [row["id"] for row in json.loads(out)] == [e.id for e in DS.by_period("2013-2016", mode="within")]
    status, out, _ = run(capsys, "ententes", "--partner", "MAMROT", "--status", "in_progress", "--json")
    assert {row["status"] for row in json.loads(out)} == {"in_progress"}


def test_funding(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "funding", "--territory", "laval")
    assert status == 0 and out.startswith("total     18 168 394 $")
    status, out, _ = run(capsys, "funding", "--territory", "laval", "--period", "2013-2016", "--partner", "Emploi-Québec", "--json")
    assert json.loads(out)["total"] == "8025000"
    status, out, _ = run(capsys, "funding", "--by", "territory", "--json")
    totals = json.loads(out)
    assert list(totals) == [t.id for t in DS.territories] and totals["vallee-du-haut-saint-laurent"]["total"] == "910000"
    status, out, _ = run(capsys, "funding", "--by", "territory")
    assert "laval" in out and "18 168 394 $" in out


def test_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "export", "sqlite", str(tmp_path))
    assert status == 0 and out.strip() == f"wrote {tmp_path / 'tour-du-quebec-2014-2015.sqlite'}"
    status, out, _ = run(capsys, "export", "datapackage", str(tmp_path / "pkg"), "--json")
    assert str(tmp_path / "pkg" / "datapackage.json") in json.loads(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "Atlantide"], "no territory 'Atlantide'"),
        (["show", "16"], "region '16' has 2 territories"),
        (["partner", "Centraid"], "closest: 'Centraide'"),
        (["partner", "ASSSL"], "names 2 partners"),
        (["ententes", "--period", "2016-2013"], "the end comes before the start"),
        (["funding", "--period", "abc"], "invalid period 'abc'"),
        (["ententes", "--status", "done"], "invalid status ['done']"),
        (["funding", "--by", "territory", "--territory", "laval"], "leave out --territory"),
        (["export", "xlsx", "out"], "invalid choice: 'xlsx'"),
        (["--edition", "2012-2013"], "no bundled edition '2012-2013'"),
        (["territories", "--revision", "9"], "not 9"),
        (["bogus"], "invalid choice: 'bogus'"),
        (["show"], "the following arguments are required: territory"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    status, out, err = run(capsys, *args)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("rqds-portraits: error: ") and message in err


def test_common_options_go_before_or_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert json.loads(run(capsys, "--json", "summary")[1])["edition"] == "2014-2015"
    assert json.loads(run(capsys, "territories", "--json")[1])[0]["id"] == "bas-saint-laurent"
    status, _, err = run(capsys, "--revision", "2", "territories")
    assert status == 2 and "not 2" in err
    status, _, err = run(capsys, "--edition", "2099", "summary")
    assert status == 2 and "no bundled edition '2099'" in err
    status, out, _ = run(capsys, "ententes", "--status", "ended", "--status", "to_come", "--territory", "laval", "--json")
    assert {row["status"] for row in json.loads(out)} == {"ended", "to_come"}


def test_a_closed_pipe_is_not_an_error() -> None:
    # Standard output is a pipe whose reader has gone, as with `rqds-portraits … | head -1`.
    script = (
        "import os, sys; r, w = os.pipe(); os.close(r); os.dup2(w, 1); "
        "from rqds_portraits.cli import main; code = main(['partner', 'CRÉ']); sys.stderr.write(f'exit {code}')"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stderr == "exit 0" and result.returncode == 0


def test_the_module_and_the_script_run() -> None:
    result = subprocess.run([sys.executable, "-m", "rqds_portraits", "editions", "--json"], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [{"edition": "2014-2015"}]
    failed = subprocess.run([sys.executable, "-m", "rqds_portraits", "show", "Atlantide"], capture_output=True, text=True)
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
