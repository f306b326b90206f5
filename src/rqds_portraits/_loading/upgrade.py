"""Dataset files of an older layout, read as today's records.

Every published revision stays loadable: a file written in layout 1 (its
``format`` member) is upgraded member by member when it is read, so its records are today's
types. The file's bytes, and so its SHA-256, stay those that were published.

Layout 1 → 2 (rqds-portraits 0.2.0):

- a mention's ``role`` becomes ``roles``, a tuple of one role;
- an amount gains ``partner_id`` (``None``: no partner's own share was recorded);
- an agreement gains ``status_basis``: ``"text"`` when it has a ``status_text``,
  else ``"period"`` when it has a period, else ``"reading"``;
- a partner gains ``portrait_forms``, empty: layout 1 did not tell common nouns
  from proper names, so its lookups answer as they did in 0.1.0;
- a written period gains ``start_date`` and ``end_date`` (``None``: layout 1
  read periods in figures only), an agreement ``date_ids`` (empty);
- the file gains ``revision_date`` and ``as_of`` (``None`` unless the edition
  index gives them) and ``dates``, the dates written in words (empty: layout 1
  did not read them).

Layout 2 → 3 (revision 3 of 2014-2015):

- a written date gains ``last_day`` (``None``: layout 2 read every date as one
  day or month; "les 11 et 12 novembre 2010" is one date of two days);
- an agreement's period may have a ``null`` start or end, a bound the text does
  not write (layout 2 always wrote both). A reader of layout 2 would read the
  12th for the two days and refuse a null bound: the layout number tells it to
  upgrade instead.

    >>> from rqds_portraits._loading.upgrade import upgrade
    >>> upgrade("mentions", [{"id": "m1", "text": "CRÉ", "role": "leader"}], 1)
    [{'id': 'm1', 'text': 'CRÉ', 'roles': ['leader']}]
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: loading imports no typing (issue 20)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeAlias

    Member: TypeAlias = Any
    Step: TypeAlias = dict[str, Callable[[Member], Member]]

__all__ = ["ADDED", "LAYOUT", "added", "upgrade"]

LAYOUT = 3
"""The layout of the dataset file written today (the file writes it as its ``format`` member). A file
of an older layout is upgraded on load (below); bump it when a field is added, removed or changes
meaning, and add its step."""

ADDED: dict[str, tuple[int, Any]] = {"revision_date": (2, None), "as_of": (2, None), "dates": (2, [])}
"""Members of the dataset file added by a layout, with the value they stand for in older files."""


def added(member: str, layout: int) -> bool:
    """Whether *member* is missing from a file of layout *layout* (added by a later layout)."""
    return layout < ADDED.get(member, (0, None))[0]


def _renamed(record: dict[str, Any], old: str, new: str, value: Any) -> dict[str, Any]:
    """*record* with the key *old* replaced, in place in the key order, by *new* = *value*."""
    return {new if key == old else key: value if key == old else item for key, item in record.items()}


def _inserted(record: dict[str, Any], before: str, key: str, value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, item in record.items():
        if name == before:
            out[key] = value
        out[name] = item
    return out


def _status_basis(entente: dict[str, Any]) -> str:
    if entente.get("status_text"):
        return "text"
    return "period" if entente.get("period") is not None else "reading"


_TO_2: Step = {
    "format": lambda value: 2,
    "mentions": lambda rows: [_renamed(row, "role", "roles", [row["role"]]) for row in rows],
    "amounts": lambda rows: [_inserted(row, "territory_id", "partner_id", None) for row in rows],
    "periods": lambda rows: [{**row, "start_date": None, "end_date": None} for row in rows],
    "ententes": lambda rows: [
        _inserted(_inserted(row, "signatories", "status_basis", _status_basis(row)), "dates_text", "date_ids", [])
        for row in rows
    ],
    "partners": lambda rows: [_inserted(row, "kind", "portrait_forms", []) for row in rows],
}

_TO_3: Step = {
    "format": lambda value: 3,
    "dates": lambda rows: [{**row, "last_day": None} for row in rows],
}

_STEPS: dict[int, Step] = {1: _TO_2, 2: _TO_3}
"""From each layout, how its members become the next layout's."""


def upgrade(member: str, value: Member, layout: int) -> Member:
    """The member *member* of a dataset file of layout *layout*, as today's layout writes it."""
    for step in range(layout, LAYOUT):
        convert = _STEPS[step].get(member)
        if convert is not None:
            value = convert(value)
    return value
