"""Values computed once, under a lock, and shared by every thread that asks for them."""

from __future__ import annotations

from rqds_portraits._lean import RLock

TYPE_CHECKING = False  # not typing's: this module is on the cold-start path, which imports no typing
if TYPE_CHECKING:
    from collections.abc import Callable, Hashable
    from typing import Any, TypeVar

    T = TypeVar("T")

__all__ = ["Once"]

_MISSING = object()


class Once:
    """A store of values, each built by the first caller that asks for its key and kept.

    A caller that finds the value takes it without waiting; the others wait while
    one thread builds it (double-checked locking), so a value is built once even
    when threads race for it. The lock is reentrant: a value may be built from others.

        >>> once = Once()
        >>> once.get("answer", lambda: 42), once.get("answer", lambda: 0)
        (42, 42)
    """

    __slots__ = ("_lock", "_values")

    def __init__(self) -> None:
        self._lock = RLock()
        self._values: dict[Hashable, Any] = {}

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value kept under *key*, built by *build* on the first call."""
        found = self._values.get(key, _MISSING)
        if found is _MISSING:
            with self._lock:
                found = self._values.get(key, _MISSING)
                if found is _MISSING:
                    found = self._values[key] = build()
        return found  # type: ignore[no-any-return]
