"""How to cite the data: the source's own citation, with the edition, revision and hash used.

    >>> import rqds_portraits as rp
    >>> print(rp.load("2014-2015").cite("text"))  # doctest: +ELLIPSIS
    Véronique Larose, Emily Mack, Joël Nadeau, Anne-Sophie Thomas, Gédéon Verreault. (2014). Tour du Québec ... Données : rqds-portraits, édition 2014-2015, révision ..., sha256 ...
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ._version import __version__
from .errors import InvalidArgument, shown

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["STYLES", "cite"]

STYLES = ("text", "bibtex", "csl-json")


def _name_parts(author: str) -> tuple[str, str]:
    """Given and family name: the family name is the last word ("Anne-Sophie Thomas")."""
    given, _, family = author.rpartition(" ")
    return given, family


def cite(ds: Dataset, style: str = "text") -> str:
    """The citation of *ds* in *style*: ``"text"``, ``"bibtex"`` or ``"csl-json"``."""
    source = ds.source
    version = f"édition {ds.edition}, révision {ds.revision}"
    if style == "text":
        return f"{source.citation} Données : rqds-portraits, {version}, sha256 {ds.sha256}."
    if style == "bibtex":
        authors = " and ".join(f"{family}, {given}" for given, family in map(_name_parts, source.authors))
        key = f"rqds_tour_du_quebec_{ds.edition.replace('-', '_')}"
        fields = {
            "author": authors,
            "title": source.title,
            "publisher": f"{source.publisher} ({source.publisher_acronym})",
            "year": str(source.published.year),
            "month": str(source.published.month),
            "url": source.url,
            "urldate": source.consulted.isoformat(),
            "version": f"{ds.edition} r{ds.revision}",
            "language": "french",
            "note": f"Données : rqds-portraits {__version__}, {version}, sha256 {ds.sha256}",
        }
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
        return f"@dataset{{{key},\n{body}\n}}"
    if style == "csl-json":
        item = {
            "id": f"rqds-tour-du-quebec-{ds.edition}",
            "type": "dataset",
            "title": source.title,
            "author": [{"family": family, "given": given} for given, family in map(_name_parts, source.authors)],
            "publisher": source.publisher,
            "issued": {"date-parts": [[source.published.year, source.published.month, source.published.day]]},
            "accessed": {"date-parts": [[source.consulted.year, source.consulted.month, source.consulted.day]]},
            "URL": source.url,
            "version": f"{ds.edition} revision {ds.revision}",
            "language": "fr",
            "note": f"rqds-portraits {__version__}, sha256 {ds.sha256}",
        }
        return json.dumps([item], ensure_ascii=False, indent=2)
    raise InvalidArgument(f"invalid citation style= {shown(style)}; styles are {', '.join(STYLES)}")
