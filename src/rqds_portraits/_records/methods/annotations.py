"""The methods attrs would write for the record classes of ``rqds_portraits._records.annotations``: written by
``python -m rqds_build``, never by hand (see :mod:`rqds_portraits._records.methods`).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_setattr = object.__setattr__


class WrittenPeriod:
    """``rqds_portraits._records.annotations.WrittenPeriod``."""

    SPEC = (
        ('id', None, True),
        ('text', None, True),
        ('start', None, True),
        ('end', None, True),
        ('territory_id', None, True),
        ('initiative_id', None, True),
        ('lines', None, True),
        ('span', None, True),
        ('start_date', 'None', True),
        ('end_date', 'None', True),
    )
    TYPES = (
        ('id', 'value'),
        ('text', 'value'),
        ('start', 'value'),
        ('end', 'value'),
        ('territory_id', 'value'),
        ('initiative_id', ('optional', 'value')),
        ('lines', 'fixed'),
        ('span', 'fixed'),
        ('start_date', ('optional', ('record', 'rqds_portraits._records.periods.PartialDate'))),
        ('end_date', ('optional', ('record', 'rqds_portraits._records.periods.PartialDate'))),
    )

    def __init__(self: Any, id: Any, text: Any, start: Any, end: Any, territory_id: Any, initiative_id: Any, lines: Any, span: Any, start_date: Any = None, end_date: Any = None) -> None:
        _setattr(self, "id", id)
        _setattr(self, "text", text)
        _setattr(self, "start", start)
        _setattr(self, "end", end)
        _setattr(self, "territory_id", territory_id)
        _setattr(self, "initiative_id", initiative_id)
        _setattr(self, "lines", lines)
        _setattr(self, "span", span)
        _setattr(self, "start_date", start_date)
        _setattr(self, "end_date", end_date)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(id={self.id!r}, text={self.text!r}, start={self.start!r}, end={self.end!r}, territory_id={self.territory_id!r}, initiative_id={self.initiative_id!r}, lines={self.lines!r}, span={self.span!r}, start_date={self.start_date!r}, end_date={self.end_date!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.id == other.id
            and self.text == other.text
            and self.start == other.start
            and self.end == other.end
            and self.territory_id == other.territory_id
            and self.initiative_id == other.initiative_id
            and self.lines == other.lines
            and self.span == other.span
            and self.start_date == other.start_date
            and self.end_date == other.end_date
        )

    def __hash__(self: Any) -> int:
        return hash((727064705390683463, self.id, self.text, self.start, self.end, self.territory_id, self.initiative_id, self.lines, self.span, self.start_date, self.end_date, ))


class WrittenDate:
    """``rqds_portraits._records.annotations.WrittenDate``."""

    SPEC = (
        ('id', None, True),
        ('text', None, True),
        ('date', None, True),
        ('relation', None, True),
        ('territory_id', None, True),
        ('initiative_id', None, True),
        ('lines', None, True),
        ('span', None, True),
        ('last_day', 'None', True),
    )
    TYPES = (
        ('id', 'value'),
        ('text', 'value'),
        ('date', ('record', 'rqds_portraits._records.periods.PartialDate')),
        ('relation', 'value'),
        ('territory_id', 'value'),
        ('initiative_id', ('optional', 'value')),
        ('lines', 'fixed'),
        ('span', 'fixed'),
        ('last_day', ('optional', ('record', 'rqds_portraits._records.periods.PartialDate'))),
    )

    def __init__(self: Any, id: Any, text: Any, date: Any, relation: Any, territory_id: Any, initiative_id: Any, lines: Any, span: Any, last_day: Any = None) -> None:
        _setattr(self, "id", id)
        _setattr(self, "text", text)
        _setattr(self, "date", date)
        _setattr(self, "relation", relation)
        _setattr(self, "territory_id", territory_id)
        _setattr(self, "initiative_id", initiative_id)
        _setattr(self, "lines", lines)
        _setattr(self, "span", span)
        _setattr(self, "last_day", last_day)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(id={self.id!r}, text={self.text!r}, date={self.date!r}, relation={self.relation!r}, territory_id={self.territory_id!r}, initiative_id={self.initiative_id!r}, lines={self.lines!r}, span={self.span!r}, last_day={self.last_day!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.id == other.id
            and self.text == other.text
            and self.date == other.date
            and self.relation == other.relation
            and self.territory_id == other.territory_id
            and self.initiative_id == other.initiative_id
            and self.lines == other.lines
            and self.span == other.span
            and self.last_day == other.last_day
        )

    def __hash__(self: Any) -> int:
        return hash((68677917577732522, self.id, self.text, self.date, self.relation, self.territory_id, self.initiative_id, self.lines, self.span, self.last_day, ))


class Amount:
    """``rqds_portraits._records.annotations.Amount``."""

    SPEC = (
        ('id', None, True),
        ('text', None, True),
        ('value', None, True),
        ('qualifier', None, True),
        ('kind', None, True),
        ('per_years', None, True),
        ('period', None, True),
        ('period_id', None, True),
        ('share_of', None, True),
        ('partner_id', None, True),
        ('territory_id', None, True),
        ('initiative_id', None, True),
        ('lines', None, True),
        ('span', None, True),
        ('note', None, True),
        ('currency', "'CAD'", True),
    )
    TYPES = (
        ('id', 'value'),
        ('text', 'value'),
        ('value', 'decimal'),
        ('qualifier', 'value'),
        ('kind', 'value'),
        ('per_years', ('optional', 'value')),
        ('period', ('optional', ('record', 'rqds_portraits._records.periods.Period'))),
        ('period_id', ('optional', 'value')),
        ('share_of', ('optional', 'value')),
        ('partner_id', ('optional', 'value')),
        ('territory_id', 'value'),
        ('initiative_id', ('optional', 'value')),
        ('lines', 'fixed'),
        ('span', 'fixed'),
        ('note', ('optional', 'value')),
        ('currency', 'value'),
    )

    def __init__(self: Any, id: Any, text: Any, value: Any, qualifier: Any, kind: Any, per_years: Any, period: Any, period_id: Any, share_of: Any, partner_id: Any, territory_id: Any, initiative_id: Any, lines: Any, span: Any, note: Any, currency: Any = 'CAD') -> None:
        _setattr(self, "id", id)
        _setattr(self, "text", text)
        _setattr(self, "value", value)
        _setattr(self, "qualifier", qualifier)
        _setattr(self, "kind", kind)
        _setattr(self, "per_years", per_years)
        _setattr(self, "period", period)
        _setattr(self, "period_id", period_id)
        _setattr(self, "share_of", share_of)
        _setattr(self, "partner_id", partner_id)
        _setattr(self, "territory_id", territory_id)
        _setattr(self, "initiative_id", initiative_id)
        _setattr(self, "lines", lines)
        _setattr(self, "span", span)
        _setattr(self, "note", note)
        _setattr(self, "currency", currency)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(id={self.id!r}, text={self.text!r}, value={self.value!r}, qualifier={self.qualifier!r}, kind={self.kind!r}, per_years={self.per_years!r}, period={self.period!r}, period_id={self.period_id!r}, share_of={self.share_of!r}, partner_id={self.partner_id!r}, territory_id={self.territory_id!r}, initiative_id={self.initiative_id!r}, lines={self.lines!r}, span={self.span!r}, note={self.note!r}, currency={self.currency!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.id == other.id
            and self.text == other.text
            and self.value == other.value
            and self.qualifier == other.qualifier
            and self.kind == other.kind
            and self.per_years == other.per_years
            and self.period == other.period
            and self.period_id == other.period_id
            and self.share_of == other.share_of
            and self.partner_id == other.partner_id
            and self.territory_id == other.territory_id
            and self.initiative_id == other.initiative_id
            and self.lines == other.lines
            and self.span == other.span
            and self.note == other.note
            and self.currency == other.currency
        )

    def __hash__(self: Any) -> int:
        return hash((1020568152296389367, self.id, self.text, self.value, self.qualifier, self.kind, self.per_years, self.period, self.period_id, self.share_of, self.partner_id, self.territory_id, self.initiative_id, self.lines, self.span, self.note, self.currency, ))


class Mention:
    """``rqds_portraits._records.annotations.Mention``."""

    SPEC = (
        ('id', None, True),
        ('text', None, True),
        ('roles', None, True),
        ('partner_id', None, True),
        ('territory_id', None, True),
        ('initiative_id', None, True),
        ('lines', None, True),
        ('span', None, True),
        ('note', None, True),
    )
    TYPES = (
        ('id', 'value'),
        ('text', 'value'),
        ('roles', ('tuple', 'value')),
        ('partner_id', ('optional', 'value')),
        ('territory_id', 'value'),
        ('initiative_id', ('optional', 'value')),
        ('lines', 'fixed'),
        ('span', 'fixed'),
        ('note', ('optional', 'value')),
    )

    def __init__(self: Any, id: Any, text: Any, roles: Any, partner_id: Any, territory_id: Any, initiative_id: Any, lines: Any, span: Any, note: Any) -> None:
        _setattr(self, "id", id)
        _setattr(self, "text", text)
        _setattr(self, "roles", roles)
        _setattr(self, "partner_id", partner_id)
        _setattr(self, "territory_id", territory_id)
        _setattr(self, "initiative_id", initiative_id)
        _setattr(self, "lines", lines)
        _setattr(self, "span", span)
        _setattr(self, "note", note)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(id={self.id!r}, text={self.text!r}, roles={self.roles!r}, partner_id={self.partner_id!r}, territory_id={self.territory_id!r}, initiative_id={self.initiative_id!r}, lines={self.lines!r}, span={self.span!r}, note={self.note!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.id == other.id
            and self.text == other.text
            and self.roles == other.roles
            and self.partner_id == other.partner_id
            and self.territory_id == other.territory_id
            and self.initiative_id == other.initiative_id
            and self.lines == other.lines
            and self.span == other.span
            and self.note == other.note
        )

    def __hash__(self: Any) -> int:
        return hash((476770089116175917, self.id, self.text, self.roles, self.partner_id, self.territory_id, self.initiative_id, self.lines, self.span, self.note, ))


class SourceNote:
    """``rqds_portraits._records.annotations.SourceNote``."""

    SPEC = (
        ('id', None, True),
        ('text', None, True),
        ('note', None, True),
        ('territory_id', None, True),
        ('initiative_id', None, True),
        ('lines', None, True),
        ('span', None, True),
    )
    TYPES = (
        ('id', 'value'),
        ('text', 'value'),
        ('note', 'value'),
        ('territory_id', 'value'),
        ('initiative_id', ('optional', 'value')),
        ('lines', 'fixed'),
        ('span', 'fixed'),
    )

    def __init__(self: Any, id: Any, text: Any, note: Any, territory_id: Any, initiative_id: Any, lines: Any, span: Any) -> None:
        _setattr(self, "id", id)
        _setattr(self, "text", text)
        _setattr(self, "note", note)
        _setattr(self, "territory_id", territory_id)
        _setattr(self, "initiative_id", initiative_id)
        _setattr(self, "lines", lines)
        _setattr(self, "span", span)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(id={self.id!r}, text={self.text!r}, note={self.note!r}, territory_id={self.territory_id!r}, initiative_id={self.initiative_id!r}, lines={self.lines!r}, span={self.span!r})"

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(
            self.id == other.id
            and self.text == other.text
            and self.note == other.note
            and self.territory_id == other.territory_id
            and self.initiative_id == other.initiative_id
            and self.lines == other.lines
            and self.span == other.span
        )

    def __hash__(self: Any) -> int:
        return hash((849143202209018645, self.id, self.text, self.note, self.territory_id, self.initiative_id, self.lines, self.span, ))


WRITTEN = {
    "WrittenPeriod": WrittenPeriod,
    "WrittenDate": WrittenDate,
    "Amount": Amount,
    "Mention": Mention,
    "SourceNote": SourceNote,
}
