"""Cold start: whole Python processes, measured side by side (interleaved runs, minimums and medians).

    python benchmarks/cold_start.py [--runs 40]

Five processes are timed, one after the other in each round:

- ``python -c pass``: the interpreter alone;
- ``import rqds_portraits``: the package alone, imported and not used;
- ``import rqds_portraits as rp; rp.load().territory("laval")``: a first lookup, which reads
  the dataset file and verifies its SHA-256 against the edition index;
- ``import pycountry; pycountry.countries.lookup("france")``: the same job in a package
  people know;
- ``import sqlite3; …execute("select * from territories where id = 'laval'")``: the same
  lookup in the package's own SQLite export (``rqds-portraits export sqlite DIR``, written
  once before the runs).

The machine's other work only ever slows a run: the minimum of each is the figure compared,
and the ratios are printed against ``python -c pass``, pycountry and sqlite3. A report: it
prints the budgets the project set (issue 20: the first lookup at or below sqlite3's) and
whether this run meets them, and exits 0 either way, unless ``--strict``.
Needs pycountry (in the test extra).

Both packages are timed as installed: pip byte-compiles a wheel's modules when it
installs them, so the script byte-compiles rqds_portraits first (an editable
checkout under PYTHONDONTWRITEBYTECODE=1 would otherwise recompile it on every run).

``--against PYTHON`` also times the import and the first lookup of another
install (the previous release in its own virtualenv), in the same interleaved
runs, so a change is measured side by side:

    python benchmarks/cold_start.py --runs 40 --against ../venv-0.2.0/bin/python
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS = {
    "python -c pass": "pass",
    "import rqds_portraits": "import rqds_portraits",
    "rqds_portraits lookup": "import rqds_portraits as rp; rp.load().territory('laval')",
    "pycountry lookup": "import pycountry; pycountry.countries.lookup('france')",
    "sqlite3 lookup": (
        "import sqlite3; sqlite3.connect({database!r}).execute(\"select * from territories where id = 'laval'\").fetchone()"
    ),
}
BUDGETS = (
    ("import rqds_portraits", "python -c pass", 1.5),
    ("rqds_portraits lookup", "pycountry lookup", 0.8),
    ("rqds_portraits lookup", "sqlite3 lookup", 1.0),
)
RATIOS = ("python -c pass", "pycountry lookup", "sqlite3 lookup")
"""What each process is compared with."""


OTHER = ("import rqds_portraits", "rqds_portraits lookup")
"""What ``--against`` times with the other interpreter too."""
_COMPILE = (
    "import compileall, os, rqds_portraits; compileall.compile_dir(os.path.dirname(rqds_portraits.__file__), quiet=1)"
)


def run(python: str, code: str) -> float:
    start = time.perf_counter()
    subprocess.run([python, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is not met")
    parser.add_argument(
        "--against",
        metavar="PYTHON",
        help="the interpreter of another install (an earlier release in its own virtualenv): its import and "
        "first lookup are timed in the same runs, interleaved, and compared",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [sys.executable, "-m", "rqds_portraits", "export", "sqlite", folder], check=True, capture_output=True
        )
        (database,) = Path(folder).glob("*.sqlite")
        return measure(args, str(database))


def measure(args: argparse.Namespace, database: str) -> int:
    jobs = {name: (sys.executable, code.format(database=database)) for name, code in SCRIPTS.items()}
    if args.against:
        jobs |= {f"{name} (other)": (args.against, SCRIPTS[name]) for name in OTHER}
    for python in {python for python, _ in jobs.values()}:
        subprocess.run([python, "-c", _COMPILE], check=True)
    for python, code in jobs.values():  # warm the file cache and the bytecode caches
        run(python, code)
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(args.runs):
        for name, (python, code) in jobs.items():
            times[name].append(run(python, code))
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    minimums = {name: min(values) * 1000 for name, values in times.items()}
    for name in jobs:
        print(f"{name:30} min {minimums[name]:6.1f} ms, median {medians[name]:6.1f} ms over {args.runs} runs")
    print("ratios of the minimums (medians in brackets):")
    for name in jobs:
        cells = ", ".join(
            f"{minimums[name] / minimums[against]:.2f} ({medians[name] / medians[against]:.2f}) × {against}"
            for against in RATIOS
            if against != name
        )
        print(f"  {name:28} {cells}")
    met = True
    for measured, against, budget in BUDGETS:
        ratio = minimums[measured] / minimums[against]
        met = met and ratio <= budget
        verdict = "met" if ratio <= budget else "NOT met"
        print(f"{measured} / {against} = {ratio:.2f} (budget: at most {budget:.2f}: {verdict})")
        if args.against:
            other = minimums[f"{measured} (other)"] / minimums[against]
            print(
                f"  the other install: {other:.2f}; this one / the other = {minimums[measured] / minimums[f'{measured} (other)']:.2f}"
            )
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
