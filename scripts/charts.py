"""Regenerate the documentation's generated files from the bundled data.

    python scripts/charts.py           # write them
    python scripts/charts.py --check   # exit 1 if a committed file differs from a fresh generation

It writes, from the 2014-2015 edition (the one the docs describe) and the
package's public API only:

- ``docs/charts/data-model.svg``: the exported tables, their key and foreign-key
  columns, and which table refers to which (from ``rqds_portraits.exports.tables``);
- ``docs/charts/pipeline.svg``: how the source text becomes the dataset file,
  the records and the exports (the provenance chain);
- ``docs/charts/funding-by-territory.svg``: the exact funding totals of
  ``ds.funding_by_territory()``, one bar per territory;
- ``docs/charts/partners-by-territory.svg``: the number of distinct registry
  partners each portrait names;
- ``docs/ambiguities.md``: every note the data keeps on the source (its source
  notes, and the notes of its amounts, mentions and agreements), with lines.

The SVG files are written with the standard library only and are the same bytes
on every run: no dates, no random ids, fixed number formatting. They are plain
files, so the documentation shows them offline (no diagram script from a CDN).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import rqds_portraits as rp
from rqds_portraits._money import format_amount
from rqds_portraits.exports import TABLES, Table

EDITION = "2014-2015"
ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FUNDING_CHART = DOCS / "charts" / "funding-by-territory.svg"
PARTNERS_CHART = DOCS / "charts" / "partners-by-territory.svg"
DATA_MODEL = DOCS / "charts" / "data-model.svg"
PIPELINE = DOCS / "charts" / "pipeline.svg"
AMBIGUITIES = DOCS / "ambiguities.md"

# Chart geometry, in SVG user units (pixels).
WIDTH = 720
LABEL_RIGHT = 236  # the territory names end here; the bars start just after
BAR_LEFT = 244
BAR_MAX = 320
ROW = 24
BAR_HEIGHT = 16
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
BAR_COLOUR = "#3949ab"
TEXT_COLOUR = "#1f2328"
MUTED_COLOUR = "#57606a"
BOX_FILL = "#eef0fa"
LINK_COLOUR = "#8c94b8"

# Diagram geometry: boxes of text lines, in columns.
LINE = 16
BOX_WIDTH = 232
COLUMN_GAP = 56
BOX_GAP = 18
# The data-model diagram: rows of at most this many boxes, so it is about as wide as a docs page
# (about 800 pixels) and its text is shown near its size, not scaled down to be unreadable.
MODEL_PER_ROW = 3
MODEL_COLUMN_GAP = 24
MODEL_ROW_GAP = 40


def dollars(value: Decimal) -> str:
    """*value* written the French-Canadian way, with plain spaces: ``"18 168 394 $"``."""
    return format_amount(value, space=" ")


def _number(value: float) -> str:
    """A coordinate with at most one decimal, written the same way on every platform."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def bar_chart(
    *,
    slug: str,
    title: str,
    subtitle: Sequence[str],
    rows: Sequence[tuple[str, Decimal, str]],
    footer: str,
) -> str:
    """A horizontal bar chart as SVG text: one row per ``(label, value, value label)``.

    *subtitle* is written under the title, one line of text per item.
    """
    largest = max((value for _, value, _ in rows), default=Decimal(0))
    top = 46 + 16 * len(subtitle) + 8
    height = top + ROW * len(rows) + 40
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{slug}-title {slug}-desc" '
        f'font-family={quoteattr(FONT)} font-size="13">',
        f'  <title id="{slug}-title">{escape(title)}</title>',
        f'  <desc id="{slug}-desc">{escape(" ".join(subtitle))} '
        + escape("; ".join(f"{label}: {shown}" for label, _, shown in rows))
        + ".</desc>",
        f'  <rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'  <text x="16" y="24" font-size="15" font-weight="bold" fill="{TEXT_COLOUR}">{escape(title)}</text>',
        *(
            f'  <text x="16" y="{44 + 16 * number}" font-size="12" fill="{MUTED_COLOUR}">{escape(line)}</text>'
            for number, line in enumerate(subtitle)
        ),
        f'  <line x1="{BAR_LEFT}" y1="{top - 6}" x2="{BAR_LEFT}" y2="{top + ROW * len(rows) - 2}" '
        f'stroke="{MUTED_COLOUR}" stroke-width="1"/>',
    ]
    for position, (label, value, shown) in enumerate(rows):
        row_top = top + ROW * position
        middle = row_top + BAR_HEIGHT / 2 + 4.5
        width = float(value / largest) * BAR_MAX if largest > 0 else 0.0
        out.append(
            f'  <text x="{LABEL_RIGHT}" y="{_number(middle)}" text-anchor="end" fill="{TEXT_COLOUR}">{escape(label)}</text>'
        )
        if width > 0:
            out.append(
                f'  <rect x="{BAR_LEFT}" y="{row_top}" width="{_number(max(width, 1.0))}" height="{BAR_HEIGHT}" '
                f'fill="{BAR_COLOUR}"><title>{escape(f"{label}: {shown}")}</title></rect>'
            )
        out.append(
            f'  <text x="{_number(BAR_LEFT + width + 6)}" y="{_number(middle)}" fill="{TEXT_COLOUR}">{escape(shown)}</text>'
        )
    out.append(f'  <text x="16" y="{height - 14}" font-size="11" fill="{MUTED_COLOUR}">{escape(footer)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _footer(ds: rp.Dataset) -> str:
    return (
        f"Source: RQDS, Tour du Québec 2014/2015 · data: rqds-portraits, edition {ds.edition}, revision {ds.revision}"
    )


def funding_chart(ds: rp.Dataset) -> str:
    """The funding granted or committed in each territory, from ``ds.funding_by_territory()``."""
    totals = ds.funding_by_territory()
    rows = []
    for territory in ds.territories:
        total = totals[territory.id]
        rows.append((territory.name, total.total, dollars(total.total) + (" (approx.)" if total.approximate else "")))
    return bar_chart(
        slug="funding",
        title=f"Funding granted or committed, by territory ({ds.edition})",
        subtitle=(
            "The exact totals of ds.funding_by_territory(): amounts of kind “funding”, each counted once.",
            "Impacts, cuts, shares of an amount already counted and money not yet granted are left out;",
            "0 $: the portrait writes no amount granted or committed.",
        ),
        rows=rows,
        footer=_footer(ds),
    )


def partners_per_territory(ds: rp.Dataset) -> dict[str, int]:
    """The number of distinct registry partners each territory's portrait names, by territory id."""
    named: dict[str, set[str]] = {territory.id: set() for territory in ds.territories}
    for mention in ds.mentions:
        if mention.partner_id is not None:
            named[mention.territory_id].add(mention.partner_id)
    return {territory_id: len(partners) for territory_id, partners in named.items()}


def partners_chart(ds: rp.Dataset) -> str:
    """The number of distinct partners named in each territory's portrait."""
    counts = partners_per_territory(ds)
    rows = [
        (t.name, Decimal(counts[t.id]), f"{counts[t.id]} partner{'s' if counts[t.id] != 1 else ''}")
        for t in ds.territories
    ]
    return bar_chart(
        slug="partners",
        title=f"Distinct partners named in each portrait ({ds.edition})",
        subtitle=(
            "Registry partners (Mention.partner_id) named in each portrait, counted once whatever their role;",
            "a network's members count one by one (each regional CRÉ is its own partner).",
        ),
        rows=rows,
        footer=_footer(ds),
    )


# -- diagrams ----------------------------------------------------------------------------------------------

Box = tuple[float, float, float, float]  # x, y, width, height


def _svg_open(slug: str, title: str, description: str, width: float, height: float) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_number(width)}" height="{_number(height)}" '
        f'viewBox="0 0 {_number(width)} {_number(height)}" role="img" aria-labelledby="{slug}-title {slug}-desc" '
        f'font-family={quoteattr(FONT)} font-size="12">',
        f'  <title id="{slug}-title">{escape(title)}</title>',
        f'  <desc id="{slug}-desc">{escape(description)}</desc>',
        "  <defs>",
        f'    <marker id="{slug}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">',
        f'      <path d="M 0 0 L 10 5 L 0 10 z" fill="{LINK_COLOUR}"/>',
        "    </marker>",
        "  </defs>",
        f'  <rect width="{_number(width)}" height="{_number(height)}" fill="#ffffff"/>',
        f'  <text x="16" y="24" font-size="15" font-weight="bold" fill="{TEXT_COLOUR}">{escape(title)}</text>',
    ]


