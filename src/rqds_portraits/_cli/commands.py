"""What each command of the command line computes (JSON-ready data) and how it prints it."""

from __future__ import annotations

import argparse
import textwrap
from collections import Counter
from collections.abc import Callable
from typing import Any

from rqds_portraits._cli.changes import diff, print_diff
from rqds_portraits._cli.evidence import mentions, print_mentions, print_source, source
from rqds_portraits._cli.show import print_show, show
from rqds_portraits._cli.text import WIDTH, count, money, shown_lines, table
from rqds_portraits._errors import RqdsError

__all__ = ["COMMANDS", "NO_DATASET", "Command", "UsageError"]


class UsageError(RqdsError, ValueError):
    """A usage error of the command line (options that do not go together), reported with status 2."""


def _lines(lines: tuple[int, int]) -> list[int]:
    return [lines[0], lines[1]]


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
    lines = [f"{key:14} {value}" for key, value in data.items()]
    return "\n".join(
        part for line in lines for part in ([line] if wide else textwrap.wrap(line, WIDTH, subsequent_indent=" " * 15))
    )


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
    shown = [{**row, "lines": shown_lines(row["lines"])} for row in rows]
    return table(shown, ["region_number", "id", "name", "initiatives", "lines"], wide)


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
             "partner_id": m.partner.id, "text": m.text, "lines": _lines(m.lines), "note": m.mention.note}
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
    head = [part for line in head for part in ([line] if wide else textwrap.wrap(line, WIDTH, subsequent_indent="  "))]
    # The mention id names its territory and block; the partner only when a network's members are listed.
    several = len({m["partner_id"] for m in data["mentions"]}) > 1
    rows = [
        {
            **m,
            "roles": ", ".join(m["roles"]),
            "line": shown_lines(m["lines"]),
            "text": f"{m['text']} ({m['partner_id']})" if several else m["text"],
        }
        for m in data["mentions"]
    ]
    listed = table(rows, ["id", "line", "roles", "text"], wide)
    return "\n".join(head) + f"\n\n{count(len(data['mentions']), 'mention')}\n" + listed


def _amount_cells(ds: Any, entente: Any) -> list[dict[str, Any]]:
    cells = []
    for amount_id in entente.amount_ids:
        amount = ds.amount(amount_id)
        partner = ds.partner(amount.partner_id) if amount.partner_id else None
        cells.append({"id": amount.id, "text": amount.text, "value": str(amount.value), "kind": amount.kind,
                      "share_of": amount.share_of, "partner_id": amount.partner_id, "qualifier": amount.qualifier,
                      "lines": _lines(amount.lines), "note": amount.note,
                      "partner": (partner.acronyms or (partner.name,))[0] if partner else None})  # fmt: skip
    return cells


def _entente_row(ds: Any, e: Any) -> dict[str, Any]:
    return {"id": e.id, "territory_id": e.territory_id, "period": str(e.period) if e.period else None,
            "status": e.status, "status_basis": e.status_basis, "status_text": e.status_text, "kind": e.kind,
            "title": e.title, "subject": e.subject, "amounts": _amount_cells(ds, e), "lines": _lines(e.lines),
            "note": e.note}  # fmt: skip


def _ententes(ds: Any, args: argparse.Namespace) -> Any:
    asked = {"period": args.period, "mode": args.mode, "territory": args.territory, "partner": args.partner,
             "roles": args.role, "status": args.status, "kind": args.kind}  # fmt: skip
    left_out = ds.left_out_ententes(**asked)
    if args.left_out:
        return _Rows({**_entente_row(ds, x.entente), "reason": x.reason} for x in left_out)
    rows = _Rows(_entente_row(ds, e) for e in ds.find_ententes(**asked))
    rows.left_out = [_why(x.reason) for x in left_out]
    return rows


