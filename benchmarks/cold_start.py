"""Cold start: whole Python processes, measured side by side (interleaved runs, medians).

    python benchmarks/cold_start.py [--runs 40]

Four processes are timed:

- ``python -c pass``: the interpreter alone;
- ``import rqds_portraits``: the package alone, imported and not used;
- ``import rqds_portraits as rp; rp.load().territory("laval")``: a first lookup, which reads
  the dataset file and verifies its SHA-256 against the edition index;
- ``import pycountry; pycountry.countries.lookup("france")``: the same job in a package
  people know.

The budgets: the import alone at most 1.5 × ``python -c pass``; the first lookup at most
0.8 × pycountry's. Prints the medians and the two ratios; exits 1 when a budget is not met.
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
import time

SCRIPTS = {
    "python -c pass": "pass",
    "import rqds_portraits": "import rqds_portraits",
    "rqds_portraits lookup": "import rqds_portraits as rp; rp.load().territory('laval')",
    "pycountry lookup": "import pycountry; pycountry.countries.lookup('france')",
}
BUDGETS = (
    ("import rqds_portraits", "python -c pass", 1.5),
    ("rqds_portraits lookup", "pycountry lookup", 0.8),
)


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
    parser.add_argument(
        "--against",
        metavar="PYTHON",
        help="the interpreter of another install (an earlier release in its own virtualenv): its import and "
        "first lookup are timed in the same runs, interleaved, and compared",
    )
    args = parser.parse_args()
    jobs = {name: (sys.executable, code) for name, code in SCRIPTS.items()}
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
    for name, median in medians.items():
        print(f"{name:30} median {median:6.1f} ms over {args.runs} runs")
    met = True
    for measured, against, budget in BUDGETS:
        ratio = medians[measured] / medians[against]
        met = met and ratio <= budget
        print(f"{measured} / {against} = {ratio:.2f} (budget: at most {budget:.2f})")
        if args.against:
            other = medians[f"{measured} (other)"] / medians[against]
            print(
                f"  the other install: {other:.2f}; this one / the other = {medians[measured] / medians[f'{measured} (other)']:.2f}"
            )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
