"""The browsable site's page shell and its static files: the HTML around every page, its style sheet
and its one small script (the offline search and the agreements' filters), written with f-strings.

Every text that comes from the data goes through :func:`esc`. The colours are
named once (:data:`PALETTE`), with the pairs of text and background they make
(:data:`CONTRAST_PAIRS`), so a test checks their contrast without a browser.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "CONTRAST_PAIRS",
    "PALETTE",
    "SCRIPT",
    "STYLE",
    "Edition",
    "cells",
    "definitions",
    "esc",
    "link",
    "page",
    "table",
]

PALETTE = {
    "text": "#1a1a1a",
    "muted": "#4d4d4d",
    "background": "#ffffff",
    "link": "#1a4f9c",
    "band": "#1f3a68",
    "band-text": "#ffffff",
    "rule": "#c8c8c8",
    "mention": "#e2ecff",
    "amount": "#dcf2e1",
    "period": "#fff1bf",
    "date": "#fde2cf",
    "note": "#f5ddf0",
    "bar": "#2e6b3f",
    "panel": "#f3f4f6",
}
"""The site's colours by use; the marks' backgrounds are light, so text keeps its contrast on them."""

CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "background"),
    ("muted", "background"),
    ("link", "background"),
    ("band-text", "band"),
    ("text", "panel"),
    ("link", "panel"),
    ("muted", "panel"),
    *((fg, mark) for mark in ("mention", "amount", "period", "date", "note") for fg in ("text", "link", "muted")),
)
"""Each (text colour, background colour) the style sheet puts together: WCAG AA asks 4.5:1 of each."""


@attrs.frozen
class Edition:
    """What every page says it shows, and how to cite it."""

    name: str
    revision: int
    sha256: str
    citation: str
    changes: bool
    """Whether the site has a changes page (the revision has a predecessor)."""


def esc(text: object) -> str:
    """*text* escaped for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


def link(href: str, text: str, **attributes: str) -> str:
    """``<a href=…>text</a>``, the text escaped (*href* and the attributes too)."""
    extra = "".join(f' {name.replace("_", "-")}="{esc(value)}"' for name, value in attributes.items())
    return f'<a href="{esc(href)}"{extra}>{esc(text)}</a>'


def cells(values: Iterable[str], tag: str = "td") -> str:
    """One table row of already-escaped cells."""
    return "<tr>" + "".join(f"<{tag}>{value}</{tag}>" for value in values) + "</tr>"


def table(head: Sequence[str], rows: Iterable[str], caption: str | None = None, **attributes: str) -> str:
    """A table that scrolls inside its own box on a narrow screen (the page itself never does):
    *head* are plain texts, *rows* already-built ``<tr>`` rows."""
    extra = "".join(f' {name.replace("_", "-")}="{esc(value)}"' for name, value in attributes.items())
    captioned = f"<caption>{esc(caption)}</caption>" if caption else ""
    header = "<tr>" + "".join(f'<th scope="col">{esc(h)}</th>' for h in head) + "</tr>"
    body = "\n".join(rows)
    return (
        f'<div class="scroll"><table{extra}>{captioned}<thead>{header}</thead>\n<tbody>\n{body}\n</tbody></table></div>'
    )


def definitions(items: Iterable[tuple[str, str]]) -> str:
    """A definition list of (plain name, already-escaped value)."""
    body = "".join(f"<dt>{esc(name)}</dt><dd>{value}</dd>" for name, value in items)
    return f'<dl class="fields">{body}</dl>'


def page(edition: Edition, *, title: str, root: str, body: str, scripts: Sequence[str] = ()) -> str:
    """A whole page: its head, the site's band and navigation, *body* (already HTML, starting with
    its ``<h1>``) and the footer saying the edition, revision and hash shown and how to cite them.
    *root* is the way back to the site's folder (``""`` or ``"../"``)."""
    nav = [
        link(f"{root}index.html", "Home"),
        link(f"{root}index.html#territories", "Territories"),
        link(f"{root}partners.html", "Partners"),
        link(f"{root}ententes.html", "Agreements"),
    ]
    if edition.changes:
        nav.append(link(f"{root}changes.html", "Changes"))
    nav.append(link(f"{root}index.html#search", "Search"))
    loaded = "".join(f'\n<script src="{esc(root + script)}"></script>' for script in scripts)
    shown = f"edition {edition.name}, revision {edition.revision}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · Tour du Québec {esc(edition.name)} r{edition.revision}</title>
