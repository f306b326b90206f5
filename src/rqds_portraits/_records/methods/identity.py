"""The methods attrs would write for the record classes of ``rqds_portraits._records.identity``: written by
``python -m rqds_build``, never by hand (see :mod:`rqds_portraits._records.methods`).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_setattr = object.__setattr__


class Place:
    """``rqds_portraits._records.identity.Place``."""

    SPEC = (
        ('lines', None, True),
        ('span', None, True),
        ('text', None, True),
    )
    TYPES = (
        ('lines', 'fixed'),
        ('span', ('optional', 'fixed')),
        ('text', 'value'),
    )

    def __init__(self: Any, lines: Any, span: Any, text: Any) -> None:
        _setattr(self, "lines", lines)
        _setattr(self, "span", span)
        _setattr(self, "text", text)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(lines={self.lines!r}, span={self.span!r}, text={self.text!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.lines == other.lines
            and self.span == other.span
            and self.text == other.text
        )

    def __hash__(self: Any) -> int:
        return hash((361258921852971664, self.lines, self.span, self.text, ))


WRITTEN = {
    "Place": Place,
}
