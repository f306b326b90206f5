"""Every record class is the attrs class ``attrs.frozen`` would make, though assembled without attrs (issue 20).

Each class is compared with the class attrs itself makes of the same definition
(:func:`rqds_portraits._records.frozen.attrs_made`): fields, signature, ``repr``,
equality, hashing, ``evolve``, ``asdict``, pickling, copying, ``match`` and frozen
errors, over every record of the edition. The type checker's side is in this file
too: mypy --strict reads the last test, which it would refuse if the records were
not attrs classes to it.
"""

from __future__ import annotations

import ast
import copy
import inspect
import pickle
import subprocess
import sys
import typing
import weakref
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_build.ahead import RECORD_MODULES, methods_modules, record_classes
from rqds_portraits._loading.index import read_index
from rqds_portraits._records import portraits
from rqds_portraits._records.frozen import attrs_made, frozen, written_for

from .conftest import EDITION

DS = rp.load(EDITION)
CLASSES = record_classes()
SAMPLES: dict[type, list[Any]] = {}


def collect(value: Any) -> None:
    """Every record in *value* (nested ones too), by class, in SAMPLES."""
    if isinstance(value, tuple):
        for item in value:
            collect(item)
    elif attrs.has(type(value)):
        SAMPLES.setdefault(type(value), []).append(value)
        for field in attrs.fields(type(value)):
            collect(getattr(value, field.name))


collect(DS.records)
collect(read_index())  # the editions and their revisions


def _places() -> list[Any]:
    from rqds_portraits._records.identity import places  # made by diff, not held by a dataset

    return [place for table in rp.RECORD_TABLES for place in places(table, getattr(DS, table)).values()]


SAMPLES[next(cls for cls in record_classes() if cls.__qualname__ == "Place")] = _places()


MADE: dict[type, Any] = {}


def twin(record: Any) -> Any:
    """*record* as an instance of the class attrs makes of its definition (one class per record class)."""
    made = MADE.setdefault(type(record), attrs_made(type(record)))
    return made(**{field.name: getattr(record, field.name) for field in attrs.fields(type(record))})


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_each_class_is_assembled_from_the_methods_the_build_wrote(cls: type) -> None:
    assert written_for(cls) is not None, f"{cls.__qualname__} was made by attrs: run python -m rqds_build"
    assert "__dict__" not in dir(cls) and "__weakref__" in cls.__slots__  # type: ignore[attr-defined]


def test_the_build_writes_the_methods_of_every_module_that_uses_frozen() -> None:
    root = Path(rp.__file__).parent
    users = set()
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        decorated = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef) and any(ast.unparse(d) == "frozen" for d in node.decorator_list)
        ]
        if decorated:
            users.add(".".join(("rqds_portraits", *path.relative_to(root).with_suffix("").parts)))
    assert users == set(RECORD_MODULES)


