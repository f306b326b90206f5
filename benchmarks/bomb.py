"""The cost of refusing a hostile dataset file: time and peak memory of ``rp.load_file`` on a gzip bomb.

    python benchmarks/bomb.py [--runs 3] [--src OTHER_CHECKOUT/src] [--python PYTHON]

Two files are built in a temporary folder and each is given to ``rp.load_file`` in a
fresh process (``--runs`` times; the medians are printed):

- **the 10.7 KB bomb** (issue 19): a gzipped file of the right layout and edition whose
  ``mentions`` are 500 000 copies of ``{"id":"x"}``, an invalid record (5.5 MB of JSON);
- **the whitespace bomb**: 60 MiB of spaces inside an object, 61 KB gzipped (what a reader that skips
  whitespace one character at a time in Python would take seconds over);
- **the valid-looking file**: a real dataset file whose mentions are 100 000 copies of a real
  one, each with its own id, the last naming no partner: every record is valid alone, so the
  file is refused only by the checks of the whole file, the most a file can make them read.

Each process reports its wall time for the call and its peak resident memory
(``ru_maxrss``, which includes the interpreter and the package, about 60 MB); it is
stopped past ``--memory-limit`` (an address-space limit, so a runaway process raises
``MemoryError`` rather than exhausting the machine) and ``--timeout``.

``--src`` measures another checkout's package with the same interpreter (its ``src/``
folder is put first on ``PYTHONPATH``): the base commit, for a before-and-after::

    git -C /work/main archive 25d830a | tar -x -C /tmp/base && python benchmarks/bomb.py --src /tmp/base/src
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, resource, sys, time
import rqds_portraits as rp
start = time.perf_counter()
try:
    rp.load_file(sys.argv[1])
    outcome = "accepted"
except rp.RqdsError as error:
    outcome = type(error).__name__ + ": " + str(error)[:100]
except MemoryError:
    outcome = "MemoryError"
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "outcome": outcome}))
"""


def bomb(folder: Path) -> Path:
    """The 10.7 KB bomb: 500 000 invalid mentions after a valid head."""
    records = ",".join(['{"id":"x"}'] * 500_000)
    body = f'{{"format":2,"edition":"2014-2015","revision":1,"mentions":[{records}]}}'
    path = folder / "bomb.json.gz"
    path.write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))
    return path


def whitespace(folder: Path) -> Path:
    """60 MiB of spaces inside an object."""
    path = folder / "whitespace.json.gz"
    path.write_bytes(gzip.compress(b"{" + b" " * (60 * 1024 * 1024) + b'"format":2}', compresslevel=9, mtime=0))
    return path


def valid_looking(folder: Path, python: str, env: dict[str, str]) -> Path:
    """A real dataset file whose mentions are 100 000 copies of its first, each with its own id, the last dangling."""
    code = "import rqds_portraits as rp, sys; sys.stdout.buffer.write(rp.load('2014-2015').to_json())"
    raw = subprocess.run([python, "-c", code], check=True, capture_output=True, env=env).stdout
    data = json.loads(raw)
    first = data["mentions"][0]
    data["mentions"] = [{**first, "id": f"m{number}"} for number in range(100_000)]
    data["mentions"][-1]["partner_id"] = "nobody"
    path = folder / "valid-looking.json.gz"
    path.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), compresslevel=9, mtime=0))
    return path


def measure(python: str, path: Path, env: dict[str, str], limit: int, timeout: float) -> dict[str, object]:
    def bounded() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    try:
        done = subprocess.run(
            [python, "-c", CHILD, str(path)],
            capture_output=True,
            text=True,
            env=env,
            preexec_fn=bounded,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": timeout, "peak_mib": float("nan"), "outcome": f"stopped after {timeout} s"}
    if done.returncode != 0:
        return {"seconds": float("nan"), "peak_mib": float("nan"), "outcome": done.stderr.strip().splitlines()[-1]}
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--python", default=sys.executable, help="the interpreter to measure (default: this one)")
    parser.add_argument("--src", help="another checkout's src/ folder, put first on PYTHONPATH (the base commit)")
    parser.add_argument("--memory-limit", type=float, default=12.0, help="GiB of address space per process (12)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per process (300)")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [args.src, env.get("PYTHONPATH")]))
    limit = int(args.memory_limit * 1024**3)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for path in (bomb(folder), whitespace(folder), valid_looking(folder, args.python, env)):
            results = [measure(args.python, path, env, limit, args.timeout) for _ in range(args.runs)]
            seconds = statistics.median(float(str(r["seconds"])) for r in results)
            peak = statistics.median(float(str(r["peak_mib"])) for r in results)
            print(
                f"{path.name:22} {path.stat().st_size / 1000:7.1f} KB: median {seconds:7.2f} s, "
                f"peak {peak:8.0f} MiB over {args.runs} runs; {results[-1]['outcome']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
