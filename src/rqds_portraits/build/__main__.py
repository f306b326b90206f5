"""Rebuild the bundled data: ``python -m rqds_portraits.build [--check] [DATA_DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import BuildError
from .builder import check, write

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"


def main(argv: list[str] | None = None) -> int:
    """Build (or with ``--check``, verify) every edition under the data folder."""
    parser = argparse.ArgumentParser(prog="python -m rqds_portraits.build", description=__doc__)
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA, help="the data folder (default: the package's)")
    parser.add_argument("--check", action="store_true", help="fail if a fresh build would change any bundled file")
    args = parser.parse_args(argv)
    try:
        if args.check:
            stale = check(args.data_dir)
            for path in stale:
                print(f"not reproducible: {path} differs from a fresh build", file=sys.stderr)
            if not stale:
                print(f"reproducible: every file under {args.data_dir} matches a fresh build")
            return 1 if stale else 0
        for path in write(args.data_dir):
            print(f"wrote {path}")
    except BuildError as error:
        print(f"build error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
