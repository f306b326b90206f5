"""The command line: ``rqds-portraits`` and ``python -m rqds_portraits``.

    rqds-portraits                                   # summary of the latest bundled edition
    rqds-portraits territories --json
    rqds-portraits show cote-nord                    # a territory, or an initiative: show laval-07
    rqds-portraits partner "Québec en Forme" --role member
    rqds-portraits ententes --period 2014 --territory laval
    rqds-portraits funding --partner MELS --period 2013-2016
    rqds-portraits export csv ./out
    rqds-portraits diff 1 2

Every command takes ``--edition`` and ``--revision``, and ``--json``. Tables fit
100 columns (long titles are cut with "…"; ``--wide`` shows them whole);
amounts are written the French-Canadian way ("1 685 907 $"), and exactly
("1685907") in JSON, whose field names are the API's (``lines`` is always
``[first, last]``). Bad input exits with status 2 and one line on stderr, in
the command line's own words (``--territory``, not ``territory=``); a failure
to write (a full disk, a closed output) exits with status 1 and one line.
Output that the terminal's encoding cannot show is written readably: accents
dropped (``Côte-Nord`` becomes ``Cote-Nord``), typographic signs as ASCII;
JSON stays exact (``\\u00f4``).
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from rqds_portraits._errors import RqdsError
from rqds_portraits._version import __version__

__all__ = ["WIDTH", "main"]

WIDTH = 100
"""The width text tables fit in, unless ``--wide``."""

Row = dict[str, Any]
_ASCII = {
    "’": "'",
    "‘": "'",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "–": "-",
    "—": "-",
    "…": "...",
    "œ": "oe",
    "Œ": "OE",
    "æ": "ae",
    "Æ": "AE",
    "→": "->",
    "•": "*",
}


def _readable(error: UnicodeError) -> tuple[str | bytes, int]:
    """A codec error handler: the characters an encoding lacks, as the nearest text it has."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    out = []
    for ch in text:
        plain = _ASCII.get(ch) or "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        try:
            plain.encode(error.encoding)
        except (UnicodeEncodeError, LookupError):
            plain = ch.encode("ascii", "backslashreplace").decode("ascii")
        out.append(plain or "?")
    return "".join(out), error.end


codecs.register_error("rqds-readable", _readable)


# -- what each command computes (JSON-ready data) and how it prints -----------------------------------------------
def _lines(lines: tuple[int, int]) -> list[int]:
    return [lines[0], lines[1]]


def _shown_lines(lines: Sequence[int]) -> str:
    return str(lines[0]) if lines[0] == lines[1] else f"{lines[0]}-{lines[1]}"


def _money(value: Any) -> str:
    from decimal import Decimal

    from rqds_portraits._money import format_amount

    return format_amount(Decimal(value), space=" ")


def _summary(ds: Any, args: argparse.Namespace) -> Any:
    from rqds_portraits._records.edition import RECORD_TABLES

    return {
        "title": ds.source.title,
        "edition": ds.edition,
        "revision": ds.revision,
        "revision_date": str(ds.revision_date) if ds.revision_date else None,
        "sha256": ds.sha256,
        "published": ds.source.published.isoformat(),
        **{table: len(getattr(ds, table)) for table in RECORD_TABLES},
        "source": ds.source.url,
    }


def _print_summary(data: Any, wide: bool) -> str:
    return "\n".join(f"{key:14} {value}" for key, value in data.items())


def _territories(ds: Any, args: argparse.Namespace) -> Any:
    counts: dict[str, int] = {}
    for initiative in ds.initiatives:
        counts[initiative.territory_id] = counts.get(initiative.territory_id, 0) + 1
    return [
        {
            "region_number": t.region_number,
            "id": t.id,
            "name": t.name,
            "initiatives": counts.get(t.id, 0),
            "lines": _lines(t.lines),
        }
        for t in ds.territories
    ]


def _print_territories(rows: Any, wide: bool) -> str:
    shown = [{**row, "lines": _shown_lines(row["lines"])} for row in rows]
    return _table(shown, ["region_number", "id", "name", "initiatives", "lines"], wide)


