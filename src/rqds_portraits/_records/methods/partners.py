"""The methods attrs would write for the record classes of ``rqds_portraits._records.partners``: written by
``python -m rqds_build``, never by hand (see :mod:`rqds_portraits._records.methods`).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_setattr = object.__setattr__


class Rename:
    """``rqds_portraits._records.partners.Rename``."""

    SPEC = (
        ('year', None, True),
        ('old_name', None, True),
        ('new_name', None, True),
        ('old_acronym', 'None', True),
        ('new_acronym', 'None', True),
    )
    TYPES = (
        ('year', 'value'),
        ('old_name', 'value'),
        ('new_name', 'value'),
        ('old_acronym', ('optional', 'value')),
        ('new_acronym', ('optional', 'value')),
    )

    def __init__(self: Any, year: Any, old_name: Any, new_name: Any, old_acronym: Any = None, new_acronym: Any = None) -> None:
        _setattr(self, "year", year)
        _setattr(self, "old_name", old_name)
        _setattr(self, "new_name", new_name)
        _setattr(self, "old_acronym", old_acronym)
        _setattr(self, "new_acronym", new_acronym)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(year={self.year!r}, old_name={self.old_name!r}, new_name={self.new_name!r}, old_acronym={self.old_acronym!r}, new_acronym={self.new_acronym!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.year == other.year
            and self.old_name == other.old_name
            and self.new_name == other.new_name
            and self.old_acronym == other.old_acronym
            and self.new_acronym == other.new_acronym
        )

    def __hash__(self: Any) -> int:
        return hash((165951425865193125, self.year, self.old_name, self.new_name, self.old_acronym, self.new_acronym, ))


class Partner:
    """``rqds_portraits._records.partners.Partner``."""

    SPEC = (
        ('id', None, True),
        ('name', None, True),
        ('acronyms', None, True),
        ('variants', None, True),
        ('portrait_forms', None, True),
        ('kind', None, True),
        ('scope', None, True),
        ('territories', None, True),
        ('network_id', None, True),
        ('collective', None, True),
        ('count', None, True),
        ('renames', None, True),
        ('note', None, True),
    )
    TYPES = (
        ('id', 'value'),
        ('name', 'value'),
        ('acronyms', ('tuple', 'value')),
        ('variants', ('tuple', 'value')),
        ('portrait_forms', ('tuple', 'value')),
        ('kind', 'value'),
        ('scope', 'value'),
        ('territories', ('tuple', 'value')),
        ('network_id', ('optional', 'value')),
        ('collective', 'value'),
        ('count', ('optional', 'value')),
        ('renames', ('tuple', ('record', 'rqds_portraits._records.partners.Rename'))),
        ('note', ('optional', 'value')),
    )

    def __init__(self: Any, id: Any, name: Any, acronyms: Any, variants: Any, portrait_forms: Any, kind: Any, scope: Any, territories: Any, network_id: Any, collective: Any, count: Any, renames: Any, note: Any) -> None:
        _setattr(self, "id", id)
        _setattr(self, "name", name)
        _setattr(self, "acronyms", acronyms)
        _setattr(self, "variants", variants)
        _setattr(self, "portrait_forms", portrait_forms)
        _setattr(self, "kind", kind)
        _setattr(self, "scope", scope)
        _setattr(self, "territories", territories)
        _setattr(self, "network_id", network_id)
        _setattr(self, "collective", collective)
        _setattr(self, "count", count)
        _setattr(self, "renames", renames)
        _setattr(self, "note", note)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(id={self.id!r}, name={self.name!r}, acronyms={self.acronyms!r}, variants={self.variants!r}, portrait_forms={self.portrait_forms!r}, kind={self.kind!r}, scope={self.scope!r}, territories={self.territories!r}, network_id={self.network_id!r}, collective={self.collective!r}, count={self.count!r}, renames={self.renames!r}, note={self.note!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.id == other.id
            and self.name == other.name
            and self.acronyms == other.acronyms
            and self.variants == other.variants
            and self.portrait_forms == other.portrait_forms
            and self.kind == other.kind
            and self.scope == other.scope
            and self.territories == other.territories
            and self.network_id == other.network_id
            and self.collective == other.collective
            and self.count == other.count
            and self.renames == other.renames
            and self.note == other.note
        )

    def __hash__(self: Any) -> int:
        return hash((562699484962515734, self.id, self.name, self.acronyms, self.variants, self.portrait_forms, self.kind, self.scope, self.territories, self.network_id, self.collective, self.count, self.renames, self.note, ))


WRITTEN = {
    "Rename": Rename,
    "Partner": Partner,
}
