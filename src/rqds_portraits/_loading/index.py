"""The edition index: which editions and revisions the package bundles, with their hashes and dates.

The build writes ``data/editions.json``; every revision ever published is
listed there, oldest first, with the SHA-256 of its dataset file, the day it
was published and the file that holds it (the latest is ``dataset.json``;
earlier ones are kept byte for byte, compressed, as ``dataset.r<N>.json.gz``).

    >>> import rqds_portraits as rp
    >>> [(r.revision, r.sha256[:12]) for r in rp.revisions("2014-2015")][0]
    (1, '37de3aaedc06')
"""

from __future__ import annotations

from rqds_portraits._errors import DatasetIntegrityError, DatasetVersionError, EditionNotFound, InvalidArgument, shown
from rqds_portraits._lean import date, raw_decode
from rqds_portraits._loading import files
from rqds_portraits._records.frozen import deferred, field, frozen
from rqds_portraits._text import MAX_NAME_LENGTH

TYPE_CHECKING = False  # not typing's: loading imports no typing, json, re or datetime (issue 20)
if TYPE_CHECKING:
    from datetime import date as Date
    from typing import Any
else:
    Date = deferred("__import__('datetime').date")

__all__ = [
    "EDITION_NAME",
    "Edition",
    "Revision",
    "edition_name",
    "find_edition",
    "is_edition_name",
    "parse_index",
    "pinned",
    "revision_file",
]

EDITION_NAME = r"^[0-9]{4}-[0-9]{4}$"
"""An edition is named by its years, "2014-2015": never a path, never anything else (see :func:`is_edition_name`)."""

LATEST_FILE = "dataset.json"
"""The file of an edition's latest revision; earlier ones are ``dataset.r<N>.json.gz``."""

_DIGEST = 64  # hex digits of a SHA-256
_HEX = "f" * _DIGEST  # a SHA-256 as _written_as reads it
MAX_REVISION = 10_000
_SEPARATORS = str.maketrans({"/": "-", "–": "-", "—": "-", "‑": "-"})


