"""A browsable static site of one loaded dataset: every fact one click from the line that says it.

    rp.exports.write_site(rp.load("2014-2015"), "site")   # then open site/index.html

The site is plain HTML, one style sheet and one small script; it reads the same
offline (``file://``) as from any static host, and makes no request outside
its folder. Its pages:

- ``index.html``: the territories, a chart of funding by territory, the search
  (over ``search-index.js``, a prebuilt index loaded as a script), how to cite;
- ``t/<territory>.html``: the portrait, line by line (anchors ``L<n>``), each
  mention, amount, period, date and note on the source marked on its span
  (:mod:`._site_marks`), its agreements, its funding with what was left out, and
  a row for every fact written in it (anchored by the record's id);
- ``p/<partner>.html``, ``e/<entente>.html``, ``a/<amount>.html``: a partner's
  names, mentions, agreements and funding by role; every field of an agreement
  or an amount, with its source lines;
- ``partners.html``, ``ententes.html`` (filterable by period and status) and,
  for a revision with a predecessor, ``changes.html`` (:func:`rqds_portraits.diff`).

Everything comes from the dataset's records and queries (``total_funding``,
``funding_by_territory``, ``find_ententes``, ``by_partner``, ``cite``,
``render``): the site reads nothing twice. Writing it twice gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rqds_portraits._errors import DatasetVersionError, ExportError, InvalidArgument, NotFound, shown
from rqds_portraits._money import format_amount
from rqds_portraits._records.annotations import PARTY_ROLES, ROLES
from rqds_portraits._records.ententes import STATUSES
from rqds_portraits._records.periods import Period
from rqds_portraits._text import lookup_key
from rqds_portraits.exports._checked import checked_dataset
from rqds_portraits.exports._files import export_folder, write_bytes
from rqds_portraits.exports._site_marks import KINDS, MARKED, ROLE_LABELS, Mark, label, marked_line, marks_by_line
from rqds_portraits.exports._site_page import (
    SCRIPT,
    STYLE,
    Edition,
    cells,
    definitions,
    esc,
    link,
    page,
    table,
)

if TYPE_CHECKING:
    import os

    from rqds_portraits._changes import Change
    from rqds_portraits._dataset import Dataset
    from rqds_portraits._queries.funding import FundingTotal
    from rqds_portraits._records.annotations import Amount, Mention, Role
    from rqds_portraits._records.ententes import Entente
    from rqds_portraits._records.partners import Partner
    from rqds_portraits._records.portraits import Territory

__all__ = ["write_site"]

_PAGED = {"territories": "t", "partners": "p", "ententes": "e", "amounts": "a"}
"""The tables whose records have a page of their own, and the folder of their pages."""

_FILE_NAME = r"(?:[tpea]/)?[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.(?:html|css|js)"
"""What the site's files are named: a page's name is its record's id."""


def write_site(ds: Dataset, folder: str | os.PathLike[str], *, previous: Dataset | None = None) -> list[Path]:
    """Write a browsable static site of *ds* into *folder* (created if missing, when its parent exists).

    Open ``index.html`` from disk or serve the folder. *previous* is the dataset the changes page
    compares *ds* with; by default the bundled revision before *ds*'s, when there is one. Returns the
    files written, in order; writing the same dataset again gives the same bytes.
    """
    checked = checked_dataset(ds)
    if previous is not None:
        previous = checked_dataset(previous)
        if previous.edition != checked.edition:
            raise InvalidArgument(
                f"previous= must be a revision of edition {checked.edition}, not of {shown(previous.edition)}"
            )
    elif checked.revision > 1:
        previous = _bundled(checked.edition, checked.revision - 1)
    out = export_folder(folder)
    files = dict(_Site(checked, previous).files())
    for name in files:  # a page is named by its record's id: one from a file from outside must be a file name
        if re.fullmatch(_FILE_NAME, name) is None or ".." in name:
            raise ExportError(f"cannot write the site: {shown(name)} (made of a record's id) is not a file name")
    written = []
    for name in sorted(files):
        path = out / name
        if path.parent != out:
            export_folder(path.parent)
        written.append(write_bytes(path, files[name].encode("utf-8")))
    return written


def _bundled(edition: str, revision: int) -> Dataset | None:
    from rqds_portraits._load import load

    try:
        return load(edition, revision=revision)
    except (NotFound, DatasetVersionError):  # a dataset read from a file, of an edition or revision not bundled
        return None


def _money(value: Decimal) -> str:
    return format_amount(value)


