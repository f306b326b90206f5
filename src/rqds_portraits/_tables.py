"""The one description of the exported tables, which every format follows.

Each :class:`Table` names its columns (with a type and a description), its
primary key and its foreign keys, and the function of ``_rows.py`` that gives
its rows from a dataset. CSV, SQLite, the
Frictionless Data Package and pandas all read this description, so the formats
cannot drift apart. Money stays exact: amounts are :class:`~decimal.Decimal`
here, written as exact decimal text, beside the same amount as an integer of
cents (``value_cents``), which sorts and sums exactly as a number anywhere.
A list of values (a mention's roles, a partner's acronyms) is one text cell,
its items separated by ``"; "``.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable, Iterator

import attrs

from rqds_portraits import _rows
from rqds_portraits._records.annotations import AMOUNT_KINDS, DATE_RELATIONS, QUALIFIERS, ROLES
from rqds_portraits._records.ententes import ENTENTE_KINDS, STATUS_BASES, STATUSES
from rqds_portraits._records.partners import PARTNER_SCOPES
from rqds_portraits._records.portraits import ELEMENT_KINDS, SECTION_KINDS
from rqds_portraits._rows import Row, Tabulated, cents, text_value

__all__ = ["TABLES", "Column", "ColumnType", "ForeignKey", "Table", "Tabulated", "cents", "rows", "table", "text_value"]

_ID = (
    "the record's id: from revision 2 on, it names this record in every revision of the edition that has it, "
    "and a retired id is never reused (the edition's id ledger, ids.json)"
)
# cents, text_value and Tabulated are _rows' names, here too for the formats that read the tables.


ColumnType = typing.Literal["string", "integer", "decimal", "boolean", "date", "datetime"]


@attrs.frozen
class Column:
    """A column: its name, type and what it holds."""

    name: str
    type: ColumnType
    description: str


@attrs.frozen
class ForeignKey:
    """Columns of a table that refer to the key of another (or the same) table."""

    columns: tuple[str, ...]
    table: str
    references: tuple[str, ...] = ("id",)


@attrs.frozen
class Table:
    """An exported table: its name, description, columns, keys and rows."""

    name: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[Tabulated], Iterator[Row]] = attrs.field(repr=False)
    primary_key: tuple[str, ...] = ("id",)
    foreign_keys: tuple[ForeignKey, ...] = ()


def _c(name: str, type: ColumnType, description: str) -> Column:
    return Column(name, type, description)


def _one_of(values: Iterable[str]) -> str:
    """A vocabulary in words: ``"funding, impact or cut"``."""
    *first, last = values
    return f"{', '.join(first)} or {last}" if first else last


def _lines(prefix: str = "") -> tuple[Column, ...]:
    return (
        _c(f"{prefix}first_line", "integer", "first line of the bundled source text (1-based)"),
        _c(f"{prefix}last_line", "integer", "last line of the bundled source text"),
    )


_MONTHS = (
    "as read, ISO YYYY-MM (a range of years runs in fiscal years, April to March; a single year is the calendar "
    "year; dates written in words give their months); empty when the text does not write that bound"
)


def _months(prefix: str, whose: str) -> tuple[Column, ...]:
    return (
        _c(f"{prefix}start_month", "string", f"first month of {whose}, {_MONTHS}"),
        _c(f"{prefix}end_month", "string", f"last month of {whose}, {_MONTHS}"),
    )


_SPAN = (
    _c("line", "integer", "line of the bundled source text (1-based)"),
    _c("span_start", "integer", "first column of the text in the line (0-based)"),
    _c("span_end", "integer", "column after the text in the line"),
)
_PLACE = (
    _c("territory_id", "string", "the territory whose portrait it is in"),
    _c("initiative_id", "string", "the initiative block it is in (empty for a territory's notes)"),
)
_TO_PLACE = (ForeignKey(("territory_id",), "territories"), ForeignKey(("initiative_id",), "initiatives"))


TABLES: tuple[Table, ...] = (
    Table(
        "edition",
        "The edition: what it is, its revision and hash, and the published document it comes from (one row).",
        (
            _c("edition", "string", "the edition, e.g. 2014-2015"),
            _c("revision", "integer", "the edition's revision, bumped on every data correction"),
            _c("revision_date", "date", "the day this revision was published"),
            _c("as_of", "date", "the reference date the agreements' statuses are read against"),
            _c("sha256", "string", "SHA-256 of the dataset file"),
            _c("title", "string", "the document's title"),
            _c("publisher", "string", "its publisher"),
            _c("publisher_acronym", "string", "the publisher's acronym"),
            _c("authors", "string", "the note's authors, separated by '; '"),
            _c("published", "date", "publication date"),
            _c("modified", "datetime", "last modification of the note"),
            _c("url", "string", "address of the note"),
            _c("platform", "string", "publishing platform"),
            _c("consulted", "date", "date the note was consulted"),
            _c("citation", "string", "the note's own citation"),
            _c("reuse_caveat", "string", "the licence field's reuse caveat"),
            _c("source_sha256", "string", "SHA-256 of the bundled source text"),
        ),
        _rows.edition,
        primary_key=("edition",),
    ),
    Table(
        "territories",
        "The member territories, in document order.",
        (
            _c("id", "string", f"{_ID}, e.g. cote-nord"),
            _c("region_number", "string", "region number as written, e.g. 09"),
            _c("name", "string", "name in normal case"),
            _c("heading", "string", "name as written in the heading"),
            _c("websites", "string", "web addresses, separated by spaces"),
            _c("notes", "string", "notes on the portrait, one per line"),
            *_lines(),
        ),
        _rows.territories,
    ),
    Table(
        "initiatives",
        "Initiative blocks (démarche, committee, agreement, programme, event) of each portrait.",
        (
            _c("id", "string", f"{_ID}, e.g. laval-03"),
            _c("territory_id", "string", "its territory"),
            _c("title", "string", "its title as written, when the document gives one"),
            _c("label", "string", "the title, or else the first line of its Leadership section"),
            *_lines(),
        ),
        _rows.initiatives,
        foreign_keys=(ForeignKey(("territory_id",), "territories"),),
    ),
    Table(
        "sections",
        "Sections of each block: Leadership, Intentions, Membres du comité, …",
        (
            _c("id", "string", "initiative id and position, e.g. laval-03-s2"),
            _c("initiative_id", "string", "its block"),
            _c("position", "integer", "position in the block (1-based)"),
            _c("kind", "string", _one_of(SECTION_KINDS)),
            _c("heading", "string", "heading as written"),
            _c("inline", "boolean", "whether the heading opens the first line ('HEADING | text')"),
            *_lines(),
        ),
        _rows.sections,
        foreign_keys=(ForeignKey(("initiative_id",), "initiatives"),),
    ),
    Table(
        "items",
        "Lines of each section: paragraphs, bullets and numbered items, verbatim.",
        (
            _c("id", "string", "section id and position, e.g. laval-03-s2-1"),
            _c("section_id", "string", "its section"),
            _c("position", "integer", "position in the section (1-based)"),
            _c("kind", "string", _one_of(ELEMENT_KINDS)),
            _c("level", "integer", "bullet level (0 for a paragraph)"),
            _c("number", "string", "item number as written (1.1, Orientation 2, B))"),
            _c("prefix", "string", "characters written before the text"),
            _c("text", "string", "the text, verbatim"),
            _c("line", "integer", "line of the bundled source text"),
        ),
        _rows.items,
        foreign_keys=(ForeignKey(("section_id",), "sections"),),
    ),
    Table(
        "partners",
        "The partner registry: every organisation the edition mentions, with its networks.",
        (
            _c("id", "string", f"{_ID}, e.g. quebec-en-forme"),
            _c("name", "string", "official French name"),
            _c("acronyms", "string", "acronyms written in the sources, separated by '; '"),
            _c("variants", "string", "other written forms, separated by '; '"),
            _c(
                "portrait_forms",
                "string",
                "common nouns that name it only in its territories' portraits, separated by '; '",
            ),
            _c("kind", "string", "kind of body"),
            _c("scope", "string", _one_of(PARTNER_SCOPES)),
            _c("territories", "string", "territory ids it serves, separated by '; '"),
            _c("network_id", "string", "the network it belongs to"),
            _c("collective", "boolean", "whether it stands for a group named generically"),
            _c("count", "integer", "the group's size, when written"),
            _c("renames", "string", "changes of name, e.g. '2014: MAMROT → MAMOT'"),
            _c("note", "string", "notes on the entry"),
        ),
        _rows.partners,
        foreign_keys=(ForeignKey(("network_id",), "partners"),),
    ),
    Table(
        "periods",
        "Periods of years as written in the portraits.",
        (
            _c("id", "string", _ID),
            _c("text", "string", "as written, e.g. 2013-2016"),
            _c("start", "integer", "first year"),
            _c("end", "integer", "last year"),
            _c("start_date", "string", "first month, when written in words (YYYY-MM or YYYY-MM-DD)"),
            _c("end_date", "string", "last month, when written in words (YYYY-MM or YYYY-MM-DD)"),
            *_months("", "the period"),
            *_PLACE,
            *_SPAN,
        ),
        _rows.periods,
        foreign_keys=_TO_PLACE,
    ),
    Table(
        "dates",
        "Dates written in words in the portraits, with the month and, when written, the day.",
        (
            _c("id", "string", _ID),
            _c("text", "string", "as written, e.g. jusqu’en juin 2015"),
            _c("date", "string", "the date, YYYY-MM or YYYY-MM-DD"),
            _c("precision", "string", "month or day"),
            _c("last_day", "string", "the last day of a date written on several days (YYYY-MM-DD), else empty"),
            _c("relation", "string", f"what it marks: {_one_of(DATE_RELATIONS)}"),
            *_PLACE,
            *_SPAN,
        ),
        _rows.dates,
        foreign_keys=_TO_PLACE,
    ),
    Table(
        "amounts",
        "Money amounts as written, with their exact value in Canadian dollars.",
        (
            _c("id", "string", _ID),
            _c("text", "string", "as written, e.g. 670 000 $ / 3 ans"),
            _c("value", "decimal", "exact value, in dollars"),
            _c("value_cents", "integer", "the same value in cents, an exact integer that sorts and sums as a number"),
            _c("currency", "string", "CAD"),
            _c("qualifier", "string", _one_of(QUALIFIERS)),
            _c("kind", "string", _one_of(AMOUNT_KINDS)),
            _c("per_years", "integer", "the duration written after it, in years"),
            _c("period_start", "integer", "first year of its period"),
            _c("period_end", "integer", "last year of its period"),
            *_months("period_", "its period, else its entente's (the period ds.total_funding(period=…) compares)"),
            _c("period_id", "string", "the written period it goes with"),
            _c("share_of", "string", "the amount it is a share of"),
            _c("partner_id", "string", "the partner whose own share it is, when written"),
            *_PLACE,
            *_SPAN,
            _c("note", "string", "how the source is read, where it is ambiguous"),
            _c(
                "counted",
                "boolean",
                "whether the funding total counts it (ds.total_funding(): granted agreements, each amount once,"
                " shares and cuts apart): SUM(value) WHERE counted is a territory's total",
            ),
            _c("excluded_reason", "string", "why the funding total leaves it out, when it does"),
        ),
        _rows.amounts,
        foreign_keys=(
            *_TO_PLACE,
            ForeignKey(("period_id",), "periods"),
            ForeignKey(("share_of",), "amounts"),
            ForeignKey(("partner_id",), "partners"),
        ),
    ),
    Table(
        "mentions",
        "Every organisation named in the portraits, as written, with its role and partner.",
        (
            _c("id", "string", _ID),
            _c("text", "string", "as written"),
            _c("role", "string", "the first of its roles"),
            _c("roles", "string", f"every role it holds, separated by '; ': {_one_of(ROLES)}"),
            _c("partner_id", "string", "the partner it resolves to"),
            *_PLACE,
            *_SPAN,
            _c("note", "string", "notes, e.g. why it is not resolved"),
        ),
        _rows.mentions,
        foreign_keys=(ForeignKey(("partner_id",), "partners"), *_TO_PLACE),
    ),
    Table(
        "ententes",
        "Ententes (agreements), plans and programmes with a period, an amount or a status.",
        (
            _c("id", "string", _ID),
            _c("title", "string", "title or subject as written"),
            _c("subject", "string", "the block's subject, when the title says little"),
            _c("kind", "string", _one_of(ENTENTE_KINDS)),
            _c("status", "string", _one_of(STATUSES)),
            _c("status_text", "string", "the words stating the status, when written"),
            _c(
                "status_basis",
                "string",
                f"where the status comes from ({_one_of(STATUS_BASES)}): the words of the text, the period against the edition's as_of, or a reading",
            ),
            _c("signatories", "integer", "number of signatories, when written"),
            _c("period_start", "integer", "first year (empty when the text does not write the start)"),
            _c("period_end", "integer", "last year (empty when the text does not write the end)"),
            _c("start_date", "string", "exact start, when written (YYYY-MM or YYYY-MM-DD)"),
            _c("end_date", "string", "exact end, when written (YYYY-MM or YYYY-MM-DD)"),
            *_months("period_", "its period"),
            _c("dates_text", "string", "the dates written in words, one per line"),
            *_PLACE,
            *_lines(),
            _c("note", "string", "readings of the source, e.g. a status read from the period"),
        ),
        _rows.ententes,
        foreign_keys=_TO_PLACE,
    ),
    Table(
        "entente_amounts",
        "The amounts of each entente.",
        (_c("entente_id", "string", "the entente"), _c("amount_id", "string", "one of its amounts")),
        _rows.Links("amount_ids"),
        primary_key=("entente_id", "amount_id"),
        foreign_keys=(ForeignKey(("entente_id",), "ententes"), ForeignKey(("amount_id",), "amounts")),
    ),
    Table(
        "entente_mentions",
        "The partner mentions written with each entente (its signatories, managers, committee).",
        (_c("entente_id", "string", "the entente"), _c("mention_id", "string", "a partner mention")),
        _rows.Links("mention_ids"),
        primary_key=("entente_id", "mention_id"),
        foreign_keys=(ForeignKey(("entente_id",), "ententes"), ForeignKey(("mention_id",), "mentions")),
    ),
    Table(
        "entente_periods",
        "The written periods each entente's period comes from.",
        (_c("entente_id", "string", "the entente"), _c("period_id", "string", "a written period")),
        _rows.Links("period_ids"),
        primary_key=("entente_id", "period_id"),
        foreign_keys=(ForeignKey(("entente_id",), "ententes"), ForeignKey(("period_id",), "periods")),
    ),
    Table(
        "entente_dates",
        "The dates written in words of each entente (its start, end, signature).",
        (_c("entente_id", "string", "the entente"), _c("date_id", "string", "a written date")),
        _rows.Links("date_ids"),
        primary_key=("entente_id", "date_id"),
        foreign_keys=(ForeignKey(("entente_id",), "ententes"), ForeignKey(("date_id",), "dates")),
    ),
    Table(
        "source_notes",
        "Remarks on passages of the source: typos, inconsistencies, ambiguities.",
        (
            _c("id", "string", _ID),
            _c("text", "string", "the passage as written"),
            _c("note", "string", "the remark"),
            *_PLACE,
            *_SPAN,
        ),
        _rows.source_notes,
        foreign_keys=_TO_PLACE,
    ),
)
"""Every exported table, in an order where a table comes after those it refers to (self-references aside)."""


def table(name: object) -> Table:
    """The table named *name*; :class:`~rqds_portraits.InvalidArgument` names the tables otherwise."""
    found = next((t for t in TABLES if t.name == name), None)
    if found is None:
        from rqds_portraits._errors import InvalidArgument, shown

        raise InvalidArgument(f"no table {shown(name)}; tables are {', '.join(t.name for t in TABLES)}")
    return found


def rows(ds: Tabulated, table: Table) -> list[Row]:
    """The rows of *table* for *ds*, each as long as its columns."""
    found = list(table.rows(ds))
    for row in found:
        assert len(row) == len(table.columns), (
            f"{table.name}: a row has {len(row)} values for {len(table.columns)} columns"
        )
    return found
