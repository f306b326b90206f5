"""Whether a dataset file from outside the package is whole and makes sense, before any record is served.

:func:`rqds_portraits.load_file` calls :func:`parse_dataset_file`: the file must
be UTF-8 JSON of bounded depth, of a layout this package reads, fit the JSON
Schema (pydantic, strict), and make sense: unique ids, references that resolve,
region numbers from 01 to 17, line ranges inside the source text, finite and
bounded money, an edition named by its years. The first problem raises
:class:`~rqds_portraits.DatasetIntegrityError` naming its place in the file
(``mentions[12].partner_id``) and what was expected. The build runs the same
checks on what it writes (:func:`check_records`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from rqds_portraits._errors import DatasetIntegrityError, DatasetVersionError, RqdsError, shown
from rqds_portraits._loading.codec import from_data
from rqds_portraits._loading.index import EDITION_NAME
from rqds_portraits._loading.upgrade import ADDED, LAYOUT, added, upgrade
from rqds_portraits._records.edition import RECORD_TABLES, EditionRecords
from rqds_portraits._records.periods import FIRST_YEAR, LAST_YEAR
from rqds_portraits._regions import REGIONS

__all__ = ["MAX_MONEY", "check_records", "parse_dataset_file"]

MAX_MONEY = Decimal(10) ** 12
"""No amount of the portraits reaches a thousand billion dollars; a larger one is an error."""


def parse_dataset_file(raw: bytes, where: str) -> dict[str, Any]:
    """The members of the dataset file *raw* (named *where* in messages), upgraded to today's
    layout and checked whole."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise DatasetIntegrityError(f"{where} is not UTF-8 text: {error}") from None
    except RecursionError:
        raise DatasetIntegrityError(f"{where} is nested too deeply to be a dataset file") from None
    except ValueError as error:
        raise DatasetIntegrityError(f"{where} is not a JSON dataset file: {error}") from None
    if not isinstance(data, dict):
        raise DatasetIntegrityError(f"{where} holds {type(data).__name__}, not a JSON object: not a dataset file")
    layout = data.get("format")
    if isinstance(layout, bool) or not isinstance(layout, int) or layout < 1:
        raise DatasetIntegrityError(
            f"{where}: format must be a positive integer (the file's layout), not {shown(layout)}"
        )
    if layout > LAYOUT:
        raise DatasetVersionError(
            f"{where} is written in layout {layout}; this rqds-portraits reads layouts 1 to {LAYOUT}: upgrade the package"
        )
    members = {}
    for member, value in data.items():
        try:
            members[member] = upgrade(member, value, layout)
        except (
            AttributeError,
            KeyError,
            TypeError,
        ) as error:  # not the shape its layout writes: the upgrade cannot read it
            problem = f"no {error}" if isinstance(error, KeyError) else str(error)
            raise DatasetIntegrityError(
                f"{where}: {member} is not what layout {layout} writes ({shown(problem)})"
            ) from None
    for member, (_, default) in ADDED.items():
        if added(member, layout):
            members[member] = default
    from rqds_portraits._loading.schema import validate  # pydantic: only for files from outside the package

    validate(json.dumps(members, ensure_ascii=False), where)
    try:
        records = from_data(EditionRecords, members)
    except RqdsError as error:  # a value the schema admits but the records refuse (a period's years)
        raise DatasetIntegrityError(f"{where}: {error}") from None
    check_records(records, where)
    return members


def check_records(records: EditionRecords, where: str = "the dataset") -> None:
    """Raise :class:`~rqds_portraits.DatasetIntegrityError` at the first record that makes no sense."""
    for problem in _problems(records):
        raise DatasetIntegrityError(f"{where}: {problem}")