@frozen
class Revision:
    """One published revision of an edition's data: pin it with ``load(edition, revision=…, sha256=…)``.

    ``date`` is the day it was published, ``sha256`` the hash of its dataset
    file, ``layout`` the layout that file was written in.
    """

    edition: str
    revision: int
    date: Date
    sha256: str
    layout: int
    file: str = field(repr=False)

    @property
    def format(self) -> int:
        """Deprecated since 0.3.0 (removed in 0.4.0): :attr:`layout`, the word for a file's structure."""
        import warnings

        warnings.warn(
            "Revision.format is deprecated since rqds-portraits 0.3.0 and stops working in 0.4.0: use Revision.layout",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.layout


@frozen
class Edition:
    """A bundled edition: its name, reference date and revisions (oldest first)."""

    name: str
    source_sha256: str
    revisions: tuple[Revision, ...]
    ids: tuple[str, str] | None = field(default=None, repr=False)
    """The edition's id ledger: its file and SHA-256 (``None`` for an index that has none)."""

    @property
    def latest(self) -> Revision:
        """The newest revision, which :func:`rqds_portraits.load` gives unless pinned."""
        return self.revisions[-1]


def is_edition_name(text: object) -> bool:
    """Whether *text* is an edition's name: two years of four ASCII digits, the second following the first.

    >>> is_edition_name("2014-2015"), is_edition_name("2014-2015\\n"), is_edition_name("2099-1999")
    (True, False, False)
    """
    if not isinstance(text, str) or not _written_as(text, "0000-0000"):
        return False
    return int(text[5:]) == int(text[:4]) + 1


def _written_as(text: str, pattern: str) -> bool:
    """Whether *text* is *pattern* with each ``0`` an ASCII digit (``"0000-00-00"``: a date), each ``f``
    a lowercase hex digit, every other character itself: what a regular expression would say, without re."""
    if len(text) != len(pattern):
        return False
    for character, wanted in zip(text, pattern):
        if wanted == "0":
            if character not in "0123456789":
                return False
        elif wanted == "f":
            if character not in "0123456789abcdef":
                return False
        elif character != wanted:
            return False
    return True


def revision_file(revision: int, latest: bool) -> str:
    """The name of the file of *revision* in its edition's folder: ``dataset.json`` for the latest,
    ``dataset.r<N>.json.gz`` for an earlier one (kept byte for byte, compressed)."""
    return LATEST_FILE if latest else f"dataset.r{revision}.json.gz"


def edition_name(value: object) -> str:
    """*value* as an edition name: ``"2014-2015"``, also written ``"2014/2015"``, ``"2014–2015"`` or ``"2014-15"``."""
    if not isinstance(value, str):
        raise InvalidArgument(f"edition= must be an edition's name such as '2014-2015' (a string), not {shown(value)}")
    name = value.strip().translate(_SEPARATORS) if len(value) <= MAX_NAME_LENGTH else value
    if _written_as(name, "0000-00"):  # "2014-15": the end year in the start's century (or the next one's)
        start = int(name[:4])
        end = start // 100 * 100 + int(name[5:])
        name = f"{start}-{end if end >= start else end + 100}"
    if not _written_as(name, "0000-0000"):
        raise EditionNotFound(
            f"no edition {shown(value)}: an edition is named by its years, such as '2014-2015' or '2014-15'"
        )
    return name


def parse_index(raw: bytes, sha256: str | None = None) -> tuple[Edition, ...]:
    """The editions of the edition index *raw* (the bytes of ``editions.json``), oldest first.

    When *sha256* is given (the hash the build recorded in the package's code,
    :data:`rqds_portraits._loading.anchor.EDITIONS_SHA256`), the index must have it. The index
    must be whole and make sense: editions named by their years, in order, each with its
    revisions numbered 1, 2, … oldest first, each with its date, hash, layout and the file the
    build names (``dataset.r<N>.json.gz``, the latest ``dataset.json``). Anything else raises
    :class:`~rqds_portraits.DatasetIntegrityError`: the package was altered after it was built.
    """
    from rqds_portraits._loading.files import sha256_of

    if sha256 is not None and sha256_of(raw) != sha256:
        raise _altered(f"has sha256 {sha256_of(raw)}, not {sha256} as the package's code records")
    try:
        data = _json(raw.decode("utf-8"))
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise _altered(f"is not UTF-8 JSON ({shown(str(error))})") from None
    try:
        return _editions(data)
    except _Malformed as error:
        raise _altered(str(error)) from None


def _json(text: str) -> object:
    """The JSON value *text* holds (what ``json.loads`` gives)."""
    start = len(text) - len(text.lstrip(" \t\n\r"))
    value, end = raw_decode(text, start)
    if text[end:].strip(" \t\n\r"):
        raise ValueError(f"Extra data: char {end}")
    return value


class _Malformed(Exception):
    """Where the index is malformed (caught in :func:`parse_index`)."""


def _altered(problem: str) -> DatasetIntegrityError:
    return DatasetIntegrityError(
        f"the installed edition index data/editions.json {problem}: the package was altered after it was built; "
        "reinstall rqds-portraits"
    )


def _member(data: object, key: str, kind: type, path: str) -> Any:
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, bool) or not isinstance(value, kind):
        raise _Malformed(f"has no {kind.__name__} at {path}.{key} (it holds {shown(value)})")
    return value


def _editions(data: object) -> tuple[Edition, ...]:
    layout = _member(data, "format", int, "")
    entries = _member(data, "editions", list, "")
    if layout < 1 or not entries:
        raise _Malformed("lists no edition")
    editions: list[Edition] = []
    for place, entry in enumerate(entries):
        path = f"editions[{place}]"
        name = _member(entry, "edition", str, path)
        if not is_edition_name(name):
            raise _Malformed(f"names an edition {shown(name)} at {path}, not its years such as '2014-2015'")
        if editions and name <= editions[-1].name:
            raise _Malformed(f"lists edition {name} after {editions[-1].name}: editions are listed oldest first, once")
        source = _member(entry, "source_sha256", str, path)
        items = _member(entry, "revisions", list, path)
        if not _written_as(source, _HEX) or not items:
            raise _Malformed(f"has no source hash or no revision at {path}")
        after = 0
        for number, item in enumerate(items):  # the order first: a list in reverse is named as such
            revision = _member(item, "revision", int, f"{path}.revisions[{number}]")
            if not after < revision <= MAX_REVISION:
                raise _Malformed(
                    f"lists revision {shown(revision)} at {path}.revisions[{number}], after revision {after}: "
                    f"revisions are listed oldest first, each once, numbered from 1 to {MAX_REVISION}"
                )
            after = revision
        revisions = [
            _revision(name, item, f"{path}.revisions[{number}]", number + 1 == len(items))
            for number, item in enumerate(items)
        ]
        ledger = entry.get("ids") if isinstance(entry, dict) else None
        ids = _ledger(ledger, path) if ledger is not None else None
        editions.append(Edition(name, source, tuple(revisions), ids))
    return tuple(editions)


