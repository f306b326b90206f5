"""The methods attrs would write for the record classes of ``rqds_portraits._records.edition``: written by
``python -m rqds_build``, never by hand (see :mod:`rqds_portraits._records.methods`).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_setattr = object.__setattr__


class EditionRecords:
    """``rqds_portraits._records.edition.EditionRecords``."""

    SPEC = (
        ('format', None, True),
        ('edition', None, True),
        ('revision', None, True),
        ('revision_date', None, True),
        ('as_of', None, True),
        ('territories', None, True),
        ('source', None, True),
        ('initiatives', None, True),
        ('periods', None, True),
        ('dates', None, True),
        ('amounts', None, True),
        ('ententes', None, True),
        ('source_notes', None, True),
        ('mentions', None, True),
        ('partners', None, True),
    )
    TYPES = (
        ('format', 'value'),
        ('edition', 'value'),
        ('revision', 'value'),
        ('revision_date', ('optional', 'date')),
        ('as_of', ('optional', 'date')),
        ('territories', ('tuple', ('record', 'rqds_portraits._records.portraits.Territory'))),
        ('source', ('record', 'rqds_portraits._records.document.Source')),
        ('initiatives', ('tuple', ('record', 'rqds_portraits._records.portraits.Initiative'))),
        ('periods', ('tuple', ('record', 'rqds_portraits._records.annotations.WrittenPeriod'))),
        ('dates', ('tuple', ('record', 'rqds_portraits._records.annotations.WrittenDate'))),
        ('amounts', ('tuple', ('record', 'rqds_portraits._records.annotations.Amount'))),
        ('ententes', ('tuple', ('record', 'rqds_portraits._records.ententes.Entente'))),
        ('source_notes', ('tuple', ('record', 'rqds_portraits._records.annotations.SourceNote'))),
        ('mentions', ('tuple', ('record', 'rqds_portraits._records.annotations.Mention'))),
        ('partners', ('tuple', ('record', 'rqds_portraits._records.partners.Partner'))),
    )

    def __init__(self: Any, format: Any, edition: Any, revision: Any, revision_date: Any, as_of: Any, territories: Any, source: Any, initiatives: Any, periods: Any, dates: Any, amounts: Any, ententes: Any, source_notes: Any, mentions: Any, partners: Any) -> None:
        _setattr(self, "format", format)
        _setattr(self, "edition", edition)
        _setattr(self, "revision", revision)
        _setattr(self, "revision_date", revision_date)
        _setattr(self, "as_of", as_of)
        _setattr(self, "territories", territories)
        _setattr(self, "source", source)
        _setattr(self, "initiatives", initiatives)
        _setattr(self, "periods", periods)
        _setattr(self, "dates", dates)
        _setattr(self, "amounts", amounts)
        _setattr(self, "ententes", ententes)
        _setattr(self, "source_notes", source_notes)
        _setattr(self, "mentions", mentions)
        _setattr(self, "partners", partners)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(format={self.format!r}, edition={self.edition!r}, revision={self.revision!r}, revision_date={self.revision_date!r}, as_of={self.as_of!r}, territories={self.territories!r}, source={self.source!r}, initiatives={self.initiatives!r}, periods={self.periods!r}, dates={self.dates!r}, amounts={self.amounts!r}, ententes={self.ententes!r}, source_notes={self.source_notes!r}, mentions={self.mentions!r}, partners={self.partners!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.format == other.format
            and self.edition == other.edition
            and self.revision == other.revision
            and self.revision_date == other.revision_date
            and self.as_of == other.as_of
            and self.territories == other.territories
            and self.source == other.source
            and self.initiatives == other.initiatives
            and self.periods == other.periods
            and self.dates == other.dates
            and self.amounts == other.amounts
            and self.ententes == other.ententes
            and self.source_notes == other.source_notes
            and self.mentions == other.mentions
            and self.partners == other.partners
        )

    def __hash__(self: Any) -> int:
        return hash((1006070046765927148, self.format, self.edition, self.revision, self.revision_date, self.as_of, self.territories, self.source, self.initiatives, self.periods, self.dates, self.amounts, self.ententes, self.source_notes, self.mentions, self.partners, ))


WRITTEN = {
    "EditionRecords": EditionRecords,
}
