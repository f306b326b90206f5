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
import re
from typing import Any

import attrs

from .errors import EditionNotFound, InvalidArgument, shown
from .text import MAX_NAME_LENGTH

__all__ = ["EDITION_NAME", "Edition", "Revision", "edition_name", "parse_index"]

EDITION_NAME = r"^[0-9]{4}-[0-9]{4}$"
"""An edition is named by its years, "2014-2015": never a path, never anything else."""

_SEPARATORS = str.maketrans({"/": "-", "–": "-", "—": "-", "‑": "-"})


@attrs.frozen
class Revision:
    """One published revision of an edition's data: pin it with ``load(edition, revision=…, sha256=…)``.

    ``date`` is the day it was published, ``sha256`` the hash of its dataset
    file, ``format`` the layout that file was written in.
    """

    edition: str
    revision: int
    date: datetime.date
    sha256: str
    format: int
    file: str = attrs.field(repr=False)


@attrs.frozen
class Edition:
    """A bundled edition: its name, reference date and revisions (oldest first)."""

    name: str
    source_sha256: str
    revisions: tuple[Revision, ...]

    @property
    def latest(self) -> Revision:
        """The newest revision, which :func:`rqds_portraits.load` gives unless pinned."""
        return self.revisions[-1]


def edition_name(value: object) -> str:
    """*value* as an edition name: ``"2014-2015"``, also written ``"2014/2015"`` or ``"2014–2015"``."""
    if not isinstance(value, str):
        raise InvalidArgument(f"edition= must be an edition's name such as '2014-2015' (a string), not {shown(value)}")
    name = value.strip().translate(_SEPARATORS) if len(value) <= MAX_NAME_LENGTH else value
    if re.match(EDITION_NAME, name) is None:
        raise EditionNotFound(f"no edition {shown(value)}: an edition is named by its years, such as '2014-2015'")
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
                format=item["format"],
                file=item["file"],
            )
            for item in entry["revisions"]
        )
        editions.append(Edition(name, entry["source_sha256"], revisions))
    return tuple(editions)