def _show(ds: Any, args: argparse.Namespace) -> Any:
    key = args.key
    if isinstance(key, str) and re.fullmatch(r"[a-z-]+-[0-9]{2}", key.strip().lower()):
        initiative = ds.initiative(key)
        return {
            "kind": "initiative",
            "id": initiative.id,
            "territory_id": initiative.territory_id,
            "title": initiative.title,
            "label": initiative.label,
            "lines": _lines(initiative.lines),
            "sections": [
                {
                    "kind": s.kind,
                    "heading": s.heading,
                    "lines": _lines(s.lines),
                    "elements": [e.prefix + e.text for e in s.elements],
                }
                for s in initiative.sections
            ],
        }
    territory = ds.territory(key)
    return {
        "kind": "territory",
        "id": territory.id,
        "region_number": territory.region_number,
        "name": territory.name,
        "heading": territory.heading,
        "websites": [w.url for w in territory.websites],
        "notes": [n.text for n in territory.notes],
        "lines": _lines(territory.lines),
        "initiatives": [
            {"id": i.id, "label": i.label, "lines": _lines(i.lines)} for i in ds.initiatives_in(territory.id)
        ],
    }


def _print_show(data: Any, wide: bool) -> str:
    if data["kind"] == "initiative":
        out = [f"{data['id']}  ({data['territory_id']}, lines {_shown_lines(data['lines'])})"]
        if data["title"]:
            out.append(data["title"])
        for section in data["sections"]:
            out += ["", section["heading"], *section["elements"]]
        return "\n".join(out)
    head = [f"{data['region_number']} | {data['name']}  ({data['id']}, lines {_shown_lines(data['lines'])})"]
    head += [f"web: {url}" for url in data["websites"]] + [f"note: {note}" for note in data["notes"]]
    rows = [{**row, "lines": _shown_lines(row["lines"])} for row in data["initiatives"]]
    return "\n".join(head) + "\n\n" + _table(rows, ["id", "lines", "label"], wide)


def _editions(ds: Any, args: argparse.Namespace) -> Any:
    from rqds_portraits._load import editions, revisions
    from rqds_portraits._loading.index import edition_name

    return [
        {"edition": name, "revision": r.revision, "date": r.date.isoformat(), "sha256": r.sha256, "layout": r.layout}
        for name in (editions() if args.edition is None else (edition_name(args.edition),))
        for r in revisions(name)
    ]


def _partner(ds: Any, args: argparse.Namespace) -> Any:
    partner = ds.partner(args.name, territory=args.territory)
    found = ds.by_partner(partner.id, roles=args.role, territory=args.territory, include_network=not args.exact)
    return {
        "id": partner.id,
        "name": partner.name,
        "acronyms": list(partner.acronyms),
        "kind": partner.kind,
        "scope": partner.scope,
        "network_id": partner.network_id,
        "renames": [f"{r.year}: {r.old_acronym or r.old_name} → {r.new_acronym or r.new_name}" for r in partner.renames],
        "mentions": [
            {"id": m.mention.id, "territory_id": m.territory_id, "initiative_id": m.initiative_id, "roles": list(m.roles),
             "partner_id": m.partner.id, "text": m.text, "lines": _lines(m.lines)}
            for m in found
        ],
    }  # fmt: skip


def _print_partner(data: Any, wide: bool) -> str:
    head = [f"{data['name']}  ({data['id']}; {data['kind']}, {data['scope']})"]
    if data["acronyms"]:
        head.append(f"acronyms: {', '.join(data['acronyms'])}")
    head += [f"renamed {rename}" for rename in data["renames"]]
    if data["network_id"]:
        head.append(f"network: {data['network_id']}")
    rows = [{**m, "roles": ", ".join(m["roles"]), "line": _shown_lines(m["lines"])} for m in data["mentions"]]
    table = _table(rows, ["territory_id", "initiative_id", "roles", "partner_id", "line", "text"], wide)
    return "\n".join(head) + f"\n\n{_count(len(data['mentions']), 'mention')}\n" + table


