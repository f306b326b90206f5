"""Records to JSON-compatible data and back, driven by the records' own field types.

The dataset file is the records written with :func:`to_data` and encoded by
:func:`dumps`; loading reads it back with :func:`from_data`. Both follow the attrs field annotations, so a field
added to a record class is written and read with no other change.

    >>> from rqds_portraits._loading.codec import from_data, to_data
    >>> from rqds_portraits._records.periods import Period
    >>> to_data(Period(2013, 2016))
    {'start': 2013, 'end': 2016, 'start_date': None, 'end_date': None}
    >>> from_data(Period, to_data(Period(2013, 2016))) == Period(2013, 2016)
    True
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["dumps", "from_data", "shape", "to_data"]

T = TypeVar("T")
_Convert = Callable[[Any], Any]
_RECORD_CONVERTERS: dict[type, _Convert] = {}


def to_data(value: object) -> Any:
    """*value* as JSON-compatible data: records become objects (fields in order), tuples
    lists, ``Decimal`` exact strings, dates ISO 8601 strings."""
    if attrs.has(type(value)):
        fields = attrs.fields(typing.cast("type[attrs.AttrsInstance]", type(value)))
        return {field.name: to_data(getattr(value, field.name)) for field in fields}
    if isinstance(value, (tuple, list)):
        return [to_data(item) for item in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)  # dates and datetimes; Decimal exactly


def dumps(data: Any) -> bytes:
    """The one JSON encoding of the build: UTF-8 with French text as is, one record per line.

    Compact enough to parse fast, and a change to one record shows as one line in a diff.
    """

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def member(key: str, value: Any) -> str:
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            return f"{compact(key)}:[\n" + ",\n".join(compact(item) for item in value) + "\n]"
        return f"{compact(key)}:{compact(value)}"

    if not isinstance(data, dict):
        return (compact(data) + "\n").encode("utf-8")
    return ("{\n" + ",\n".join(member(key, value) for key, value in data.items()) + "\n}\n").encode("utf-8")


def from_data(hint: type[T], data: Any) -> T:
    """Rebuild a value of type *hint* (a record class, or a type such as
    ``tuple[Territory, ...]``) from what :func:`to_data` wrote."""
    return typing.cast(T, _converter(hint)(data))


def shape(hint: Any) -> tuple[str, tuple[Any, ...]]:
    """What a record field's type is, for the walks over record types (here and in the schema):
    ``("record", (cls,))``, ``("tuple", (item,))`` for ``tuple[X, ...]``, ``("fixed", args)`` for a
    tuple of fixed size (lines, spans), ``("optional", args)`` for ``X | None``, else ``("value", (hint,))``."""
    if attrs.has(hint):
        return "record", (hint,)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple:
        return ("tuple", args[:1]) if len(args) == 2 and args[1] is Ellipsis else ("fixed", args)
    if origin in (typing.Union, types.UnionType):
        return "optional", args
    return "value", (hint,)


def _converter(hint: Any) -> _Convert:
    kind, args = shape(hint)
    if kind == "record":
        return _record_converter(hint)
    if kind == "tuple":
        item = _converter(args[0])
        return tuple if item is _same else lambda data: tuple(item(value) for value in data)
    if kind == "fixed":
        return tuple  # of ints: lines and spans
    if kind == "optional":
        (inner_hint,) = [arg for arg in args if arg is not type(None)]
        inner = _converter(inner_hint)
        return _same if inner is _same else lambda data: None if data is None else inner(data)
    if typing.get_origin(hint) is typing.Literal or hint in (str, int, bool):
        return _same
    if getattr(hint, "__module__", None) in ("decimal", "datetime"):  # imported only by the tables that use them
        return _scalar(hint)
    raise TypeError(f"no conversion for {hint!r}")  # a record field of a new type: teach it here


def _scalar(hint: type) -> _Convert:
    import datetime
    from decimal import Decimal

    if hint is Decimal:
        return Decimal
    if hint is datetime.datetime:
        return datetime.datetime.fromisoformat
    if hint is datetime.date:
        return datetime.date.fromisoformat
    raise TypeError(f"no conversion for {hint!r}")


def _same(value: Any) -> Any:
    return value


def _record_converter(cls: type) -> _Convert:
    known = _RECORD_CONVERTERS.get(cls)
    if known is not None:
        return known
    hints = typing.get_type_hints(cls)
    fields = [(field.name, _converter(hints[field.name])) for field in attrs.fields(cls)]

    def convert(data: dict[str, Any]) -> Any:
        # A field left out takes its default (the schema admits that); one without a default is an error of the record.
        return cls(**{name: convert_field(data[name]) for name, convert_field in fields if name in data})

    _RECORD_CONVERTERS[cls] = convert
    return convert