def _box(box: Box, heading: str, lines: Sequence[str]) -> list[str]:
    """A box with a bold heading and lines of text under it."""
    x, y, width, height = box
    out = [
        f'  <rect x="{_number(x)}" y="{_number(y)}" width="{_number(width)}" height="{_number(height)}" rx="6" '
        f'fill="{BOX_FILL}" stroke="{BAR_COLOUR}" stroke-width="1.2"/>',
        f'  <text x="{_number(x + 10)}" y="{_number(y + 18)}" font-weight="bold" fill="{TEXT_COLOUR}">{escape(heading)}</text>',
    ]
    for number, line in enumerate(lines):
        out.append(
            f'  <text x="{_number(x + 10)}" y="{_number(y + 18 + LINE * (number + 1))}" fill="{MUTED_COLOUR}">{escape(line)}</text>'
        )
    return out


def _box_height(lines: Sequence[str]) -> float:
    return 26.0 + LINE * len(lines)


def _path(slug: str, points: Sequence[tuple[float, float]]) -> list[str]:
    """A link through *points*, with an arrowhead at the last one."""
    steps = " L ".join(f"{_number(x)} {_number(y)}" for x, y in points)
    return [
        f'  <path d="M {steps}" fill="none" stroke="{LINK_COLOUR}" stroke-width="1.2" marker-end="url(#{slug}-arrow)"/>'
    ]


