"""The command line's arguments: the parser, arguments typed under any locale, messages in its own words."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import Any

from rqds_portraits._cli.commands import NO_DATASET, UsageError
from rqds_portraits._cli.output import warn
from rqds_portraits._version import __version__

__all__ = ["arguments", "cli_words"]


class _Parser(argparse.ArgumentParser):
    """argparse, raising usage errors instead of printing the whole usage."""

    def error(self, message: str) -> Any:
        raise UsageError(message)


def _status(value: str) -> str:
    """A status as people type it: any case, hyphens or spaces ("In-progress")."""
    return re.sub(r"[\s-]+", "_", value.strip().lower())


def _revision(value: str) -> int:
    """A revision as typed: ASCII digits only (not "١", "+1", "2_0" or " 2", which ``int()`` would read)."""
    if re.fullmatch(r"[0-9]{1,9}", value) is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a revision number: give one in ASCII digits, such as 2")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    # The options every command takes, before or after its name. They default to
    # "not given" (filled in by main), so a command never undoes what came before it.
    common = _Parser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument(
        "--edition", help="the edition to read, e.g. 2014-2015 or 2014/2015 (default: the latest bundled)"
    )
    common.add_argument("--revision", type=_revision, help="the revision to read (default: the latest)")
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")
    common.add_argument("--wide", action="store_true", help="do not cut long cells to fit 100 columns")
    common.add_argument(
        "--format",
        dest="table_format",
        choices=("text", "csv", "tsv"),
        help="text (the default), or the table as comma- or tab-separated values, for spreadsheets",
    )
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
        "show", parents=[common], help="any record by its id (or a territory or partner by name), with its lines"
    )
    show.add_argument(
        "key",
        metavar="ID|NAME",
        help="an id the package prints (cote-nord, laval-07, laval-07-m1, laval-02-a1, an entente's, a partner's,"
        " a period's, a date's, a note's) or a name: 'Côte-Nord', 09, QEF",
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
    ententes.add_argument(
        "--left-out", action="store_true", help="with --period: list the ententes it leaves out unknowingly, and why"
    )
    ententes.add_argument("--active-in", help="the former name of --period (deprecated: it stops working in 0.4.0)")
    ententes.add_argument(
        "--kind", action="append", type=_status, help="keep this kind (repeat): specific, plan, fund, …"
    )
    funding.add_argument("--by", choices=("territory",), help="one total per territory")
    funding.add_argument("--yearly", action="store_true", help="one year's worth of each amount")

    export = commands.add_parser(
        "export", parents=[common], help="write the data as json, csv, sqlite, datapackage or parquet"
    )
    export.add_argument("format", choices=FORMATS)
    export.add_argument("outdir", help="the folder to write into (created if missing, when its parent exists)")

    source = commands.add_parser(
        "source", parents=[common], help="the source text's lines, verbatim, with the records written on them"
    )
    source.add_argument("lines", nargs="?", metavar="LINE[-LINE]", help="a line or a range: 718, 715-720")
    source.add_argument("--territory", help="a whole portrait instead: a territory id, name or region number")
    mentions = commands.add_parser(
        "mentions", parents=[common], help="the organisations named, with their roles and lines"
    )
    mentions.add_argument("--territory", help="a territory id, name or region number")
    mentions.add_argument("--initiative", help="one block, by its id: laval-07")
    mentions.add_argument("--partner", help="the mentions of one registry partner (its id, name or acronym)")
    mentions.add_argument(
        "--role", action="append", type=_status, help="keep the mentions holding this role (repeat): leader, member, …"
    )
    site = commands.add_parser(
        "site", parents=[common], help="write a browsable static site of the data (then open OUT/index.html)"
    )
    site.add_argument("outdir", help="the folder to write into (created if missing, when its parent exists)")

    diff = commands.add_parser("diff", parents=[common], help="what changed between two revisions of an edition")
    diff.add_argument("old", type=_revision, help="the older revision, e.g. 1")
    diff.add_argument("new", type=_revision, help="the newer revision, e.g. 2")
    from rqds_portraits._changes import COMPARED

    diff.add_argument("--territory", help="the changes of one territory's records (ids or not, by reference)")
    diff.add_argument("--table", action="append", choices=COMPARED, help="keep this table (repeat for several)")
    diff.add_argument(
        "--kind",
        action="append",
        choices=("added", "removed", "changed", "reassigned"),
        help="keep this kind of change (repeat for several)",
    )
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


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    args = _parser().parse_args([_decoded(argument) for argument in (sys.argv[1:] if argv is None else argv)])
    for option, default in (
        ("edition", None),
        ("revision", None),
        ("json", False),
        ("wide", False),
        ("table_format", "text"),
    ):
        if not hasattr(args, option):
            setattr(args, option, default)
    args.command = args.command or "summary"
    if args.json and args.table_format != "text":
        raise UsageError(f"--json and --format {args.table_format} are two outputs: give one")
    if args.command in NO_DATASET and args.revision is not None:
        raise UsageError(
            f"--revision picks the revision a command reads; {args.command} "
            + ("compares the two revisions OLD NEW it is given" if args.command == "diff" else "lists every revision")
        )
    if getattr(args, "active_in", None) is not None:
        if args.period is not None:
            raise UsageError("--active-in is the former name of --period: give --period alone")
        warn("--active-in is deprecated and stops working in rqds-portraits 0.4.0: use --period")
        args.period = args.active_in
    if getattr(args, "left_out", False) and getattr(args, "period", None) is None:
        raise UsageError("--left-out lists what --period leaves out: give --period too")
    if getattr(args, "mode", None) is not None and getattr(args, "period", None) is None:
        raise UsageError("--mode says how --period is compared: give --period too")
    if (
        getattr(args, "role", None) is not None
        and getattr(args, "partner", None) is None
        and args.command not in ("partner", "mentions")
    ):
        raise UsageError("--role says which partnerships of --partner count: give --partner too")
    return args


def cli_words(message: str) -> str:
    """An API message in the command line's words, on one line: ``territory=`` becomes ``--territory``."""
    message = re.sub(
        r"\b(territory|partner|roles|status|kind|mode|period|edition|revision)=(…)?",
        lambda m: "--" + m[1].replace("roles", "role"),
        message,
    )
    message = message.replace("include_network=False", "--exact").replace("folder=", "the export folder")
    # What only Python can pass (a pair of years, a Period object) is not offered on the command line.
    message = message.replace(' (2014 or "2014")', "").replace(", a pair of years (2013, 2016) or a Period", "")
    message = message.replace("invalid period ", "invalid --period ")
    return " ".join(message.split("\n"))
