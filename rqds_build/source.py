"""The edition's metadata: the title, the introduction and its figures, the footer.

The footer is the publishing platform's (Praxis): label lines followed by their
value (publication and modification dates, the licence's reuse caveat, the
citation) and interface labels. The citation gives the authors, the platform,
the consultation date and the address.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from rqds_build.context import BuildContext
from rqds_build.curated import Table, required_str
from rqds_build.dates import MONTHS
from rqds_build.extract import Structure
from rqds_portraits._errors import BuildError
from rqds_portraits._records.document import FooterLine, Introduction

__all__ = ["CITATION", "footer_lines", "introduction", "parse_french_date", "source_fields"]

_DATE = re.compile(r"^(\d{1,2})(?:er)? (\w+) (\d{4})(?: (\d{1,2}):(\d{2}))?$")
CITATION = re.compile(
    r"^(?P<authors>.+?)\. \((?P<year>\d{4})\)\. (?P<title>.+)\. (?P<platform>[^.()]+?) "
    r"\(consulté le (?P<consulted>[^)]+)\), (?P<url>\S+?)\.?$"
)


def parse_french_date(text: str) -> datetime.datetime:
    """Read ``"1 octobre 2014"`` or ``"5 novembre 2024 10:41"`` (midnight when no time is written)."""
    match = _DATE.match(text.strip())
    if match is None or match[2].lower() not in MONTHS:
        raise BuildError(f"cannot read the date {text!r}: expected e.g. '1 octobre 2014' or '5 novembre 2024 10:41'")
    day, month, year = int(match[1]), MONTHS[match[2].lower()], int(match[3])
    hour, minute = int(match[4] or 0), int(match[5] or 0)
    return datetime.datetime(year, month, day, hour, minute)


def introduction(structure: Structure, curated: Table) -> Introduction:
    """The introduction with its figures, checked against the portraits found."""
    pattern = required_str(curated.get("source", {}), "introduction_figures")
    text = "\n".join(paragraph.text for paragraph in structure.introduction)
    figures = re.search(pattern, text)
    if figures is None:
        raise BuildError(f"curated [source] introduction_figures: {pattern!r} is not in the introduction")
    members, possible = int(figures["member_regions"]), int(figures["possible_regions"])
    if members != len(structure.territories):
        raise BuildError(
            f"the introduction counts {members} member regions but {len(structure.territories)} portraits were found"
        )
    return Introduction(
        structure.introduction_heading, structure.introduction, members, possible, structure.introduction_lines
    )


def footer_lines(ctx: BuildContext, start: int) -> tuple[FooterLine, ...]:
    """Every non-blank footer line, each a label, a value or a platform label."""
    lines, footer = ctx.lines, ctx.curated.get("footer", {})
    fields: dict[str, str] = footer.get("fields", {})
    platform = set(footer.get("platform_labels", []))
    out: list[FooterLine] = []
    pending: str | None = None
    for number in range(start, len(lines) + 1):
        text = lines[number - 1]
        if not text.strip():
            continue
        if pending is not None:
            out.append(FooterLine(text, "value", pending, (number, number)))
            pending = None
        elif text in fields:
            out.append(FooterLine(text, "label", fields[text], (number, number)))
            pending = fields[text]
        elif text in platform:
            out.append(FooterLine(text, "platform", None, (number, number)))
        else:
            ctx.in_source(
                number, f"footer line {text!r} is neither a [footer] field label, a value nor a platform label"
            )
    missing = set(fields.values()) - {line.field for line in out if line.role == "value" and line.field}
    if missing:
        raise BuildError(f"footer: no value for the fields {sorted(missing)}")
    return tuple(out)


def source_fields(footer: Sequence[FooterLine]) -> dict[str, object]:
    """The typed fields of :class:`~rqds_portraits.Source` read from the footer's values."""
    values = {line.field: line.text for line in footer if line.role == "value"}
    for needed in ("published", "modified", "citation", "reuse_caveat"):
        if needed not in values:
            raise BuildError(f"curated [footer] fields: no label gives the {needed!r} field")
    citation = CITATION.match(values["citation"])
    if citation is None:
        raise BuildError(
            f"cannot read the citation {values['citation']!r} (authors. (year). title. platform (consulté le …), url.)"
        )
    return {
        "authors": tuple(author.strip() for author in citation["authors"].split(",")),
        "published": parse_french_date(values["published"]).date(),
        "modified": parse_french_date(values["modified"]),
        "url": citation["url"],
        "platform": citation["platform"],
        "consulted": parse_french_date(citation["consulted"]).date(),
        "citation": values["citation"],
        "reuse_caveat": values["reuse_caveat"],
    }
