"""The browsable site (issue 22) in a real browser: headless Chromium (Debian's ``chromium``), driven by
Playwright for Python with that executable (no browser download).

Every page of a site built from disk is opened from ``file://``: none logs a console error or a page
error, none makes a request outside the site's folder, every internal link and anchor resolves, each
mark reads (as the browser parsed it) as its record's text and each portrait line as the source's, nothing
overflows horizontally at 1280 and at 390 pixels wide, headings go down one level at a time under one
``<h1>``, every control has a label, and every text has a contrast of 4.5:1 with its background (3:1
when large). The search finds "MELS", "QEF", "Côte-Nord" and "coté nord"; the agreements' filters show
what ``find_ententes`` finds. A few pages are screenshotted at both widths.

Skipped only when Chromium is not installed; ``.ci/run`` installs it.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

import rqds_portraits as rp
from rqds_portraits.exports import write_site
from rqds_portraits.exports._site_marks import MARKED

from .conftest import EDITION

CHROMIUM = shutil.which("chromium") or next(
    (path for path in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(path).is_file()), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run installs it)"
)

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = (1280, 390)
DS = rp.load(EDITION)
QUERIES = {"MELS": "p/mels.html", "QEF": "p/quebec-en-forme.html", "Côte-Nord": "t/cote-nord.html"}
QUERIES["coté nord"] = QUERIES["Côte-Nord"]

# What each page reports: its anchors, links, headings, unlabelled controls and texts short of contrast.
INSPECT = """() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(",").map(parseFloat); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const lum = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const background = (el) => { for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0) return c; }
    return {r: 255, g: 255, b: 255, a: 1}; };
  const ratio = (fg, bg) => { const a = lum(fg), b = lum(bg); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
  const lowContrast = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || seen.has(el) || el.closest("[hidden]")) continue;
    seen.add(el);
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const r = ratio(parse(style.color), background(el));
    if (r < needed) lowContrast.push([el.tagName, node.textContent.trim().slice(0, 40), r.toFixed(2)]);
  }
  for (const el of document.querySelectorAll("mark.mk")) {  // the labels drawn by the style sheet, if any
    const after = getComputedStyle(el, "::after");
    if (after.content && after.content !== "none" && after.content !== "normal") {
      const r = ratio(parse(after.color), background(el));
      if (r < 4.5) lowContrast.push(["::after", el.textContent.slice(0, 40), r.toFixed(2)]);
    }
  }
  const controls = Array.from(document.querySelectorAll("input, select, textarea"));
  return {
    ids: Array.from(document.querySelectorAll("[id]")).map((e) => e.id),
    links: Array.from(document.querySelectorAll("a[href]")).map((a) => a.href),
    headings: Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6")).map((h) => Number(h.tagName[1])),
    unlabelled: controls.filter((c) => !(c.labels && c.labels.length) && !c.getAttribute("aria-label")).map((c) => c.id),
    lang: document.documentElement.lang,
    title: document.title,
    lowContrast,
  };
}"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# A portrait as the browser reads it: each line's text and each record's marked text, labels left out.
MARKS = """() => {
  const bare = (el) => { const copy = el.cloneNode(true); copy.querySelectorAll("a.ref").forEach((r) => r.remove());
    return copy.textContent; };
  const marks = {};
  for (const m of document.querySelectorAll("mark[data-rec]")) {
    marks[m.dataset.rec] = (marks[m.dataset.rec] || "") + bare(m);
  }
  const lines = {};
  for (const line of document.querySelectorAll("p.ln")) { lines[line.id] = bare(line.querySelector(".tx")); }
  return {marks, lines};
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    write_site(DS, folder)
    return folder.resolve()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright  # the test extra installs it

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Watched:
    """A browser page whose console errors, page errors and requests are recorded."""

    def __init__(self, browser: Any, folder: Path) -> None:
        self.context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
        self.context.set_default_timeout(120_000)  # a busy CI machine, not a slow page: no test times anything
        self.page = self.context.new_page()
        self.inside = folder.as_uri() + "/"
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on(
            "console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None
        )
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("request", self._request)
        # Anything not read from disk is refused before it leaves (and recorded).
        self.context.route(lambda url: not url.startswith("file:"), self._refuse)

    def _request(self, request: Any) -> None:
        if not request.url.startswith(self.inside) and not request.url.startswith(("data:", "about:")):
            self.outside.append(request.url)

    def _refuse(self, route: Any) -> None:
        self.outside.append(route.request.url)
        route.abort()

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def crawl(browser: Any, site: Path) -> dict[str, dict[str, Any]]:
    """Every page of the site, opened once: what it reports at 1280 pixels, its overflow at each width."""
    watched = Watched(browser, site)
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        before = len(watched.errors), len(watched.outside)
        watched.page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        watched.page.goto(path.as_uri(), wait_until="load")
        report = watched.page.evaluate(INSPECT)
        if name.startswith("t/"):
            report["portrait"] = watched.page.evaluate(MARKS)
        report["overflow"] = {WIDTHS[0]: watched.page.evaluate(OVERFLOW)}
        for width in WIDTHS[1:]:
            watched.page.set_viewport_size({"width": width, "height": 900})
            report["overflow"][width] = watched.page.evaluate(OVERFLOW)
        report["errors"] = watched.errors[before[0] :]
        report["outside"] = watched.outside[before[1] :]
        found[name] = report
    watched.close()
    return found


def test_the_request_watch_sees_a_request_leave(browser: Any, site: Path) -> None:
    """The watch is not blind: a page that asks for an image on the web is caught (and refused)."""
    watched = Watched(browser, site)
    probe = site / "probe.html"
    probe.write_text('<!DOCTYPE html><img src="https://example.invalid/x.png" alt="">', encoding="utf-8")
    try:
        watched.page.goto(probe.as_uri(), wait_until="load")
        assert set(watched.outside) == {"https://example.invalid/x.png"}  # seen asked for, and refused
    finally:
        probe.unlink()
        watched.close()


def test_every_page_loads_without_errors_or_requests_outside_its_folder(crawl: dict[str, dict[str, Any]]) -> None:
    assert len(crawl) == 4 + len(DS.territories) + len(DS.partners) + len(DS.ententes) + len(DS.amounts)
    assert {name: r["errors"] for name, r in crawl.items() if r["errors"]} == {}
    assert {name: r["outside"] for name, r in crawl.items() if r["outside"]} == {}


def test_every_internal_link_and_anchor_resolves(crawl: dict[str, dict[str, Any]], site: Path) -> None:
    inside = site.as_uri() + "/"
    broken = []
    for name, report in crawl.items():
        for href in report["links"]:
            if urlsplit(href).scheme in ("http", "https"):
                continue  # a link out, never followed by the test (nor requested by the page)
            address, _, fragment = href.partition("#")
            if not address.startswith(inside):
                broken.append((name, href, "outside the site"))
                continue
            target = unquote(address.removeprefix(inside))
            if target not in crawl:
                broken.append((name, href, "no such page"))
            elif fragment and unquote(fragment) not in crawl[target]["ids"]:
                broken.append((name, href, "no such anchor"))
    assert broken == []


def test_the_browser_reads_each_mark_as_its_records_text(crawl: dict[str, dict[str, Any]]) -> None:
    """The pieces of each mark, as the browser parsed them, read as the record's text; each line as the source's."""
    rendered = DS.render().split("\n")
    for territory in DS.territories:
        portrait = crawl[f"t/{territory.id}.html"]["portrait"]
        wanted = {
            record.id: record.text
            for table in MARKED
            for record in getattr(DS, table)
            if record.territory_id == territory.id
        }
        assert portrait["marks"] == wanted, territory.id
        assert portrait["lines"] == {
            f"L{n}": rendered[n - 1] for n in range(territory.lines[0], territory.lines[1] + 1)
        }, territory.id


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_overflows_horizontally(crawl: dict[str, dict[str, Any]], width: int) -> None:
    assert {name: r["overflow"][width] for name, r in crawl.items() if r["overflow"][width] > 0} == {}


def test_headings_go_down_one_level_at_a_time_under_one_h1(crawl: dict[str, dict[str, Any]]) -> None:
    for name, report in crawl.items():
        levels = report["headings"]
        assert levels[:1] == [1] and levels.count(1) == 1, name
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (name, levels)
        assert report["lang"] == "en" and report["title"], name


def test_every_control_has_a_label(crawl: dict[str, dict[str, Any]]) -> None:
    assert {name: r["unlabelled"] for name, r in crawl.items() if r["unlabelled"]} == {}
    assert sum(1 for r in crawl.values() if "q" in r["ids"]) == 1  # the search box, checked once


def test_every_text_has_enough_contrast(crawl: dict[str, dict[str, Any]]) -> None:
    assert {name: r["lowContrast"][:5] for name, r in crawl.items() if r["lowContrast"]} == {}


@pytest.mark.parametrize("query", QUERIES)
def test_the_search_finds_it_offline(browser: Any, site: Path, query: str) -> None:
    watched = Watched(browser, site)
    try:
        watched.page.goto((site / "index.html").as_uri(), wait_until="load")
        watched.page.fill("#q", query)
        first = watched.page.locator("#results li a").first
        first.wait_for(timeout=5000)
        assert urlsplit(first.get_attribute("href") or "").path == QUERIES[query]
        assert "result" in (watched.page.text_content("#search-status") or "")
        first.click()
        watched.page.wait_for_load_state("load")
        assert watched.page.url == (site / QUERIES[query]).as_uri()
        assert watched.errors == [] and watched.outside == []
    finally:
        watched.close()


def test_the_fold_of_the_script_is_the_packages(browser: Any, site: Path) -> None:
    from rqds_portraits._text import lookup_key

    samples = ["Côte-Nord", "coté nord", "  ŒUVRES d’Été ", "CRE\u0301", "Québec en Forme (QEF)", "A.V.E.C."]
    watched = Watched(browser, site)
    try:
        watched.page.goto((site / "index.html").as_uri(), wait_until="load")
        folded = watched.page.evaluate("(texts) => texts.map(window.rqdsFold)", samples)
        assert folded == [lookup_key(text) for text in samples]
    finally:
        watched.close()


def test_the_agreements_filter_by_fiscal_year_and_status(browser: Any, site: Path) -> None:
    watched = Watched(browser, site)
    try:
        watched.page.goto((site / "ententes.html").as_uri(), wait_until="load")
        visible = "#agreements tbody tr:not([hidden])"
        assert watched.page.locator(visible).count() == len(DS.ententes)
        watched.page.select_option("#f-period", "2014-2015")
        assert watched.page.locator(visible).count() == len(DS.find_ententes(period="2014-2015", status=rp.STATUSES))
        watched.page.select_option("#f-status", "in_progress")
        wanted = DS.find_ententes(period="2014-2015", status="in_progress")
        assert watched.page.locator(visible).count() == len(wanted) > 0
        assert str(len(wanted)) in (watched.page.text_content("#filter-status") or "")
    finally:
        watched.close()


def test_pages_are_screenshotted_at_both_widths(browser: Any, site: Path, tmp_path: Path) -> None:
    laval = DS.territory("laval")
    shown = ["index.html", f"t/{laval.id}.html", "p/quebec-en-forme.html", "ententes.html", "changes.html"]
    shown += [f"e/{DS.find_ententes(territory='laval')[0].id}.html", f"a/{DS.amounts[0].id}.html"]
    watched = Watched(browser, site)
    try:
        for name in shown:
            for width in WIDTHS:
                watched.page.set_viewport_size({"width": width, "height": 900})
                watched.page.goto((site / name).as_uri(), wait_until="load")
                shot = tmp_path / f"{name.replace('/', '-')}-{width}.png"
                # The first screens of each page: a whole Laval page at 390 px is tens of thousands of pixels
                # high, slow to paint on a busy machine; overflow is measured on the whole page below.
                watched.page.screenshot(
                    path=str(shot), clip={"x": 0, "y": 0, "width": width, "height": 2700}, timeout=120_000
                )
                assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
                assert watched.page.evaluate(OVERFLOW) <= 0, (name, width)
        assert watched.errors == [] and watched.outside == []
    finally:
        watched.close()


def test_the_site_of_the_revision_before_opens_cleanly(browser: Any, tmp_path: Path) -> None:
    """The latest two revisions build and open: the one before's home page, changes page and a portrait."""
    previous = rp.load(EDITION, revision=DS.revision - 1)
    write_site(previous, tmp_path)
    watched = Watched(browser, tmp_path)
    try:
        for name in ("index.html", "changes.html", f"t/{DS.territory('laval').id}.html"):
            for width in WIDTHS:
                watched.page.set_viewport_size({"width": width, "height": 900})
                watched.page.goto((tmp_path / name).as_uri(), wait_until="load")
                assert watched.page.evaluate(OVERFLOW) <= 0, (name, width)
            report = watched.page.evaluate(INSPECT)
            assert report["lowContrast"] == [] and report["unlabelled"] == [], name
            assert report["headings"][0] == 1 and report["headings"].count(1) == 1, name
        assert f"revision {previous.revision}" in (watched.page.text_content("header") or "")
        assert watched.errors == [] and watched.outside == []
    finally:
        watched.close()