def _problems(records: EditionRecords) -> Iterator[str]:
    if re.match(EDITION_NAME, records.edition) is None:
        yield f"edition: {shown(records.edition)} is not an edition's name (its years, such as '2014-2015')"
    if records.revision < 1:
        yield f"revision: must be at least 1, not {records.revision}"
    ids: dict[str, set[str]] = {}
    for table in RECORD_TABLES:
        seen: set[str] = set()
        for position, record in enumerate(getattr(records, table)):
            if record.id in seen:
                yield f"{table}[{position}].id: {shown(record.id)} is used twice"
            seen.add(record.id)
        ids[table] = seen
    for position, territory in enumerate(records.territories):
        if territory.region_number not in REGIONS:
            yield f"territories[{position}].region_number: {shown(territory.region_number)} is not a region number from 01 to 17"
    yield from _references(records, ids)
    yield from _lines(records)
    for position, period in enumerate(records.periods):
        if not FIRST_YEAR <= period.start <= period.end <= LAST_YEAR:
            yield f"periods[{position}]: {period.start}-{period.end} is not a period from {FIRST_YEAR} to {LAST_YEAR}"
    for position, amount in enumerate(records.amounts):
        value = amount.value
        if not value.is_finite() or abs(value) >= MAX_MONEY or value.as_tuple().exponent < -2:  # type: ignore[operator]
            yield f"amounts[{position}].value: {shown(value)} is not an amount in dollars and cents below {MAX_MONEY:,}"
    for position, mention in enumerate(records.mentions):
        roles = mention.roles
        if not roles or len(set(roles)) != len(roles) or ("mentioned" in roles and len(roles) > 1):
            yield f"mentions[{position}].roles: {shown(roles)} must be one or several distinct roles, 'mentioned' alone"


def _references(records: EditionRecords, ids: dict[str, set[str]]) -> Iterator[str]:
    def check(path: str, value: str | None, table: str) -> Iterator[str]:
        if value is not None and value not in ids[table]:
            yield f"{path}: {shown(value)} is no id of {table}"

    for table in RECORD_TABLES:
        if table in ("territories", "partners"):  # the tables whose records are not in a portrait
            continue
        for position, record in enumerate(getattr(records, table)):
            yield from check(f"{table}[{position}].territory_id", record.territory_id, "territories")
            if table != "initiatives":
                yield from check(f"{table}[{position}].initiative_id", record.initiative_id, "initiatives")
    for position, amount in enumerate(records.amounts):
        yield from check(f"amounts[{position}].period_id", amount.period_id, "periods")
        yield from check(f"amounts[{position}].share_of", amount.share_of, "amounts")
        yield from check(f"amounts[{position}].partner_id", amount.partner_id, "partners")
    for position, mention in enumerate(records.mentions):
        yield from check(f"mentions[{position}].partner_id", mention.partner_id, "partners")
    for position, partner in enumerate(records.partners):
        yield from check(f"partners[{position}].network_id", partner.network_id, "partners")
    for position, entente in enumerate(records.ententes):
        for field, table in (
            ("period_ids", "periods"),
            ("date_ids", "dates"),
            ("amount_ids", "amounts"),
            ("mention_ids", "mentions"),
        ):
            for item, value in enumerate(getattr(entente, field)):
                yield from check(f"ententes[{position}].{field}[{item}]", value, table)


def _with_lines(value: Any, path: str) -> Iterable[tuple[str, Any]]:
    """Every record inside *value* that has ``lines``, with its path."""
    if attrs.has(type(value)):
        if hasattr(value, "lines"):
            yield path, value
        for field in attrs.fields(type(value)):
            yield from _with_lines(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple) and value and not isinstance(value[0], int):
        for position, item in enumerate(value):
            yield from _with_lines(item, f"{path}[{position}]")


def _lines(records: EditionRecords) -> Iterator[str]:
    last = records.source.line_count
    for table in ("source", *RECORD_TABLES):
        for path, record in _with_lines(getattr(records, table), table):
            first_line, last_line = record.lines
            if not 1 <= first_line <= last_line <= last:
                yield f"{path}.lines: {record.lines} is not a line range inside the source's {last} lines"
            span = getattr(record, "span", None)
            if span is not None and not 0 <= span[0] <= span[1]:
                yield f"{path}.span: {span} is not a column range"
