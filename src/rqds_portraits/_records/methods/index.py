"""The methods attrs would write for the record classes of ``rqds_portraits._loading.index``: written by
``python -m rqds_build``, never by hand (see :mod:`rqds_portraits._records.methods`).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_setattr = object.__setattr__


class Revision:
    """``rqds_portraits._loading.index.Revision``."""

    SPEC = (
        ('edition', None, True),
        ('revision', None, True),
        ('date', None, True),
        ('sha256', None, True),
        ('layout', None, True),
        ('file', None, False),
    )
    TYPES = (
        ('edition', 'value'),
        ('revision', 'value'),
        ('date', 'date'),
        ('sha256', 'value'),
        ('layout', 'value'),
        ('file', 'value'),
    )

    def __init__(self: Any, edition: Any, revision: Any, date: Any, sha256: Any, layout: Any, file: Any) -> None:
        _setattr(self, "edition", edition)
        _setattr(self, "revision", revision)
        _setattr(self, "date", date)
        _setattr(self, "sha256", sha256)
        _setattr(self, "layout", layout)
        _setattr(self, "file", file)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(edition={self.edition!r}, revision={self.revision!r}, date={self.date!r}, sha256={self.sha256!r}, layout={self.layout!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.edition == other.edition
            and self.revision == other.revision
            and self.date == other.date
            and self.sha256 == other.sha256
            and self.layout == other.layout
            and self.file == other.file
        )

    def __hash__(self: Any) -> int:
        return hash((956631598248610709, self.edition, self.revision, self.date, self.sha256, self.layout, self.file, ))


class Edition:
    """``rqds_portraits._loading.index.Edition``."""

    SPEC = (
        ('name', None, True),
        ('source_sha256', None, True),
        ('revisions', None, True),
        ('ids', 'None', False),
    )
    TYPES = (
        ('name', 'value'),
        ('source_sha256', 'value'),
        ('revisions', ('tuple', ('record', 'rqds_portraits._loading.index.Revision'))),
        ('ids', ('optional', 'fixed')),
    )

    def __init__(self: Any, name: Any, source_sha256: Any, revisions: Any, ids: Any = None) -> None:
        _setattr(self, "name", name)
        _setattr(self, "source_sha256", source_sha256)
        _setattr(self, "revisions", revisions)
        _setattr(self, "ids", ids)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(name={self.name!r}, source_sha256={self.source_sha256!r}, revisions={self.revisions!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.name == other.name
            and self.source_sha256 == other.source_sha256
            and self.revisions == other.revisions
            and self.ids == other.ids
        )

    def __hash__(self: Any) -> int:
        return hash((596725274182858641, self.name, self.source_sha256, self.revisions, self.ids, ))


WRITTEN = {
    "Revision": Revision,
    "Edition": Edition,
}