def _why(reason: str) -> str:
    """The kind of a reason an entente is left out, to count them: its first clause, without detail."""
    first = reason.split("; ")[0]
    return "a status that is not granted" if "is not granted" in first else first.split(":")[0].split(" (")[0]


class _Rows(list[Any]):
    """The rows of ``ententes`` (what ``--json`` prints: a list), with why each entente a period
    leaves out is left out (what the text output counts under them)."""

    left_out: list[str]


def _amounts_text(cells: list[dict[str, Any]]) -> str:
    parts = []
    for cell in cells:
        label = "" if cell["kind"] == "funding" else f" ({cell['kind']})"
        if cell["share_of"]:
            parts.append(
                f"of which {cell['partner'] + '’s share' if cell['partner'] else 'a share'}: {money(cell['value'])}{label}"
            )
        else:
            parts.append(f"{money(cell['value'])}{label}")
    return "; ".join(parts)


def _print_ententes(rows: Any, wide: bool) -> str:
    shown = []
    for row in rows:
        title = row["title"] if not row["subject"] else f"{row['title']} ({row['subject']})"
        amounts = _amounts_text(row["amounts"])
        details = [title] + ([amounts] if amounts else []) + ([f"left out: {row['reason']}"] if "reason" in row else [])
        shown.append({**row, "period": row["period"] or "", "lines": shown_lines(row["lines"]), "details": details})
    listed = table(shown, ["id", "period", "status", "lines"], wide, details="details")
    if rows and "reason" in rows[0]:
        return f"{listed}\n{count(len(rows), 'entente')} left out by --period"
    reasons = getattr(rows, "left_out", [])
    why = ", ".join(f"{reason} ({n})" for reason, n in Counter(reasons).items())
    summary = f"{count(len(reasons), 'entente')} left out by --period: {why}; add --left-out to list them"
    left_out = "\n" + (summary if wide else "\n".join(textwrap.wrap(summary, WIDTH))) if reasons else ""
    return f"{listed}\n{count(len(rows), 'entente')}{left_out}"


def _amount(amount: Any) -> dict[str, Any]:
    return {"id": amount.id, "text": amount.text, "value": str(amount.value), "lines": _lines(amount.lines)}


