"""The command line: ``rqds-portraits`` and ``python -m rqds_portraits``.

    rqds-portraits                                   # summary of the latest bundled edition
    rqds-portraits territories --json
    rqds-portraits show cote-nord                    # any id it prints: laval-07, laval-07-a1, QEF, …
    rqds-portraits partner "Québec en Forme" --role member
    rqds-portraits ententes --period 2014 --territory laval
    rqds-portraits funding --partner MELS --period 2013-2016
    rqds-portraits export csv ./out
    rqds-portraits site ./site                       # a browsable site: open site/index.html
    rqds-portraits diff 1 2

Every command takes ``--edition`` and ``--revision``, ``--json`` and ``--format csv|tsv``.
Every output fits 100 columns (long texts are cut with "…", ids wrap, long lines wrap; ``--wide``
shows them whole);
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

import json
from collections.abc import Sequence

from rqds_portraits._cli.commands import COMMANDS, NO_DATASET
from rqds_portraits._cli.output import error, plain, utf8, write
from rqds_portraits._cli.parser import arguments, cli_words
from rqds_portraits._cli.text import WIDTH
from rqds_portraits._errors import ExportError, RqdsError

__all__ = ["WIDTH", "main"]


INTERRUPTED = 130
"""The exit status after Ctrl-C: 128 + SIGINT, as shells report it."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, 2 for bad input, 1 when output cannot be
    written or the data cannot be read, 130 after Ctrl-C). Never a traceback: one line on stderr."""
    try:
        return _run(argv)
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, with the status shells expect
        return INTERRUPTED
    except (OSError, MemoryError) as failure:
        error(f"cannot go on: {type(failure).__name__}: {failure}")
        return 1
    except Exception as failure:  # a bug of ours: one line that says so, not a traceback
        error(f"internal error ({type(failure).__name__}: {failure}); please report it with the command you ran")
        return 1


def _run(argv: Sequence[str] | None) -> int:
    from rqds_portraits._load import load

    try:
        args = arguments(argv)
        compute, render = COMMANDS[args.command]
        ds = None if args.command in NO_DATASET else load(args.edition, revision=args.revision)
        data = compute(ds, args)
    except ExportError as failure:
        error(cli_words(str(failure)))
        return 1
    except RqdsError as failure:
        error(cli_words(str(failure)))
        return 2
    if args.json:
        return write(json.dumps(data, ensure_ascii=not utf8(), indent=2, default=str))
    if args.table_format != "text":
        from rqds_portraits._cli.tabular import delimited

        return write(delimited(data, "," if args.table_format == "csv" else "\t"))
    return write(render(data if utf8() else plain(data), args.wide))