def test_the_written_methods_are_what_the_definitions_give() -> None:
    root = Path(rp.__file__).parent
    for path, source in methods_modules().items():
        assert root.joinpath(*path).read_bytes() == source, f"{'/'.join(path)} is stale: run python -m rqds_build"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_attrs_reads_each_class_as_its_own(cls: type) -> None:
    made = attrs_made(cls)
    assert attrs.has(cls) and attrs.fields(cls) == attrs.fields(made)
    assert attrs.fields_dict(cls) == attrs.fields_dict(made)
    assert cls.__match_args__ == made.__match_args__  # type: ignore[attr-defined]
    assert inspect.signature(cls) == inspect.signature(made)
    assert typing.get_type_hints(cls) == typing.get_type_hints(made)
    for name in ("__doc__", "__module__", "__qualname__"):
        assert getattr(cls, name) == getattr(made, name)
    own = {key for key in vars(made) if not key.startswith("__")}
    assert own == {key for key in vars(cls) if not key.startswith("__")}  # the methods and properties of the body


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_each_record_behaves_as_the_attrs_made_one(cls: type) -> None:
    records = SAMPLES.get(cls, [])
    assert records, f"no {cls.__qualname__} in edition {EDITION}"
    twins = [twin(record) for record in records]
    for record, other in zip(records, twins):
        assert repr(record) == repr(other)
        assert attrs.asdict(record) == attrs.asdict(other)
        assert attrs.astuple(record) == attrs.astuple(other)
        again = attrs.evolve(record)
        assert again == record and hash(again) == hash(record) and again is not record
        assert pickle.loads(pickle.dumps(record)) == record
        assert copy.copy(record) == record == copy.deepcopy(record)
        assert weakref.ref(record)() is record
        assert record != other  # another class, as between two attrs classes
    # equality and hashing partition the records as attrs's do
    for index in range(0, len(records), max(1, len(records) // 40)):
        for other_index in range(0, len(records), max(1, len(records) // 40)):
            assert (records[index] == records[other_index]) is (twins[index] == twins[other_index])
    assert len(set(records)) == len(set(twins))


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_each_record_is_frozen_as_attrs_freezes(cls: type) -> None:
    record = SAMPLES[cls][0]
    for field in attrs.fields(cls):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(record, field.name, None)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            delattr(record, field.name)
    with pytest.raises(AttributeError):
        record.not_a_field = 1


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_evolve_and_equality_agree_with_attrs_on_any_value(data: st.DataObject) -> None:
    cls = data.draw(st.sampled_from(sorted(SAMPLES, key=lambda cls: cls.__qualname__)))
    record = data.draw(st.sampled_from(SAMPLES[cls]))
    field = data.draw(st.sampled_from([f.name for f in attrs.fields(cls)]))
    value = data.draw(st.one_of(st.text(max_size=12), st.integers(), st.none(), st.tuples(st.integers())))
    try:
        changed = attrs.evolve(record, **{field: value})
    except rp.RqdsError:  # a record that checks its values (Period, PartialDate) refuses it, as attrs's would
        with pytest.raises(rp.RqdsError):
            attrs.evolve(twin(record), **{field: value})
        return
    other = attrs.evolve(twin(record), **{field: value})
    assert repr(changed) == repr(other) and (changed == record) is (other == twin(record))
    assert getattr(changed, field) is value and match_args(changed) == match_args(other)


def match_args(record: Any) -> tuple[Any, ...]:
    match record:
        case object(__match_args__=names):
            return tuple(getattr(record, name) for name in names)
    raise AssertionError


def test_a_definition_the_build_has_not_written_is_made_by_attrs() -> None:
    class Later:
        """A record class added after the build last ran."""

        name: str
        count: int = 0

    made: Any = frozen(Later)  # mypy reads frozen as attrs's, and Later as decorated
    assert attrs.inspect(made).is_frozen and made("a") == made("a", 0)  # attrs's own class: slower, never wrong
    assert repr(made("a")) == "Later(name='a', count=0)" and made.__qualname__.endswith("<locals>.Later")


def test_the_kinds_of_the_type_checker_are_those_of_the_run_time() -> None:
    """portraits.py writes its Literal kinds twice (the cold start imports no typing): they must agree."""
    tree = ast.parse(Path(portraits.__file__).read_text(encoding="utf-8"))
    literals = {
        node.target.id: tuple(ast.literal_eval(node.value.slice))
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and isinstance(node.value, ast.Subscript)
        and ast.unparse(node.value.value) == "Literal"
    }
    assert literals["SectionKind"] == portraits.SECTION_KINDS
    assert literals["ElementKind"] == portraits.ELEMENT_KINDS
    assert typing.get_args(typing.get_type_hints(rp.Section)["kind"]) == portraits.SECTION_KINDS


def test_a_first_lookup_imports_no_attrs_typing_json_re_threading_or_datetime() -> None:
    code = (
        "import sys, rqds_portraits as rp; rp.load('2014-2015').territory('laval'); "
        "print(sorted(m for m in ('attrs', 'attr', 'typing', 'json', 're', 'threading', 'datetime', 'enum', "
        "'collections', 'functools', 'pydantic', 'hashlib') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_mypy_reads_the_records_as_frozen_attrs_classes() -> None:
    """Run by pytest, and read by mypy --strict (CI): an ignore that is not needed is an error there."""
    territory = DS.territory("laval")
    renamed: rp.Territory = attrs.evolve(territory, name="Laval (renamed)")
    name_field: attrs.Attribute[str] = attrs.fields(rp.Territory).name
    assert renamed.name == "Laval (renamed)" and name_field.name == "name"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        territory.name = "x"  # type: ignore[misc]  # mypy: the record is frozen
    assert rp.Period(2013, 2016).end == 2016
