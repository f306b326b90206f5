"""The decorator of the record classes: ``attrs.frozen`` to type checkers and to users, without importing attrs.

Every record class is an attrs class to its users: ``attrs.has``, ``attrs.fields``,
``attrs.evolve``, ``attrs.asdict``, pickling, ``match`` and ``FrozenInstanceError``
behave as with ``@attrs.frozen``, and mypy reads the classes as attrs classes
(below, ``frozen`` and ``field`` *are* attrs's to a type checker). But importing
attrs costs ten times the rest of a first lookup (issue 20), so at run time:

- the methods attrs would write for each class (``__init__``, ``__repr__``,
  ``__eq__``, ``__hash__``) are written ahead of time by the build into
  ``rqds_portraits._records.methods``, from these same definitions, and
  :func:`frozen` assembles the class attrs would make (slotted, frozen, picklable)
  from them;
- the class's ``attrs.Attribute`` tuple, ``__attrs_attrs__``, is made by attrs itself
  the first time it is asked for (by ``attrs.fields(Territory)``, say): attrs is
  imported then, by whoever asks.

When the written methods do not match a class's definition (a field added and the
build not run yet), :func:`frozen` hands the class to attrs: slower, never wrong;
``python -m rqds_build --check`` and ``tests/test_frozen.py`` fail until the build runs.

Only what the records use is supported: fields with a default or none, shown in
``repr`` or not, and ``__attrs_post_init__``; anything else is attrs's to make.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing's: the records are on the cold-start path, which imports no typing
if TYPE_CHECKING:
    from typing import Any, TypeVar

    from attrs import field as field
    from attrs import frozen as frozen

    C = TypeVar("C", bound=type)

__all__ = [
    "NO_DEFAULT",
    "Field",
    "attrs_made",
    "deferred",
    "field",
    "frozen",
    "literal",
    "spec_of",
    "written",
    "written_for",
]


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT: Any = _NoDefault()
"""A field declared without a default (attrs's ``NOTHING``)."""


class Field:
    """What ``field(default=…, repr=…)`` declares in a record class body, read without attrs."""

    __slots__ = ("default", "repr")

    def __init__(self, default: object, shown: bool) -> None:
        self.default = default
        self.repr = shown


def spec_of(namespace: Any) -> tuple[tuple[str, str | None, bool], ...]:
    """The fields a record class body declares, in order: ``(name, repr of its default or None, shown in repr)``.

    What :func:`frozen` checks the written methods' ``SPEC`` against; the build writes ``SPEC``
    from ``attrs.fields`` of the same definition (``rqds_build/ahead.py``), and ``tests/test_frozen.py``
    fails for a class where the two disagree (it would be made by attrs, slower).
    """
    fields = []
    for name in namespace.get("__annotations__", {}):
        value = namespace.get(name, NO_DEFAULT)
        default, shown = (value.default, value.repr) if isinstance(value, Field) else (value, True)
        fields.append((name, None if default is NO_DEFAULT else repr(default), shown))
    return tuple(fields)


def literal(values: tuple[str, ...]) -> Any:
    """The type ``Literal[*values]``, as the words typing evaluates when a field's type is asked for
    (``typing.get_type_hints``, the JSON Schema, cattrs), so that defining the class imports no typing.

    A record module on the cold-start path writes ``Kind = literal(KINDS)`` at run time, and
    ``Kind = Literal[…]`` for type checkers.
    """
    return deferred(f"__import__('typing').Literal[{values!r}]")


def deferred(expression: str) -> Any:
    """A type written as the words typing evaluates when a field's type is asked for:
    ``Date = deferred("__import__('datetime').date")`` names ``datetime.date`` without importing
    datetime now. ``typing.get_type_hints`` reads a name bound to a string as a forward reference."""
    return expression


if not TYPE_CHECKING:

    def field(*, default: object = NO_DEFAULT, repr: bool = True) -> Any:  # attrs's names
        """``attrs.field`` as the records use it: a default, and whether ``repr`` shows the field."""
        return Field(default, repr)

    def frozen(cls: C) -> C:
        """The class ``attrs.frozen`` makes of *cls*, assembled from the methods the build wrote for it."""
        spec = spec_of(cls.__dict__)
        _DEFINITIONS[f"{cls.__module__}.{cls.__qualname__}"] = dict(cls.__dict__)
        made = written(cls.__module__).get(cls.__qualname__)
        if made is None or spec != made.SPEC or cls.__bases__ != (object,):
            return attrs_made(cls)  # slower, never wrong
        names = tuple(name for name, _, _ in spec)
        # The signature attrs gives: the fields' own annotations (the written ones say Any, for mypy).
        made.__init__.__annotations__ = {**{name: cls.__annotations__[name] for name in names}, "return": None}
        body = {key: value for key, value in cls.__dict__.items() if key not in names and key != "__dict__"}
        body.update(
            __slots__=(*names, "__weakref__"),
            __init__=made.__init__,
            __repr__=made.__repr__,
            __eq__=made.__eq__,
            __hash__=made.__hash__,
            __match_args__=names,
            __setattr__=_frozen_setattr,
            __delattr__=_frozen_delattr,
            __getstate__=_getstate,
            __setstate__=_setstate,
            __attrs_attrs__=_Fields(),
        )
        body.pop("__weakref__", None)
        return type(cls)(cls.__name__, cls.__bases__, body)  # type: ignore[return-value]


def attrs_made(cls: type) -> Any:
    """The class ``attrs.frozen`` itself makes of the definition of the record class *cls*: what
    ``tests/test_frozen.py`` compares each assembled class with."""
    import attrs

    return attrs.frozen(_attrs_body(cls.__qualname__, _DEFINITIONS[f"{cls.__module__}.{cls.__qualname__}"]))


_DEFINITIONS: dict[str, Any] = {}
"""The class body of each record class as written, by ``module.Class`` (for :func:`attrs_made`)."""


def written_for(cls: type) -> Any:
    """The methods the build wrote for the record class *cls* (with its ``TYPES``), or ``None`` when
    *cls* was not assembled from them (attrs made it)."""
    made = written(cls.__module__).get(cls.__qualname__)
    return made if made is not None and cls.__dict__.get("__init__") is made.__init__ else None


def written(module: str) -> dict[str, Any]:
    """The methods the build wrote for the record classes of *module*, by class name (empty when it
    wrote none: a checkout whose build never ran)."""
    name = f"rqds_portraits._records.methods.{module.rpartition('.')[2]}"
    try:
        __import__(name)  # not importlib's import_module: importing importlib costs a first lookup too
    except ImportError:
        return {}
    return sys.modules[name].WRITTEN  # type: ignore[no-any-return]


def _attrs_body(qualname: str, namespace: Any) -> type:
    """A class of *namespace* whose fields attrs reads as the record's own (``field`` markers made attrs's)."""
    body = {
        key: _attrs_field(value) if isinstance(value, Field) else value
        for key, value in namespace.items()
        if key not in ("__dict__", "__weakref__")
    }
    return type(qualname.rpartition(".")[2], (), {**body, "__qualname__": qualname})


def _attrs_field(declared: Field) -> Any:
    import attrs

    return attrs.field(
        default=attrs.NOTHING if declared.default is NO_DEFAULT else declared.default, repr=declared.repr
    )


class _Fields:
    """``__attrs_attrs__`` of an assembled record class: attrs makes the tuple of ``attrs.Attribute``
    the first time it is asked for, and the class keeps it."""

    def __get__(self, instance: object, owner: type) -> Any:
        import attrs

        fields = attrs.fields(attrs_made(owner))
        type.__setattr__(owner, "__attrs_attrs__", fields)  # once: later reads find the tuple itself
        return fields


def _frozen_setattr(self: object, name: str, value: object) -> None:
    from attrs.exceptions import FrozenInstanceError

    raise FrozenInstanceError


def _frozen_delattr(self: object, name: str) -> None:
    from attrs.exceptions import FrozenInstanceError

    raise FrozenInstanceError


def _getstate(self: Any) -> dict[str, Any]:
    return {name: getattr(self, name) for name in self.__match_args__}


def _setstate(self: Any, state: Any) -> None:
    if isinstance(state, tuple):  # attrs's older pickles: the values in field order
        state = dict(zip(self.__match_args__, state))
    for name in self.__match_args__:
        if name in state:
            object.__setattr__(self, name, state[name])