<link rel="stylesheet" href="{esc(root)}style.css">
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header class="band">
<p class="site">{link(f"{root}index.html", f"Tour du Québec {edition.name}")} <span>revision {edition.revision}</span></p>
<nav aria-label="Site"><ul>{"".join(f"<li>{item}</li>" for item in nav)}</ul></nav>
</header>
<main id="main">
{body}
</main>
<footer>
<p>This page shows the data of {esc(shown)} (dataset file sha256 <code class="hash">{esc(edition.sha256)}</code>),
built by rqds-portraits from the same records as its Python API.</p>
<p>Cite it as: <span class="cite">{esc(edition.citation)}</span> (other styles: {link(f"{root}index.html#cite", "How to cite")}).</p>
</footer>{loaded}
</body>
</html>
"""


STYLE = f"""/* rqds-portraits: the browsable site. Plain CSS, system fonts, no request outside this folder. */
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; }}
body {{ margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: {PALETTE["text"]}; background: {PALETTE["background"]}; overflow-wrap: anywhere; }}
a {{ color: {PALETTE["link"]}; }}
a:focus-visible, input:focus-visible, select:focus-visible {{ outline: 3px solid {PALETTE["link"]}; outline-offset: 2px; }}
.skip {{ position: absolute; left: -999px; top: 0; }}
.skip:focus {{ left: 0.5rem; background: {PALETTE["background"]}; padding: 0.25rem 0.5rem; z-index: 2; }}
.band {{ background: {PALETTE["band"]}; color: {PALETTE["band-text"]}; padding: 0.5rem 1rem; }}
.band a {{ color: {PALETTE["band-text"]}; }}
.band .site {{ margin: 0; font-weight: 700; }}
.band .site span {{ font-weight: 400; }}
.band ul {{ list-style: none; margin: 0.25rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }}
main, footer {{ max-width: 64rem; margin: 0 auto; padding: 0 1rem; }}
footer {{ border-top: 1px solid {PALETTE["rule"]}; margin-top: 2rem; padding-bottom: 2rem; color: {PALETTE["muted"]}; font-size: 0.875rem; }}
code, pre {{ font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.875em; }}
.hash {{ word-break: break-all; }}
pre {{ background: {PALETTE["panel"]}; padding: 0.75rem; white-space: pre-wrap; word-break: break-word; }}
h1 {{ font-size: 1.75rem; line-height: 1.25; margin: 1.25rem 0 0.75rem; }}
h2 {{ font-size: 1.35rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid {PALETTE["rule"]}; }}
h3 {{ font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }}
.lede {{ color: {PALETTE["muted"]}; }}
.scroll {{ overflow-x: auto; max-width: 100%; }}
/* In a table, words stay whole (a narrow screen scrolls the table's box instead of cutting them). */
table {{ border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9375rem; overflow-wrap: break-word; }}
caption {{ text-align: left; font-weight: 600; padding: 0.25rem 0; }}
th, td {{ text-align: left; vertical-align: top; padding: 0.3rem 0.6rem 0.3rem 0; border-bottom: 1px solid {PALETTE["rule"]}; }}
table.changes {{ width: 100%; min-width: 44rem; }}
table.changes td:last-child {{ overflow-wrap: anywhere; min-width: 16rem; }}
td.num, th.num {{ text-align: right; white-space: nowrap; }}
tr:target, dd:target, p:target, h3:target {{ background: {PALETTE["panel"]}; outline: 2px solid {PALETTE["link"]}; }}
dl.fields {{ display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: 0.25rem 1rem; }}
dl.fields dt {{ font-weight: 600; }}
dl.fields dd {{ margin: 0; }}
.chart {{ width: 100%; }}
.chart td.bar {{ width: 50%; vertical-align: middle; }}
.chart .fill {{ display: block; height: 0.9rem; background: {PALETTE["bar"]}; min-width: 4px; }}
.chart .zero {{ display: block; height: 0.9rem; border-left: 2px solid {PALETTE["muted"]}; }}
form.filters {{ display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: end; margin: 0.5rem 0; }}
form.filters label, #search label {{ display: block; font-weight: 600; }}
input, select {{ font: inherit; padding: 0.3rem 0.4rem; border: 1px solid {PALETTE["muted"]}; border-radius: 3px; max-width: 100%; }}
#search input {{ width: 24rem; }}
#results li {{ margin: 0.2rem 0; }}
.kind {{ color: {PALETTE["muted"]}; font-size: 0.875em; }}
/* The portrait: one line of the source per row, its number a link to itself. */
.source {{ border-left: 3px solid {PALETTE["rule"]}; padding-left: 0.5rem; }}
.ln {{ display: flex; margin: 0; min-height: 1.5em; }}
.ln .no {{ flex: 0 0 3.25rem; text-align: right; padding-right: 0.75rem; color: {PALETTE["muted"]};
  font: 0.8125rem/1.85 ui-monospace, Menlo, Consolas, monospace; text-decoration: none; }}
.ln .tx {{ flex: 1 1 auto; min-width: 0; white-space: pre-wrap; }}
h3.block {{ font-size: 1rem; margin: 1.25rem 0 0.25rem; color: {PALETTE["muted"]}; }}
/* Marks: each kind has its own underline and background, and every mark is followed by a text
   label that links to its record, so neither colour nor shape alone tells them apart. */
