"""Time the build of the browsable site: loading a revision and writing every page (target: under ten seconds).

    python benchmarks/site.py                      # the latest revision of 2014-2015, best of 3
    python benchmarks/site.py --revision 2 --runs 5

Each run starts from a cold cache (``rp.clear_cache()``) and writes into a new
temporary folder, so it counts reading the dataset (and its predecessor, for
the changes page) as well as rendering and writing the files.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import rqds_portraits as rp
from rqds_portraits.exports import write_site

TARGET_SECONDS = 10.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", default="2014-2015")
    parser.add_argument("--revision", type=int, default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    times = []
    pages = files = 0
    for _ in range(args.runs):
        rp.clear_cache()
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            ds = rp.load(args.edition, revision=args.revision)
            written = write_site(ds, Path(folder) / "site")
            times.append(time.perf_counter() - start)
            pages = sum(1 for path in written if path.suffix == ".html")
            files = len(written)
    best = min(times)
    print(f"site of {args.edition} revision {ds.revision}: {pages} pages, {files} files")
    print(f"build: best {best:.2f} s, worst {max(times):.2f} s over {args.runs} runs (target < {TARGET_SECONDS:.0f} s)")
    return 0 if best < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