def _ledger(ledger: object, path: str) -> tuple[str, str]:
    """The file and hash of an edition's id ledger (``{"file": "ids.json", "sha256": …}``)."""
    file = _member(ledger, "file", str, f"{path}.ids")
    sha256 = _member(ledger, "sha256", str, f"{path}.ids")
    if file != "ids.json" or not _written_as(sha256, _HEX):
        raise _Malformed(
            f"names its id ledger {shown(file)} with hash {shown(sha256)} at {path}.ids: expected ids.json and a SHA-256"
        )
    return file, sha256


def _revision(edition: str, item: object, path: str, latest: bool) -> Revision:
    from rqds_portraits._loading.upgrade import LAYOUT

    revision = _member(item, "revision", int, path)
    sha256 = _member(item, "sha256", str, path)
    if not _written_as(sha256, _HEX):
        raise _Malformed(f"has no SHA-256 at {path}.sha256 (it holds {shown(sha256)})")
    layout = _member(item, "format", int, path)
    if not 1 <= layout <= LAYOUT:
        raise _Malformed(f"gives layout {shown(layout)} at {path}.format; this package reads layouts 1 to {LAYOUT}")
    file = _member(item, "file", str, path)
    if file != revision_file(revision, latest):
        raise _Malformed(f"names the file {shown(file)} at {path}.file, not {revision_file(revision, latest)!r}")
    text = _member(item, "date", str, path)
    try:
        day = date.fromisoformat(text) if _written_as(text, "0000-00-00") else None
    except ValueError:
        day = None
    if day is None:
        raise _Malformed(f"has no date YYYY-MM-DD at {path}.date (it holds {shown(text)})")
    return Revision(edition=edition, revision=revision, date=day, sha256=sha256, layout=layout, file=file)


def read_index() -> tuple[Edition, ...]:
    """The editions of the installed package's ``data/editions.json``, oldest first, checked against
    the hash the build recorded in the package's code (the anchor)."""
    from rqds_portraits._loading.anchor import EDITIONS_SHA256

    return parse_index(files.read_bundled("editions.json"), EDITIONS_SHA256)


def find_edition(index: tuple[Edition, ...], edition: object) -> Edition:
    """The edition of *index* named *edition* (the latest when ``None``)."""
    if edition is None:
        return index[-1]
    name = edition_name(edition)
    for entry in index:
        if entry.name == name:
            return entry
    valid = ", ".join(repr(entry.name) for entry in index)
    raise EditionNotFound(f"no bundled edition {shown(edition)}; this package has {valid}")


def _listing(edition: Edition) -> str:
    return "; ".join(f"revision {r.revision} of {r.date}, sha256 {r.sha256}" for r in edition.revisions)


def pinned(edition: Edition, revision: object, sha256: object) -> Revision:
    """The revision of *edition* a pin names: by number, by hash, or the latest.

    Raises :class:`~rqds_portraits.DatasetVersionError` when the pin names no published revision.
    """
    pinned_hash = None
    if sha256 is not None:
        if not isinstance(sha256, str):
            raise InvalidArgument(f"sha256= must be a SHA-256 hex digest (a string), not {shown(sha256)}")
        pinned_hash = sha256.strip().lower() if len(sha256) < 2 * _DIGEST else sha256
    if revision is not None:
        from rqds_portraits._arguments import positive_int

        number = positive_int(revision, "revision")
        chosen = next((r for r in edition.revisions if r.revision == number), None)
        if chosen is None:
            from rqds_portraits._version import __version__

            raise DatasetVersionError(
                f"edition {edition.name} has no revision {shown(number)} in rqds-portraits {__version__}: it has {_listing(edition)}; "
                "install the release that ships the revision you pinned (CHANGELOG.md lists them)"
            )
    elif pinned_hash is not None:
        chosen = next((r for r in edition.revisions if r.sha256 == pinned_hash), edition.latest)
    else:
        chosen = edition.latest
    if pinned_hash is not None and pinned_hash != chosen.sha256:
        raise DatasetVersionError(
            f"edition {edition.name} revision {chosen.revision} has sha256 {chosen.sha256}, not {shown(sha256)}: "
            f"the data you pinned differs from the data installed, which has {_listing(edition)}"
        )
    return chosen
