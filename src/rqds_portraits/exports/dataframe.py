"""pandas: one table as a DataFrame (``pip install "rqds-portraits[pandas]"``).

Values keep their types: exact :class:`~decimal.Decimal` amounts (object
column), dates, integers (nullable ``Int64``) and booleans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import InvalidArgument, MissingDependency
from .tables import TABLES, rows

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["to_dataframe"]


def to_dataframe(ds: Dataset, table: str) -> Any:
    """The table named *table* (``"amounts"``, ``"mentions"``, …) as a ``pandas.DataFrame``."""
    chosen = next((t for t in TABLES if t.name == table), None)
    if chosen is None:
        raise InvalidArgument(f"no table {table!r}; tables are {', '.join(t.name for t in TABLES)}")
    try:
        import pandas
    except ImportError:
        raise MissingDependency(
            'to_dataframe needs pandas: install the extra with pip install "rqds-portraits[pandas]"'
        ) from None
    frame = pandas.DataFrame.from_records(rows(ds, chosen), columns=[c.name for c in chosen.columns])
    for column in chosen.columns:
        if column.type == "integer":
            frame[column.name] = frame[column.name].astype("Int64")
        elif column.type == "boolean":
            frame[column.name] = frame[column.name].astype("boolean")
    return frame.set_index(list(chosen.primary_key))
