"""How load_file and every documented query grow with the data: the ×1/×10/×100 curve, and peak memory.

    python benchmarks/scaling.py [--sizes 1 10 100] [--rounds 3] [--repeats 3]

For each size, ``benchmarks/replicate.py`` writes the bundled dataset replicated that many
times; a fresh process per size and round then times ``rp.load_file`` of it (the process's first,
which imports pydantic and builds the schema's validators, and a second) and each query
(its first call, which builds the dataset's indexes, and the minimum of *repeats* further
calls), and reports how much its peak resident memory grew while loading, per MB of file.
The rounds run the sizes interleaved (1, 10, 100, 1, 10, 100, …) and the table keeps each
figure's minimum over the rounds: the machine's other work slows a run, never speeds it.

A report, not a test: it prints the table and each size's time as a multiple of ×1's.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import typing
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from replicate import write  # noqa: E402  # benchmarks/ is not a package

QUERIES: dict[str, str] = {
    "total_funding()": "ds.total_funding()",
    "total_funding(partner=)": "ds.total_funding(partner='MAMOT')",
    "total_funding(period=)": "ds.total_funding(period='2014-2015')",
    "total_funding(roles=)": "ds.total_funding(partner='MAMOT', roles=('member',))",
    "funding_by_territory()": "ds.funding_by_territory()",
    "funding_by_territory(partner=)": "ds.funding_by_territory(partner='MAMOT')",
    "by_partner": "ds.by_partner('MAMOT')",
    "find_ententes(partner=, period=)": "ds.find_ententes(partner='MAMOT', period=2015)",
    "left_out_ententes(period=)": "ds.left_out_ententes(period=2015)",
    "partner lookup": "ds.partner('MAMOT')",
    "diff": "rp.diff(ds, other)",
}
"""Each documented query, as a user writes it (``other`` is the same file loaded again: diff compares every record)."""

_CHILD = r"""
import json, sys, time, tracemalloc
import rqds_portraits as rp
path, repeats = sys.argv[1], int(sys.argv[2])
queries = json.loads(sys.argv[3])

start = time.perf_counter()
ds = rp.load_file(path)
ds.records  # every member decoded into records
first = time.perf_counter() - start
start = time.perf_counter()
again = rp.load_file(path)
again.records
out = {"load_file": [first, time.perf_counter() - start]}
del again
# Memory, in a second load (tracemalloc slows what it traces): the peak while loading, and what is kept.
tracemalloc.start()
other = rp.load_file(path)
other.records
out["kept"], out["peak"] = tracemalloc.get_traced_memory()
tracemalloc.stop()
for name, code in queries.items():
    start = time.perf_counter()
    eval(code)
    first = time.perf_counter() - start
    best = first
    for _ in range(repeats):
        start = time.perf_counter()
        eval(code)
        best = min(best, time.perf_counter() - start)
    out[name] = [first, best]
print(json.dumps(out))
"""


def measure(path: Path, repeats: int) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(repeats), json.dumps(QUERIES)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = {size: write(size, Path(folder) / f"dataset-x{size}.json") for size in args.sizes}
        megabytes = {size: path.stat().st_size / 1e6 for size, path in files.items()}
        best: dict[int, dict[str, list[float]]] = {size: {} for size in args.sizes}
        peak: dict[int, float] = {}
        kept: dict[int, float] = {}
        for _ in range(args.rounds):
            for size in args.sizes:
                found = measure(files[size], args.repeats)
                peak[size] = min(peak.get(size, float("inf")), float(found.pop("peak")))  # type: ignore[arg-type]
                kept[size] = min(kept.get(size, float("inf")), float(found.pop("kept")))  # type: ignore[arg-type]
                for name, times in found.items():
                    first, warm = typing.cast("list[float]", times)
                    figures = best[size].setdefault(name, [float("inf"), float("inf")])
                    figures[0], figures[1] = min(figures[0], first), min(figures[1], warm)
    base = args.sizes[0]
    print(f"file size: {', '.join(f'×{size} {megabytes[size]:.1f} MB' for size in args.sizes)}")
    print(
        f"minimums over {args.rounds} interleaved rounds; a query's first call (which builds the indexes) / its best of "
        f"{args.repeats} more; load_file: the process's first (which imports pydantic and builds the validators) / a second"
    )
    header = (
        f"{'':34}"
        + "".join(f"{'×' + str(size):>22}" for size in args.sizes)
        + "".join(f"{f'×{size}/×{base}':>16}" for size in args.sizes[1:])
    )
    print(header)
    for name in ("load_file", *QUERIES):
        cells = "".join(
            f"{best[size][name][0] * 1000:>10.2f} /{best[size][name][1] * 1000:>8.2f} ms" for size in args.sizes
        )
        ratios = "".join(
            f"{best[size][name][0] / best[base][name][0]:>7.0f} /{best[size][name][1] / best[base][name][1]:>6.0f}"
            + "  "
            for size in args.sizes[1:]
        )
        print(f"{name:34}{cells}{ratios}")
    for size in args.sizes:
        print(
            f"memory of load_file at ×{size} ({megabytes[size]:.1f} MB file, Python allocations): peak "
            f"{peak[size] / 1e6:.1f} MB ({peak[size] / 1e6 / megabytes[size]:.1f} MB per MB of file), kept "
            f"{kept[size] / 1e6:.1f} MB ({kept[size] / 1e6 / megabytes[size]:.1f} MB per MB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
