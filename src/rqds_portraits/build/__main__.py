"""Rebuild the bundled data, or start a new edition.

    python -m rqds_portraits.build [--check] [DATA_DIR]
    python -m rqds_portraits.build new EDITION SOURCE.txt [--data DATA_DIR]

The first form builds (or with ``--check``, verifies) every edition under the
data folder; the second creates ``DATA_DIR/EDITION/`` with the source text and
a curated file holding every decision the build will need, each marked
``TODO``. A build with problems prints every one of them, sorted by file and
line, and exits with status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import BuildError
from .builder import check, write
from .problems import BuildFailed

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"


def _build(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m rqds_portraits.build", description="Build every edition of the data folder.")
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA, help="the data folder (default: the package's)")
    parser.add_argument("--check", action="store_true", help="fail if a fresh build would change any bundled file")
    args = parser.parse_args(argv)
    if args.check:
        stale = check(args.data_dir)
        for path in stale:
            print(f"not reproducible: {path} differs from a fresh build", file=sys.stderr)
        if not stale:
            print(f"reproducible: every file under {args.data_dir} matches a fresh build")
        return 1 if stale else 0
    for path in write(args.data_dir):
        print(f"wrote {path}")
    return 0


def _new(argv: list[str]) -> int:
    from .scaffold import scaffold

    parser = argparse.ArgumentParser(prog="python -m rqds_portraits.build new", description="Start a new edition.")
    parser.add_argument("edition", help="the edition's name: its years, such as 2015-2016")
    parser.add_argument("source", type=Path, help="the edition's source text (UTF-8)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder (default: the package's)")
    args = parser.parse_args(argv)
    folder, count = scaffold(args.data, args.edition, args.source)
    print(f"wrote {folder / 'source.txt'} and {folder / 'curated.toml'}: {count} decisions marked TODO")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the build command; returns its exit status (0, 1 when not reproducible, 2 for data problems)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        if arguments[:1] == ["new"]:
            return _new(arguments[1:])
        return _build(arguments)
    except BuildFailed as failure:
        print(f"build failed: {len(failure.problems)} problem(s), by file and line:", file=sys.stderr)
        for problem in failure.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except BuildError as error:
        print(f"build error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
