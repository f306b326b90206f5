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

import datetime
import json
import re
from typing import Any

import attrs

from rqds_portraits._arguments import positive_int
from rqds_portraits._errors import DatasetVersionError, EditionNotFound, InvalidArgument, shown
from rqds_portraits._loading import files
from rqds_portraits._text import MAX_NAME_LENGTH

__all__ = ["EDITION_NAME", "Edition", "Revision", "edition_name", "find_edition", "parse_index", "pinned"]

EDITION_NAME = r"^[0-9]{4}-[0-9]{4}$"
"""An edition is named by its years, "2014-2015": never a path, never anything else."""

_DIGEST = 64  # hex digits of a SHA-256
_SEPARATORS = str.maketrans({"/": "-", "–": "-", "—": "-", "‑": "-"})


@attrs.frozen
class Revision:
    """One published revision of an edition's data: pin it with ``load(edition, revision=…, sha256=…)``.

    ``date`` is the day it was published, ``sha256`` the hash of its dataset
    file, ``layout`` the layout that file was written in.
    """

    edition: str
    revision: int
    date: datetime.date
    sha256: str
    layout: int
    file: str = attrs.field(repr=False)

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


@attrs.frozen
class Edition:
    """A bundled edition: its name, reference date and revisions (oldest first)."""

    name: str
    source_sha256: str
    revisions: tuple[Revision, ...]
    ids: tuple[str, str] | None = attrs.field(default=None, repr=False)
    """The edition's id ledger: its file and SHA-256 (``None`` for an index that has none)."""

    @property
    def latest(self) -> Revision:
        """The newest revision, which :func:`rqds_portraits.load` gives unless pinned."""
        return self.revisions[-1]


def edition_name(value: object) -> str:
    """*value* as an edition name: ``"2014-2015"``, also written ``"2014/2015"``, ``"2014–2015"`` or ``"2014-15"``."""
    if not isinstance(value, str):
        raise InvalidArgument(f"edition= must be an edition's name such as '2014-2015' (a string), not {shown(value)}")
    name = value.strip().translate(_SEPARATORS) if len(value) <= MAX_NAME_LENGTH else value
    short = re.match(r"^([0-9]{4})-([0-9]{2})$", name)
    if short is not None:  # "2014-15": the end year in the start's century (or the next one's)
        start = int(short[1])
        end = start // 100 * 100 + int(short[2])
        name = f"{start}-{end if end >= start else end + 100}"
    if re.match(EDITION_NAME, name) is None:
        raise EditionNotFound(
            f"no edition {shown(value)}: an edition is named by its years, such as '2014-2015' or '2014-15'"
        )
    return name


def parse_index(data: Any) -> tuple[Edition, ...]:
    """The editions of a parsed ``editions.json``, oldest first."""
    editions = []
    for entry in data["editions"]:
        name = entry["edition"]
        revisions = tuple(
            Revision(
                edition=name,
                revision=item["revision"],
                date=datetime.date.fromisoformat(item["date"]),
                sha256=item["sha256"],
                layout=item["format"],
                file=item["file"],
            )
            for item in entry["revisions"]
        )
        ledger = entry.get("ids")
        ids = (ledger["file"], ledger["sha256"]) if ledger else None
        editions.append(Edition(name, entry["source_sha256"], revisions, ids))
    return tuple(editions)


def read_index() -> tuple[Edition, ...]:
    """The editions of the installed package's ``data/editions.json``, oldest first."""
    return parse_index(json.loads(files.read_bundled("editions.json")))


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