def _amount_cells(ds: Any, entente: Any) -> list[dict[str, Any]]:
    cells = []
    for amount_id in entente.amount_ids:
        amount = ds.amount(amount_id)
        partner = ds.partner(amount.partner_id) if amount.partner_id else None
        cells.append({"id": amount.id, "text": amount.text, "value": str(amount.value), "kind": amount.kind,
                      "share_of": amount.share_of, "partner_id": amount.partner_id,
                      "partner": (partner.acronyms or (partner.name,))[0] if partner else None})  # fmt: skip
    return cells


def _ententes(ds: Any, args: argparse.Namespace) -> Any:
    found = ds.find_ententes(
        period=args.period,
        mode=args.mode,
        territory=args.territory,
        partner=args.partner,
        roles=args.role,
        status=args.status,
        kind=args.kind,
    )
    return [
        {"id": e.id, "territory_id": e.territory_id, "period": str(e.period) if e.period else None, "status": e.status,
         "status_basis": e.status_basis, "kind": e.kind, "title": e.title, "subject": e.subject,
         "amounts": _amount_cells(ds, e), "lines": _lines(e.lines)}
        for e in found
    ]  # fmt: skip


def _amounts_text(cells: list[dict[str, Any]]) -> str:
    parts = []
    for cell in cells:
        label = "" if cell["kind"] == "funding" else f" ({cell['kind']})"
        if cell["share_of"]:
            parts.append(
                f"of which {cell['partner'] + '’s share' if cell['partner'] else 'a share'}: {_money(cell['value'])}{label}"
            )
        else:
            parts.append(f"{_money(cell['value'])}{label}")
    return "; ".join(parts)


def _print_ententes(rows: Any, wide: bool) -> str:
    shown = []
    for row in rows:
        title = row["title"] if not row["subject"] else f"{row['title']} ({row['subject']})"
        amounts = _amounts_text(row["amounts"])
        details = [title] + ([amounts] if amounts else [])
        shown.append({**row, "period": row["period"] or "", "lines": _shown_lines(row["lines"]), "details": details})
    return (
        _table(shown, ["id", "period", "status", "lines"], wide, details="details")
        + f"\n{_count(len(rows), 'entente')}"
    )


def _funding_data(total: Any) -> dict[str, Any]:
    return {
        "total": str(total.total),
        "count": total.count,
        "approximate": total.approximate,
        "yearly": total.yearly,
        "statuses": list(total.statuses),
        "roles": list(total.roles) if total.roles is not None else None,
        "shares_total": str(total.shares_total),
        "shares": [{"id": a.id, "text": a.text, "value": str(a.value), "share_of": a.share_of} for a in total.shares],
        "excluded": [{"id": e.amount.id, "text": e.amount.text, "reason": e.reason} for e in total.excluded],
    }


def _funding(ds: Any, args: argparse.Namespace) -> Any:
    options = {
        "period": args.period,
        "partner": args.partner,
        "roles": args.role,
        "status": args.status,
        "yearly": args.yearly,
        "mode": args.mode,
    }
    if args.by == "territory":
        if args.territory is not None:
            raise _Exit("--by territory gives every territory: leave out --territory")
        return {tid: _funding_data(total) for tid, total in ds.funding_by_territory(**options).items()}
    return _funding_data(ds.total_funding(territory=args.territory, **options))


def _print_funding(data: Any, wide: bool) -> str:
    def line(row: Any) -> str:
        return f"{_money(row['total'])}{' (approximate)' if row['approximate'] else ''}"

    if "total" in data:
        out = [f"total     {line(data)}", f"amounts   {data['count']} counted, {len(data['excluded'])} left out"]
        out.append(f"statuses  {', '.join(data['statuses'])}")
        if data["roles"] is not None:
            out.append(f"roles     {', '.join(data['roles'])} (the partnerships counted)")
            out.append(
                f"shares    {_money(data['shares_total'])} written as the partner's own share ({len(data['shares'])})"
            )
        out += [f"  share {s['text']!r} ({s['id']}) of {s['share_of']}" for s in data["shares"]]
        out += [f"  left out {e['text']!r} ({e['id']}): {e['reason']}" for e in data["excluded"]]
        return "\n".join(out)
    rows = [
        {"territory_id": tid, "total": line(row), "counted": row["count"], "left out": len(row["excluded"])}
        for tid, row in data.items()
    ]
    return _table(rows, ["territory_id", "total", "counted", "left out"], wide)


