"""Validation and JSON Schema of the dataset file, with pydantic models derived from the records.

The attrs classes of ``_records/`` are the only definition of the
records. This module derives a pydantic model from each (same names, same field
types, nested records and tuples mapped along) to validate a dataset file and to
write its JSON Schema. Import it only when validating: pydantic is not needed to
load the bundled, hash-checked data.

    >>> from rqds_portraits._loading.schema import json_schema
    >>> json_schema()["title"]
    'EditionRecords'
"""

from __future__ import annotations

import functools
import typing
from typing import Any

import attrs
import pydantic

from rqds_portraits._errors import DatasetIntegrityError
from rqds_portraits._loading.codec import shape
from rqds_portraits._records.edition import EditionRecords

__all__ = ["SCHEMA_DIALECT", "json_schema", "model_of", "validate", "validate_part"]

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
        problems = "; ".join(
            f"{_path((*place, *problem['loc']))}: {problem['msg']}"
            for problem in error.errors(include_url=False, include_input=False, include_context=False)[:5]
        )
        raise DatasetIntegrityError(f"{where} does not fit its schema: {problems}") from None


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