def _arrow(slug: str, start: tuple[float, float], end: tuple[float, float]) -> list[str]:
    """A link from *start* to *end*: straight when they line up, else across the middle of the gap between them."""
    (x1, y1), (x2, y2) = start, end
    if x1 == x2 or y1 == y2:
        return _path(slug, [start, end])
    middle = (x1 + x2) / 2
    return _path(slug, [start, (middle, y1), (middle, y2), end])


def table_levels(tables: Sequence[Table]) -> dict[str, int]:
    """Each table's column in the data-model diagram: one more than the tables it refers to (0: none)."""
    level: dict[str, int] = {}
    for table in tables:  # TABLES lists a table after those it refers to
        parents = [level[key.table] for key in table.foreign_keys if key.table != table.name]
        level[table.name] = 1 + max(parents) if parents else 0
    return level


def _table_lines(table: Table) -> list[str]:
    """A table's key columns, its foreign keys and how many other columns it has."""
    keys = [f"{name} (key)" for name in table.primary_key]
    links = [f"{', '.join(key.columns)} → {key.table}" for key in table.foreign_keys]
    shown = set(table.primary_key) | {column for key in table.foreign_keys for column in key.columns}
    others = len(table.columns) - len(shown)
    return [*keys, *links, *([f"+ {others} more column{'s' if others != 1 else ''}"] if others else [])]


