"""What 0.3.0 renamed, still answered for one minor release with a :class:`DeprecationWarning`.

- ``role=`` of ``by_partner``, ``partner_territories`` and ``find_ententes`` is ``roles=``, as in
  ``total_funding`` (:func:`renamed`);
- ``find_ententes(active_in=)`` is ``find_ententes(period=)`` (``by_period`` is ``find_ententes(period=, mode=)``);
- calling ``ds.ententes(...)``, deprecated since 0.2.0, is ``ds.find_ententes(...)`` (:class:`EntenteCall`).

Each stops working in 0.4.0; CHANGELOG.md lists them.
"""

from __future__ import annotations

import typing
import warnings
from typing import TYPE_CHECKING, Any, TypeVar

from rqds_portraits._errors import InvalidArgument, shown
from rqds_portraits._queries.collection import Records

if TYPE_CHECKING:
    from rqds_portraits._records.ententes import Entente

__all__ = ["EntenteCall", "by_period", "renamed"]

V = TypeVar("V")


def renamed(value: V | None, old_value: V | None, old: str, new: str, where: str) -> V | None:
    """The value of the argument *new*, or of its deprecated name *old* (with a warning); not both."""
    if old_value is None:
        return value
    warnings.warn(
        f"{where}({old}=...) is deprecated since rqds-portraits 0.3.0 and stops working in 0.4.0: use {new}=",
        DeprecationWarning,
        stacklevel=3,
    )
    if value is not None:
        raise InvalidArgument(f"{old}= is the old name of {new}=: give one of them, not both")
    return old_value


def by_period(period: object, mode: object, status: object) -> dict[str, object]:
    """The arguments of ``find_ententes`` that ``ds.by_period(period, mode, status=…)`` stands for (with a warning)."""
    warnings.warn(
        "ds.by_period(...) is deprecated since rqds-portraits 0.3.0 and stops working in 0.4.0: "
        "use ds.find_ententes(period=..., mode=..., status=...)",
        DeprecationWarning,
        stacklevel=3,
    )
    if period is None:
        raise InvalidArgument("by_period needs a period: give period=")
    return {"period": period, "mode": mode, "status": status}


class EntenteCall(Records["Entente"]):
    """Every entente, as :class:`~rqds_portraits.Records`; calling it is the 0.1.0 query, kept for a while.

    ``ds.ententes(territory="laval")`` still works and warns: use
    :meth:`~rqds_portraits.Dataset.find_ententes`. (0.2.0 made ``ententes`` a
    tuple, like every other plural of a dataset.) It pickles and copies as the
    dataset's own ``ententes``.
    """

    _dataset: Any

    def __new__(cls, records: Records[Entente], dataset: Any) -> EntenteCall:
        self = typing.cast(
            EntenteCall,
            super().__new__(cls, records, records._kind, records._edition, records._error, records._history),
        )
        object.__setattr__(self, "_dataset", dataset)  # Records refuse every later change
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return getattr, (self._dataset, "ententes")

    def __call__(self, /, **filters: Any) -> tuple[Entente, ...]:
        """Deprecated since 0.2.0, removed in 0.4.0: ``ds.find_ententes(**filters)``."""
        warnings.warn(
            "calling ds.ententes(...) is deprecated since rqds-portraits 0.2.0 and will stop working in 0.4.0: "
            "ds.ententes is the tuple of every entente; filter with ds.find_ententes(...)",
            DeprecationWarning,
            stacklevel=2,
        )
        import inspect

        valid = [name for name in inspect.signature(self._dataset.find_ententes).parameters]
        unknown = sorted(name for name in filters if name not in valid)
        if unknown:
            raise InvalidArgument(f"ds.ententes(...) has no filter {shown(unknown[0])}; filters are {', '.join(valid)}")
        return tuple(self._dataset.find_ententes(**filters))
