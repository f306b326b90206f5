"""How to cite the data: the source's own citation, with the edition, revision and hash used.

>>> import rqds_portraits as rp
>>> print(rp.load("2014-2015").cite("text"))  # doctest: +ELLIPSIS
Véronique Larose, Emily Mack, Joël Nadeau, Anne-Sophie Thomas, Gédéon Verreault. (2014). Tour du Québec ... Données : rqds-portraits, édition 2014-2015, révision ..., sha256 ...
"""

from __future__ import annotations

import json

from rqds_portraits._errors import InvalidArgument, shown
from rqds_portraits._records.document import Source
from rqds_portraits._version import __version__

__all__ = ["STYLES", "cite"]

STYLES = ("text", "bibtex", "csl-json")


def _name_parts(author: str) -> tuple[str, str]:
    """Given and family name: the family name is the last word ("Anne-Sophie Thomas")."""
    given, _, family = author.rpartition(" ")
    return given, family


_BIBTEX_ESCAPES = str.maketrans({"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}"})


def _bibtex(value: str) -> str:
    """*value* as the text of a braced BibTeX field: its braces and backslashes written as LaTeX commands,
    so a ``}`` in a title cannot close the field and inject an entry of its own."""
    return " ".join(value.translate(_BIBTEX_ESCAPES).split())


def cite(source: Source, edition: str, revision: int, sha256: str, style: str = "text") -> str:
    """The citation of the data of *edition* at *revision* (whose dataset file has *sha256*), from
    its *source*, in *style*: ``"text"``, ``"bibtex"`` or ``"csl-json"``."""
    version = f"édition {edition}, révision {revision}"
    if style == "text":
        return f"{source.citation} Données : rqds-portraits, {version}, sha256 {sha256}."
    if style == "bibtex":
        authors = " and ".join(f"{family}, {given}" for given, family in map(_name_parts, source.authors))
        key = f"rqds_tour_du_quebec_{edition.replace('-', '_')}"
        fields = {
            "author": authors,
            "title": source.title,
            "publisher": f"{source.publisher} ({source.publisher_acronym})",
            "year": str(source.published.year),
            "month": str(source.published.month),
            "url": source.url,
            "urldate": source.consulted.isoformat(),
            "version": f"{edition} r{revision}",
            "language": "french",
            "note": f"Données : rqds-portraits {__version__}, {version}, sha256 {sha256}",
        }
        body = ",\n".join(f"  {name} = {{{_bibtex(value)}}}" for name, value in fields.items())
        return f"@dataset{{{key},\n{body}\n}}"
    if style == "csl-json":
        item = {
            "id": f"rqds-tour-du-quebec-{edition}",
            "type": "dataset",
            "title": source.title,
            "author": [{"family": family, "given": given} for given, family in map(_name_parts, source.authors)],
            "publisher": source.publisher,
            "issued": {"date-parts": [[source.published.year, source.published.month, source.published.day]]},
            "accessed": {"date-parts": [[source.consulted.year, source.consulted.month, source.consulted.day]]},
            "URL": source.url,
            "version": f"{edition} revision {revision}",
            "language": "fr",
            "note": f"rqds-portraits {__version__}, sha256 {sha256}",
        }
        return json.dumps([item], ensure_ascii=False, indent=2)
    raise InvalidArgument(f"invalid citation style= {shown(style)}; styles are {', '.join(STYLES)}")
