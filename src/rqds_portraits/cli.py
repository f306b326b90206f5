"""The command line: ``rqds-portraits`` and ``python -m rqds_portraits``.

    rqds-portraits                       # summary of the latest bundled edition
    rqds-portraits territories --json
    rqds-portraits show cote-nord

Every command takes ``--edition`` and ``--revision``; prints aligned tables, or
JSON with ``--json``. Bad input exits with status 2 and one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from . import load
from ._version import __version__
from .dataset import Dataset
from .errors import RqdsError
from .loading import editions

__all__ = ["main"]

Row = dict[str, Any]


def _table(rows: Sequence[Row], columns: Sequence[str]) -> str:
    """Rows as a text table whose columns are as wide as their widest cell."""
    cells = [[str(row.get(column, "")) if row.get(column) is not None else "" for column in columns] for row in rows]
    widths = [max([len(column), *(len(line[i]) for line in cells)]) for i, column in enumerate(columns)]
    out = ["  ".join(column.ljust(width) for column, width in zip(columns, widths)).rstrip()]
    out.append("  ".join("-" * width for width in widths))
    out += ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in cells]
    return "\n".join(out)


def _summary(ds: Dataset, args: argparse.Namespace) -> Any:
    return {
        "title": ds.source.title,
        "edition": ds.edition,
        "revision": ds.revision,
        "sha256": ds.sha256,
        "published": ds.source.published.isoformat(),
        "territories": len(ds.territories),
        "initiatives": len(ds.initiatives),
        "periods": len(ds.periods),
        "amounts": len(ds.amounts),
        "mentions": len(ds.mentions),
        "source": ds.source.url,
    }


def _print_summary(data: Any) -> str:
    return "\n".join(f"{key:12} {value}" for key, value in data.items())


def _territories(ds: Dataset, args: argparse.Namespace) -> Any:
    counts: dict[str, int] = {}
    for initiative in ds.initiatives:
        counts[initiative.territory_id] = counts.get(initiative.territory_id, 0) + 1
    return [
        {"region": t.region_number, "id": t.id, "name": t.name, "initiatives": counts.get(t.id, 0), "lines": f"{t.lines[0]}-{t.lines[1]}"}
        for t in ds.territories
    ]


def _show(ds: Dataset, args: argparse.Namespace) -> Any:
    territory = ds.territory(args.territory)
    return {
        "id": territory.id,
        "region": territory.region_number,
        "name": territory.name,
        "heading": territory.heading,
        "websites": [w.url for w in territory.websites],
        "notes": [n.text for n in territory.notes],
        "lines": list(territory.lines),
        "initiatives": [{"id": i.id, "label": i.label, "lines": f"{i.lines[0]}-{i.lines[1]}"} for i in ds.initiatives_in(territory.id)],
    }


def _print_show(data: Any) -> str:
    head = [f"{data['region']} | {data['name']}  ({data['id']}, lines {data['lines'][0]}-{data['lines'][1]})"]
    head += [f"web: {url}" for url in data["websites"]] + [f"note: {note}" for note in data["notes"]]
    return "\n".join(head) + "\n\n" + _table(data["initiatives"], ["id", "lines", "label"])


def _editions(ds: Dataset | None, args: argparse.Namespace) -> Any:
    return [{"edition": name} for name in editions()]


Command = tuple[Callable[[Any, argparse.Namespace], Any], Callable[[Any], str]]
COMMANDS: dict[str, Command] = {
    "summary": (_summary, _print_summary),
    "territories": (_territories, lambda rows: _table(rows, ["region", "id", "name", "initiatives", "lines"])),
    "show": (_show, _print_show),
    "editions": (_editions, lambda rows: _table(rows, ["edition"])),
}


class _Exit(Exception):
    """A usage error, reported in one line with status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, raising usage errors instead of printing the whole usage."""

    def error(self, message: str) -> Any:
        raise _Exit(message)


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--edition", help="the edition to read (default: the latest bundled)")
    common.add_argument("--revision", type=int, help="fail unless the edition is at this revision")
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser = _Parser(
        prog="rqds-portraits",
        description="The RQDS « Tour du Québec » portraits of regional social-development bodies, as data.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"rqds-portraits {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("summary", parents=[common], help="the edition, revision, hash and counts (the default)")
    commands.add_parser("territories", parents=[common], help="the member territories")
    show = commands.add_parser("show", parents=[common], help="one territory and its initiatives")
    show.add_argument("territory", help="an id, a name or a region number: cote-nord, 'Côte-Nord', 09")
    commands.add_parser("editions", parents=[common], help="the bundled editions")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, or 2 for bad input)."""
    try:
        args = _parser().parse_args(argv)
        command = args.command or "summary"
        compute, render = COMMANDS[command]
        ds = None if command == "editions" else load(args.edition, revision=args.revision)
        data = compute(ds, args)
    except (RqdsError, _Exit) as error:
        print(f"rqds-portraits: error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(render(data))
    return 0