def _lines(lines: tuple[int, int]) -> str:
    return f"line {lines[0]}" if lines[0] == lines[1] else f"lines {lines[0]}–{lines[1]}"


def _web(url: str) -> str:
    """A website's address as a link: written "www.…", it is still a site on the web, not a file of this one."""
    return url if "://" in url else f"http://{url}"


def _or_dash(value: object) -> str:
    return "—" if value is None or value == "" or value == () else esc(value)


class _Site:
    """The pages of one dataset, built from its records and queries."""

    def __init__(self, ds: Dataset, previous: Dataset | None) -> None:
        self.ds = ds
        self.previous = previous
        self.edition = Edition(ds.edition, ds.revision, ds.sha256, ds.cite("text"), previous is not None)
        self.text = ds.render().split("\n")
        self.marks = marks_by_line(ds)
        self.funding = ds.funding_by_territory()
        self.entente_of_amount = {a: e for e in ds.ententes for a in e.amount_ids}
        self.mentions_of_partner: dict[str, list[Mention]] = {}
        for mention in ds.mentions:
            if mention.partner_id is not None:
                self.mentions_of_partner.setdefault(mention.partner_id, []).append(mention)

    # -- where records are --------------------------------------------------
    def href(self, table: str, record: Any, root: str) -> str:
        """The page or anchor of *record* of *table*, from a page *root* away from the site's folder."""
        if table in _PAGED:
            return f"{root}{_PAGED[table]}/{record.id}.html"
        if table == "initiatives" or table in MARKED:
            return f"{root}t/{record.territory_id}.html#{record.id}"
        return f"{root}index.html"

    def line_href(self, territory_id: str, line: int, root: str) -> str:
        return f"{root}t/{territory_id}.html#L{line}"

    def partner_link(self, partner_id: str | None, root: str) -> str:
        if partner_id is None:
            return "—"
        partner = self.ds.partners.lookup(partner_id)
        return link(self.href("partners", partner, root), partner.name)

    def shell(self, title: str, root: str, body: str, scripts: Sequence[str] = ()) -> str:
        return page(self.edition, title=title, root=root, body=body, scripts=scripts)

    # -- the files ------------------------------------------------------------
    def files(self) -> Iterator[tuple[str, str]]:
        yield "style.css", STYLE
        yield "site.js", SCRIPT
        yield "search-index.js", self.search_index()
        yield "index.html", self.index()
        yield "partners.html", self.partners()
        yield "ententes.html", self.ententes()
        if self.previous is not None:
            yield "changes.html", self.changes(self.previous)
        for territory in self.ds.territories:
            yield f"t/{territory.id}.html", self.territory(territory)
        for partner in self.ds.partners:
            yield f"p/{partner.id}.html", self.partner(partner)
        for entente in self.ds.ententes:
            yield f"e/{entente.id}.html", self.entente(entente)
        for amount in self.ds.amounts:
            yield f"a/{amount.id}.html", self.amount(amount)

    # -- the index ------------------------------------------------------------
    def index(self) -> str:
        ds = self.ds
        blocks: dict[str, int] = {}
        for initiative in ds.initiatives:
            blocks[initiative.territory_id] = blocks.get(initiative.territory_id, 0) + 1
        agreements: dict[str, int] = {}
        for entente in ds.ententes:
            agreements[entente.territory_id] = agreements.get(entente.territory_id, 0) + 1
        rows = [
            cells(
                (
                    esc(t.region_number),
                    link(self.href("territories", t, ""), t.name),
                    str(blocks.get(t.id, 0)),
                    str(agreements.get(t.id, 0)),
                    f'<span class="num">{esc(self.total_text(self.funding[t.id]))}</span>',
                )
            )
            for t in ds.territories
        ]
        source = ds.source
        body = f"""<h1>Tour du Québec {esc(ds.edition)}: the portraits as data</h1>
<p class="lede">{esc(source.title)}, published by the {esc(source.publisher)} ({esc(source.publisher_acronym)})
on {esc(source.published.isoformat())}: {len(ds.territories)} territories, {len(ds.initiatives)} blocks,
{len(ds.ententes)} agreements, {len(ds.partners)} partners named {len(ds.mentions)} times,
{len(ds.amounts)} amounts. Every fact below links to the line of the source that writes it.
The source: {link(source.url, source.url)}.</p>
<section aria-labelledby="search-title">
<h2 id="search-title">Search</h2>
<form id="search" role="search">
<label for="q">Territory, partner, acronym or agreement</label>
<input id="q" name="q" type="search" autocomplete="off" placeholder="MELS, Québec en Forme, Côte-Nord…">
</form>
<p id="search-status" aria-live="polite"></p>
<ul id="results"></ul>
</section>
<h2 id="territories">Territories</h2>
{table(("Region", "Territory", "Blocks", "Agreements", "Funding"), rows)}
<h2 id="funding">Funding by territory</h2>
{self.funding_chart()}
<h2 id="cite">How to cite</h2>
<p>{esc(ds.cite("text"))}</p>
<h3>BibTeX</h3>
<pre>{esc(ds.cite("bibtex"))}</pre>
<h3>About this data</h3>
<p>{esc(source.reuse_caveat)}</p>
<ul>
<li>{link("partners.html", "Every partner")}</li>
<li>{link("ententes.html", "Every agreement, by period and status")}</li>
{f"<li>{link('changes.html', f'What changed since revision {self.previous.revision}')}</li>" if self.previous else ""}
</ul>"""
        return self.shell(f"Tour du Québec {ds.edition}", "", body, ("search-index.js", "site.js"))

    def total_text(self, total: FundingTotal) -> str:
        return f"{'about ' if total.approximate else ''}{_money(total.total)}"

    def funding_chart(self) -> str:
        top = max((total.total for total in self.funding.values()), default=Decimal(0))
        rows = []
        for territory in self.ds.territories:
            total = self.funding[territory.id]
            if top > 0 and total.total > 0:
                width = (total.total * 100 / top).quantize(Decimal("0.1"))
                bar = f'<span class="fill" style="width: {width}%"></span>'
            else:
                bar = '<span class="zero"></span>'
            amounts = f"{total.count} counted, {len(total.excluded)} left out"
            rows.append(
                cells(
                    (
                        link(self.href("territories", territory, "") + "#funding", territory.name),
                        f'<span class="num">{esc(self.total_text(total))}</span><br><span class="kind">{amounts}</span>',
                        f'<span aria-hidden="true">{bar}</span>',
                    )
                ).replace("<td><span aria-hidden", '<td class="bar"><span aria-hidden')
            )
        caption = "Money granted or committed, by territory (ds.funding_by_territory())"
        return table(("Territory", "Total", "Chart"), rows, caption, **{"class": "chart"})

    def search_index(self) -> str:
        """``search-index.js``: every territory, partner, agreement and block, with its keys folded
        as the package's lookups fold them (:func:`rqds_portraits._text.lookup_key`)."""
        ds = self.ds
        entries: list[list[Any]] = []

        def add(keys: Iterable[str | None], text: str, kind: str, href: str) -> None:
            folded = list(dict.fromkeys(lookup_key(key) for key in keys if key))
            entries.append([[key for key in folded if key], text, kind, href])

        for t in ds.territories:
            add(
                (t.name, t.heading, t.id, t.region_number), f"{t.region_number} {t.name}", "territory", f"t/{t.id}.html"
            )
        for p in ds.partners:
            names = (p.name, *p.acronyms, *p.variants, *p.portrait_forms, p.id)
            renamed = (name for r in p.renames for name in (r.old_name, r.old_acronym, r.new_name, r.new_acronym))
            written = (m.text for m in self.mentions_of_partner.get(p.id, ()))
            shown_name = f"{p.name} ({', '.join(p.acronyms)})" if p.acronyms else p.name
            add((*names, *renamed, *written), shown_name, "partner", f"p/{p.id}.html")
        for e in ds.ententes:
            where = ds.territories.lookup(e.territory_id).name
            add((e.title, e.subject), f"{e.title} ({where})", "agreement", f"e/{e.id}.html")
        for i in ds.initiatives:
            where = ds.territories.lookup(i.territory_id).name
            add((i.label,), f"{i.label} ({where})", "block", self.href("initiatives", i, ""))
        data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
        return f"// The search's index, built with the site (rqds_portraits.exports.write_site).\nwindow.RQDS_SEARCH = {data};\n"

    # -- lists ----------------------------------------------------------------
    def partners(self) -> str:
        rows = []
        for p in self.ds.partners:
            mentions = self.mentions_of_partner.get(p.id, ())
            rows.append(
                cells(
                    (
                        link(self.href("partners", p, ""), p.name),
                        esc(", ".join(p.acronyms)),
                        esc(p.kind.replace("_", " ")),
                        esc(p.scope),
                        str(len(mentions)),
                    )
                )
            )
        body = f"""<h1>Partners</h1>
<p class="lede">The {len(self.ds.partners)} bodies of the partner registry the portraits name, in the registry's order.</p>
{table(("Partner", "Acronyms", "Kind", "Scope", "Mentions"), rows)}"""
        return self.shell("Partners", "", body)

    def years(self, period: Period | None) -> list[str]:
        """The fiscal years ("2013-2014") *period* is known to share a month with (as ``find_ententes``
        reads it: an unwritten bound is never assumed)."""
        if period is None:
            return []
        first = period.start if period.start is not None else period.end
        last = period.end if period.end is not None else period.start
        assert first is not None and last is not None  # a period writes at least one bound
        return [
            f"{year}-{year + 1}" for year in range(first - 1, last + 1) if period.overlaps((year, year + 1)) is True
        ]

    def ententes(self) -> str:
        ds = self.ds
        rows = []
        all_years: set[str] = set()
        for e in ds.ententes:
            years = self.years(e.period)
            all_years.update(years)
            territory = ds.territories.lookup(e.territory_id)
            row = cells(
                (
                    link(self.href("ententes", e, ""), e.title),
                    link(self.href("territories", territory, ""), territory.name),
                    _or_dash(e.period),
                    esc(e.status.replace("_", " ")),
                    esc(e.kind),
                    esc(self.amounts_text(e)),
                )
            )
            rows.append(row.replace("<tr>", f'<tr data-years="{" ".join(years)}" data-status="{e.status}">', 1))
        year_options = "".join(f'<option value="{y}">{y}</option>' for y in sorted(all_years))
        present = {e.status for e in ds.ententes}
        status_options = "".join(
            f'<option value="{s}">{s.replace("_", " ")}</option>' for s in STATUSES if s in present
        )
        body = f"""<h1>Agreements</h1>
<p class="lede">The {len(ds.ententes)} ententes, plans, programmes and funds the portraits name, in document order
(<code>ds.ententes</code>). A fiscal year keeps those whose period shares a month with it
(<code>find_ententes(period=…)</code>, mode “overlaps”).</p>
<form id="filters" class="filters" hidden>
<div><label for="f-period">Fiscal year</label>
<select id="f-period"><option value="">any</option>{year_options}</select></div>
<div><label for="f-status">Status</label>
<select id="f-status"><option value="">any</option>{status_options}</select></div>
<p id="filter-status" aria-live="polite"></p>
</form>
{table(("Agreement", "Territory", "Period", "Status", "Kind", "Amounts"), rows, id="agreements")}"""
        return self.shell("Agreements", "", body, ("site.js",))

    def amounts_text(self, entente: Entente) -> str:
        parts = []
        for amount_id in entente.amount_ids:
            amount = self.ds.amounts.lookup(amount_id)
            what = "" if amount.kind == "funding" else f" ({amount.kind})"
            share = " (a share)" if amount.share_of else ""
            parts.append(f"{_money(amount.value)}{what}{share}")
        return "; ".join(parts)

    # -- a territory ------------------------------------------------------------
    def territory(self, t: Territory) -> str:
        ds = self.ds
        root = "../"
        initiatives = ds.initiatives_in(t.id)
        first_lines = {i.lines[0]: i for i in initiatives}
        contents = "".join(f"<li>{link('#' + i.id, i.label)}</li>" for i in initiatives)
        source_lines = []
        for number in range(t.lines[0], t.lines[1] + 1):
            if number in first_lines:
                block = first_lines[number]
                source_lines.append(
                    f'<h3 class="block" id="{esc(block.id)}">Block {esc(block.id)} ({_lines(block.lines)})</h3>'
                )
            text = self.text[number - 1]
            marked = marked_line(text, self.marks.get(number, ()), self.mark_title)
            source_lines.append(
                f'<p class="ln" id="L{number}"><a class="no" href="#L{number}">{number}</a>'
                f'<span class="tx">{marked}</span></p>'
            )
        websites = ", ".join(link(_web(w.url), w.url) for w in t.websites) or "—"
        notes = "".join(f"<li>{esc(n.text)}</li>" for n in t.notes)
        here = [e for e in ds.ententes if e.territory_id == t.id]
        agreement_rows = [self.entente_row(e, root) for e in here]
        body = f"""<h1>{esc(t.region_number)} | {esc(t.name)}</h1>
{
            definitions(
                (
                    ("Id", f"<code>{esc(t.id)}</code>"),
                    ("Heading", esc(t.heading)),
                    ("Source", link(f"#L{t.lines[0]}", _lines(t.lines))),
                    ("Websites", websites),
                    ("Blocks", str(len(initiatives))),
                )
            )
        }
{f"<h2>Notes</h2><ul>{notes}</ul>" if notes else ""}
<h2 id="funding">Funding</h2>
{self.funding_section(self.funding[t.id], root)}
<h2 id="agreements">Agreements</h2>
{
            table(("Agreement", "Period", "Status", "Amounts", "Parties"), agreement_rows)
            if here
            else "<p>The portrait names no agreement.</p>"
        }
<h2 id="portrait">Portrait</h2>
<p>The text as published, line by line; each line number links to itself. Every fact the data records is
marked where it is written and followed by a label that links to its record below:</p>
{LEGEND}
<nav aria-label="Blocks of this portrait"><ul>{contents}</ul></nav>
<div class="source" lang="fr">
{chr(10).join(source_lines)}
</div>
<h2 id="facts">Facts written in this portrait</h2>
{self.facts(t)}"""
        return self.shell(t.name, root, body)

    def mark_title(self, mark: Mark) -> str:
        record = mark.record
        what = f"{KINDS[mark.table]} {record.id}"
        if mark.table == "mentions" and record.partner_id is not None:
            return f"{what}: {self.ds.partners.lookup(record.partner_id).name} ({label(mark)})"
        if mark.table == "amounts":
            return f"{what}: {_money(record.value)} ({record.kind})"
        return what

    def funding_section(self, total: FundingTotal, root: str) -> str:
        counted = "".join(
            f"<li>{link(self.href('amounts', a, root), a.text)} ({a.id}, {esc(a.qualifier)})</li>"
            for a in total.amounts
        )
        excluded = "".join(
            f"<li>{link(self.href('amounts', x.amount, root), x.amount.text)} ({x.amount.id}): {esc(x.reason)}</li>"
            for x in total.excluded
        )
        statuses = ", ".join(s.replace("_", " ") for s in total.statuses)
        return (
            f"<p><strong>{esc(self.total_text(total))}</strong> granted or committed: {total.count} amounts counted "
            f"(of agreements whose status is {esc(statuses)}), {len(total.excluded)} left out "
            f"(<code>ds.total_funding(territory=…)</code>).</p>"
            + (f"<h3>Counted</h3><ul>{counted}</ul>" if counted else "")
            + (f"<h3>Left out, and why</h3><ul>{excluded}</ul>" if excluded else "")
        )

    def parties(self, entente: Entente, root: str) -> str:
        found = []
        for mention_id in entente.mention_ids:
            mention = self.ds.mentions.lookup(mention_id)
            roles = "+".join(ROLE_LABELS[r] for r in mention.roles)
            where = link(self.href("mentions", mention, root), mention.text)
            partner = f" → {self.partner_link(mention.partner_id, root)}" if mention.partner_id else ""
            found.append(f"{where} ({esc(roles)}){partner}")
        return "<br>".join(found) or "—"

    def entente_row(self, e: Entente, root: str) -> str:
        amounts = "<br>".join(
            link(self.href("amounts", self.ds.amounts.lookup(a), root), self.ds.amounts.lookup(a).text)
            for a in e.amount_ids
        )
        return cells(
            (
                link(self.href("ententes", e, root), e.title),
                _or_dash(e.period),
                esc(e.status.replace("_", " ")),
                amounts or "—",
                self.parties(e, root),
            )
        )

    def facts(self, t: Territory) -> str:
        """A table per kind of fact written in the portrait, one row per record, anchored by its id."""
        ds = self.ds
        root = "../"
        out = []

        def row(record: Any, values: Iterable[str]) -> str:
            place = link(f"#at-{record.id}", f"line\u00a0{record.lines[0]}")
            return cells((f"<code>{esc(record.id)}</code>", place, *values)).replace(
                "<tr>", f'<tr id="{esc(record.id)}">', 1
            )

        sections: list[tuple[str, str, tuple[str, ...], Callable[[Any], Iterable[str]]]] = [
            (
                "mentions",
                "Mentions",
                ("Written", "Roles", "Partner", "Note"),
                lambda m: (
                    esc(m.text),
                    esc(", ".join(m.roles)),
                    self.partner_link(m.partner_id, root),
                    _or_dash(m.note),
                ),
            ),
            (
                "amounts",
                "Amounts",
                ("Written", "Value", "Kind", "Record"),
                lambda a: (esc(a.text), esc(_money(a.value)), esc(a.kind), link(self.href("amounts", a, root), a.id)),
            ),
            (
                "periods",
                "Periods",
                ("Written", "Read as"),
                lambda p: (esc(p.text), esc(p.period)),
            ),
            (
                "dates",
                "Dates",
                ("Written", "Date", "Relation"),
                lambda d: (esc(d.text), esc(d.date), esc(d.relation)),
            ),
            (
                "source_notes",
                "Notes on the source",
                ("Passage", "Note"),
                lambda n: (esc(n.text), esc(n.note)),
            ),
        ]
        for table_name, title, head, values in sections:
            records = [r for r in getattr(ds, table_name) if r.territory_id == t.id]
            if not records:
                continue
            rows = [row(r, values(r)) for r in records]
            out.append(f"<h3>{esc(title)} ({len(records)})</h3>\n{table(('Id', 'Where', *head), rows)}")
        return "\n".join(out) or "<p>No fact is recorded in this portrait.</p>"

    # -- a partner ------------------------------------------------------------------
    def partner(self, p: Partner) -> str:
        ds = self.ds
        root = "../"
        own = self.mentions_of_partner.get(p.id, [])
        members = [q for q in ds.partners if q.network_id == p.id]
        territories = ", ".join(
            link(self.href("territories", ds.territories.lookup(tid), root), ds.territories.lookup(tid).name)
            for tid in p.territories
            if ds.territories.get(tid) is not None
        )
        fields = [
            ("Id", f"<code>{esc(p.id)}</code>"),
            ("Kind", esc(p.kind.replace("_", " "))),
            ("Scope", esc(p.scope)),
            ("Serves", territories or "—"),
            ("Network", self.partner_link(p.network_id, root) if p.network_id else "—"),
        ]
        if members:
            fields.append(("Members", ", ".join(link(self.href("partners", q, root), q.name) for q in members)))
        if p.collective:
            fields.append(("Collective", f"a group named generically{f' ({p.count})' if p.count else ''}"))
        if p.note:
            fields.append(("Note", esc(p.note)))
        names = [("Name", p.name), *(("Acronym", a) for a in p.acronyms), *(("Variant", v) for v in p.variants)]
        names += [("In its portraits only", f) for f in p.portrait_forms]
        for r in p.renames:
            names.append(("Renamed", f"{r.year}: {r.old_acronym or r.old_name} → {r.new_acronym or r.new_name}"))
        written = sorted({m.text for m in own})
        names_rows = [cells((esc(kind), esc(name))) for kind, name in names]
        names_rows += [cells(("Written in the portraits", esc(text))) for text in written]
        mention_rows = [
            cells(
                (
                    link(self.href("mentions", m, root), m.text),
                    esc(", ".join(m.roles)),
                    link(
                        self.href("territories", ds.territories.lookup(m.territory_id), root),
                        ds.territories.lookup(m.territory_id).name,
                    ),
                    link(self.line_href(m.territory_id, m.lines[0], root), str(m.lines[0])),
                )
            )
            for m in own
        ]
        body = f"""<h1>{esc(p.name)}</h1>
{definitions(fields)}
<h2>Names as written</h2>
{table(("As", "Name"), names_rows)}
<h2>Where it is named ({len(own)})</h2>
{table(("Written", "Roles", "Territory", "Line"), mention_rows) if own else "<p>Named through its network's members only.</p>"}
<h2>Agreements it is a party to</h2>
{self.partner_ententes(p, root)}
<h2>Funding by role</h2>
{self.partner_funding(p, own, root)}"""
        return self.shell(p.name, root, body)

    def partner_ententes(self, p: Partner, root: str) -> str:
        found = self.ds.find_ententes(partner=p.id)
        if not found:
            return "<p>None: no agreement is written with one of its mentions (or its network's).</p>"
        return table(
            ("Agreement", "Period", "Status", "Amounts", "Parties"),
            [self.entente_row(e, root) for e in found],
            "ds.find_ententes(partner=…): the agreements written with one of its mentions",
        )

    def partner_funding(self, p: Partner, own: Sequence[Mention], root: str) -> str:
        held = {role for m in own for role in m.roles}
        rows = []
        asked: list[tuple[str, tuple[Role, ...]]] = [("as a party (signatory, funder, manager)", PARTY_ROLES)]
        asked += [(role, (role,)) for role in ROLES if role in held]
        for what, roles in asked:
            total = self.ds.total_funding(partner=p.id, roles=roles)
            counted = ", ".join(link(self.href("amounts", a, root), a.text) for a in total.amounts) or "—"
            rows.append(
                cells(
                    (
                        esc(what),
                        f'<span class="num">{esc(self.total_text(total))}</span>',
                        counted,
                        str(len(total.excluded)),
                        esc(_money(total.shares_total)) if total.shares else "—",
                    )
                )
            )
        return table(
            ("Role", "Total", "Amounts counted", "Left out", "Its own share written"),
            rows,
            "ds.total_funding(partner=…, roles=…): the money of the agreements it is a party to in that role",
        )

    # -- an agreement and an amount ------------------------------------------------------------
    def quote(self, lines: tuple[int, int], territory_id: str, root: str, mark: Mark | None = None) -> str:
        quoted = []
        for number in range(lines[0], lines[1] + 1):
            text = self.text[number - 1]
            if mark is not None and number == mark.record.lines[0]:
                shown_text = (
                    esc(text[: mark.start])
                    + f'<mark class="mk k-{KINDS[mark.table]}">{esc(text[mark.start : mark.end])}</mark>'
                    + esc(text[mark.end :])
                )
            else:
                shown_text = esc(text)
            where = link(self.line_href(territory_id, number, root), str(number))
            quoted.append(f'<span class="line">{where} {shown_text}</span>')
        return f'<blockquote lang="fr">{"".join(quoted)}</blockquote>'

    def entente(self, e: Entente) -> str:
        ds = self.ds
        root = "../"
        territory = ds.territories.lookup(e.territory_id)
        written: list[tuple[str, Any]] = [
            *(("period", ds.periods.lookup(i)) for i in e.period_ids),
            *(("date", ds.dates.lookup(i)) for i in e.date_ids),
        ]
        fields = [
            ("Id", f"<code>{esc(e.id)}</code>"),
            ("Title", esc(e.title)),
            ("Subject", _or_dash(e.subject)),
            ("Kind", esc(e.kind)),
            ("Status", esc(e.status.replace("_", " "))),
            ("Status from", esc(e.status_basis)),
            ("Status as written", _or_dash(e.status_text)),
            ("Signatories", _or_dash(e.signatories)),
            ("Period", _or_dash(e.period)),
            ("Dates as written", _or_dash("; ".join(e.dates_text))),
            (
                "Periods and dates",
                ", ".join(link(self.href(f"{kind}s", r, root), r.text) for kind, r in written) or "—",
            ),
            ("Territory", link(self.href("territories", territory, root), territory.name)),
            (
                "Block",
                link(self.href("initiatives", ds.initiatives.lookup(e.initiative_id), root), e.initiative_id)
                if e.initiative_id
                else "—",
            ),
            ("Source", link(self.line_href(e.territory_id, e.lines[0], root), _lines(e.lines))),
            ("Note", _or_dash(e.note)),
        ]
        amount_rows = [
            cells(
                (
                    link(self.href("amounts", a, root), a.text),
                    esc(_money(a.value)),
                    esc(a.kind),
                    esc(a.qualifier),
                    _or_dash(a.share_of),
                )
            )
            for a in (ds.amounts.lookup(i) for i in e.amount_ids)
        ]
        body = f"""<h1>{esc(e.title)}</h1>
{definitions(fields)}
<h2>Amounts</h2>
{table(("Written", "Value", "Kind", "Qualifier", "Share of"), amount_rows) if amount_rows else "<p>None written.</p>"}
<h2>Parties</h2>
<p>{self.parties(e, root)}</p>
<h2>Source lines</h2>
{self.quote(e.lines, e.territory_id, root)}"""
        return self.shell(e.title, root, body)

    def amount(self, a: Amount) -> str:
        ds = self.ds
        root = "../"
        entente = self.entente_of_amount.get(a.id)
        total = self.funding[a.territory_id]
        reason = next((x.reason for x in total.excluded if x.amount.id == a.id), None)
        counted = any(c.id == a.id for c in total.amounts)
        in_total = "counted" if counted else f"left out: {reason}" if reason else "not in the territory's total"
        fields = [
            ("Id", f"<code>{esc(a.id)}</code>"),
            ("Written", esc(a.text)),
            ("Value", esc(_money(a.value)) + f" ({esc(a.currency)}, exactly <code>{esc(a.value)}</code>)"),
            ("Qualifier", esc(a.qualifier)),
            ("Kind", esc(a.kind)),
            ("Per years", _or_dash(a.per_years)),
            ("Period", _or_dash(a.period)),
            ("Period as written", link(self.href("periods", ds.periods.lookup(a.period_id), root), ds.periods.lookup(a.period_id).text) if a.period_id else "—"),
            ("Share of", link(self.href("amounts", ds.amounts.lookup(a.share_of), root), a.share_of) if a.share_of else "—"),
            ("Its partner's own share", self.partner_link(a.partner_id, root)),
            ("Agreement", link(self.href("ententes", entente, root), entente.title) if entente else "—"),
            ("Territory", link(self.href("territories", ds.territories.lookup(a.territory_id), root) + "#funding", ds.territories.lookup(a.territory_id).name)),
            ("In the territory's funding", esc(in_total)),
            ("Source", link(f"{root}t/{a.territory_id}.html#at-{a.id}", f"{_lines(a.lines)}, columns {a.span[0]}–{a.span[1]}")),
            ("Note", _or_dash(a.note)),
        ]  # fmt: skip
        mark = Mark("amounts", a, a.span[0], a.span[1])
        body = f"""<h1>{esc(a.text)} <span class="kind">({esc(a.id)})</span></h1>
{definitions(fields)}
<h2>Source line</h2>
{self.quote(a.lines, a.territory_id, root, mark)}"""
        return self.shell(f"{a.text} ({a.id})", root, body)

    # -- the changes ------------------------------------------------------------------
    def changes(self, old: Dataset) -> str:
        from rqds_portraits._changes import diff

        found = diff(old, self.ds)
        rows = []
        olds = []
        for number, change in enumerate(found, 1):
            now = self.current_link(change)
            was = ""
            before = self.old_record(old, change)
            if before is not None:
                was = link(f"#was-{number}", f"revision {old.revision}")
                olds.append(
                    f'<h3 id="was-{number}">{esc(change.table)} {esc(change.id)} in revision {old.revision}</h3>\n'
                    f"<pre>{esc(_data(before))}</pre>"
                )
            fields = "<br>".join(
                f"<code>{esc(f.field)}</code>: {esc(_short(f.old))} → {esc(_short(f.new))}" for f in change.fields
            )
            rows.append(
                cells(
                    (
                        esc(change.table),
                        esc(change.kind),
                        f"<code>{esc(change.old_id)}</code> → <code>{esc(change.id)}</code>"
                        if change.kind == "reassigned"
                        else f"<code>{esc(change.id)}</code>",
                        now or "—",
                        was or "—",
                        fields or "—",
                    )
                )
            )
        body = f"""<h1>Changes from revision {old.revision} to revision {self.ds.revision}</h1>
<p class="lede">What <code>rp.diff(old, new)</code> finds between revision {old.revision}
(sha256 <code class="hash">{esc(old.sha256)}</code>) and revision {self.ds.revision} of edition {esc(self.ds.edition)}:
{len(found)} change{"" if len(found) == 1 else "s"}. Each links to the record as it is now, in this site, and as it was.</p>
{table(("Table", "Change", "Id", "Now", "Was", "Fields"), rows, **{"class": "changes"})}
<h2>The records as they were</h2>
{chr(10).join(olds) or "<p>No record was changed or removed.</p>"}"""
        return self.shell("Changes", "", body)

    def current_link(self, change: Change) -> str | None:
        if change.kind == "removed":
            return None
        if change.table in ("edition", "source"):
            return link("index.html", "this site")
        record = getattr(self.ds, change.table).get(change.id)
        if record is None:
            return None
        return link(self.href(change.table, record, ""), f"revision {self.ds.revision}")

    def old_record(self, old: Dataset, change: Change) -> Any:
        if change.kind == "added":
            return None
        if change.table == "edition":
            return {name: getattr(old, name) for name in ("edition", "revision", "revision_date", "as_of")}
        if change.table == "source":
            return old.source
        old_id = change.old_id or change.id
        return getattr(old, change.table).get(old_id)


def _data(value: object) -> str:
    from rqds_portraits._loading.codec import to_data

    return json.dumps(to_data(value), ensure_ascii=False, indent=2, default=str)


def _short(value: object, limit: int = 200) -> str:
    from rqds_portraits._loading.codec import to_data

    text = json.dumps(to_data(value), ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


LEGEND = f"""<ul class="legend" aria-label="How facts are marked">
<li><mark class="mk k-mention">a body named</mark> <span class="ref">{"/".join(ROLE_LABELS[r] for r in ROLES)}</span>: a mention, solid underline, labelled with its roles</li>
<li><mark class="mk k-amount">1 000 $</mark> <span class="ref">amount</span>: an amount, double underline</li>
<li><mark class="mk k-period">2013-2016</mark> <span class="ref">period</span>: a period, dashed underline</li>
<li><mark class="mk k-date">31 mars 2014</mark> <span class="ref">date</span>: a date, dotted underline</li>
<li><mark class="mk k-note">a passage</mark> <span class="ref">note</span>: a note on the source, wavy underline</li>
</ul>"""
"""The key to the marks, shown above every portrait."""
