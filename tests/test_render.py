"""Nothing lost: the records give the source back, and every line belongs to one record."""

from __future__ import annotations

from collections import Counter

import rqds_portraits as rp
from rqds_portraits._render import owned_lines

from .conftest import DATA

PLATFORM_LABELS = [
    "pdf Tour du Québec 2014-2015",
    "diversity_3Organisations reliées",
    "bookmarkTermes reliés",
    "file_copy 7 notes",
    "grid_viewBase de connaissances reliée",
    "Auteur·trices de note",
    "smsContacter les auteur·trice(s)",
    "forumDiscuter de la note",
    "Historique des modifications",
    "shareCopier",
]


def test_render_gives_the_source_back_line_for_line(ds: rp.Dataset, source_lines: list[str]) -> None:
    rendered = ds.render().split("\n")
    assert len(rendered) == len(source_lines)
    for number, (mine, theirs) in enumerate(zip(rendered, source_lines), start=1):
        assert mine.rstrip() == theirs.rstrip(), f"line {number}"
    # Only the whitespace-only lines differ (line 223 is a lone no-break space).
    assert [n for n, (a, b) in enumerate(zip(rendered, source_lines), start=1) if a != b] == [223]


def test_every_non_blank_line_belongs_to_exactly_one_record(ds: rp.Dataset, source_lines: list[str]) -> None:
    owners = Counter(number for number, _, _ in owned_lines(ds.records))
    assert [n for n, count in owners.items() if count > 1] == []
    non_blank = {n for n, line in enumerate(source_lines, start=1) if line.strip()}
    assert set(owners) == non_blank


def test_the_only_lines_outside_the_portraits_are_the_introduction_and_the_footer(ds: rp.Dataset) -> None:
    first_portrait = ds.territories[0].lines[0]
    last_portrait = ds.territories[-1].lines[1]
    outside = [(n, owner) for n, _, owner in owned_lines(ds.records) if not first_portrait <= n <= last_portrait]
    assert {owner for _, owner in outside} == {
        "source.title",
        "source.introduction.heading",
        "source.introduction",
        "source.footer.label",
        "source.footer.value",
        "source.footer.platform",
    }
    platform = [line.text for line in ds.source.footer if line.role == "platform"]
    assert platform == PLATFORM_LABELS
    values = {line.field: line.text for line in ds.source.footer if line.role == "value"}
    assert values["published"] == "1 octobre 2014" and values["visibility"] == "lock_open public"
    assert values["integrated"] == "Intégré par Véronique Larose, le 19 septembre 2024 11:06"


def test_the_bundled_source_is_the_published_text() -> None:
    raw = (DATA / "2014-2015" / "source.txt").read_bytes()
    import hashlib

    assert hashlib.sha256(raw).hexdigest() == "957a2490bbacb0bafff56820f9ea618bc4c83dcdf902ad78d00d58a89343e4e8"
