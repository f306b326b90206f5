"""Text keys for forgiving lookups: case, accents and punctuation do not matter.

    >>> from rqds_portraits.text import lookup_key
    >>> lookup_key("  Côte-Nord ") == lookup_key("cote nord") == "cote nord"
    True
    >>> lookup_key("Québec en Forme") == lookup_key("QUEBEC-EN-FORME")
    True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["closest", "lookup_key", "slug"]

_NOT_ALNUM = r"[^0-9a-z]+"  # compiled (and cached) by re on first use, not at import


def lookup_key(text: str) -> str:
    """Fold *text* to the key used by every lookup.

    Accents are removed (NFKD, combining marks dropped; "œ" becomes "oe"), the
    text is case-folded, and every run of other characters (spaces, hyphens,
    apostrophes, dots, parentheses) becomes one space.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("œ", "oe").replace("æ", "ae")
    return re.sub(_NOT_ALNUM, " ", bare).strip()


def slug(text: str) -> str:
    """An identifier made of the lookup key: ``"Côte-Nord"`` gives ``"cote-nord"``."""
    return lookup_key(text).replace(" ", "-")


def closest(key: str, choices: Iterable[str], limit: int = 5) -> list[str]:
    """The *choices* that look most like *key*, best first (for error messages)."""
    import difflib  # only error paths pay for it

    folded = {lookup_key(choice): choice for choice in choices}
    matches = difflib.get_close_matches(lookup_key(key), list(folded), n=limit, cutoff=0.5)
    starts = [k for k in folded if key and k.startswith(lookup_key(key)) and k not in matches]
    return [folded[k] for k in [*matches, *starts][:limit]]
