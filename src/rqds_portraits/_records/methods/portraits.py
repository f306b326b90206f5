"""The methods attrs would write for the record classes of ``rqds_portraits._records.portraits``: written by
``python -m rqds_build``, never by hand (see :mod:`rqds_portraits._records.methods`).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_setattr = object.__setattr__


class Element:
    """``rqds_portraits._records.portraits.Element``."""

    SPEC = (
        ('kind', None, True),
        ('text', None, True),
        ('lines', None, True),
        ('level', '0', True),
        ('number', 'None', True),
        ('prefix', "''", True),
    )
    TYPES = (
        ('kind', 'value'),
        ('text', 'value'),
        ('lines', 'fixed'),
        ('level', 'value'),
        ('number', ('optional', 'value')),
        ('prefix', 'value'),
    )

    def __init__(self: Any, kind: Any, text: Any, lines: Any, level: Any = 0, number: Any = None, prefix: Any = '') -> None:
        _setattr(self, "kind", kind)
        _setattr(self, "text", text)
        _setattr(self, "lines", lines)
        _setattr(self, "level", level)
        _setattr(self, "number", number)
        _setattr(self, "prefix", prefix)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(kind={self.kind!r}, text={self.text!r}, lines={self.lines!r}, level={self.level!r}, number={self.number!r}, prefix={self.prefix!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.kind == other.kind
            and self.text == other.text
            and self.lines == other.lines
            and self.level == other.level
            and self.number == other.number
            and self.prefix == other.prefix
        )

    def __hash__(self: Any) -> int:
        return hash((520069928634107527, self.kind, self.text, self.lines, self.level, self.number, self.prefix, ))


class Section:
    """``rqds_portraits._records.portraits.Section``."""

    SPEC = (
        ('kind', None, True),
        ('heading', None, True),
        ('inline', None, True),
        ('lines', None, True),
        ('elements', None, True),
    )
    TYPES = (
        ('kind', 'value'),
        ('heading', 'value'),
        ('inline', 'value'),
        ('lines', 'fixed'),
        ('elements', ('tuple', ('record', 'rqds_portraits._records.portraits.Element'))),
    )

    def __init__(self: Any, kind: Any, heading: Any, inline: Any, lines: Any, elements: Any) -> None:
        _setattr(self, "kind", kind)
        _setattr(self, "heading", heading)
        _setattr(self, "inline", inline)
        _setattr(self, "lines", lines)
        _setattr(self, "elements", elements)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(kind={self.kind!r}, heading={self.heading!r}, inline={self.inline!r}, lines={self.lines!r}, elements={self.elements!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.kind == other.kind
            and self.heading == other.heading
            and self.inline == other.inline
            and self.lines == other.lines
            and self.elements == other.elements
        )

    def __hash__(self: Any) -> int:
        return hash((870007246534207088, self.kind, self.heading, self.inline, self.lines, self.elements, ))


class Initiative:
    """``rqds_portraits._records.portraits.Initiative``."""

    SPEC = (
        ('id', None, True),
        ('territory_id', None, True),
        ('title', None, True),
        ('sections', None, True),
        ('lines', None, True),
    )
    TYPES = (
        ('id', 'value'),
        ('territory_id', 'value'),
        ('title', ('optional', 'value')),
        ('sections', ('tuple', ('record', 'rqds_portraits._records.portraits.Section'))),
        ('lines', 'fixed'),
    )

    def __init__(self: Any, id: Any, territory_id: Any, title: Any, sections: Any, lines: Any) -> None:
        _setattr(self, "id", id)
        _setattr(self, "territory_id", territory_id)
        _setattr(self, "title", title)
        _setattr(self, "sections", sections)
        _setattr(self, "lines", lines)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(id={self.id!r}, territory_id={self.territory_id!r}, title={self.title!r}, sections={self.sections!r}, lines={self.lines!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.id == other.id
            and self.territory_id == other.territory_id
            and self.title == other.title
            and self.sections == other.sections
            and self.lines == other.lines
        )

    def __hash__(self: Any) -> int:
        return hash((1048474469097172835, self.id, self.territory_id, self.title, self.sections, self.lines, ))


class Website:
    """``rqds_portraits._records.portraits.Website``."""

    SPEC = (
        ('url', None, True),
        ('lines', None, True),
    )
    TYPES = (
        ('url', 'value'),
        ('lines', 'fixed'),
    )

    def __init__(self: Any, url: Any, lines: Any) -> None:
        _setattr(self, "url", url)
        _setattr(self, "lines", lines)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(url={self.url!r}, lines={self.lines!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.url == other.url
            and self.lines == other.lines
        )

    def __hash__(self: Any) -> int:
        return hash((52715182291337260, self.url, self.lines, ))


class Territory:
    """``rqds_portraits._records.portraits.Territory``."""

    SPEC = (
        ('id', None, True),
        ('region_number', None, True),
        ('name', None, True),
        ('heading', None, True),
        ('websites', None, True),
        ('notes', None, True),
        ('lines', None, True),
    )
    TYPES = (
        ('id', 'value'),
        ('region_number', 'value'),
        ('name', 'value'),
        ('heading', 'value'),
        ('websites', ('tuple', ('record', 'rqds_portraits._records.portraits.Website'))),
        ('notes', ('tuple', ('record', 'rqds_portraits._records.portraits.Element'))),
        ('lines', 'fixed'),
    )

    def __init__(self: Any, id: Any, region_number: Any, name: Any, heading: Any, websites: Any, notes: Any, lines: Any) -> None:
        _setattr(self, "id", id)
        _setattr(self, "region_number", region_number)
        _setattr(self, "name", name)
        _setattr(self, "heading", heading)
        _setattr(self, "websites", websites)
        _setattr(self, "notes", notes)
        _setattr(self, "lines", lines)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(id={self.id!r}, region_number={self.region_number!r}, name={self.name!r}, heading={self.heading!r}, websites={self.websites!r}, notes={self.notes!r}, lines={self.lines!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.id == other.id
            and self.region_number == other.region_number
            and self.name == other.name
            and self.heading == other.heading
            and self.websites == other.websites
            and self.notes == other.notes
            and self.lines == other.lines
        )

    def __hash__(self: Any) -> int:
        return hash((1058304274332279776, self.id, self.region_number, self.name, self.heading, self.websites, self.notes, self.lines, ))


WRITTEN = {
    "Element": Element,
    "Section": Section,
    "Initiative": Initiative,
    "Website": Website,
    "Territory": Territory,
}
