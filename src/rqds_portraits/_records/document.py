"""The published document: its title, introduction, footer, authors, dates and citation."""

from __future__ import annotations

import datetime
from typing import Literal

from rqds_portraits._records.frozen import frozen
from rqds_portraits._records.portraits import Element, Lines

__all__ = ["FooterLine", "FooterRole", "Introduction", "Source"]

FooterRole = Literal["label", "value", "platform"]


@frozen
class FooterLine:
    """A line of the publishing platform's footer: a field label, a field value or a platform label."""

    text: str
    role: FooterRole
    field: str | None
    lines: Lines


@frozen
class Introduction:
    """The document's introduction, with its figures (16 member regions of a possible 19)."""

    heading: str
    paragraphs: tuple[Element, ...]
    member_regions: int
    possible_regions: int
    lines: Lines


@frozen
class Source:
    """The published document: what it is, who wrote it, when, where, and how to cite it.

    ``lines`` covers the whole source text (``line_count`` lines); the title is
    on ``title_lines``.
    """

    title: str
    title_lines: Lines
    publisher: str
    publisher_acronym: str
    authors: tuple[str, ...]
    published: datetime.date
    modified: datetime.datetime
    url: str
    platform: str
    consulted: datetime.date
    citation: str
    reuse_caveat: str
    introduction: Introduction
    footer: tuple[FooterLine, ...]
    sha256: str
    line_count: int
    lines: Lines