def _export(ds: Any, args: argparse.Namespace) -> Any:
    from rqds_portraits.exports import export

    return [str(path) for path in export(ds, args.format, args.outdir)]


def _diff(ds: Any, args: argparse.Namespace) -> Any:
    from rqds_portraits._changes import diff
    from rqds_portraits._load import load
    from rqds_portraits._loading.codec import to_data

    old = load(args.edition, revision=args.old)
    new = load(args.edition, revision=args.new)
    return [
        {
            "table": c.table,
            "id": c.id,
            "kind": c.kind,
            "fields": {f.field: {"old": to_data(f.old), "new": to_data(f.new)} for f in c.fields},
        }
        for c in diff(old, new)
    ]


def _print_diff(rows: Any, wide: bool) -> str:
    # The fields changed go on a line under their record, so the id is never cut.
    shown = [{**row, "fields": [f"fields: {', '.join(row['fields'])}"] if row["fields"] else []} for row in rows]
    return _table(shown, ["table", "kind", "id"], wide, details="fields") + f"\n{_count(len(rows), 'change')}"


Command = tuple[Callable[[Any, argparse.Namespace], Any], Callable[[Any, bool], str]]
COMMANDS: dict[str, Command] = {
    "summary": (_summary, _print_summary),
    "territories": (_territories, _print_territories),
    "show": (_show, _print_show),
    # The whole hash fits 100 columns, for pinning; the layout is in --json.
    "editions": (_editions, lambda rows, wide: _table(rows, ["edition", "revision", "date", "sha256"], wide)),
    "partner": (_partner, _print_partner),
    "ententes": (_ententes, _print_ententes),
    "funding": (_funding, _print_funding),
    "export": (_export, lambda paths, wide: "\n".join(f"wrote {path}" for path in paths)),
    "diff": (_diff, _print_diff),
}
_NO_DATASET = ("editions", "diff")


def _table(rows: Sequence[Row], columns: Sequence[str], wide: bool, details: str | None = None) -> str:
    """Rows as a text table whose columns are as wide as their widest cell. Unless *wide*, the
    last column is cut with "…" so lines fit :data:`WIDTH` characters. *details* names a field
    of each row holding lines printed under it, indented (wrapped to fit unless *wide*)."""
    import textwrap

    cells = [[str(row.get(column, "")) if row.get(column) is not None else "" for column in columns] for row in rows]
    widths = [max([len(column), *(len(line[i]) for line in cells)]) for i, column in enumerate(columns)]
    if not wide:
        room = WIDTH - sum(widths[:-1]) - 2 * (len(columns) - 1)
        widths[-1] = max(min(widths[-1], room), len(columns[-1]))
        cells = [
            [*line[:-1], line[-1] if len(line[-1]) <= widths[-1] else line[-1][: widths[-1] - 1] + "…"]
            for line in cells
        ]
    out = ["  ".join(column.ljust(width) for column, width in zip(columns, widths)).rstrip()]
    out.append("  ".join("-" * width for width in widths))
    for row, line in zip(rows, cells):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
        for detail in row.get(details, ()) if details else ():
            out += ["  " + part for part in ([detail] if wide else textwrap.wrap(detail, WIDTH - 2))]
    return "\n".join(out)


# -- parsing ---------------------------------------------------------------------------------------------------------
class _Exit(Exception):
    """A usage error, reported in one line with status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, raising usage errors instead of printing the whole usage."""

    def error(self, message: str) -> Any:
        raise _Exit(message)


