"""Every command over every territory, initiative, partner and record fits 100 columns, on a UTF-8 terminal and on an
ASCII one (what it cannot write is written readably, and laid out in the characters printed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import rqds_portraits as rp

from .conftest import EDITION

DS = rp.load(EDITION)
_MARK = "=====8<====="


def _commands() -> list[list[str]]:
    every: list[list[str]] = [["summary"], ["territories"], ["editions"], ["ententes"], ["funding"], ["mentions"]]
    every += [["funding", "--by", "territory", "--period", "2013-2016"], ["ententes", "--period", "2014-2015"]]
    every += [["ententes", "--period", "2014-2015", "--left-out"], ["diff", "1", "2"], ["source", "1-40"]]
    for t in DS.territories:
        every += [
            ["show", t.id],
            ["ententes", "--territory", t.id],
            ["funding", "--territory", t.id],
            ["funding", "--territory", t.id, "--period", "2014-2015", "--yearly"],
            ["mentions", "--territory", t.id],
            ["source", "--territory", t.id],
            ["diff", "1", str(DS.revision), "--territory", t.id],
        ]
    for i in DS.initiatives:
        every += [["show", i.id], ["mentions", "--initiative", i.id]]
    for table in ("ententes", "amounts", "periods", "dates", "source_notes"):
        every += [["show", record.id] for record in getattr(DS, table)]
    every += [["show", m.id] for m in DS.mentions]
    every += [["partner", p.id] for p in DS.partners] + [["show", p.id] for p in DS.partners]
    for name in ("CRÉ", "MELS", "QEF", "Centraide", "Emploi-Québec", "MAMOT"):
        every += [["partner", name], ["funding", "--partner", name], ["show", name]]
    every += [[*command, "--help"] for command in (["show"], ["funding"], ["ententes"], ["export"])]
    return every


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_every_command_fits_100_columns(encoding: str) -> None:
    commands = _commands()
    script = (
        "import json, sys\n"
        "from rqds_portraits._cli import main\n"
        f"for args in json.loads(sys.argv[1]):\n"
        f"    print({_MARK!r}, json.dumps(args), flush=True)\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
    )
    environment = {**os.environ, "COLUMNS": "100", "PYTHONIOENCODING": encoding, "PYTHONWARNINGS": "ignore"}
    argv = json.dumps([[*args, "--edition", EDITION] for args in commands])
    result = subprocess.run(
        [sys.executable, "-c", script, argv], env=environment, capture_output=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")[-2000:]
    assert b"Traceback" not in result.stderr
    text = result.stdout.decode(encoding)  # an ASCII terminal gets ASCII only: this would raise otherwise
    too_long: list[str] = []
    command = ""
    for line in text.split("\n"):
        if line.startswith(_MARK):
            command = line[len(_MARK) :]
        elif len(line) > 100:
            too_long.append(f"{command}: {len(line)}: {line[:60]}")
    assert too_long == [], "\n".join(too_long[:20]) + f"\n({len(too_long)} lines over 100 columns)"
    assert text.count(_MARK) == len(commands)
