"""Cold start: a whole Python process that imports rqds_portraits and looks up a territory,
against the same for pycountry, measured side by side (interleaved runs, medians).

    python benchmarks/cold_start.py [--runs 40]

Prints both medians and their ratio; the budget is a ratio of at most 1.0.
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
    "rqds_portraits": "import rqds_portraits as rp; rp.load().territory('laval')",
    "pycountry": "import pycountry; pycountry.countries.lookup('france')",
    "python": "pass",
}


def run(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
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
        print(f"{name:15} median {median:6.1f} ms over {runs} runs")
    ratio = medians["rqds_portraits"] / medians["pycountry"]
    print(f"ratio rqds_portraits / pycountry = {ratio:.2f} (budget: at most 1.00)")


if __name__ == "__main__":
    main()
