"""Validation and JSON Schema of the dataset file, with pydantic models derived from the records.

The attrs classes of ``_records/`` are the only definition of the
records. This module derives a pydantic model from each (same names, same field
types, nested records and tuples mapped along) to validate a dataset file and to
write its JSON Schema. Import it only when validating: pydantic is not needed to
load the bundled, hash-checked data.

A record of a table is validated and built in one pass from the JSON data of its
row (:func:`validated_record`), with the strictness and the messages of pydantic's
strict JSON mode: the file is parsed once, and each record built once.

    >>> from rqds_portraits._loading.schema import json_schema
    >>> json_schema()["title"]
    'EditionRecords'
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pydantic
from pydantic_core import SchemaValidator, ValidationError, core_schema

from rqds_portraits._errors import DatasetIntegrityError, RqdsError
from rqds_portraits._loading.codec import shape
from rqds_portraits._records.edition import EditionRecords

__all__ = ["REFUSALS", "SCHEMA_DIALECT", "json_schema", "model_of", "validate", "validate_part", "validated_record"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@functools.cache
def model_of(cls: type) -> type[pydantic.BaseModel]:
    """The pydantic model of the attrs record class *cls* (built once)."""
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    for field in attrs.fields(cls):
        default = ... if field.default is attrs.NOTHING else field.default
        fields[field.name] = (_pydantic_type(hints[field.name]), default)
    config = pydantic.ConfigDict(extra="forbid", frozen=True)
    return pydantic.create_model(cls.__name__, __config__=config, __doc__=cls.__doc__, **fields)


def _pydantic_type(hint: Any) -> Any:
    kind, args = shape(hint)
    if kind == "record":
        return model_of(hint)
    if kind == "value":
        return hint
    inner = tuple(_pydantic_type(arg) for arg in args)
    if kind == "tuple":
        return tuple[inner[0], ...]  # type: ignore[valid-type]
    return tuple[inner] if kind == "fixed" else typing.Union[inner]  # type: ignore[valid-type]  # noqa: UP007


def validate(text: str | bytes, where: str = "the dataset file") -> None:
    """Check that the JSON *text* of a dataset file fits the records' schema, strictly
    (a number written as a string, or a string as a number, does not fit).

    Raises :class:`~rqds_portraits.DatasetIntegrityError` naming the first problems and their places.
    """
    try:
        model_of(EditionRecords).model_validate_json(text, strict=True)
    except pydantic.ValidationError as error:
        problems = "; ".join(f"{_path(problem['loc'])}: {problem['msg']}" for problem in error.errors()[:5])
        raise DatasetIntegrityError(f"{where} does not fit its schema: {problems}") from None


@functools.cache
def _adapter(hint: Any) -> pydantic.TypeAdapter[Any]:
    """The validator of a record class, or of a member of the dataset file by its type (built once)."""
    return pydantic.TypeAdapter(_pydantic_type(hint))


def validate_part(hint: Any, text: str, place: tuple[int | str, ...], where: str = "the dataset file") -> None:
    """Check that the JSON *text* of one part of a dataset file (a record of a table, or a member),
    at *place* (``("amounts", 3)``), fits its type *hint* strictly.

    A file is validated part by part and refused at the first part that does not fit: the
    cost of refusing a file of a million wrong records is that of its first wrong one.
    Raises :class:`~rqds_portraits.DatasetIntegrityError` naming that part's first problems.
    """
    try:
        _adapter(hint).validate_json(text, strict=True)
    except pydantic.ValidationError as error:
        raise DatasetIntegrityError(f"{where} does not fit its schema: {_problems(error, place)}") from None


REFUSALS: tuple[type[BaseException], ...] = (RqdsError, ValueError, TypeError, OverflowError)
"""What a record class raises for values the schema admits but the record refuses (a period's years)."""


def validated_record(
    cls: type, data: Any, place: tuple[int | str, ...], where: str = "the dataset file"
) -> tuple[Any, BaseException | None]:
    """The record of class *cls* that *data* writes (a row of a table as :mod:`json` reads it, at *place*),
    validated as :func:`validate_part` validates its text and built in the same pass; or ``None`` and the
    error of the first record (nested ones first, in field order) that refused values the schema admits.

    Raises :class:`~rqds_portraits.DatasetIntegrityError` naming the row's first problems when it does
    not fit, with the messages :func:`validate_part` gives (what the schema refuses comes first).
    """
    refused: list[BaseException] = []
    try:
        record = _row_validator(cls).validate_python(data, context=refused)
    except ValidationError as error:
        raise DatasetIntegrityError(
            f"{where} does not fit its schema: {_problems(error, place, _JSON_MESSAGES)}"
        ) from None
    return (None, refused[0]) if refused else (record, None)


_JSON_MESSAGES = {"dict_type": "Input should be an object", "tuple_type": "Input should be a valid array"}
"""What strict JSON mode says where Python mode names the Python type (a row is JSON data, read as Python)."""


def _problems(error: ValidationError, place: tuple[int | str, ...], said: dict[str, str] | None = None) -> str:
    """The first five problems of *error*, each at its place in the file (``amounts[3].value: …``), each
    message as *said* gives it for its type (else as pydantic does)."""
    said = said or {}
    return "; ".join(
        f"{_path((*place, *problem['loc']))}: {said.get(problem['type'], problem['msg'])}"
        for problem in error.errors(include_url=False, include_input=False, include_context=False)[:5]
    )


@functools.cache
def _row_validator(cls: type) -> SchemaValidator:
    """The validator that reads a record of class *cls* from JSON data and builds it (built once)."""
    return SchemaValidator(_record_schema(cls))


def _record_schema(cls: type) -> core_schema.CoreSchema:
    """A record as JSON writes it (an object of its fields, no other), built into the record once valid."""
    hints = typing.get_type_hints(cls)
    fields = {
        field.name: core_schema.typed_dict_field(
            _data_schema(hints[field.name]), required=field.default is attrs.NOTHING
        )
        for field in attrs.fields(cls)
    }
    # A dict of the fields written (one left out takes the record's default, as the schema admits).
    written = core_schema.typed_dict_schema(fields, extra_behavior="forbid", total=True)
    return core_schema.with_info_after_validator_function(_builder(cls), written)


def _builder(cls: type) -> Callable[[dict[str, Any], core_schema.ValidationInfo], Any]:
    """Build a record of *cls* from its validated fields, unless a record of the row was refused already."""

    def build(fields: dict[str, Any], info: core_schema.ValidationInfo) -> Any:
        refused = typing.cast("list[BaseException]", info.context)  # validated_record's
        if refused:
            return None  # the row is refused: what is left is validated (its problems come first), not built
        try:
            return cls(**fields)
        except REFUSALS as error:
            refused.append(error)
            return None

    return build


def _data_schema(hint: Any) -> core_schema.CoreSchema:
    """A field's type as JSON data writes it, with the strictness of strict JSON mode."""
    kind, args = shape(hint)
    if kind == "record":
        return _record_schema(hint)
    if kind == "tuple":
        return core_schema.tuple_schema([_data_schema(args[0])], variadic_item_index=0)  # a JSON array
    if kind == "fixed":
        return core_schema.tuple_schema([_data_schema(arg) for arg in args])
    if kind == "optional":
        (inner,) = [arg for arg in args if arg is not type(None)]
        return core_schema.nullable_schema(_data_schema(inner))
    if typing.get_origin(hint) is typing.Literal:
        return core_schema.literal_schema(list(typing.get_args(hint)))
    if hint is str:
        return core_schema.str_schema(strict=True)
    if hint is int:
        return core_schema.int_schema(strict=True)
    if hint is bool:
        return core_schema.bool_schema(strict=True)
    if hint is Decimal:  # a JSON number or string, as strict JSON mode reads it
        return core_schema.no_info_wrap_validator_function(_decimal, core_schema.decimal_schema())
    # Dates are read from their text (members, not rows): strict JSON mode reads them differently from Python's.
    raise TypeError(f"no JSON data schema for {hint!r}: validate its text with validate_part")


def _decimal(value: Any, check: core_schema.ValidatorFunctionWrapHandler) -> Decimal:
    """*value* checked by pydantic, then read as the records have always read it, ``Decimal(value)``:
    pydantic reads the JSON number 0.1 as ``Decimal('0.1')``, the records as its binary value (which the
    checks then refuse: not in cents)."""
    check(value)
    return Decimal(value)


def _path(location: tuple[int | str, ...]) -> str:
    """A pydantic error location as a JSON path: ``mentions[12].partner_id``."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a dataset file."""
    schema = model_of(EditionRecords).model_json_schema()
    return {"$schema": SCHEMA_DIALECT, **schema}
