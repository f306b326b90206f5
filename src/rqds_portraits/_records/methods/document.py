"""The methods attrs would write for the record classes of ``rqds_portraits._records.document``: written by
``python -m rqds_build``, never by hand (see :mod:`rqds_portraits._records.methods`).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_setattr = object.__setattr__


class FooterLine:
    """``rqds_portraits._records.document.FooterLine``."""

    SPEC = (
        ('text', None, True),
        ('role', None, True),
        ('field', None, True),
        ('lines', None, True),
    )
    TYPES = (
        ('text', 'value'),
        ('role', 'value'),
        ('field', ('optional', 'value')),
        ('lines', 'fixed'),
    )

    def __init__(self: Any, text: Any, role: Any, field: Any, lines: Any) -> None:
        _setattr(self, "text", text)
        _setattr(self, "role", role)
        _setattr(self, "field", field)
        _setattr(self, "lines", lines)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(text={self.text!r}, role={self.role!r}, field={self.field!r}, lines={self.lines!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.text == other.text
            and self.role == other.role
            and self.field == other.field
            and self.lines == other.lines
        )

    def __hash__(self: Any) -> int:
        return hash((854302861930196990, self.text, self.role, self.field, self.lines, ))


class Introduction:
    """``rqds_portraits._records.document.Introduction``."""

    SPEC = (
        ('heading', None, True),
        ('paragraphs', None, True),
        ('member_regions', None, True),
        ('possible_regions', None, True),
        ('lines', None, True),
    )
    TYPES = (
        ('heading', 'value'),
        ('paragraphs', ('tuple', ('record', 'rqds_portraits._records.portraits.Element'))),
        ('member_regions', 'value'),
        ('possible_regions', 'value'),
        ('lines', 'fixed'),
    )

    def __init__(self: Any, heading: Any, paragraphs: Any, member_regions: Any, possible_regions: Any, lines: Any) -> None:
        _setattr(self, "heading", heading)
        _setattr(self, "paragraphs", paragraphs)
        _setattr(self, "member_regions", member_regions)
        _setattr(self, "possible_regions", possible_regions)
        _setattr(self, "lines", lines)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(heading={self.heading!r}, paragraphs={self.paragraphs!r}, member_regions={self.member_regions!r}, possible_regions={self.possible_regions!r}, lines={self.lines!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.heading == other.heading
            and self.paragraphs == other.paragraphs
            and self.member_regions == other.member_regions
            and self.possible_regions == other.possible_regions
            and self.lines == other.lines
        )

    def __hash__(self: Any) -> int:
        return hash((801883403826937255, self.heading, self.paragraphs, self.member_regions, self.possible_regions, self.lines, ))


class Source:
    """``rqds_portraits._records.document.Source``."""

    SPEC = (
        ('title', None, True),
        ('title_lines', None, True),
        ('publisher', None, True),
        ('publisher_acronym', None, True),
        ('authors', None, True),
        ('published', None, True),
        ('modified', None, True),
        ('url', None, True),
        ('platform', None, True),
        ('consulted', None, True),
        ('citation', None, True),
        ('reuse_caveat', None, True),
        ('introduction', None, True),
        ('footer', None, True),
        ('sha256', None, True),
        ('line_count', None, True),
        ('lines', None, True),
    )
    TYPES = (
        ('title', 'value'),
        ('title_lines', 'fixed'),
        ('publisher', 'value'),
        ('publisher_acronym', 'value'),
        ('authors', ('tuple', 'value')),
        ('published', 'date'),
        ('modified', 'datetime'),
        ('url', 'value'),
        ('platform', 'value'),
        ('consulted', 'date'),
        ('citation', 'value'),
        ('reuse_caveat', 'value'),
        ('introduction', ('record', 'rqds_portraits._records.document.Introduction')),
        ('footer', ('tuple', ('record', 'rqds_portraits._records.document.FooterLine'))),
        ('sha256', 'value'),
        ('line_count', 'value'),
        ('lines', 'fixed'),
    )

    def __init__(self: Any, title: Any, title_lines: Any, publisher: Any, publisher_acronym: Any, authors: Any, published: Any, modified: Any, url: Any, platform: Any, consulted: Any, citation: Any, reuse_caveat: Any, introduction: Any, footer: Any, sha256: Any, line_count: Any, lines: Any) -> None:
        _setattr(self, "title", title)
        _setattr(self, "title_lines", title_lines)
        _setattr(self, "publisher", publisher)
        _setattr(self, "publisher_acronym", publisher_acronym)
        _setattr(self, "authors", authors)
        _setattr(self, "published", published)
        _setattr(self, "modified", modified)
        _setattr(self, "url", url)
        _setattr(self, "platform", platform)
        _setattr(self, "consulted", consulted)
        _setattr(self, "citation", citation)
        _setattr(self, "reuse_caveat", reuse_caveat)
        _setattr(self, "introduction", introduction)
        _setattr(self, "footer", footer)
        _setattr(self, "sha256", sha256)
        _setattr(self, "line_count", line_count)
        _setattr(self, "lines", lines)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(title={self.title!r}, title_lines={self.title_lines!r}, publisher={self.publisher!r}, publisher_acronym={self.publisher_acronym!r}, authors={self.authors!r}, published={self.published!r}, modified={self.modified!r}, url={self.url!r}, platform={self.platform!r}, consulted={self.consulted!r}, citation={self.citation!r}, reuse_caveat={self.reuse_caveat!r}, introduction={self.introduction!r}, footer={self.footer!r}, sha256={self.sha256!r}, line_count={self.line_count!r}, lines={self.lines!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.title == other.title
            and self.title_lines == other.title_lines
            and self.publisher == other.publisher
            and self.publisher_acronym == other.publisher_acronym
            and self.authors == other.authors
            and self.published == other.published
            and self.modified == other.modified
            and self.url == other.url
            and self.platform == other.platform
            and self.consulted == other.consulted
            and self.citation == other.citation
            and self.reuse_caveat == other.reuse_caveat
            and self.introduction == other.introduction
            and self.footer == other.footer
            and self.sha256 == other.sha256
            and self.line_count == other.line_count
            and self.lines == other.lines
        )

    def __hash__(self: Any) -> int:
        return hash((267411633805505429, self.title, self.title_lines, self.publisher, self.publisher_acronym, self.authors, self.published, self.modified, self.url, self.platform, self.consulted, self.citation, self.reuse_caveat, self.introduction, self.footer, self.sha256, self.line_count, self.lines, ))


WRITTEN = {
    "FooterLine": FooterLine,
    "Introduction": Introduction,
    "Source": Source,
}