def data_model_chart(ds: rp.Dataset) -> str:
    """The exported tables in rows by dependency (a table below those it refers to, at most
    :data:`MODEL_PER_ROW` to a row), with an arrow from each table up to each table it refers to."""
    level = table_levels(TABLES)
    rows: list[list[Table]] = []
    for depth in range(max(level.values()) + 1):
        tables = [t for t in TABLES if level[t.name] == depth]
        rows += [tables[i : i + MODEL_PER_ROW] for i in range(0, len(tables), MODEL_PER_ROW)]
    boxes: dict[str, Box] = {}
    y = 64.0
    for row in rows:
        height = max(_box_height(_table_lines(t)) for t in row)
        for position, table in enumerate(row):
            boxes[table.name] = (16 + position * (BOX_WIDTH + MODEL_COLUMN_GAP), y, BOX_WIDTH, height)
        y += height + MODEL_ROW_GAP
    width = 16 + MODEL_PER_ROW * (BOX_WIDTH + MODEL_COLUMN_GAP) - MODEL_COLUMN_GAP + 16
    height = y - MODEL_ROW_GAP + 44
    references = sum(1 for t in TABLES for key in t.foreign_keys)
    out = _svg_open(
        "model",
        f"The tables of an edition ({ds.edition}, format {ds.records.format}) and how they refer to each other",
        f"{len(TABLES)} tables and {references} references, as exported to CSV, SQLite, the Data Package and pandas: "
        + "; ".join(f"{t.name}: {', '.join(_table_lines(t))}" for t in TABLES),
        width,
        height,
    )
    # Each arrow ends at its own point along the bottom of the table referred to, so they do not merge.
    incoming: dict[str, list[str]] = {}
    for table in TABLES:
        for key in table.foreign_keys:
            if key.table != table.name:
                incoming.setdefault(key.table, []).append(table.name)
    for table in TABLES:  # links first, so the boxes are drawn over them
        x, top, w, _ = boxes[table.name]
        for key in table.foreign_keys:
            if key.table == table.name:
                continue
            px, py, pw, ph = boxes[key.table]
            callers = incoming[key.table]
            end_x = px + pw * (callers.index(table.name) + 1) / (len(callers) + 1)
            start = (x + w / 2, top)
            bend = top - MODEL_ROW_GAP / 2
            out += _path("model", [start, (start[0], bend), (end_x, bend), (end_x, py + ph)])
    for table in TABLES:
        out += _box(boxes[table.name], table.name, _table_lines(table))
    footer = "Every table of facts also has first_line/last_line (and line, span) into the bundled source text."
    for number, line in enumerate((footer, _footer(ds))):
        out.append(
            f'  <text x="16" y="{_number(height - 28 + 16 * number)}" font-size="11" fill="{MUTED_COLOUR}">'
            f"{escape(line)}</text>"
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def pipeline_chart(ds: rp.Dataset) -> str:
    """The provenance chain: from the published note to the records, the text rendered back and the exports."""
    source = ds.source
    steps: list[tuple[str, list[str]]] = [
        ("Praxis note", [f"published {source.published}", "by the RQDS", "copied verbatim"]),
        ("source.txt", [f"{source.line_count} lines, sha256 kept", "data/<edition>/source.txt"]),
        (
            "python -m rqds_build",
            [
                "extract: blocks, sections, items",
                "annotate: periods, dates,",
                "amounts, mentions, ententes",
                "check: every problem, once",
            ],
        ),
        (
            "dataset.json",
            [
                f"revision {ds.revision} ({ds.revision_date})",
                "+ editions.json: sha256",
                "+ dataset.schema.json",
                "older revisions kept",
            ],
        ),
    ]
    inputs: list[tuple[str, list[str]]] = [
        ("curated.toml", ["readings of the text,", "each with why or a note"]),
        ("partners.toml", ["the partner registry"]),
    ]
    uses: list[tuple[str, list[str]]] = [
        ("rp.load(edition, revision, sha256)", ["verifies the sha256", "upgrades older formats"]),
        ("Dataset", ["typed, frozen records", "each with its lines and span"]),
        ("ds.render()", ["the source text again,", "line for line"]),
        ("queries, exports, CLI", ["CSV · SQLite · Data Package", "pandas · JSON · rqds-portraits"]),
    ]
    width_each, gap = 212.0, 40.0
    row_height = max(_box_height(lines) for _, lines in [*steps, *inputs, *uses])
    rows_y = (60.0, 60.0 + row_height + 70, 60.0 + 2 * (row_height + 70))
    width = 16 + 4 * (width_each + gap) - gap + 16
    height = rows_y[2] + row_height + 40
    out = _svg_open(
        "pipeline",
        "From the source text to the data: every fact points back to its lines",
        " → ".join(name for name, _ in steps)
        + f"; the build also reads {' and '.join(name for name, _ in inputs)}; then "
        + " → ".join(name for name, _ in uses)
        + ".",
        width,
        height,
    )

    def place(column: int, row: int) -> Box:
        return (16 + column * (width_each + gap), rows_y[row], width_each, row_height)

    for column in range(3):  # the main chain, left to right
        x, y, w, h = place(column, 0)
        out += _arrow("pipeline", (x + w, y + h / 2), (x + w + gap, y + h / 2))
    build_x, build_y, build_w, build_h = place(2, 0)
    curated_x, curated_y, curated_w, _ = place(1, 1)
    registry_x, registry_y, registry_w, _ = place(2, 1)
    below_build = build_y + build_h
    gap_row = (below_build + curated_y) / 2  # between the first row and the inputs
    # The curated readings and the registry feed the build.
    out += _path(
        "pipeline",
        [
            (curated_x + curated_w / 2, curated_y),
            (curated_x + curated_w / 2, gap_row),
            (build_x + build_w / 3, gap_row),
            (build_x + build_w / 3, below_build),
        ],
    )
    out += _path("pipeline", [(registry_x + registry_w * 2 / 3, registry_y), (build_x + build_w * 2 / 3, below_build)])
    # The dataset file is what rp.load() reads.
    file_x, file_y, file_w, file_h = place(3, 0)
    load_x, load_y, load_w, _ = place(0, 2)
    under_inputs = (registry_y + row_height + load_y) / 2
    out += _path(
        "pipeline",
        [
            (file_x + file_w / 2, file_y + file_h),
            (file_x + file_w / 2, under_inputs),
            (load_x + load_w / 2, under_inputs),
            (load_x + load_w / 2, load_y),
        ],
    )
    for column in range(3):
        x, y, w, h = place(column, 2)
        out += _arrow("pipeline", (x + w, y + h / 2), (x + w + gap, y + h / 2))
    for column, (name, lines) in enumerate(steps):
        out += _box(place(column, 0), name, lines)
    for column, (name, lines) in enumerate(inputs):
        out += _box(place(column + 1, 1), name, lines)
    for column, (name, lines) in enumerate(uses):
        out += _box(place(column, 2), name, lines)
    out.append(
        f'  <text x="16" y="{_number(height - 12)}" font-size="11" fill="{MUTED_COLOUR}">{escape(_footer(ds))}</text>'
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


_MARKDOWN_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "|": "\\|",
}


def markdown_text(text: str) -> str:
    """*text* as literal Markdown: every character that could start markup is escaped."""
    return "".join(_MARKDOWN_ESCAPES.get(character, character) for character in " ".join(text.split()))


def _lines(lines: tuple[int, int]) -> str:
    first, last = lines
    return f"line {first}" if first == last else f"lines {first}–{last}"


def _by_territory(ds: rp.Dataset, items: Iterable[tuple[str, str]]) -> list[str]:
    """Markdown entries grouped under a heading per territory, in document order."""
    grouped: dict[str, list[str]] = {}
    for territory_id, entry in items:
        grouped.setdefault(territory_id, []).append(entry)
    out: list[str] = []
    for territory in ds.territories:
        if territory.id in grouped:
            out += [f"### {territory.name}", "", *grouped[territory.id], ""]
    return out


def ambiguities_page(ds: rp.Dataset) -> str:
    """The Markdown page listing every note the data keeps on the source, with its lines."""
    notes = ds.source_notes
    amounts = [a for a in ds.amounts if a.note]
    mentions = [m for m in ds.mentions if m.note]
    ententes = [e for e in ds.ententes if e.note]

    def entry(lines: tuple[int, int], what: str, ident: str, detail: str, note: str) -> str:
        head = f"- **{_lines(lines).capitalize()}**, {what} (`{ident}`{'; ' + detail if detail else ''}): "
        return head + markdown_text(note)

    out = [
        "<!-- Generated by `python scripts/charts.py` from the notes in the data: do not edit by hand. -->",
        "",
        "# Known ambiguities of the source",
        "",
        f"The Tour du Québec is a working document, written by sixteen territories; the data keeps it as "
        f"written and records, next to each passage it had to interpret, a note saying what is odd and how "
        f"it is read. This page lists every one of those notes for edition {ds.edition} (revision "
        f"{ds.revision}): {len(notes)} notes on passages of the source, {len(amounts)} on amounts, "
        f"{len(mentions)} on organisation mentions and {len(ententes)} on agreements. Line numbers are those "
        f"of the bundled source text (`source.txt`, also `ds.render()`).",
        "",
        "It is generated from `ds.source_notes` and the `note` of `ds.amounts`, `ds.mentions` and "
        "`ds.ententes` by `python scripts/charts.py`, and a test checks it is up to date. "
        "The same notes are in the exports (the `source_notes` table and the `note` columns).",
        "",
        "## Passages of the source",
        "",
        "`ds.source_notes`: typos, inconsistencies and odd layouts, kept as written.",
        "",
        *_by_territory(
            ds,
            ((n.territory_id, entry(n.lines, f"« {markdown_text(n.text)} »", n.id, "", n.note)) for n in notes),
        ),
        "## Amounts",
        "",
        "`Amount.note`: how an amount is read where the text is ambiguous (see also "
        "[the funding of a territory](cookbook.md#the-funding-of-a-territory)).",
        "",
        *_by_territory(
            ds,
            (
                (
                    a.territory_id,
                    entry(
                        a.lines,
                        f"« {markdown_text(a.text)} »",
                        a.id,
                        f"{a.kind}, {a.qualifier.replace('_', ' ')}, {markdown_text(dollars(a.value))}",
                        a.note or "",
                    ),
                )
                for a in amounts
            ),
        ),
        "## Organisation mentions",
        "",
        "`Mention.note`: why a mention is resolved (or not) the way it is.",
        "",
        *_by_territory(
            ds,
            (
                (
                    m.territory_id,
                    entry(
                        m.lines,
                        f"« {markdown_text(m.text)} »",
                        m.id,
                        f"{', '.join(m.roles)}, partner {m.partner_id}"
                        if m.partner_id
                        else f"{', '.join(m.roles)}, not resolved",
                        m.note or "",
                    ),
                )
                for m in mentions
            ),
        ),
        "## Agreements",
        "",
        "`Entente.note`: how each agreement's kind, status, period and parties are read.",
        "",
        *_by_territory(
            ds,
            (
                (
                    e.territory_id,
                    entry(
                        e.lines,
                        f"*{markdown_text(e.title)}*" + (f" ({markdown_text(e.subject)})" if e.subject else ""),
                        e.id,
                        ", ".join(
                            part
                            for part in (e.kind, e.status.replace("_", " "), str(e.period) if e.period else "no period")
                        ),
                        e.note or "",
                    ),
                )
                for e in ententes
            ),
        ),
    ]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


GENERATORS: Mapping[Path, Callable[[rp.Dataset], str]] = {
    DATA_MODEL: data_model_chart,
    PIPELINE: pipeline_chart,
    FUNDING_CHART: funding_chart,
    PARTNERS_CHART: partners_chart,
    AMBIGUITIES: ambiguities_page,
}


def outputs(ds: rp.Dataset | None = None) -> dict[Path, str]:
    """Every generated file, by path, as a fresh generation gives it."""
    dataset = ds if ds is not None else rp.load(EDITION)
    return {path: generate(dataset) for path, generate in GENERATORS.items()}


def stale(ds: rp.Dataset | None = None) -> list[Path]:
    """The generated files whose committed content differs from a fresh generation (or that are missing)."""
    found = []
    for path, text in outputs(ds).items():
        if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
            found.append(path)
    return found


def _shown(path: Path) -> str:
    """*path* relative to the repository when it is inside it, for messages that read the same everywhere."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Write the generated files, or with ``--check`` report the stale ones (status 1)."""
    parser = argparse.ArgumentParser(prog="python scripts/charts.py", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a committed file differs from a fresh generation"
    )
    args = parser.parse_args(argv)
    if args.check:
        differ = stale()
        for path in differ:
            print(f"out of date: {_shown(path)} (run python scripts/charts.py)")
        if not differ:
            print(f"up to date: {len(GENERATORS)} generated files")
        return 1 if differ else 0
    for path, text in outputs().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        print(f"wrote {_shown(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