def _status(value: str) -> str:
    """A status as people type it: any case, hyphens or spaces ("In-progress")."""
    return re.sub(r"[\s-]+", "_", value.strip().lower())


def _parser() -> argparse.ArgumentParser:
    # The options every command takes, before or after its name. They default to
    # "not given" (filled in by main), so a command never undoes what came before it.
    common = _Parser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument(
        "--edition", help="the edition to read, e.g. 2014-2015 or 2014/2015 (default: the latest bundled)"
    )
    common.add_argument("--revision", type=int, help="the revision to read (default: the latest)")
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")
    common.add_argument("--wide", action="store_true", help="do not cut long cells to fit 100 columns")
    parser = _Parser(
        prog="rqds-portraits",
        description="The RQDS « Tour du Québec » portraits of regional social-development bodies, as data.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"rqds-portraits {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("summary", parents=[common], help="the edition, revision, hash and counts (the default)")
    commands.add_parser("territories", parents=[common], help="the member territories")
    show = commands.add_parser(
        "show", parents=[common], help="a territory and its initiatives, or one initiative as written"
    )
    show.add_argument(
        "key", metavar="territory|initiative", help="cote-nord, 'Côte-Nord', 09, or an initiative id: laval-07"
    )
    commands.add_parser("editions", parents=[common], help="the bundled editions and their revisions")
    from rqds_portraits._records.periods import MODES
    from rqds_portraits.exports import FORMATS

    partner = commands.add_parser("partner", parents=[common], help="where an organisation appears")
    partner.add_argument("name", help="an id, name, acronym or written form: 'Québec en Forme', QEF, MAMOT")
    partner.add_argument("--territory", help="resolve a name of one portrait (Ville, ASSSL) and keep that territory")
    partner.add_argument(
        "--role", action="append", type=_status, help="keep the mentions holding this role (repeat for several)"
    )
    partner.add_argument("--exact", action="store_true", help="the body alone, not its network's members")

    ententes = commands.add_parser(
        "ententes", parents=[common], help="ententes (agreements), plans, programmes and funds"
    )
    funding = commands.add_parser("funding", parents=[common], help="exact funding totals, with what they leave out")
    for sub in (ententes, funding):
        sub.add_argument("--period", help="a period such as 2013-2016, 2013/2016 or 2013–2016, or a year")
        sub.add_argument("--mode", choices=MODES, help="how --period is compared (default: overlaps)")
        sub.add_argument("--territory", help="a territory id, name or region number")
        sub.add_argument("--partner", help="an organisation: its ententes only")
        sub.add_argument(
            "--role", action="append", type=_status, help="with --partner: the roles that count (repeat; e.g. member)"
        )
        sub.add_argument(
            "--status",
            action="append",
            type=_status,
            help="keep this status (repeat for several): signed, in-progress, planned, …",
        )
    ententes.add_argument("--active-in", help="the former name of --period (deprecated: it stops working in 0.4.0)")
    ententes.add_argument(
        "--kind", action="append", type=_status, help="keep this kind (repeat): specific, plan, fund, …"
    )
    funding.add_argument("--by", choices=("territory",), help="one total per territory")
    funding.add_argument("--yearly", action="store_true", help="one year's worth of each amount")

    export = commands.add_parser("export", parents=[common], help="write the data as json, csv, sqlite or datapackage")
    export.add_argument("format", choices=FORMATS)
    export.add_argument("outdir", help="the folder to write into (created if missing, when its parent exists)")

    diff = commands.add_parser("diff", parents=[common], help="what changed between two revisions of an edition")
    diff.add_argument("old", type=int, help="the older revision, e.g. 1")
    diff.add_argument("new", type=int, help="the newer revision, e.g. 2")
    return parser


def _decoded(argument: str) -> str:
    """An argument as the user typed it: under an ASCII locale (``LC_ALL=C``), Python keeps the bytes of
    "Québec" as surrogates; they are read back as UTF-8, else as Latin-1, the two encodings terminals send."""
    if not any("\udc80" <= character <= "\udcff" for character in argument):
        return argument
    raw = argument.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    args = _parser().parse_args([_decoded(argument) for argument in (sys.argv[1:] if argv is None else argv)])
    for option, default in (("edition", None), ("revision", None), ("json", False), ("wide", False)):
        if not hasattr(args, option):
            setattr(args, option, default)
    args.command = args.command or "summary"
    if args.command in _NO_DATASET and args.revision is not None:
        raise _Exit(
            f"--revision picks the revision a command reads; {args.command} "
            + ("compares the two revisions OLD NEW it is given" if args.command == "diff" else "lists every revision")
        )
    if getattr(args, "active_in", None) is not None:
        if args.period is not None:
            raise _Exit("--active-in is the former name of --period: give --period alone")
        _warn("--active-in is deprecated and stops working in rqds-portraits 0.4.0: use --period")
        args.period = args.active_in
    if getattr(args, "mode", None) is not None and getattr(args, "period", None) is None:
        raise _Exit("--mode says how --period is compared: give --period too")
    if getattr(args, "role", None) is not None and getattr(args, "partner", None) is None and args.command != "partner":
        raise _Exit("--role says which partnerships of --partner count: give --partner too")
    return args


def _count(number: int, noun: str) -> str:
    """``"1 entente"``, ``"3 ententes"``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _cli_words(message: str) -> str:
    """An API message in the command line's words, on one line: ``territory=`` becomes ``--territory``."""
    message = re.sub(
        r"\b(territory|partner|roles|status|kind|mode|period|edition|revision)=(…)?",
        lambda m: "--" + m[1].replace("roles", "role"),
        message,
    )
    message = message.replace("include_network=False", "--exact").replace("folder=", "the export folder")
    return " ".join(message.split("\n"))


# -- output ------------------------------------------------------------------------------------------------------------
def _stdout() -> Any:
    """Standard output, writing what its encoding lacks readably (``None`` when it is closed)."""
    out = sys.stdout
    if out is None:
        return None
    if hasattr(out, "reconfigure") and (out.encoding or "").lower().replace("-", "") != "utf8":
        with contextlib.suppress(ValueError, OSError):  # an unusual stream is written as it is
            out.reconfigure(errors="rqds-readable")
    return out


def _warn(message: str) -> None:
    _error(message, "warning")


def _error(message: str, level: str = "error") -> None:
    stream = sys.stderr
    if stream is not None:
        try:
            stream.write(
                f"rqds-portraits: {level}: {message}\n".encode(stream.encoding or "utf-8", "rqds-readable").decode(
                    stream.encoding or "utf-8"
                )
            )
            stream.flush()
        except (OSError, ValueError, LookupError):
            pass


def _quiet_stdout() -> None:
    """After a failed write, point standard output at /dev/null, so Python's own flush at exit is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _write(text: str) -> int:
    out = _stdout()
    if out is None:
        _error("standard output is closed: nothing can be printed")
        return 1
    try:
        out.write(text + "\n")
        out.flush()
    except BrokenPipeError:  # the reader (head, less) stopped early: not an error of ours
        _quiet_stdout()
    except (OSError, ValueError) as error:  # a full disk (/dev/full), a closed file
        _quiet_stdout()
        _error(f"cannot write the output: {getattr(error, 'strerror', None) or error}")
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, 2 for bad input, 1 when output cannot be written)."""
    from rqds_portraits._errors import ExportError
    from rqds_portraits._load import load

    try:
        args = _arguments(argv)
        compute, render = COMMANDS[args.command]
        ds = None if args.command in _NO_DATASET else load(args.edition, revision=args.revision)
        data = compute(ds, args)
    except ExportError as error:
        _error(_cli_words(str(error)))
        return 1
    except (RqdsError, _Exit) as error:
        _error(_cli_words(str(error)))
        return 2
    if args.json:
        utf8 = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "") == "utf8"
        return _write(json.dumps(data, ensure_ascii=not utf8, indent=2, default=str))
    return _write(render(data, args.wide))
