"""The methods attrs would write for the record classes of ``rqds_portraits._records.ententes``: written by
``python -m rqds_build``, never by hand (see :mod:`rqds_portraits._records.methods`).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_setattr = object.__setattr__


class Entente:
    """``rqds_portraits._records.ententes.Entente``."""

    SPEC = (
        ('id', None, True),
        ('title', None, True),
        ('subject', None, True),
        ('kind', None, True),
        ('status', None, True),
        ('status_text', None, True),
        ('status_basis', None, True),
        ('signatories', None, True),
        ('period', None, True),
        ('period_ids', None, True),
        ('date_ids', None, True),
        ('dates_text', None, True),
        ('amount_ids', None, True),
        ('mention_ids', None, True),
        ('territory_id', None, True),
        ('initiative_id', None, True),
        ('lines', None, True),
        ('note', None, True),
    )
    TYPES = (
        ('id', 'value'),
        ('title', 'value'),
        ('subject', ('optional', 'value')),
        ('kind', 'value'),
        ('status', 'value'),
        ('status_text', ('optional', 'value')),
        ('status_basis', 'value'),
        ('signatories', ('optional', 'value')),
        ('period', ('optional', ('record', 'rqds_portraits._records.periods.Period'))),
        ('period_ids', ('tuple', 'value')),
        ('date_ids', ('tuple', 'value')),
        ('dates_text', ('tuple', 'value')),
        ('amount_ids', ('tuple', 'value')),
        ('mention_ids', ('tuple', 'value')),
        ('territory_id', 'value'),
        ('initiative_id', ('optional', 'value')),
        ('lines', 'fixed'),
        ('note', ('optional', 'value')),
    )

    def __init__(self: Any, id: Any, title: Any, subject: Any, kind: Any, status: Any, status_text: Any, status_basis: Any, signatories: Any, period: Any, period_ids: Any, date_ids: Any, dates_text: Any, amount_ids: Any, mention_ids: Any, territory_id: Any, initiative_id: Any, lines: Any, note: Any) -> None:
        _setattr(self, "id", id)
        _setattr(self, "title", title)
        _setattr(self, "subject", subject)
        _setattr(self, "kind", kind)
        _setattr(self, "status", status)
        _setattr(self, "status_text", status_text)
        _setattr(self, "status_basis", status_basis)
        _setattr(self, "signatories", signatories)
        _setattr(self, "period", period)
        _setattr(self, "period_ids", period_ids)
        _setattr(self, "date_ids", date_ids)
        _setattr(self, "dates_text", dates_text)
        _setattr(self, "amount_ids", amount_ids)
        _setattr(self, "mention_ids", mention_ids)
        _setattr(self, "territory_id", territory_id)
        _setattr(self, "initiative_id", initiative_id)
        _setattr(self, "lines", lines)
        _setattr(self, "note", note)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(id={self.id!r}, title={self.title!r}, subject={self.subject!r}, kind={self.kind!r}, status={self.status!r}, status_text={self.status_text!r}, status_basis={self.status_basis!r}, signatories={self.signatories!r}, period={self.period!r}, period_ids={self.period_ids!r}, date_ids={self.date_ids!r}, dates_text={self.dates_text!r}, amount_ids={self.amount_ids!r}, mention_ids={self.mention_ids!r}, territory_id={self.territory_id!r}, initiative_id={self.initiative_id!r}, lines={self.lines!r}, note={self.note!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.id == other.id
            and self.title == other.title
            and self.subject == other.subject
            and self.kind == other.kind
            and self.status == other.status
            and self.status_text == other.status_text
            and self.status_basis == other.status_basis
            and self.signatories == other.signatories
            and self.period == other.period
            and self.period_ids == other.period_ids
            and self.date_ids == other.date_ids
            and self.dates_text == other.dates_text
            and self.amount_ids == other.amount_ids
            and self.mention_ids == other.mention_ids
            and self.territory_id == other.territory_id
            and self.initiative_id == other.initiative_id
            and self.lines == other.lines
            and self.note == other.note
        )

    def __hash__(self: Any) -> int:
        return hash((325248907025668603, self.id, self.title, self.subject, self.kind, self.status, self.status_text, self.status_basis, self.signatories, self.period, self.period_ids, self.date_ids, self.dates_text, self.amount_ids, self.mention_ids, self.territory_id, self.initiative_id, self.lines, self.note, ))


WRITTEN = {
    "Entente": Entente,
}
