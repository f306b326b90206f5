"""Rebuild the bundled data, or start a new edition (from a checkout of the repository).

    python -m rqds_build [--check] [DATA_DIR] [--curation DIR]
    python -m rqds_build new EDITION SOURCE.txt [--data DATA_DIR] [--curation DIR]

The build acts on the checkout: building or checking the checkout's own data
folder needs the checkout's code, so the package must be installed editable
(``pip install -e ".[test]"``); with an installed copy of ``rqds_portraits``
it refuses, naming both folders, rather than check one copy with the other's
code. ``--check`` says which folder it checks.

The first form builds (or with ``--check``, verifies) every edition: the curated
files and the partner registry under ``curation/`` with the source texts under
the package's ``src/rqds_portraits/data/``, where it writes the dataset files,
the edition index and the JSON Schema. Given a DATA_DIR (a scratch folder), the
curated files are looked for there too, unless ``--curation`` says where. The
second form creates ``DATA_DIR/EDITION/source.txt`` and
``CURATION/EDITION/curated.toml`` holding every decision the build will need,
each marked ``TODO``. A build with problems prints every one of them, sorted by
file and line, and exits with status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import rqds_portraits
from rqds_build.builder import check, write
from rqds_build.problems import BuildFailed
from rqds_portraits._errors import BuildError

CHECKOUT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = CHECKOUT / "src" / "rqds_portraits" / "data"
DEFAULT_CURATION = CHECKOUT / "curation"
PACKAGE = Path(rqds_portraits.__file__).resolve().parent
"""Where the code of ``rqds_portraits`` the build runs with comes from."""

EPILOG = """commands:
  python -m rqds_build [--check] [DATA_DIR]     build (or check) every edition
  python -m rqds_build new EDITION SOURCE.txt   start a new edition: its curated file, each decision marked TODO
                                                (python -m rqds_build new --help)"""


def installed_copy() -> str | None:
    """Why the checkout's data folder cannot be built with the code imported (``None`` when it can):
    ``rqds_portraits`` comes from an installed copy, not from the checkout's ``src/``."""
    if DEFAULT_DATA.parent == PACKAGE:
        return None
    return (
        f"rqds_portraits is imported from {PACKAGE}, an installed copy, not from this checkout's "
        f"{DEFAULT_DATA.parent}: the build would check the checkout's data with other code. Install the "
        'checkout editable (pip install -e ".[test]") and run it again'
    )


def _folders(data: Path | None, curation: Path | None) -> tuple[Path, Path]:
    """The data folder and the curation folder: the repository's, or a scratch folder that holds both."""
    if data is None:
        return DEFAULT_DATA, curation or DEFAULT_CURATION
    return data, curation or data


def _build(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m rqds_build",
        description="Build every edition of the data folder, or start a new edition (new).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "data_dir", nargs="?", type=Path, help="the data folder (default: the package's src/rqds_portraits/data)"
    )
    parser.add_argument(
        "--curation", type=Path, help="the curated files and partners.toml (default: curation/, or DATA_DIR when given)"
    )
    parser.add_argument("--check", action="store_true", help="fail if a fresh build would change any bundled file")
    args = parser.parse_args(argv)
    data, curation = _folders(args.data_dir, args.curation)
    if args.data_dir is None and installed_copy():
        raise BuildError(installed_copy())
    if args.check:
        print(f"checking {data} (curated files and registry from {curation}, code from {PACKAGE})")
        stale = check(data, curation)
        for path in stale:
            print(f"not reproducible: {path} differs from a fresh build", file=sys.stderr)
        if not stale:
            print(f"reproducible: every file under {data} matches a fresh build")
        return 1 if stale else 0
    for path in write(data, curation):
        print(f"wrote {path}")
    return 0


def _new(argv: list[str]) -> int:
    from rqds_build.scaffold import scaffold

    parser = argparse.ArgumentParser(prog="python -m rqds_build new", description="Start a new edition.")
    parser.add_argument("edition", help="the edition's name: its years, such as 2015-2016")
    parser.add_argument("source", type=Path, help="the edition's source text (UTF-8)")
    parser.add_argument("--data", type=Path, help="the data folder (default: the package's src/rqds_portraits/data)")
    parser.add_argument(
        "--curation", type=Path, help="where curated files go (default: curation/, or --data when given)"
    )
    args = parser.parse_args(argv)
    data, curation = _folders(args.data, args.curation)
    if args.data is None and installed_copy():
        raise BuildError(installed_copy())
    folder, count = scaffold(data, args.edition, args.source, curation)
    print(f"wrote {data / args.edition / 'source.txt'} and {folder / 'curated.toml'}: {count} decisions marked TODO")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the build command; returns its exit status (0, 1 when not reproducible, 2 for data problems,
    130 after Ctrl-C). Every failure is one line on stderr, never a traceback."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return 130
    except OSError as error:  # a missing or read-only folder, a dangling link, a full disk
        name = f" {error.filename}" if error.filename else ""
        print(f"build error: cannot use{name}: {error.strerror or error}", file=sys.stderr)
        return 2
    except Exception as error:  # a bug of the build: one line that says so
        print(f"build error: internal error ({type(error).__name__}: {error}); please report it", file=sys.stderr)
        return 2


def _main(argv: list[str] | None) -> int:
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
