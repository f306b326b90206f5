"""Fuzzing every public call (issue 10 §7): whatever it is given, a call answers or raises the package's own error.

The surface is found by introspection, so a new public name is fuzzed without
touching this module: every function of ``rp.__all__`` and of
``rp.exports.__all__``, every public method of :class:`rp.Dataset` and of the
record classes ``rp.__all__`` names (``Period.parse``, ``Initiative.section``,
…), the constructors of ``Period`` and ``PartialDate``, and calling
``ds.ententes(...)``; every property is read on every record.
:func:`test_every_public_callable_is_fuzzed` fails when a public callable is
neither fuzzed nor listed in :data:`EXCLUDED` with its reason.

Arguments are drawn from each signature: arbitrary values (text with NUL,
combining marks, right-to-left marks, other scripts' digits and 10⁵
characters; integers negative or of thousands of digits; NaN and infinities;
None, booleans, bytes, decimals including a signalling NaN, fractions,
complex numbers, dates, objects, paths; lists, tuples, sets and dicts of
them), mixed with near-valid values (real ids, names, region numbers,
periods, statuses, roles, kinds, modes, tables, formats, files) so that the
calls reach past the argument checks. Sometimes a keyword is bogus, a
required argument missing or a positional one too many: such a call is
checked with ``inspect.signature(f).bind`` first and must then be refused by
Python itself (a ``TypeError`` raised before the package runs); every other
call must return or raise an :class:`rp.RqdsError` with a one-line message.
The only warnings allowed are the ``DeprecationWarning`` of a deprecated name (calling
``ds.ententes(...)``, ``role=``, ``active_in=``, ``by_period``, ``Revision.format``), which says so.
Files are written only under a temporary folder, and calls run from an empty
temporary working folder.

Oracles for wrong answers, not only for exceptions: a territory answered for a
numeric-looking key is the one of that ASCII region number; a partner answered
without ``territory=`` is the only body in Québec with that name (or the
network of all of them); the NFC and NFD forms of a text get the same answer.

Example counts follow the Hypothesis profile of tests/conftest.py: each cheap
callable is fuzzed ``max_examples`` times, each costly one (files, pandas, a
dataset file read and validated whole) and each altered-file fuzzer a fifth as
many (at least 10). With the "ci" profile (100) that is 34 callables × 100 +
8 costly × 20 + 2 file fuzzers × 20 = 3 600 fuzzed calls, plus 3 oracles × 100
examples (3 200 NFC/NFD lookups) and every property read on every record
(about 2 500 reads): about 20 seconds. ``HYPOTHESIS_PROFILE=deep`` (2 000)
makes 72 000 fuzzed calls in about 8 minutes. The module prints how many calls
it made.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gzip
import inspect
import io
import json
import os
import re
import tempfile
import typing
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits import ENTENTE_KINDS as KINDS
from rqds_portraits import MODES, ROLES, STATUSES, _tables, exports
from rqds_portraits._citation import STYLES
from rqds_portraits._records.portraits import SECTION_KINDS
from rqds_portraits._regions import REGIONS
from rqds_portraits._text import lookup_key

from .conftest import EDITION
from .strategies import vary

DS = rp.load(EDITION)
OLD_SHA256 = "37de3aaedc06f32dee564447dce5e5219838ce060e5c60348538330bab210532"
OLD = rp.load(EDITION, revision=1, sha256=OLD_SHA256)

EXAMPLES = settings().max_examples  # the profile loaded by tests/conftest.py
COSTLY_EXAMPLES = max(10, EXAMPLES // 5)
MUTATED_EXAMPLES = max(10, EXAMPLES // 2)
CALLS: Counter[str] = Counter()
"""What the fuzz did: calls answered, package errors, calls Python refused to bind."""

# Every file the fuzz reads or writes is under ROOT, removed at the end of the module.
_TEMPORARY = tempfile.TemporaryDirectory(prefix="rqds-fuzz-")
ROOT = Path(_TEMPORARY.name)
FILES = ROOT / "files"  # dataset files, CSV exports, garbage (made by the `files` fixture)
OUT = ROOT / "out"  # where exports write
SANDBOX = ROOT / "cwd"  # the working folder of every fuzzed call: relative paths land here
TABLE_NAMES = tuple(t.name for t in exports.TABLES)
CHECKOUT_BEFORE = set(os.listdir(Path.cwd()))  # what the working folder of the test run holds before the fuzz


@pytest.fixture(scope="module", autouse=True)
def files(request: pytest.FixtureRequest) -> Iterator[None]:
    """The files the fuzz reads, a folder for exports and an empty working folder; the count of calls at the end."""
    for folder in (FILES, OUT, SANDBOX, FILES / "a folder"):
        folder.mkdir(parents=True, exist_ok=True)
    exports.export(DS, "csv", FILES)
    raw = DS.to_json()
    (FILES / "dataset-2014-2015.json").write_bytes(raw)
    (FILES / "dataset.r1.json.gz").write_bytes(gzip.compress(OLD.to_json()))
    (FILES / "truncated.json").write_bytes(raw[: len(raw) // 2])
    (FILES / "garbage.json").write_bytes(b"{not json")
    (FILES / "list.json").write_bytes(b"[1, 2]")
    (FILES / "empty.json").write_bytes(b"")
    (FILES / "latin1.json").write_bytes('{"edition": "é"}'.encode("latin-1"))
    (FILES / "fake.gz").write_bytes(b"\x1f\x8b\x08 not gzip")
    (FILES / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (FILES / "huge-int.json").write_bytes(b'{"format": 1' + b"0" * 5000 + b"}")
    (FILES / "bad-header.csv").write_bytes(b"a,b\n1,2\n")
    (FILES / "latin1.csv").write_bytes("id,text\né,é\n".encode("latin-1"))
    yield
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if capture is not None and reporter is not None:
        with capture.global_and_fixture_disabled():
            total = sum(CALLS.values())
            reporter.write_line(
                f"\ntests/test_fuzz.py: {total} calls ({', '.join(f'{n} {k}' for k, n in CALLS.items())}), max_examples={EXAMPLES}"
            )
    _TEMPORARY.cleanup()


@contextlib.contextmanager
def sandbox() -> Iterator[None]:
    """Run from the empty working folder: a relative path drawn by the fuzz never touches the checkout."""
    before = os.getcwd()
    os.chdir(SANDBOX)
    try:
        yield
    finally:
        os.chdir(before)


def _encodable(path: Path) -> bool:
    """Whether *path* can be written as bytes (a lone surrogate outside ``surrogateescape``'s range cannot)."""
    try:
        os.fsencode(path)
    except UnicodeError:
        return False
    return True


class BytesPath(os.PathLike[bytes]):
    """A path-like object whose path is bytes (what ``os.fspath`` also accepts)."""

    def __init__(self, path: Path) -> None:
        self._path = os.fsencode(path)

    def __fspath__(self) -> bytes:
        return self._path

    def __repr__(self) -> str:
        return f"BytesPath({self._path!r})"


# -- arbitrary values -----------------------------------------------------------
SPECIAL = (
    "\x00",
    "\u0301",  # combining acute accent
    "\u0327",  # combining cedilla
    "\u0345",  # combining Greek ypogegrammeni (case-folds to a letter)
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "\ufeff",  # byte order mark
    "\u2028",  # line separator
    "שלום",  # Hebrew
    "١٣",  # Arabic-Indic digits
    "¹³",  # superscripts
    "１３",  # fullwidth digits
    "İ",  # dotted capital I: case-folds to two characters
    "ß",
    "ﬁ",
    "ǅ",
    "Œ",
    "🙂",
    "-",
    "–",
    "/",
    " ",
    "\t",
    "\n",
    "=",
)


@functools.cache
def texts() -> st.SearchStrategy[str]:
    """Text of every kind, sometimes just over the longest name (300) or 10⁵ characters long."""
    pieces = st.one_of(st.characters(), st.characters(), st.sampled_from(SPECIAL))
    short = st.lists(pieces, max_size=20).map("".join)
    long = st.builds(
        lambda piece, size: (piece * (size // len(piece) + 1))[:size],
        st.lists(pieces, min_size=1, max_size=4).map("".join),
        st.sampled_from([299, 300, 301, 10**5]),
    )
    return st.one_of(short, short, short, long)


@functools.cache
def integers() -> st.SearchStrategy[int]:
    """Integers, some of thousands of digits (made by a function: Hypothesis shows a strategy by its values,
    and ``repr`` of an integer of more than 4 300 digits raises)."""
    return st.one_of(
        st.integers(),
        st.integers(-30, 30),
        st.sampled_from([0, -1, 2**63, -(2**63)]),
        st.tuples(st.integers(4000, 5000), st.integers(-9, 9), st.booleans()).map(_huge),
    )


def _huge(spec: tuple[int, int, bool]) -> int:
    digits, offset, negative = spec
    power: int = 10**digits
    return -(power + offset) if negative else power + offset


@functools.cache
def path_likes() -> st.SearchStrategy[object]:
    """Paths into the temporary folder, as text, ``Path`` or bytes."""
    names = ["dataset-2014-2015.json", "amounts.csv", "a folder", "missing.json", "garbage.json"]
    places = st.sampled_from([FILES / name for name in names])
    return st.one_of(places, places.map(str), places.map(BytesPath), places.map(os.fsencode))


@functools.cache
def hashable_scalars() -> st.SearchStrategy[object]:
    return st.one_of(
        texts(),
        integers(),
        st.floats(),
        st.sampled_from([float("nan"), float("inf"), float("-inf"), -0.0]),
        st.none(),
        st.booleans(),
        st.binary(max_size=20),
        st.decimals(allow_nan=False),
        st.sampled_from([Decimal("NaN"), Decimal("Infinity"), Decimal("-0"), Decimal("1E+999999")]),
        st.fractions(),
        st.complex_numbers(),
        st.dates(),
        st.builds(object),
        st.just(Ellipsis),
        st.just(int),
        path_likes(),
    )


@functools.cache
def scalars() -> st.SearchStrategy[object]:
    """Any single value; a signalling NaN and a bytearray are not hashable."""
    return st.one_of(hashable_scalars(), st.just(Decimal("sNaN")), st.binary(max_size=8).map(bytearray))


@functools.cache
def anything() -> st.SearchStrategy[object]:
    """Any value: a scalar or a collection of them."""
    return st.recursive(
        scalars(),
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.lists(children, max_size=4).map(tuple),
            st.dictionaries(hashable_scalars(), children, max_size=3),
            st.frozensets(hashable_scalars(), max_size=3),
            st.sets(hashable_scalars(), max_size=3),
        ),
        max_leaves=6,
    )


# -- near-valid values: what the data holds, written every way ------------------
@st.composite
def varied(draw: st.DrawFn, words: st.SearchStrategy[str]) -> str:
    """A real key as a user may write it: other case, no accents, decomposed accents, spaces, padding to 300."""
    text = draw(words)
    how = draw(st.sampled_from(["as is", "case", "accents", "nfd", "nfkd", "spaces", "padded", "doubled"]))
    if how == "case":
        return text.swapcase()
    if how == "accents":
        return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    if how == "nfd":
        return unicodedata.normalize("NFD", text)
    if how == "nfkd":
        return unicodedata.normalize("NFKD", text)
    if how == "spaces":
        return f" \t{text}\n"
    if how == "padded":  # about as long as the longest name: its NFD form may be longer than 300
        return " " * max(0, 300 - len(text) - draw(st.integers(0, 3))) + text
    if how == "doubled":
        return text + text
    return text


def several(values: tuple[str, ...]) -> st.SearchStrategy[object]:
    """One of *values*, or several as a tuple, list, set or frozenset (some with a wrong one among them)."""
    one = st.sampled_from(values)
    some = st.lists(st.one_of(one, one, one, texts()), min_size=0, max_size=3)
    return st.one_of(
        one,
        varied(one),
        some.map(tuple),
        some,
        some.map(set),
        some.map(frozenset),
        st.lists(one, min_size=1, max_size=3).map(tuple),
    )


@functools.cache
def near_values() -> dict[str, st.SearchStrategy[object]]:
    """Near-valid values by parameter name (every parameter of the public surface has some)."""
    partners = DS.partners
    forms = sorted({f for p in partners for f in (p.id, p.name, *p.acronyms, *p.variants, *p.portrait_forms)})
    territory_keys = sorted(
        {k for t in DS.territories for k in (t.id, t.name, t.heading, t.region_number)}
        | set(REGIONS)
        | set(REGIONS.values())
    )
    territories = st.one_of(varied(st.sampled_from(territory_keys)), st.integers(-2, 19))
    periods = st.one_of(
        varied(
            st.sampled_from(
                [
                    "2014-2015",
                    "2013–2016",
                    "2013/2016",
                    "(2011-2015)",
                    "2014",
                    "2016-2013",
                    "1899",
                    "2101-2102",
                    "2014-2015-2016",
                    "2014 - 2015",
                ]
            )
        ),
        st.integers(1895, 2105),
        st.tuples(st.integers(1895, 2105), st.integers(1895, 2105)),
        st.sampled_from([e.period for e in DS.ententes if e.period is not None]),
        st.sampled_from([p.period for p in DS.periods]),
    )
    shas = [r.sha256 for r in rp.revisions(EDITION)]
    dates = [d.date for d in DS.dates]

    def ids(records: tuple[Any, ...]) -> st.SearchStrategy[object]:
        return varied(st.sampled_from([r.id for r in records]))

    names = varied(st.sampled_from(forms + list(TABLE_NAMES)))
    return {
        "edition": varied(
            st.sampled_from(
                ["2014-2015", "2014/2015", "2014–2015", "2015-2016", "2095-2096", "1900-1901", "../2014-2015", "2014"]
            )
        ),
        "revision": st.one_of(st.sampled_from([1, 2, 3, 0, -1, True, 1.0, "1"]), integers()),
        "sha256": st.one_of(
            st.sampled_from(shas),
            st.sampled_from(shas).map(str.upper),
            st.sampled_from(shas).map(lambda s: f" {s[:40]} "),
        ),
        "old": st.sampled_from([DS, OLD]),
        "new": st.sampled_from([DS, OLD]),
        "ds": st.sampled_from([DS, OLD]),
        "previous": st.sampled_from([None, OLD, DS]),
        "key": territories,
        "number": territories,
        "territory": territories,
        "name": names,
        "partner": varied(st.sampled_from(forms)),
        "role": several(ROLES),
        "roles": several(ROLES),
        "status": several((*STATUSES, "in-progress", "granted")),
        "kind": several((*KINDS, *SECTION_KINDS)),
        "mode": varied(st.sampled_from(MODES)),
        "period": periods,
        "active_in": periods,
        "other": periods,
        "value": periods,
        "yearly": st.sampled_from([True, False, 0, 1, "no", None]),
        "include_network": st.sampled_from([True, False, 0, 1, "yes", None]),
        "style": varied(st.sampled_from(STYLES)),
        "table": varied(st.sampled_from(TABLE_NAMES)),
        "format": varied(st.sampled_from(exports.FORMATS)),
        "initiative_id": ids(DS.initiatives),
        "period_id": ids(DS.periods),
        "date_id": ids(DS.dates),
        "amount_id": ids(DS.amounts),
        "entente_id": ids(DS.ententes),
        "mention_id": ids(DS.mentions),
        "note_id": ids(DS.source_notes),
        "record_id": st.one_of(
            ids(DS.territories), ids(DS.amounts), ids(DS.mentions), ids(DS.ententes), ids(DS.partners)
        ),
        "default": st.sampled_from([None, DS.territories[0], "x"]),
        "text": varied(
            st.sampled_from(
                ["2016-03-31", "2014-02-30", "2013-04", "2014", "0000", "9999-12-31", "2014-13", "2014-1-1"]
            )
        ),
        "parameter": st.sampled_from(["period", "active_in", "", "x" * 1000]),
        "year": st.one_of(st.integers(1895, 2105), st.integers(-1, 10000)),
        "month": st.one_of(st.none(), st.integers(-1, 14)),
        "day": st.one_of(st.none(), st.integers(-1, 33)),
        "start": st.integers(1895, 2105),
        "end": st.integers(1895, 2105),
        "start_date": st.one_of(st.none(), st.sampled_from(dates)),
        "end_date": st.one_of(st.none(), st.sampled_from(dates)),
        "folder": folders(),
        "path": paths(),
    }


@functools.cache
def folders() -> st.SearchStrategy[object]:
    """Where an export writes: always under the temporary folder (or refused before anything is written)."""
    segment = st.text(st.characters(exclude_characters="/"), min_size=1, max_size=20).filter(
        lambda s: s not in (".", "..")
    )
    inside = st.lists(segment, min_size=1, max_size=2).map(lambda parts: OUT.joinpath(*parts))
    relative = st.lists(segment, min_size=1, max_size=2).map(lambda parts: os.path.join(*parts))  # under SANDBOX
    return st.one_of(
        inside,
        inside.map(str),
        inside.filter(_encodable).map(BytesPath),
        relative,
        st.sampled_from(
            [
                OUT,
                FILES / "amounts.csv",
                OUT / "missing" / "parent" / "x",
                OUT / ("x" * 300),
                "",
                "  ",
                "\x00",
                f"{OUT}/\x00",
            ]
        ),
        anything().filter(lambda v: not isinstance(v, (str, os.PathLike))),
    )


@functools.cache
def paths() -> st.SearchStrategy[object]:
    """What a reader is given: the temporary folder's files, missing ones, relative names, anything else."""
    named = st.sampled_from(sorted(FILES / name for name in _file_names()))
    return st.one_of(
        named,
        named.map(str),
        named.map(BytesPath),
        st.sampled_from([FILES / "missing.csv", FILES / "a folder", "/dev/null", f"{FILES}/\x00", "x" * 10**5]),
        texts().filter(lambda t: not t.lstrip().startswith("/")),  # relative to the empty working folder
        anything().filter(lambda v: not isinstance(v, str)),
    )


def _file_names() -> list[str]:
    made = ["dataset-2014-2015.json", "dataset.r1.json.gz", "truncated.json", "garbage.json", "list.json", "empty.json"]
    made += ["latin1.json", "fake.gz", "deep.json", "huge-int.json", "bad-header.csv", "latin1.csv"]
    return made + [f"{name}.csv" for name in TABLE_NAMES]


@functools.cache
def value_for(parameter: str) -> st.SearchStrategy[object]:
    """A value for *parameter*: near-valid twice as often as arbitrary."""
    near = near_values()
    if parameter in ("folder", "path"):  # never an arbitrary path outside the temporary folders
        return near[parameter]
    if parameter in near:
        return st.one_of(near[parameter], near[parameter], anything())
    return anything()


BOGUS_KEYWORDS = ("territory_id", "revison", "Mode", "active", "partners", "status_", "x", "ds", "self")
MISTAKES = ("none",) * 30 + ("bogus keyword", "extra positional", "missing argument", "keyword for positional")


@st.composite
def arguments(
    draw: st.DrawFn, signature: inspect.Signature, filters: tuple[str, ...] = ()
) -> tuple[list[object], dict[str, object]]:
    """Positional and keyword arguments for *signature*, sometimes wrong in a way Python refuses."""
    args: list[object] = []
    kwargs: dict[str, object] = {}
    positional = True
    parameters = list(signature.parameters.values())
    for parameter in parameters:
        if parameter.kind is parameter.VAR_KEYWORD:
            for name in draw(st.lists(st.sampled_from(filters), unique=True, max_size=3)):
                kwargs[name] = draw(value_for(name))
            continue
        if parameter.default is not parameter.empty and draw(st.booleans()):
            positional = False  # left out: the next ones go by keyword
            continue
        value = draw(value_for(parameter.name))
        by_position = parameter.kind is parameter.POSITIONAL_ONLY or (
            parameter.kind is parameter.POSITIONAL_OR_KEYWORD and positional and draw(st.booleans())
        )
        if by_position:
            args.append(value)
        else:
            positional = False
            kwargs[parameter.name] = value
    mistake = draw(st.sampled_from(MISTAKES))
    if mistake == "bogus keyword":
        kwargs[draw(st.sampled_from(BOGUS_KEYWORDS))] = draw(anything())
    elif mistake == "extra positional":
        args.append(draw(anything()))
    elif mistake == "missing argument" and (args or kwargs):
        if args:
            args.pop(0)
        else:
            kwargs.pop(draw(st.sampled_from(sorted(kwargs))))
    elif mistake == "keyword for positional" and parameters:
        kwargs[parameters[0].name] = draw(anything())
    return args, kwargs


# -- the public surface -----------------------------------------------------------
@attrs.frozen
class Target:
    """One public callable: a function of a module, a method, a classmethod, a constructor, or calling a property."""

    label: str
    owner: Any  # the module or class
    member: str | None  # None: the class itself (its constructor)
    kind: str  # "function", "method", "classmethod", "constructor", "call"
    costly: bool = False


COSTLY = {
    "rp.load_file",
    "rp.diff",
    "rp.exports.export",
    "rp.exports.write_site",
    "rp.exports.write_json",
    "rp.exports.to_dataframe",
    "rp.exports.read_csv",
    "Dataset.to_dataframe",
    "Dataset.funding_by_territory",
}

FUZZED_CONSTRUCTORS = ("Period", "PartialDate")


def public_classes() -> dict[str, type]:
    """The classes of ``rp.__all__`` other than exceptions (constructing an exception does nothing to check)."""
    found = {name: getattr(rp, name) for name in rp.__all__ if inspect.isclass(getattr(rp, name))}
    return {name: cls for name, cls in found.items() if not issubclass(cls, BaseException)}


def discover() -> tuple[dict[str, Target], list[str]]:
    """Every public callable (label → target) and every public property (``Class.name``)."""
    targets: dict[str, Target] = {}
    properties: list[str] = []
    for module, prefix, names in ((rp, "rp", rp.__all__), (exports, "rp.exports", exports.__all__)):
        for name in names:
            if inspect.isfunction(getattr(module, name)):
                label = f"{prefix}.{name}"
                targets[label] = Target(label, module, name, "function", label in COSTLY)
    for class_name, cls in public_classes().items():
        label = f"{class_name}()"
        targets[label] = Target(label, cls, None, "constructor")
        for name in dir(cls):
            if name.startswith("_"):
                continue
            static = inspect.getattr_static(cls, name)
            label = f"{class_name}.{name}"
            if isinstance(static, property):
                properties.append(label)
            elif isinstance(static, (classmethod, staticmethod)):
                targets[label] = Target(label, cls, name, "classmethod", label in COSTLY)
            elif inspect.isfunction(static):
                targets[label] = Target(label, cls, name, "method", label in COSTLY)
    if callable(DS.ententes):  # 0.1.0's query, deprecated: ds.ententes(active_in=2014)
        targets["Dataset.ententes()"] = Target("Dataset.ententes()", rp.Dataset, "ententes", "call")
    return targets, properties


TARGETS, PROPERTIES = discover()

EXCLUDED: dict[str, str] = {
    f"{name}()": "a record the package builds from its data: a plain attrs value class whose constructor "
    "checks nothing and is no entry point for user input (issue 10 names only Period and PartialDate)"
    for name in public_classes()
    if name not in (*FUZZED_CONSTRUCTORS, "Dataset")
}
EXCLUDED["Dataset()"] = "built by rp.load and rp.load_file (which are fuzzed), from data they have checked"

FUZZED = [label for label in TARGETS if label not in EXCLUDED]
CHEAP = [label for label in FUZZED if not TARGETS[label].costly]
EXPENSIVE = [label for label in FUZZED if TARGETS[label].costly]


@functools.cache
def instances() -> dict[type, tuple[Any, ...]]:
    """Real instances of every public class, to call their methods and read their properties on."""
    totals = (
        DS.total_funding(),
        DS.total_funding(period="2014-2015", yearly=True),
        DS.total_funding(partner="MELS"),
        OLD.total_funding(territory="laval"),
    )
    found: dict[type, tuple[Any, ...]] = {
        rp.Dataset: (DS, OLD),
        rp.Records: (DS.territories, DS.amounts, DS.mentions, DS.ententes, OLD.partners, OLD.source_notes),
        rp.Territory: DS.territories,
        rp.Initiative: DS.initiatives,
        rp.Section: tuple(s for i in DS.initiatives for s in i.sections),
        rp.Element: tuple(e for i in DS.initiatives for s in i.sections for e in s.elements)
        + DS.source.introduction.paragraphs,
        rp.Website: tuple(w for t in DS.territories for w in t.websites),
        rp.WrittenPeriod: DS.periods + OLD.periods,
        rp.WrittenDate: DS.dates,
        rp.Amount: DS.amounts,
        rp.Entente: DS.ententes,
        rp.Mention: DS.mentions + OLD.mentions,
        rp.SourceNote: DS.source_notes,
        rp.Partner: DS.partners,
        rp.PartnerMention: DS.by_partner("Centraide") + DS.by_partner("CRÉ") + DS.by_partner("MAMOT"),
        rp.Rename: tuple(r for p in DS.partners for r in p.renames),
        rp.FundingTotal: totals,
        rp.Exclusion: tuple(e for total in totals for e in total.excluded),
        rp.Counted: tuple(c for total in totals for c in total.counted),
        rp.Source: (DS.source, OLD.source),
        rp.Introduction: (DS.source.introduction,),
        rp.FooterLine: DS.source.footer,
        rp.EditionRecords: (DS.records, OLD.records),
        rp.Revision: rp.revisions(EDITION),
        rp.Change: rp.diff(OLD, DS),
        rp.Changes: (rp.diff(OLD, DS), rp.diff(DS, DS)),
        rp.LeftOut: DS.left_out_ententes(period=2013),
        rp.FieldChange: tuple(f for c in rp.diff(OLD, DS) for f in c.fields),
        rp.Period: (
            rp.Period(2014, 2014),
            rp.Period(2013, 2016),
            *(e.period for e in DS.ententes if e.period is not None),
        ),
        rp.PartialDate: (rp.PartialDate(2014), rp.PartialDate(2013, 4), *(d.date for d in DS.dates)),
    }
    return found


def resolve(target: Target, pick: Callable[[tuple[Any, ...]], Any]) -> Callable[..., object]:
    """The callable of *target*; for a method, on the real instance *pick* chooses."""
    if target.kind == "constructor":
        found = target.owner
    elif target.kind in ("function", "classmethod"):
        found = getattr(target.owner, str(target.member))
    else:
        found = getattr(pick(instances()[target.owner]), str(target.member))
    assert callable(found), target
    return found  # type: ignore[no-any-return]


def check_error(error: rp.RqdsError) -> None:
    """A package error says what was wrong on one readable line, never echoing a huge input whole."""
    message = str(error)
    assert message.strip(), type(error)
    assert "\n" not in message and len(message) < 5000, message[:500]


def exercise(answer: object) -> None:
    """Use what a call answered: a record shows itself, hashes and reads every property (a Period
    or PartialDate built from bad values would fail here, not in the caller's code later)."""
    values = answer if isinstance(answer, tuple) and len(answer) < 50 else (answer,)
    for value in values:
        if not attrs.has(type(value)):
            continue
        str(value), repr(value), hash(value)
        for name in dir(type(value)):
            if not name.startswith("_") and isinstance(inspect.getattr_static(type(value), name), property):
                getattr(value, name)
        if isinstance(value, rp.Period):
            assert value.overlaps(value) and value.within(value) and value.contains(value) and value.same_years(value)
            assert rp.Period.parse(str(value)).same_years(value)
        if isinstance(value, rp.PartialDate):
            assert rp.PartialDate.parse(str(value)) == value


def fuzz_call(function: Callable[..., object], args: list[object], kwargs: dict[str, object]) -> object:
    """Call *function*: it returns, or raises a package error; a call Python cannot bind is refused by Python."""
    try:
        inspect.signature(function).bind(*args, **kwargs)
    except TypeError:
        with pytest.raises(TypeError):  # the language's own error, before the package runs
            function(*args, **kwargs)
        CALLS["refused by Python"] += 1
        return None
    with warnings.catch_warnings(record=True) as caught, sandbox():
        warnings.simplefilter("always")
        try:
            answer = function(*args, **kwargs)
            exercise(answer)
            CALLS["answered"] += 1
        except rp.RqdsError as error:
            check_error(error)
            CALLS["package error"] += 1
            answer = None
    for warning in caught:
        message = str(warning.message)
        assert issubclass(warning.category, DeprecationWarning) and "deprecated since rqds-portraits" in message, (
            warning
        )
    return answer


def fuzz(label: str, data: st.DataObject) -> None:
    target = TARGETS[label]
    function = resolve(target, lambda choices: data.draw(st.sampled_from(choices), label="instance"))
    filters = tuple(inspect.signature(DS.find_ententes).parameters) + BOGUS_KEYWORDS if target.kind == "call" else ()
    args, kwargs = data.draw(arguments(inspect.signature(function), filters), label="arguments")
    fuzz_call(function, args, kwargs)


@pytest.mark.parametrize("label", CHEAP)
@settings(max_examples=EXAMPLES)
@given(data=st.data())
def test_fuzz(label: str, data: st.DataObject) -> None:
    fuzz(label, data)


@pytest.mark.parametrize("label", EXPENSIVE)
@settings(max_examples=COSTLY_EXAMPLES)
@given(data=st.data())
def test_fuzz_costly(label: str, data: st.DataObject) -> None:
    fuzz(label, data)


def test_every_public_callable_is_fuzzed() -> None:
    assert set(FUZZED) | set(EXCLUDED) == set(TARGETS)
    assert set(EXCLUDED) <= set(TARGETS), set(EXCLUDED) - set(TARGETS)  # no stale exclusion
    expected = {"rp.load", "rp.load_file", "rp.revisions", "rp.editions", "rp.diff", "rp.clear_cache", "rp.exports.export",
                "rp.exports.read_csv", "rp.exports.to_dataframe", "rp.exports.write_json", "Dataset.territory",
                "Dataset.total_funding", "Dataset.ententes()", "Period.parse", "PartialDate.parse", "Period()",
                "PartialDate()", "Period.overlaps", "Initiative.section"}  # fmt: skip
    assert expected <= set(FUZZED), expected - set(FUZZED)
    assert {"Dataset.ententes", "Dataset.records", "Period.years", "FundingTotal.shares_total"} <= set(PROPERTIES)


def test_every_class_has_instances_and_every_parameter_near_values() -> None:
    assert set(public_classes().values()) <= set(instances()), set(public_classes().values()) - set(instances())
    assert all(instances()[cls] for cls in public_classes().values())
    names = {
        p.name
        for label in FUZZED
        for p in inspect.signature(resolve(TARGETS[label], lambda choices: choices[0])).parameters.values()
        if p.kind is not p.VAR_KEYWORD
    }
    assert names <= set(near_values()), names - set(near_values())


def test_every_property_reads_on_every_record() -> None:
    """Reading a property never raises, on any record of either revision (in any order: no read spoils another)."""
    classes = public_classes()
    for label in reversed(PROPERTIES):
        class_name, name = label.split(".")
        for instance in instances()[classes[class_name]]:
            with warnings.catch_warnings():  # a deprecated property (Revision.format) warns, and answers
                warnings.simplefilter("ignore", DeprecationWarning)
                getattr(instance, name)
            CALLS["property read"] += 1
    fresh = rp.load_file(FILES / "dataset-2014-2015.json")  # not cached: nothing read yet
    assert fresh.records.ententes == DS.ententes
    with pytest.warns(DeprecationWarning):  # ds.records first does not turn ds.ententes into a plain tuple
        assert fresh.ententes(period=2014) == DS.find_ententes(period=2014)


# -- oracles -----------------------------------------------------------------------
DIGITS = "0123456789" + "٠١٢٣٤٥٦٧٨٩" + "۰۱۲۳" + "¹²³⁰" + "０１２３" + "①" + "Ⅻ" + "߁" + "𝟏"


def digit_like(text: str) -> bool:
    """Whether *text* looks like a number: numeric characters, with signs, dots or spaces around."""
    stripped = text.strip()
    return any(c.isnumeric() for c in stripped) and all(c.isnumeric() or c in "+-.,_ " for c in stripped)


def numeric_keys() -> st.SearchStrategy[object]:
    return st.builds(
        lambda sign, body, tail, space: f"{space}{sign}{body}{tail}{space}",
        st.sampled_from(["", "", "+", "-", "0", " "]),
        st.text(st.sampled_from(DIGITS), min_size=1, max_size=3),
        st.sampled_from(["", "", ".", ",", ".0", " 0", "_0"]),
        st.sampled_from(["", " ", "\t", "\n"]),
    )


@given(
    st.one_of(
        numeric_keys(),
        numeric_keys(),
        st.integers(-30, 30),
        integers(),
        st.booleans(),
        near_values()["territory"],
        anything(),
    )
)
def test_a_territory_answered_for_a_key_has_that_number_or_name(key: object) -> None:
    try:
        found = DS.territory(key)  # type: ignore[arg-type]
    except rp.RqdsError as error:
        check_error(error)
        assert isinstance(error, (LookupError, rp.InvalidArgument))
        found = None
    if isinstance(key, bool) or not isinstance(key, (str, int)):
        assert found is None, (key, found)
        return
    if isinstance(key, int):
        assert found is None or (1 <= key <= 17 and int(found.region_number) == key), (key, found)
        return
    stripped = key.strip()
    ascii_number = stripped.isascii() and stripped.isdigit() and len(stripped) <= 2
    if digit_like(key):  # "13", " 9 ", "01"; never "-1", "+13", "13.", "¹", "٣9", "１３"
        if found is not None:
            assert ascii_number and int(stripped) == int(found.region_number), (key, found)
        elif ascii_number and len([t for t in DS.territories if t.region_number == f"{int(stripped):02d}"]) == 1:
            raise AssertionError(f"{key!r} is a region number with one territory, but no territory was answered")
    elif found is not None:
        folded = lookup_key(key)
        names = {lookup_key(k) for k in (found.id, found.name, found.heading, REGIONS[found.region_number])}
        assert folded in names, (key, found)


def _proper_forms(partner: rp.Partner) -> set[str]:
    renamed = (f for r in partner.renames for f in (r.old_name, r.new_name, r.old_acronym, r.new_acronym) if f)
    return {lookup_key(f) for f in (partner.id, partner.name, *partner.acronyms, *partner.variants, *renamed)}


def _network(partner_id: str) -> set[str]:
    """The partner and, transitively, every member of its network (from the registry's ``network_id``)."""
    family, todo = set(), [partner_id]
    while todo:
        current = todo.pop()
        if current not in family:
            family.add(current)
            todo.extend(p.id for p in DS.partners if p.network_id == current)
    return family


ALL_FORMS = sorted({f for p in DS.partners for f in (p.id, p.name, *p.acronyms, *p.variants, *p.portrait_forms)})


@given(st.sampled_from(ALL_FORMS), st.data())
def test_a_partner_answered_without_territory_is_the_only_body_of_that_name(form: str, data: st.DataObject) -> None:
    name = vary(form, data)
    if data.draw(st.booleans()):
        name = unicodedata.normalize(data.draw(st.sampled_from(["NFC", "NFD", "NFKD"])), name)
    try:
        found = DS.partner(name)
    except rp.RqdsError as error:
        check_error(error)
        assert isinstance(error, (rp.AmbiguousPartner, rp.PartnerNotFound)), error
        return
    folded = lookup_key(name)
    named = {p.id for p in DS.partners if folded in _proper_forms(p)}
    # The only body of that name in Québec, or the network of all the bodies of that name ("Centraide", "CRÉ");
    # a common noun or a portrait's form ("Ville", "ASSSL") is never answered without a territory.
    assert found.id in named and named <= _network(found.id), (name, found.id, sorted(named))


def _answer(function: Callable[[str], object], text: str) -> tuple[str, object]:
    try:
        return "answer", function(text)
    except rp.RqdsError as error:
        return "error", type(error)


LOOKUPS: dict[str, Callable[[str], object]] = {
    "territory": DS.territory,
    "partner": DS.partner,
    "partner in laval": lambda name: DS.partner(name, territory="laval"),
    "partner_territories": DS.partner_territories,
    "initiative": DS.initiative,
    "entente": DS.entente,
    "mention": DS.mention,
    "by_region": DS.by_region,
    "initiatives_in": DS.initiatives_in,
    "find_ententes(territory=)": lambda key: DS.find_ententes(territory=key),
    "total_funding(partner=)": lambda name: DS.total_funding(partner=name),
    "Period.parse": rp.Period.parse,
    "PartialDate.parse": rp.PartialDate.parse,
    "load": rp.load,
    "table": _tables.table,
    "cite": DS.cite,
}


TERRITORY_NAMES = sorted({n for t in DS.territories for n in (t.name, t.heading)} | set(REGIONS.values()))


@st.composite
def at_the_length_limit(draw: st.DrawFn) -> str:
    """An accented name padded with spaces or punctuation to about 300 characters (the longest key
    looked up): its NFD form is longer than its NFC form."""
    names = TERRITORY_NAMES if draw(st.booleans()) else ALL_FORMS
    name = unicodedata.normalize(
        "NFC", draw(st.sampled_from([n for n in names if unicodedata.normalize("NFD", n) != n]))
    )
    pad = draw(st.sampled_from([" ", ".", "-", "\u00a0", "'"])) * max(0, 300 - len(name) - draw(st.integers(0, 2)))
    return pad + name if draw(st.booleans()) else name + pad


@given(
    st.one_of(
        texts(),
        at_the_length_limit(),
        at_the_length_limit(),
        near_values()["territory"],
        near_values()["partner"],
        near_values()["initiative_id"],
        near_values()["period"],
    )
)
def test_nfc_and_nfd_get_the_same_answer(text: object) -> None:
    """Every lookup of a text answers its NFC and NFD forms alike: the same record, or the same error."""
    assume(isinstance(text, str))
    text = typing.cast(str, text)  # what assume() kept, for the type checker
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    for lookup, function in LOOKUPS.items():
        assert _answer(function, nfc) == _answer(function, nfd), (lookup, nfc, nfd)
        CALLS["NFC/NFD lookup"] += 2


# -- files from outside: a dataset file or a CSV file altered anywhere -----------------
def json_values() -> st.SearchStrategy[str]:
    """JSON text of any value, some of which Python's json reads but a dataset file must refuse."""
    plain = st.recursive(
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(allow_nan=False, allow_infinity=False),
            st.text(max_size=20),
        ),
        lambda children: st.one_of(
            st.lists(children, max_size=3), st.dictionaries(st.text(max_size=8), children, max_size=3)
        ),
        max_leaves=5,
    ).map(json.dumps)
    return st.one_of(
        plain,
        st.sampled_from(
            [
                "NaN",
                "Infinity",
                "-Infinity",
                "1e999",
                "-0",
                "1" + "0" * 4000,
                "1" + "0" * 5000,
                '"\\ud800"',
                '"\\u0000"',
            ]
        ),
        st.sampled_from(["[" * 10_000 + "]" * 10_000, '"' + "x" * 10**5 + '"', "{}", "[]", '""', "0", "-1", "2.5"]),
    )


def _slots(data: Mapping[str, Any]) -> list[tuple[str, ...]]:
    """Paths to every member of the file and every field of a record in its tables."""
    found: list[tuple[str, ...]] = [(member,) for member in data]
    for member, value in data.items():
        if isinstance(value, list):
            for position, record in enumerate(value[:3]):
                if isinstance(record, dict):
                    found += [(member, str(position), field) for field in record]
        elif isinstance(value, dict):
            found += [(member, field) for field in value]
    return found


FILE_SOURCES = {"revision 2": DS.to_json(), "revision 1": OLD.to_json()}
SLOTS = {name: _slots(json.loads(raw)) for name, raw in FILE_SOURCES.items()}
_MARK = "\ue000fuzz\ue000"


@settings(max_examples=COSTLY_EXAMPLES)
@given(st.sampled_from(sorted(FILE_SOURCES)), st.data(), json_values(), st.sampled_from(["set", "delete", "add"]))
def test_load_file_of_an_altered_dataset_file(source: str, data: st.DataObject, value: str, how: str) -> None:
    document = json.loads(FILE_SOURCES[source])
    members = [slot for slot in SLOTS[source] if len(slot) == 1]
    fields = [slot for slot in SLOTS[source] if len(slot) > 1]
    slot = data.draw(st.sampled_from(members) if data.draw(st.booleans()) else st.sampled_from(fields), label="slot")
    parent: Any = document
    for step in slot[:-1]:
        parent = parent[int(step)] if isinstance(parent, list) else parent[step]
    last: Any = int(slot[-1]) if isinstance(parent, list) else slot[-1]
    if how == "delete":
        del parent[last]
    elif how == "add" and isinstance(parent, dict):
        parent["unexpected"] = _MARK
    else:
        parent[last] = _MARK
    text = json.dumps(document, ensure_ascii=False).replace(json.dumps(_MARK, ensure_ascii=False), value)
    path = FILES / "altered.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    if data.draw(st.booleans(), label="gzipped"):
        path.write_bytes(gzip.compress(path.read_bytes()))
    answer = fuzz_call(rp.load_file, [path], {})
    if isinstance(answer, rp.Dataset):  # what the checks admit must serve every table
        assert all(getattr(answer, table) == getattr(answer.records, table) for table in rp.RECORD_TABLES)
        assert len(answer.render().split("\n")) == answer.source.line_count


# -- issue 19: a real dataset file mutated; what load_file accepts, every function answers ------
DATASET_METHODS = sorted(
    label
    for label in FUZZED
    if TARGETS[label].owner is rp.Dataset and TARGETS[label].kind in ("method", "call") and label not in COSTLY
)
_DECIMALS = ["1e999999999", "-1e999999999", "0E+999999", "-0", "0.001", "1E+3", "NaN", "sNaN", "999999999999.99"]
_INTEGERS = [0, -1, 1, 2, 2**31, 2**53 + 1, 2**63, 2**64, 10**9, 10**9 + 1, 1117, 1118, 1119]


def _near(value: Any, ids: list[str]) -> st.SearchStrategy[Any]:
    """Values near *value* (of its kind, or of another kind), some of them hostile."""
    anything_else: st.SearchStrategy[Any] = st.sampled_from(
        [None, "", 0, [], {}, True, "x" * 301, "١", "\u0301", "2014-2015\n"]
    )
    if isinstance(value, bool):
        near: st.SearchStrategy[Any] = st.just(not value)
    elif isinstance(value, int):
        near = st.one_of(st.sampled_from([value + 1, value - 1, *_INTEGERS]), st.integers(-(2**70), 2**70))
    elif isinstance(value, str):
        variants = [value.upper(), value.lower(), f" {value}", f"{value} ", value[::-1], value.replace("-", "_")]
        variants += [value + "z", value[:10], value + "\n", "2024-02-30", "0001-01-01", "9999-12-31", *_DECIMALS]
        near = st.one_of(st.sampled_from(variants), st.sampled_from(ids), st.text(max_size=12))
    elif isinstance(value, list) and len(value) == 2 and all(type(item) is int for item in value):
        a, b = value
        near = st.sampled_from([[b, a], [0, 0], [a, a], [b, b], [1, 2**40], [a, b + 1], [a - 1, b], [-1, b], [a]])
    elif isinstance(value, list):
        near = st.sampled_from([[], value[:1], value + value[:1], value[::-1], [None], [value]])
    elif isinstance(value, dict):
        near = st.sampled_from([{}, {**value, "unexpected": 1}, dict(list(value.items())[:-1])])
    else:  # None
        near = st.one_of(st.sampled_from(ids), st.sampled_from(["", "2014-01-01", 0, [], "x"]))
    return st.one_of(near, near, near, anything_else)


class Mutated:
    """A mutated dataset file: its bytes, shown by what the mutation was (not by its half megabyte)."""

    def __init__(self, raw: bytes, mutation: str) -> None:
        self.raw = raw
        self.mutation = mutation

    def __repr__(self) -> str:
        return f"<{self.mutation}>"


@st.composite
def mutated_files(draw: st.DrawFn) -> Mutated:
    """A real dataset file (either revision's layout) with one mutation, and what the mutation was."""
    source = draw(st.sampled_from(sorted(FILE_SOURCES)), label="source")
    raw = FILE_SOURCES[source]
    how = draw(st.sampled_from(["field"] * 6 + ["twin", "drop", "swap", "bytes"]), label="mutation")
    if how == "bytes":  # the bytes themselves: a byte changed, inserted or cut
        at = draw(st.integers(0, len(raw) - 1), label="at")
        byte = bytes([draw(st.integers(0, 255))])
        cut = draw(st.sampled_from([raw[:at] + byte + raw[at + 1 :], raw[:at] + byte + raw[at:], raw[:at]]))
        return Mutated(cut, f"{source}: bytes at {at}")
    document = json.loads(raw)
    tables = [name for name, value in document.items() if isinstance(value, list) and value]
    ids = sorted({row["id"] for name in tables for row in document[name] if isinstance(row, dict) and "id" in row})
    table = draw(st.sampled_from([*tables, "source", "(top)"]), label="table")
    if how != "field" and table in tables:
        rows = document[table]
        i = draw(st.integers(0, len(rows) - 1), label="row")
        j = draw(st.integers(0, len(rows) - 1), label="other row")
        if how == "twin":
            twin = dict(rows[i])
            twin["id"] = draw(st.sampled_from([twin["id"].upper(), twin["id"].replace("-", " "), rows[j]["id"]]))
            rows.insert(j, twin)
        elif how == "drop":
            del rows[i]
        else:
            rows[i], rows[j] = rows[j], rows[i]
        where = f"{table}[{i}]"
    else:
        if table == "(top)":
            parent: Any = document
        elif table == "source":
            parent = document["source"]
        else:
            parent = document[table][draw(st.integers(0, len(document[table]) - 1), label="row")]
            nested = [
                key for key, value in parent.items() if isinstance(value, list) and value and isinstance(value[0], dict)
            ]
            if draw(st.booleans(), label="nested") and nested:  # a section's element, a territory's website
                items: list[Any] = parent[draw(st.sampled_from(nested))]
                parent = items[draw(st.integers(0, len(items) - 1))]
        key = draw(st.sampled_from(sorted(parent)), label="field")
        parent[key] = draw(_near(parent[key], ids), label="value")
        where = f"{table}.{key}"
    text = json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return Mutated(text, f"{source}: {how} {where}")


def _answers(ds: rp.Dataset, data: st.DataObject) -> None:
    """Every function on *ds*, which load_file accepted: each answers, or raises the package's error."""
    for table in rp.RECORD_TABLES:  # lookups are exact on folded ids: each id finds its own record
        for record in getattr(ds, table):
            assert getattr(ds, table).lookup(record.id) is getattr(ds, table).lookup(record.id.upper()) is record
    for territory in ds.territories:
        for key in (territory.id, territory.name, territory.heading):
            assert ds.territory(key) is territory
    assert len(ds.render().split("\n")) == ds.source.line_count
    for label in DATASET_METHODS:
        function = getattr(ds, str(TARGETS[label].member))
        filters = tuple(inspect.signature(DS.find_ententes).parameters) if TARGETS[label].kind == "call" else ()
        args, kwargs = data.draw(arguments(inspect.signature(function), filters), label=label)
        fuzz_call(function, args, kwargs)
    for style in STYLES:
        fuzz_call(ds.cite, [style], {})
    fuzz_call(rp.diff, [DS, ds], {})
    fuzz_call(ds.to_dataframe, [data.draw(st.sampled_from(TABLE_NAMES), label="dataframe")], {})
    for format in exports.FORMATS:
        fuzz_call(exports.export, [ds, format, OUT / "mutated"], {})
    for name in TABLE_NAMES:  # what was exported reads back as the frame of the same table
        assert exports.read_csv(OUT / "mutated" / f"{name}.csv").equals(ds.to_dataframe(name)), name


@settings(max_examples=MUTATED_EXAMPLES)
@given(mutated_files(), st.booleans(), st.data())
def test_every_function_answers_what_load_file_accepts_of_a_mutated_file(
    mutated: Mutated, gzipped: bool, data: st.DataObject
) -> None:
    """Issue 19 §2: a real dataset file with one mutation (a field of any record replaced by a near or
    hostile value, a record twinned under a re-cased id, dropped or moved, a byte changed): load_file
    refuses it with the package's error, or every function answers it without a foreign exception."""
    raw = mutated.raw
    path = FILES / "mutated.json"
    path.write_bytes(gzip.compress(raw) if gzipped else raw)
    CALLS["mutated file"] += 1
    answer = fuzz_call(rp.load_file, [path], {})
    if isinstance(answer, rp.Dataset):
        CALLS["mutated file accepted"] += 1
        _answers(answer, data)


@settings(max_examples=COSTLY_EXAMPLES)
@given(
    st.sampled_from(TABLE_NAMES),
    st.data(),
    st.one_of(texts(), st.sampled_from(["1" * 5000, "NaN", "sNaN", "1e999999", "-", "1_0", "true", "x"])),
)
def test_read_csv_of_an_altered_csv_file(name: str, data: st.DataObject, cell: str) -> None:
    rows = list(csv.reader(io.StringIO((FILES / f"{name}.csv").read_text(encoding="utf-8"))))
    row = data.draw(st.integers(0, len(rows) - 1), label="row")
    column = data.draw(st.integers(0, len(rows[row])), label="column")
    rows[row][column : column + 1] = [cell] if data.draw(st.booleans(), label="replace") else []
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path = FILES / "altered" / f"{name}.csv"
    path.parent.mkdir(exist_ok=True)
    path.write_text(out.getvalue(), encoding="utf-8", errors="surrogatepass")
    fuzz_call(exports.read_csv, [path], {})


def test_every_exported_csv_file_reads_back_as_its_dataframe() -> None:
    """What read_csv accepts is what the export wrote: the same frame as to_dataframe, for every table."""
    for name in TABLE_NAMES:
        assert exports.read_csv(FILES / f"{name}.csv").equals(DS.to_dataframe(name)), name


# -- what a fuzzer must not be given, checked once --------------------------------
@pytest.mark.parametrize("reader", [rp.load_file, exports.read_csv])
def test_unbounded_or_blocking_files_are_refused(reader: Callable[[str], object], tmp_path: Path) -> None:
    """A device that never ends, or a named pipe nobody writes to, is refused at once (not read, not waited for)."""
    fifo = tmp_path / "amounts.csv"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        if not os.path.exists(path):
            continue
        with pytest.raises(rp.RqdsError):
            reader(path)


def test_the_fuzz_wrote_nowhere_else_and_changed_no_data() -> None:
    """Relative paths landed in the working folder of the calls, never in the checkout; the data is as shipped."""
    assert set(os.listdir(Path.cwd())) <= CHECKOUT_BEFORE | {".hypothesis", ".pytest_cache", "__pycache__"}
    from rqds_portraits._loading.files import sha256_of as _sha256

    assert _sha256(DS.to_json()) == DS.sha256 and re.fullmatch(r"[0-9a-f]{64}", DS.sha256)
    assert DS.territory("laval").region_number == "13" and len(DS.territories) == 16
