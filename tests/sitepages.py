"""Reading a built site back, for the site's tests: each page's anchors, links and marked lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from rqds_portraits._text import lookup_key

__all__ = ["Piece", "SitePage", "pages", "ranked", "search_entries"]

Piece = tuple[int, int, int, str]
"""Where a piece of a mark is: its line, its start and end column in that line's text, its kind."""


class SitePage(HTMLParser):
    """One page: its ids, its links, and for a portrait each line's text with the marks on it.

    A line is ``<p class="ln" id="L<n>">``; its text is what ``<span class="tx">`` holds
    without the labels (``<a class="ref">``) that follow the marks.
    """

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []
        self.resources: list[str] = []
        self.lines: dict[int, str] = {}
        self.pieces: dict[str, list[Piece]] = {}
        self.refs: dict[str, str] = {}
        self._line: int | None = None
        self._in_text = False
        self._buffer = ""
        self._open: list[tuple[str, str, int]] = []
        self._in_ref: str | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag in ("script", "img", "iframe") and "src" in a:
            self.resources.append(a["src"])
        if tag == "link" and "href" in a:
            self.resources.append(a["href"])
        classes = a.get("class", "").split()
        if tag == "p" and "ln" in classes:
            self._line, self._buffer = int(a["id"].removeprefix("L")), ""
        elif tag == "span" and "tx" in classes and self._line is not None:
            self._in_text = True
        elif tag == "mark" and self._in_text:
            self._open.append((a["data-rec"], a["data-kind"], len(self._buffer)))
        elif tag == "a" and "ref" in classes and self._in_text:
            self._in_ref = a["href"].removeprefix("#")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._in_text:
            record, kind, start = self._open.pop()
            assert self._line is not None
            self.pieces.setdefault(record, []).append((self._line, start, len(self._buffer), kind))
        elif tag == "a" and self._in_ref is not None:
            self._in_ref = None
        elif tag == "span" and self._in_text and not self._open:
            self._in_text = False
        elif tag == "p" and self._line is not None:
            self.lines[self._line] = self._buffer
            self._line = None

    def handle_data(self, data: str) -> None:
        if self._in_ref is not None:
            self.refs[self._in_ref] = self.refs.get(self._in_ref, "") + data
        elif self._in_text:
            self._buffer += data


def pages(folder: Path) -> Iterator[tuple[str, SitePage]]:
    """Every HTML page of the site, by its path from the site's folder (``t/laval.html``)."""
    for path in sorted(folder.rglob("*.html")):
        yield path.relative_to(folder).as_posix(), SitePage(path.read_text(encoding="utf-8"))


def search_entries(folder: Path) -> list[list[object]]:
    """The search index of ``search-index.js``: ``[keys, text, kind, href]`` entries."""
    text = (folder / "search-index.js").read_text(encoding="utf-8")
    data = text.split("window.RQDS_SEARCH = ", 1)[1].rstrip().removesuffix(";")
    entries: list[list[object]] = json.loads(data)
    return entries


def ranked(entries: list[list[object]], query: str) -> list[str]:
    """The hrefs the search finds for *query*, best first (the ranking of site.js, in Python)."""
    folded = lookup_key(query)
    found = []
    for index, (keys, _text, _kind, href) in enumerate(entries):
        assert isinstance(keys, list)
        ranks = [
            0
            if key == folded
            else 1
            if key.startswith(folded)
            else 2
            if f" {folded}" in f" {key}"
            else 3
            if folded in key
            else 9
            for key in keys
        ]
        best = min(ranks, default=9)
        if best < 9:
            found.append((best, index, str(href)))
    return [href for _, _, href in sorted(found)]
