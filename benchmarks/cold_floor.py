"""The floor of a first lookup: what it would still cost if the package were one module, beside sqlite3's.

    python benchmarks/cold_floor.py [--runs 30]

Issue 20 asks for ``import rqds_portraits as rp; rp.load().territory("laval")`` in a new process at or
below the same lookup in ``sqlite3`` on the package's SQLite export, with the dataset file's SHA-256
checked whole before any answer. ``cold_start.py`` compares the two; this script measures what stands
between them. In one interleaved run, five kinds of process, each timed whole (minimums):

- ``python -c pass``;
- ``sqlite3``'s lookup, which also reports its time inside the process (``time.perf_counter`` around it);
- the package's first lookup, which also reports its time inside the process and how many of the
  package's own modules it imported;
- a process that imports what the lookup imports, then reads the bundled dataset file and hashes it
  (``read_bundled``, ``sha256_of``): the work no arrangement of the code removes while the whole
  file is hashed before any answer;
- a process that imports empty modules from a temporary package: the least that importing one module
  costs (finding it, reading its bytecode, running it).

It prints the **floor**: the first lookup with the fixed cost of all its modules but one taken off, that
is, the same work done by a package of one module, beside ``sqlite3``'s lookup. A report: it exits 0
whatever the figures. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import rqds_portraits

LOOKUP = """
import sys, time
start = time.perf_counter()
import rqds_portraits as rp
rp.load().territory("laval")
inside = time.perf_counter() - start
print(inside, sum(name.split(".")[0] == "rqds_portraits" for name in sys.modules))
"""
SQLITE = """
import time
start = time.perf_counter()
import sqlite3
sqlite3.connect({database!r}).execute("select * from territories where id = 'laval'").fetchone()
print(time.perf_counter() - start)
"""
HASH = """
import time
import rqds_portraits as rp
from rqds_portraits._loading.files import read_bundled, sha256_of
latest = rp.revisions()[-1]  # what rp.load() reads
start = time.perf_counter()
sha256_of(read_bundled(latest.edition, latest.file))
print(time.perf_counter() - start)
"""
EMPTY = """
import sys, time
sys.path.insert(0, {folder!r})
import empty
start = time.perf_counter()
for number in range({count}):
    __import__(f"empty.m{{number}}")
print((time.perf_counter() - start) / {count})
"""
MODULES = 20
"""Empty modules imported per process, for the fixed cost of one."""


def timed(code: str) -> tuple[float, list[float]]:
    """The whole process's time running *code*, and the numbers it printed."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, [float(word) for word in out.split()]


def empty_package(folder: Path) -> None:
    package = folder / "empty"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for number in range(MODULES):
        (package / f"m{number}.py").write_text("x = 1\n")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [sys.executable, "-m", "rqds_portraits", "export", "sqlite", folder], check=True, capture_output=True
        )
        (database,) = Path(folder).glob("*.sqlite")
        empty_package(Path(folder))
        jobs = {
            "pass": "pass",
            "sqlite3": SQLITE.format(database=str(database)),
            "lookup": LOOKUP,
            "hash": HASH,
            "empty": EMPTY.format(folder=folder, count=MODULES),
        }
        # Bytecode as an install has it (an editable checkout under PYTHONDONTWRITEBYTECODE has none).
        subprocess.run([sys.executable, "-m", "compileall", "-q", rqds_portraits.__path__[0]], check=True)
        for code in jobs.values():  # warm the file cache
            timed(code)
        walls: dict[str, list[float]] = {name: [] for name in jobs}
        reports: dict[str, list[list[float]]] = {name: [] for name in jobs}
        for _ in range(args.runs):
            for name, code in jobs.items():
                wall, printed = timed(code)
                walls[name].append(wall)
                reports[name].append(printed)
    report(walls, reports, args.runs)
    return 0


def report(walls: dict[str, list[float]], reports: dict[str, list[list[float]]], runs: int) -> None:
    ms = 1000.0
    wall = {name: min(values) * ms for name, values in walls.items()}
    sqlite_inside = min(r[0] for r in reports["sqlite3"]) * ms
    lookup_inside = min(r[0] for r in reports["lookup"]) * ms
    modules = int(reports["lookup"][0][1])
    hashing = min(r[0] for r in reports["hash"]) * ms
    one_module = min(r[0] for r in reports["empty"]) * ms
    floor = wall["lookup"] - (modules - 1) * one_module
    print(f"minimums over {runs} interleaved runs (ms)")
    print(f"  python -c pass                        {wall['pass']:6.2f} whole")
    print(f"  sqlite3 lookup                        {wall['sqlite3']:6.2f} whole, {sqlite_inside:5.2f} inside")
    print(f"  rqds_portraits lookup                 {wall['lookup']:6.2f} whole, {lookup_inside:5.2f} inside")
    rest = lookup_inside - hashing - modules * one_module
    print(f"    {'of which reading and hashing the file':46} {hashing:5.2f}")
    print(
        f"    {f'of which importing its {modules} modules, at least':46} {modules * one_module:5.2f} ({one_module:.3f} each)"
    )
    print(f"    {'the rest: running them, C modules, decoding':46} {rest:5.2f}")
    print(
        f"  outside the lookup (whole - pass - inside): sqlite3 {wall['sqlite3'] - wall['pass'] - sqlite_inside:5.2f}, "
        f"rqds_portraits {wall['lookup'] - wall['pass'] - lookup_inside:5.2f}"
    )
    print(f"rqds_portraits lookup / sqlite3 lookup = {wall['lookup'] / wall['sqlite3']:.2f}")
    print(f"the floor, as one module: {floor:.2f} ms = {floor / wall['sqlite3']:.2f} × sqlite3 lookup")
    print(f"reading and hashing the file alone = {hashing / sqlite_inside:.2f} × sqlite3's lookup inside its process")


if __name__ == "__main__":
    sys.exit(main())