mark.mk {{ color: inherit; padding: 0 0.05em; text-decoration-line: underline; text-decoration-thickness: 2px;
  text-underline-offset: 0.2em; text-decoration-skip-ink: none; }}
mark.k-mention {{ background: {PALETTE["mention"]}; text-decoration-style: solid; }}
mark.k-amount {{ background: {PALETTE["amount"]}; text-decoration-style: double; text-decoration-thickness: 3px; }}
mark.k-period {{ background: {PALETTE["period"]}; text-decoration-style: dashed; }}
mark.k-date {{ background: {PALETTE["date"]}; text-decoration-style: dotted; text-decoration-thickness: 3px; }}
mark.k-note {{ background: {PALETTE["note"]}; text-decoration-style: wavy; text-decoration-thickness: 1px; }}
a.ref {{ font-size: 0.72em; vertical-align: super; line-height: 0; margin: 0 0.15em 0 0.05em; white-space: nowrap; }}
.legend {{ display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding: 0; list-style: none; font-size: 0.9375rem; }}
.note {{ color: {PALETTE["muted"]}; }}
blockquote {{ margin: 0.5rem 0; padding: 0.25rem 0.75rem; background: {PALETTE["panel"]}; }}
blockquote .line {{ display: block; white-space: pre-wrap; }}
@media (max-width: 40rem) {{
  h1 {{ font-size: 1.4rem; }}
  .ln .no {{ flex-basis: 2.5rem; padding-right: 0.4rem; }}
  #search input {{ width: 100%; }}
  dl.fields {{ grid-template-columns: 1fr; }}
  dl.fields dd {{ margin-bottom: 0.4rem; }}
}}
"""
"""The site's style sheet (``style.css``)."""

SCRIPT = """// rqds-portraits: the browsable site's only script. The search works offline, from file://:
// its index is a script (search-index.js), not a file fetched at run time.
(function () {
  "use strict";
  // Fold a text as the package's lookups do (rqds_portraits._text.lookup_key): case, accents,
  // punctuation and Unicode form do not matter; "œ" is "oe".
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\\p{M}/gu, "")
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/[^0-9a-z]+/g, " ").trim();
  }
  window.rqdsFold = fold;

  function rank(keys, query) {
    var best = 9;
    for (var i = 0; i < keys.length; i++) {
      var key = keys[i];
      var r = key === query ? 0 : key.indexOf(query) === 0 ? 1
        : (" " + key).indexOf(" " + query) >= 0 ? 2 : key.indexOf(query) >= 0 ? 3 : 9;
      if (r < best) { best = r; }
    }
    return best;
  }

  function setUpSearch() {
    var form = document.getElementById("search");
    var entries = window.RQDS_SEARCH;
    if (!form || !entries) { return; }
    var input = document.getElementById("q");
    var list = document.getElementById("results");
    var status = document.getElementById("search-status");
    function run() {
      var query = fold(input.value);
      list.textContent = "";
      if (!query) { status.textContent = ""; return; }
      var found = [];
      for (var i = 0; i < entries.length; i++) {
        var r = rank(entries[i][0], query);
        if (r < 9) { found.push([r, i]); }
      }
      found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      var shown = found.slice(0, 50);
      for (var j = 0; j < shown.length; j++) {
        var entry = entries[shown[j][1]];
        var item = document.createElement("li");
        var anchor = document.createElement("a");
        anchor.href = entry[3];
        anchor.textContent = entry[1];
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = " (" + entry[2] + ")";
        item.appendChild(anchor);
        item.appendChild(kind);
        list.appendChild(item);
      }
      status.textContent = found.length === 0 ? "Nothing found." :
        found.length + (found.length === 1 ? " result" : " results") +
        (found.length > shown.length ? " (the first " + shown.length + " shown)" : "") + ".";
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", run);
    var asked = new URLSearchParams(window.location.search).get("q");
    if (asked) { input.value = asked; run(); }
  }

  function setUpFilters() {
    var form = document.getElementById("filters");
    if (!form) { return; }
    form.hidden = false;
    var period = document.getElementById("f-period");
    var status = document.getElementById("f-status");
    var rows = document.querySelectorAll("#agreements tbody tr");
    var count = document.getElementById("filter-status");
    function apply() {
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var years = (row.getAttribute("data-years") || "").split(" ");
        var keep = (!period.value || years.indexOf(period.value) >= 0) &&
          (!status.value || row.getAttribute("data-status") === status.value);
        row.hidden = !keep;
        if (keep) { shown++; }
      }
      count.textContent = shown + (shown === 1 ? " agreement" : " agreements") + " shown.";
    }
    period.addEventListener("change", apply);
    status.addEventListener("change", apply);
    apply();
  }

  setUpSearch();
  setUpFilters();
})();
"""
"""The site's script (``site.js``): the search over ``search-index.js`` and the agreements' filters."""
