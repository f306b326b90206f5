"""The code the build writes ahead of time for the record classes, so that reading data imports no attrs.

``src/rqds_portraits/_records/methods.py`` holds, for every class decorated with
:func:`rqds_portraits._records.frozen.frozen`, the methods ``attrs.frozen`` would write
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__``) and each field's type as the
loader reads it. They are written from what attrs itself says of the class
(``attrs.fields``, with the types resolved by ``typing.get_type_hints``), so a record
class is defined once, with attrs's words; ``python -m rqds_build --check`` fails
when the written methods are not what its definitions give (issue 20).
"""

from __future__ import annotations

import hashlib
import importlib
import typing

import attrs

from rqds_portraits._loading.codec import term_of

__all__ = ["METHODS_FOLDER", "RECORD_MODULES", "methods_modules", "record_classes"]

METHODS_FOLDER = ("_records", "methods")
"""Where the written methods go, under the package's folder: one module per module of record classes
(``methods/portraits.py`` for ``_records/portraits.py``), so a first lookup loads only the methods it uses."""

RECORD_MODULES = (
    "rqds_portraits._records.portraits",
    "rqds_portraits._records.periods",
    "rqds_portraits._records.annotations",
    "rqds_portraits._records.document",
    "rqds_portraits._records.ententes",
    "rqds_portraits._records.partners",
    "rqds_portraits._records.edition",
    "rqds_portraits._records.identity",
    "rqds_portraits._loading.index",
)
"""The modules whose classes are made by ``frozen`` (a test checks that no other module uses it)."""

_PACKAGE = '''"""The methods attrs would write for the record classes, one module per module of record classes, written
ahead of time by ``python -m rqds_build`` (``rqds_build/ahead.py``) from the classes' attrs definitions.
Never edit them by hand: rebuild; ``python -m rqds_build --check`` fails when they differ.

:func:`rqds_portraits._records.frozen.frozen` assembles each record class from them, so that
reading data imports no attrs (issue 20). In each module, ``SPEC`` is what a class body declares
(name, default, shown by ``repr``), checked when the class is made; ``TYPES`` is each field's type
as the loader reads it (:func:`rqds_portraits._loading.codec.term_of`).

``MEMBERS`` is the type of each member of a dataset file (the fields of ``EditionRecords``) as the
loader reads it: reading the territories loads no other module of methods.
"""

MEMBERS = {members}
'''

_HEADER = '''"""The methods attrs would write for the record classes of ``{module}``: written by
``python -m rqds_build``, never by hand (see :mod:`rqds_portraits._records.methods`).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_setattr = object.__setattr__
'''


def record_classes() -> list[type]:
    """Every record class made by ``frozen``, in a stable order (module, then definition)."""
    classes: list[type] = []
    for name in RECORD_MODULES:
        module = importlib.import_module(name)
        classes += [
            value
            for value in vars(module).values()
            if isinstance(value, type) and value.__module__ == name and "__attrs_attrs__" in value.__dict__
        ]
    return classes


def methods_modules() -> dict[tuple[str, ...], bytes]:
    """The sources of ``_records/methods/``, by path under the package's folder, for the record
    classes as they are defined now."""
    from rqds_portraits._records.edition import EditionRecords

    hints = typing.get_type_hints(EditionRecords)
    members = "".join(f"\n    {name!r}: {term_of(hints[name])!r}," for name in EditionRecords.__match_args__)
    modules: dict[tuple[str, ...], bytes] = {
        (*METHODS_FOLDER, "__init__.py"): _PACKAGE.format(members="{" + members + "\n}").encode()
    }
    every = record_classes()
    for name in RECORD_MODULES:
        short = name.rpartition(".")[2]
        classes = [cls for cls in every if cls.__module__ == name]
        parts = [_HEADER.format(module=name)]
        parts += [_methods(cls, f"{name}.{cls.__qualname__}") for cls in classes]
        parts.append(
            "\nWRITTEN = {\n" + "".join(f'    "{cls.__qualname__}": {cls.__qualname__},\n' for cls in classes) + "}\n"
        )
        path = (*METHODS_FOLDER, f"{short}.py")
        if path in modules:
            raise TypeError(f"two modules of record classes are named {short}: name one otherwise")
        modules[path] = "\n".join(parts).encode()
    return modules


def _spec(cls: type) -> tuple[tuple[str, str | None, bool], ...]:
    spec = []
    for field in attrs.fields(cls):
        if field.validator is not None or field.converter is not None or not field.init or field.kw_only:
            raise TypeError(f"{cls.__qualname__}.{field.name}: frozen supports defaults and repr=, nothing else")
        if not isinstance(field.repr, bool) or isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"{cls.__qualname__}.{field.name}: frozen supports defaults and repr=, nothing else")
        spec.append((field.name, None if field.default is attrs.NOTHING else repr(field.default), field.repr))
    return tuple(spec)


def _methods(cls: type, key: str) -> str:
    spec = _spec(cls)
    hints = typing.get_type_hints(cls)
    names = [name for name, _, _ in spec]
    parameters = ", ".join(
        f"{name}: Any" if default is None else f"{name}: Any = {default}" for name, default, _ in spec
    )
    sets = "".join(f'        _setattr(self, "{name}", {name})\n' for name in names)
    if "__attrs_post_init__" in cls.__dict__:
        sets += "        self.__attrs_post_init__()\n"
    shown = ", ".join(f"{name}={{self.{name}!r}}" for name, _, visible in spec if visible)
    equal = "\n            and ".join(f"self.{name} == other.{name}" for name in names)
    seed = int(hashlib.sha256(key.encode()).hexdigest()[:15], 16)
    values = "".join(f"self.{name}, " for name in names)
    types = "".join(f"        ({name!r}, {term_of(hints[name])!r}),\n" for name in names)
    spec_lines = "".join(f"        {item!r},\n" for item in spec)
    return (
        f"\nclass {cls.__qualname__}:\n"
        f'    """``{key}``."""\n\n'
        f"    SPEC = (\n{spec_lines}    )\n"
        f"    TYPES = (\n{types}    )\n\n"
        f"    def __init__(self: Any, {parameters}) -> None:\n{sets}\n"
        "    def __repr__(self: Any) -> str:\n"
        f'        return f"{{self.__class__.__qualname__}}({shown})"\n\n'
        "    def __eq__(self: Any, other: Any) -> bool:\n"
        "        if other.__class__ is not self.__class__:\n"
        "            return NotImplemented\n"
        f"        return bool(\n            {equal}\n        )\n\n"
        "    def __hash__(self: Any) -> int:\n"
        f"        return hash(({seed}, {values}))\n"
    )
