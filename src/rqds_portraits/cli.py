"""The command line: ``rqds-portraits`` and ``python -m rqds_portraits``.

    rqds-portraits                                   # summary of the latest bundled edition
    rqds-portraits territories --json
    rqds-portraits show cote-nord
    rqds-portraits partner "Québec en Forme" --role member
    rqds-portraits ententes --active-in 2014 --territory laval
    rqds-portraits funding --by territory --period 2013-2016
    rqds-portraits export csv ./out

Every command takes ``--edition`` and ``--revision``; prints aligned tables
(amounts written the French-Canadian way, "1 685 907 $"), or JSON with
``--json`` (amounts as exact decimal strings). Bad input exits with status 2
and one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import typing
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from . import load
from ._version import __version__
from .agreements import EntenteStatus
from .annotations import Role
from .dataset import Dataset
from .errors import RqdsError
from .loading import editions
from .money import format_amount

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


def _partner(ds: Dataset, args: argparse.Namespace) -> Any:
    partner = ds.partner(args.name, territory=args.territory)
    found = ds.by_partner(partner.id, role=args.role, territory=args.territory, include_network=not args.exact)
    return {
        "id": partner.id,
        "name": partner.name,
        "acronyms": list(partner.acronyms),
        "kind": partner.kind,
        "scope": partner.scope,
        "network": partner.network_id,
        "renames": [f"{r.year}: {r.old_acronym or r.old_name} → {r.new_acronym or r.new_name}" for r in partner.renames],
        "mentions": [
            {"territory": m.territory_id, "initiative": m.initiative_id, "role": m.role, "partner": m.partner.id,
             "text": m.text, "line": m.lines[0]}
            for m in found
        ],
    }  # fmt: skip


def _print_partner(data: Any) -> str:
    head = [f"{data['name']}  ({data['id']}; {data['kind']}, {data['scope']})"]
    if data["acronyms"]:
        head.append(f"acronyms: {', '.join(data['acronyms'])}")
    head += [f"renamed {rename}" for rename in data["renames"]]
    if data["network"]:
        head.append(f"network: {data['network']}")
    table = _table(data["mentions"], ["territory", "initiative", "role", "partner", "line", "text"])
    return "\n".join(head) + f"\n\n{len(data['mentions'])} mentions\n" + table


def _money(value: Any) -> str:
    return format_amount(value, space=" ")


def _ententes(ds: Dataset, args: argparse.Namespace) -> Any:
    found = ds.by_period(args.period, mode=args.mode) if args.period else ds.ententes()
    keep = {e.id for e in ds.ententes(active_in=args.active_in, territory=args.territory, partner=args.partner, status=args.status)}
    amounts = {a.id: a for a in ds.amounts}
    return [
        {"id": e.id, "territory": e.territory_id, "period": str(e.period) if e.period else None, "status": e.status,
         "kind": e.kind, "title": e.title, "subject": e.subject,
         "amounts": [str(amounts[i].value) for i in e.amount_ids], "lines": f"{e.lines[0]}-{e.lines[1]}"}
        for e in found if e.id in keep
    ]  # fmt: skip


def _print_ententes(rows: Any) -> str:
    shown = [
        {**row, "amounts": " + ".join(_money(Decimal(a)) for a in row["amounts"]),
         "title": row["title"] if not row["subject"] else f"{row['title']} ({row['subject']})"}
        for row in rows
    ]  # fmt: skip
    return _table(shown, ["territory", "period", "status", "amounts", "lines", "title"]) + f"\n{len(rows)} agreements"


def _funding_row(total: Any) -> dict[str, Any]:
    return {
        "total": str(total.total),
        "count": total.count,
        "approximate": total.approximate,
        "excluded": [{"amount": e.amount.id, "text": e.amount.text, "reason": e.reason} for e in total.excluded],
    }


def _funding(ds: Dataset, args: argparse.Namespace) -> Any:
    options = {"period": args.period, "partner": args.partner, "yearly": args.yearly, "mode": args.mode}
    if args.by == "territory":
        if args.territory is not None:
            raise _Exit("--by territory gives every territory: leave out --territory")
        return {tid: _funding_row(total) for tid, total in ds.funding_by_territory(**options).items()}
    return _funding_row(ds.total_funding(territory=args.territory, **options))


def _print_funding(data: Any) -> str:
    def line(row: Any) -> str:
        return f"{_money(Decimal(row['total']))}{' (approximate)' if row['approximate'] else ''}"

    if "total" in data:
        out = [f"total     {line(data)}", f"amounts   {data['count']} counted, {len(data['excluded'])} left out"]
        out += [f"  left out {e['text']!r} ({e['amount']}): {e['reason']}" for e in data["excluded"]]
        return "\n".join(out)
    rows = [{"territory": tid, "total": line(row), "counted": row["count"], "left out": len(row["excluded"])} for tid, row in data.items()]
    return _table(rows, ["territory", "total", "counted", "left out"])


def _export(ds: Dataset, args: argparse.Namespace) -> Any:
    from .exports import export

    return [str(path) for path in export(ds, args.format, args.outdir)]


Command = tuple[Callable[[Any, argparse.Namespace], Any], Callable[[Any], str]]
COMMANDS: dict[str, Command] = {
    "summary": (_summary, _print_summary),
    "territories": (_territories, lambda rows: _table(rows, ["region", "id", "name", "initiatives", "lines"])),
    "show": (_show, _print_show),
    "editions": (_editions, lambda rows: _table(rows, ["edition"])),
    "partner": (_partner, _print_partner),
    "ententes": (_ententes, _print_ententes),
    "funding": (_funding, _print_funding),
    "export": (_export, lambda paths: "\n".join(f"wrote {path}" for path in paths)),
}


class _Exit(Exception):
    """A usage error, reported in one line with status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, raising usage errors instead of printing the whole usage."""

    def error(self, message: str) -> Any:
        raise _Exit(message)


def _parser() -> argparse.ArgumentParser:
    # The options every command takes, before or after its name. They default to
    # "not given" (filled in by main), so a command never undoes what came before it.
    common = _Parser(add_help=False, argument_default=argparse.SUPPRESS)
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

    partner = commands.add_parser("partner", parents=[common], help="where an organisation appears")
    partner.add_argument("name", help="an id, name, acronym or written form: 'Québec en Forme', QEF, MAMOT")
    partner.add_argument("--territory", help="resolve a region-dependent name (ASSSL) and keep that territory")
    partner.add_argument("--role", choices=typing.get_args(Role), help="keep the mentions with that role")
    partner.add_argument("--exact", action="store_true", help="the body alone, not its network's members")

    ententes = commands.add_parser("ententes", parents=[common], help="agreements, plans and programmes")
    funding = commands.add_parser("funding", parents=[common], help="exact funding totals, with what they leave out")
    for sub in (ententes, funding):
        sub.add_argument("--period", help="a period such as 2013-2016 (hyphen or en dash), or a year")
        sub.add_argument("--mode", default="overlaps", choices=("overlaps", "within", "contains", "exact"),
                         help="how --period is compared (default: overlaps)")  # fmt: skip
        sub.add_argument("--territory", help="a territory id, name or region number")
        sub.add_argument("--partner", help="an organisation: its agreements only")
    ententes.add_argument("--active-in", help="a year (calendar) or a period (fiscal years) the agreement runs in")
    ententes.add_argument(
        "--status", action="append", help="keep this status (repeat for several): " + ", ".join(typing.get_args(EntenteStatus))
    )
    funding.add_argument("--by", choices=("territory",), help="one total per territory")
    funding.add_argument("--yearly", action="store_true", help="one year's worth of each amount")

    export = commands.add_parser("export", parents=[common], help="write the data as json, csv, sqlite or datapackage")
    export.add_argument("format", choices=("json", "csv", "sqlite", "datapackage"))
    export.add_argument("outdir", help="the folder to write into (created if needed)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, or 2 for bad input)."""
    try:
        args = _parser().parse_args(argv)
        for option, default in (("edition", None), ("revision", None), ("json", False)):
            if not hasattr(args, option):
                setattr(args, option, default)
        command = args.command or "summary"
        compute, render = COMMANDS[command]
        ds = None if command == "editions" else load(args.edition, revision=args.revision)
        data = compute(ds, args)
    except (RqdsError, _Exit) as error:
        print(f"rqds-portraits: error: {error}", file=sys.stderr)
        return 2
    try:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str) if args.json else render(data))
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (head, less) stopped early: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