def _funding_data(ds: Any, total: Any, partner: str | None = None) -> dict[str, Any]:
    return {
        "total": str(total.total),
        "count": total.count,
        "approximate": total.approximate,
        "yearly": total.yearly,
        "statuses": list(total.statuses),
        "partner": partner,
        "roles": list(total.roles) if total.roles is not None else None,
        "why_zero": total.why_zero,
        "amounts": [
            {**_amount(c.amount), "counted": str(c.value), "entente_id": c.entente_id, "roles": list(c.roles)}
            for c in total.counted
        ],
        "shares_total": str(total.shares_total),
        "shares_follow_roles": False,
        "shares": [{**_amount(a), "share_of": a.share_of, "of": _amount(ds.amount(a.share_of))} for a in total.shares],
        "excluded": [{**_amount(e.amount), "reason": e.reason} for e in total.excluded],
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
    name = None
    if args.partner is not None:
        found = ds.partner(args.partner, territory=args.territory)
        name = (found.acronyms or (found.name,))[0]
    if args.by == "territory":
        if args.territory is not None:
            raise UsageError("--by territory gives every territory: leave out --territory")
        return {tid: _funding_data(ds, total, name) for tid, total in ds.funding_by_territory(**options).items()}
    return _funding_data(ds, ds.total_funding(territory=args.territory, **options), name)


def _print_funding(data: Any, wide: bool) -> str:
    def line(row: Any) -> str:
        return f"{money(row['total'])}{' (approximate)' if row['approximate'] else ''}"

    if "total" not in data:
        rows = [
            {"territory_id": tid, "total": line(row), "counted": row["count"], "left out": len(row["excluded"])}
            for tid, row in data.items()
        ]
        return table(rows, ["territory_id", "total", "counted", "left out"], wide)

    def wrapped(text: str) -> list[str]:
        return [text] if wide else textwrap.wrap(text, WIDTH, subsequent_indent="          ")

    headline = f"total     {line(data)}"
    if data["partner"] is not None:
        roles = data["roles"] or []
        as_ = f"as {', '.join(roles[:-1])} or {roles[-1]}" if len(roles) > 1 else f"as {roles[0]}" if roles else ""
        headline += f": the whole of the ententes {data['partner']} is party to ({as_}), not only its own money"
    out = wrapped(headline)
    if data["why_zero"]:
        out += wrapped(f"why zero  {data['why_zero']}")
    out.append(f"amounts   {data['count']} counted, {len(data['excluded'])} left out")
    out.append(f"statuses  {', '.join(data['statuses'])}")
    if data["roles"] is not None:
        out.append(f"roles     {', '.join(data['roles'])} (the partnerships counted)")
        out += wrapped(
            f"shares    {money(data['shares_total'])} written as {data['partner']}'s own share "
            f"({len(data['shares'])}), whatever the roles counted"
        )
    for share in data["shares"]:
        of = share["of"]
        out += wrapped(
            f"  share {share['text']!r} ({share['id']}, l.{share['lines'][0]}) of {of['text']!r} "
            f"({of['id']}, {money(of['value'])}, l.{of['lines'][0]})"
        )
    if data["amounts"]:
        counted = [
            {
                "id": a["id"],
                "line": a["lines"][0],
                "counted": money(a["counted"]),
                "written": a["text"],
                "entente": [
                    f"entente {a['entente_id'] or 'none'}" + (f" ({', '.join(a['roles'])})" if a["roles"] else "")
                ],
            }
            for a in data["amounts"]
        ]
        out += ["", "counted:", table(counted, ["id", "line", "counted", "written"], wide, details="entente")]
    if data["excluded"]:
        left = [
            {"id": e["id"], "line": e["lines"][0], "written": e["text"], "reason": [e["reason"]]}
            for e in data["excluded"]
        ]
        out += ["", "left out:", table(left, ["id", "line", "written"], wide, details="reason")]
    return "\n".join(out)


def _export(ds: Any, args: argparse.Namespace) -> Any:
    from rqds_portraits.exports import export

    return [str(path) for path in export(ds, args.format, args.outdir)]


def _site(ds: Any, args: argparse.Namespace) -> Any:
    from pathlib import Path

    from rqds_portraits.exports import write_site

    written = write_site(ds, args.outdir)
    return {
        "edition": ds.edition,
        "revision": ds.revision,
        "index": str(Path(args.outdir) / "index.html"),
        "pages": sum(1 for path in written if path.suffix == ".html"),
        "files": [str(path) for path in written],
    }


def _print_site(data: Any, wide: bool) -> str:
    return (
        f"wrote a site of edition {data['edition']} revision {data['revision']}: "
        f"{count(data['pages'], 'page')}, {count(len(data['files']), 'file')}\nopen {data['index']}"
    )


Command = tuple[Callable[[Any, argparse.Namespace], Any], Callable[[Any, bool], str]]
COMMANDS: dict[str, Command] = {
    "summary": (_summary, _print_summary),
    "territories": (_territories, _print_territories),
    "show": (show, print_show),
    # The whole hash fits 100 columns, for pinning; the layout is in --json.
    "editions": (_editions, lambda rows, wide: table(rows, ["edition", "revision", "date", "sha256"], wide)),
    "partner": (_partner, _print_partner),
    "ententes": (_ententes, _print_ententes),
    "funding": (_funding, _print_funding),
    "export": (_export, lambda paths, wide: "\n".join(f"wrote {path}" for path in paths)),
    "site": (_site, _print_site),
    "diff": (diff, print_diff),
    "source": (source, print_source),
    "mentions": (mentions, print_mentions),
}
NO_DATASET = ("editions", "diff")
