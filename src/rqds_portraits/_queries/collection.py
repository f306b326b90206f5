"""A tuple of records that also finds one by its id: what each plural of a :class:`~rqds_portraits.Dataset` gives.

>>> import rqds_portraits as rp
>>> amounts = rp.load("2014-2015").amounts
>>> isinstance(amounts, tuple), amounts.lookup("laval-07-a1").text
(True, '670 000 $ / 3 ans')
>>> amounts.get("LAVAL-07-A1").id, amounts.get("no-such-id")
('laval-07-a1', None)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypeVar

from rqds_portraits._arguments import name as name_argument
from rqds_portraits._errors import NotFound, shown
from rqds_portraits._text import MAX_NAME_LENGTH, closest, lookup_key

__all__ = ["Records"]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


class Records(tuple[T, ...]):
    """Records of one kind, in document order: a tuple (iterate, ``len``, index, compare) that
    also finds a record by its id, forgiving case, accents and punctuation.

    :meth:`get` answers ``None`` (or a default) for an unknown id, :meth:`lookup`
    raises the table's :class:`~rqds_portraits.NotFound` error naming the
    closest ids. *kind* names a record in messages (``"amount"``); *edition*
    the edition they come from.
    """

    _kind: str
    _edition: str
    _error: type[NotFound]

    def __new__(cls, records: Iterable[T], kind: str, edition: str, error: type[NotFound]) -> Records[T]:
        self = super().__new__(cls, records)
        self._kind, self._edition, self._error = kind, edition, error
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (tuple(self), self._kind, self._edition, self._error)

    def __copy__(self) -> Records[T]:
        return self  # immutable, as a tuple is

    def __deepcopy__(self, memo: dict[int, Any]) -> Records[T]:
        return self

    def _ids(self) -> Mapping[str, T]:
        # Built on first use; two threads that race build the same mapping, and either one serves.
        found: Mapping[str, T] | None = self.__dict__.get("_by_id")
        if found is None:
            found = self.__dict__["_by_id"] = {lookup_key(record.id): record for record in self}
        return found

    def _wanted(self, record_id: object) -> str:
        return name_argument(record_id, f"{self._kind.replace(' ', '_')}_id", f"an id of {self._kind}")

    def get(self, record_id: str, default: T | None = None) -> T | None:
        """The record whose id is *record_id*, or *default* when none is."""
        wanted = self._wanted(record_id)
        found = self._ids().get(lookup_key(wanted)) if len(wanted) <= MAX_NAME_LENGTH else None
        return default if found is None else found

    def lookup(self, record_id: str) -> T:
        """The record whose id is *record_id*; raises the table's :class:`~rqds_portraits.NotFound`
        error, with the closest ids, when none is."""
        found = self.get(record_id)
        if found is None:
            example = self[0].id if self else "…"
            near = closest(self._wanted(record_id), [record.id for record in self], limit=3)
            hint = f"; did you mean {', '.join(map(repr, near))}?" if near else ""
            raise self._error(
                f"no {self._kind} {shown(record_id)} in edition {self._edition} (ids look like {example!r}){hint}"
            )
        return found
