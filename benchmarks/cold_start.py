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
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
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


def run(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    runs = parser.parse_args().runs
    spec = importlib.util.find_spec("rqds_portraits")
    assert spec is not None and spec.submodule_search_locations, "install rqds-portraits first"
    for folder in spec.submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)
    for code in SCRIPTS.values():  # warm the file cache and the bytecode caches
        run(code)
    times: dict[str, list[float]] = {name: [] for name in SCRIPTS}
    for _ in range(runs):
        for name, code in SCRIPTS.items():
            times[name].append(run(code))
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    for name, median in medians.items():
        print(f"{name:22} median {median:6.1f} ms over {runs} runs")
    met = True
    for measured, against, budget in BUDGETS:
        ratio = medians[measured] / medians[against]
        met = met and ratio <= budget
        print(f"{measured} / {against} = {ratio:.2f} (budget: at most {budget:.2f})")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
