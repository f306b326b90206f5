"""Records to JSON-compatible data and back, driven by the records' own field types.

The dataset file is the records written with :func:`to_data` and encoded by
:func:`dumps`; loading reads it back with :func:`from_data`. Both follow the records' field types (as the build wrote them
for loading, ``_records/methods.py``), so a field added to a record class is written and read
with no other change.

    >>> from rqds_portraits._loading.codec import from_data, to_data
    >>> from rqds_portraits._records.periods import Period
    >>> to_data(Period(2013, 2016))
    {'start': 2013, 'end': 2016, 'start_date': None, 'end_date': None}
    >>> from_data(Period, to_data(Period(2013, 2016))) == Period(2013, 2016)
    True
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing's: loading the bundled data imports neither typing nor attrs
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeAlias, TypeVar

    T = TypeVar("T")
    _Convert: TypeAlias = Callable[[Any], Any]

__all__ = ["dumps", "from_data", "from_field", "from_member", "shape", "term_of", "to_data"]

_RECORD_CONVERTERS: dict[type, _Convert] = {}


def to_data(value: object) -> Any:
    """*value* as JSON-compatible data: records become objects (fields in order), tuples
    lists, ``Decimal`` exact strings, dates ISO 8601 strings."""
    import attrs  # once per call: the walk below visits every value

    def walk(value: object) -> Any:
        if attrs.has(type(value)):
            return {field.name: walk(getattr(value, field.name)) for field in attrs.fields(type(value))}  # type: ignore[arg-type]
        if isinstance(value, (tuple, list)):
            return [walk(item) for item in value]
        if isinstance(value, (str, int, float, bool)) or value is None:
            return value
        return value.isoformat() if hasattr(value, "isoformat") else str(value)  # dates and datetimes; Decimal exactly

    return walk(value)


def dumps(data: Any) -> bytes:
    """The one JSON encoding of the build: UTF-8 with French text as is, one record per line.

    Compact enough to parse fast, and a change to one record shows as one line in a diff.
    """
    import json

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
    return _converter(_term(hint))(data)  # type: ignore[no-any-return]


def from_field(cls: type, name: str, data: Any) -> Any:
    """Rebuild the value of the field *name* of the record class *cls* from what :func:`to_data` wrote:
    ``from_field(EditionRecords, "territories", rows)``."""
    return _converter(_field_terms(cls)[name])(data)


def from_member(name: str, data: Any) -> Any:
    """The member *name* of a dataset file (``"territories"``) as records, from its JSON data.

    Its type is the field of ``EditionRecords`` of that name, as the build wrote it: reading one
    member imports the modules of its records only.
    """
    try:
        from rqds_portraits._records.methods import MEMBERS
    except ImportError:  # a checkout whose build has not written the methods yet
        from rqds_portraits._records.edition import EditionRecords

        return from_field(EditionRecords, name, data)
    return _converter(MEMBERS[name])(data)


def shape(hint: Any) -> tuple[str, tuple[Any, ...]]:
    """What a record field's type is, for the walks over record types (here and in the schema):
    ``("record", (cls,))``, ``("tuple", (item,))`` for ``tuple[X, ...]``, ``("fixed", args)`` for a
    tuple of fixed size (lines, spans), ``("optional", args)`` for ``X | None``, else ``("value", (hint,))``."""
    import types
    import typing

    if isinstance(hint, type) and "__attrs_attrs__" in hint.__dict__:
        return "record", (hint,)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple:
        return ("tuple", args[:1]) if len(args) == 2 and args[1] is Ellipsis else ("fixed", args)
    if origin in (typing.Union, types.UnionType):
        return "optional", args
    return "value", (hint,)


def term_of(hint: Any) -> Any:
    """*hint*, a record field's type, as the loader reads it (the ``TYPES`` the build writes in
    ``_records/methods.py``): ``"value"`` (as written), ``"fixed"`` (a tuple of numbers),
    ``"decimal"``, ``"date"``, ``"datetime"``, ``("record", "module.Class")``, ``("tuple", term)``
    or ``("optional", term)``."""
    kind, args = shape(hint)
    if kind == "record":
        return ("record", f"{hint.__module__}.{hint.__qualname__}")
    if kind == "tuple":
        return ("tuple", term_of(args[0]))
    if kind == "fixed":
        return "fixed"
    if kind == "optional":
        (inner,) = [arg for arg in args if arg is not type(None)]
        return ("optional", term_of(inner))
    if getattr(hint, "__module__", None) in ("decimal", "datetime"):
        return hint.__name__.lower()  # "decimal", "date", "datetime"
    import typing

    if typing.get_origin(hint) is typing.Literal or hint in (str, int, bool):
        return "value"
    raise TypeError(f"no conversion for {hint!r}")  # a record field of a new type: teach it here


def _term(hint: Any) -> Any:
    """*hint* as a term; a record class, or a tuple of records, without typing."""
    if isinstance(hint, type) and "__attrs_attrs__" in hint.__dict__:
        return ("record", hint)
    if hint in (str, int, bool):
        return "value"
    args: tuple[Any, ...] = getattr(hint, "__args__", ())
    if getattr(hint, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return ("tuple", _term(args[0]))
    return term_of(hint)


def _field_terms(cls: type) -> dict[str, Any]:
    """The terms of the fields of the record class *cls*: those the build wrote, when *cls* was made
    from them, else read from its attrs fields and type hints (typing and attrs imported then)."""
    from rqds_portraits._records.frozen import written_for

    written = written_for(cls)
    if written is not None:
        return dict(written.TYPES)
    import typing

    import attrs

    hints = typing.get_type_hints(cls)
    return {field.name: term_of(hints[field.name]) for field in attrs.fields(cls)}


def _converter(term: Any) -> _Convert:
    if term == "value":
        return _same
    if term == "fixed":
        return tuple
    if isinstance(term, str):
        return _scalar(term)
    kind, inner = term
    if kind == "record":
        return _record_converter(_record_class(inner) if isinstance(inner, str) else inner)
    item = _converter(inner)
    if kind == "tuple":
        return tuple if item is _same else lambda data: tuple([item(value) for value in data])
    return _same if item is _same else lambda data: None if data is None else item(data)  # "optional"


def _record_class(name: str) -> type:
    module, _, qualname = name.rpartition(".")
    if module not in sys.modules:
        __import__(module)
    return getattr(sys.modules[module], qualname)  # type: ignore[no-any-return]


def _scalar(term: str) -> _Convert:
    if term == "decimal":
        from decimal import Decimal

        return Decimal
    import datetime

    if term == "datetime":
        return datetime.datetime.fromisoformat
    if term == "date":
        return datetime.date.fromisoformat
    raise TypeError(f"no conversion for {term!r}")


def _same(value: Any) -> Any:
    return value


def _record_converter(cls: type) -> _Convert:
    known = _RECORD_CONVERTERS.get(cls)
    if known is not None:
        return known
    fields = [(name, _converter(term)) for name, term in _field_terms(cls).items()]

    def convert(data: dict[str, Any]) -> Any:
        # A field left out takes its default (the schema admits that); one without a default is an error of the record.
        return cls(**{name: convert_field(data[name]) for name, convert_field in fields if name in data})

    _RECORD_CONVERTERS[cls] = convert
    return convert
