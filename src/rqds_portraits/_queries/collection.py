"""A tuple of records that also finds one by its id: what each plural of a :class:`~rqds_portraits.Dataset` gives.

>>> import rqds_portraits as rp
>>> amounts = rp.load("2014-2015").amounts
>>> isinstance(amounts, tuple), amounts.lookup("laval-07-a1").text
(True, '670 000 $ / 3 ans')
>>> amounts.get("LAVAL-07-A1").id, amounts.get("no-such-id")
('laval-07-a1', None)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, NoReturn, Protocol, TypeVar

from rqds_portraits._arguments import name as name_argument
from rqds_portraits._errors import InvalidArgument, NotFound, shown
from rqds_portraits._once import Once
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
    closest ids. A loaded dataset's ids differ as lookups fold them (loading refuses
    a file whose ids collide once folded), so a lookup is exact on the folded id: it
    finds one record or none. Records built by hand may share a folded id: an id written
    exactly as in them finds its own record, and a forgiving key that two ids share
    answers neither, and raises. *kind*
    names a record in messages (``"amount"``); *edition* the edition they come
    from; *history*, when given, says why an id has no record (retired by a later
    reading, issued by a later revision: the edition's id ledger). Like a tuple, a
    ``Records`` cannot be changed.
    """

    _kind: str
    _edition: str
    _error: type[NotFound]
    _once: Once
    _history: Callable[[str], str | None] | None

    def __new__(
        cls,
        records: Iterable[T],
        kind: str,
        edition: str,
        error: type[NotFound],
        history: Callable[[str], str | None] | None = None,
    ) -> Records[T]:
        if not isinstance(kind, str) or not isinstance(edition, str):
            raise InvalidArgument(
                f"kind= and edition= name the records (strings), not {shown(kind)} and {shown(edition)}"
            )
        if not isinstance(error, type) or not issubclass(error, NotFound):
            raise InvalidArgument(
                f"error= is the NotFound error of the table (a subclass of rp.NotFound), not {shown(error)}"
            )
        self = super().__new__(cls, records)
        if not all(isinstance(getattr(record, "id", None), str) for record in self):
            raise InvalidArgument(f"records= must be records with an id (a string), not {shown(tuple(self)[:3])}")
        # Set once here, never again: __setattr__ refuses every change. The maps by id are built on first use.
        if history is not None and not callable(history):
            raise InvalidArgument(f"history= says why an id has no record (a callable), not {shown(history)}")
        fields = (("_kind", kind), ("_edition", edition), ("_error", error), ("_once", Once()), ("_history", history))
        for name, value in fields:
            object.__setattr__(self, name, value)
        return self

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"Records are read-only, as a tuple is: cannot set {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"Records are read-only, as a tuple is: cannot delete {name!r}")

    @property
    def __dict__(self) -> NoReturn:  # type: ignore[override]  # what it holds is set once, by __new__
        raise AttributeError("Records are read-only, as a tuple is: they have no __dict__ to change")

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (tuple(self), self._kind, self._edition, self._error, self._history)

    def __copy__(self) -> Records[T]:
        return self  # immutable, as a tuple is

    def __deepcopy__(self, memo: dict[int, Any]) -> Records[T]:
        return self

    def _exact(self) -> Mapping[str, T]:
        return self._once.get("exact", lambda: MappingProxyType({record.id: record for record in self}))

    def _folded(self) -> Mapping[str, tuple[T, ...]]:
        def build() -> Mapping[str, tuple[T, ...]]:
            folded: dict[str, tuple[T, ...]] = {}
            for record in self:
                key = lookup_key(record.id)
                folded[key] = (*folded.get(key, ()), record)
            return MappingProxyType(folded)

        return self._once.get("folded", build)

    def _wanted(self, record_id: object) -> str:
        return name_argument(record_id, f"{self._kind.replace(' ', '_')}_id", f"an id of {self._kind}")

    def get(self, record_id: str, default: T | None = None) -> T | None:
        """The record whose id is *record_id*, or *default* when none is."""
        wanted = self._wanted(record_id)
        exact = self._exact()
        if wanted in exact:
            return exact[wanted]
        found = self._folded().get(lookup_key(wanted), ()) if len(wanted) <= MAX_NAME_LENGTH else ()
        if len(found) > 1:
            ids = ", ".join(repr(record.id) for record in found)
            raise self._error(
                f"{shown(record_id)} matches several {self._kind} ids of edition {self._edition}: {ids}; give one as written"
            )
        return found[0] if found else default

    def lookup(self, record_id: str) -> T:
        """The record whose id is *record_id*; raises the table's :class:`~rqds_portraits.NotFound`
        error, with the closest ids, when none is."""
        found = self.get(record_id)
        if found is None:
            wanted = self._wanted(record_id)
            why = self._history(wanted) if self._history is not None else None
            if why is not None:
                raise self._error(f"no {self._kind} {shown(record_id)} {why}")
            example = self[0].id if self else "…"
            near = closest(self._wanted(record_id), list(self._exact()), limit=3)
            hint = f"; did you mean {', '.join(map(repr, near))}?" if near else ""
            raise self._error(
                f"no {self._kind} {shown(record_id)} in edition {self._edition} (ids look like {example!r}){hint}"
            )
        return found
