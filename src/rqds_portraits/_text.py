"""Text keys for forgiving lookups: case, accents, punctuation and Unicode form do not matter.

    >>> from rqds_portraits._text import lookup_key
    >>> lookup_key("  Côte-Nord ") == lookup_key("cote nord") == "cote nord"
    True
    >>> lookup_key("Québec en Forme") == lookup_key("QUEBEC-EN-FORME")
    True
    >>> lookup_key("CRE\\u0301") == lookup_key("CRÉ")  # decomposed and composed É
    True

Names are short: a key longer than :data:`MAX_NAME_LENGTH` matches nothing,
which keeps every lookup fast whatever it is given.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: a first lookup imports no typing (issue 20)
if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["MAX_NAME_LENGTH", "closest", "lookup_key", "slug", "written"]

MAX_NAME_LENGTH = 300
"""No id, name or written form of the data is longer; a longer key matches nothing."""


class _Folding(dict):  # type: ignore[type-arg]
    """``str.translate``'s table for :func:`lookup_key`: ASCII letters and digits stay, "œ" and "æ" are
    spelled out, combining marks go, and every other character becomes a space."""

    def __missing__(self, code: int) -> str | None:
        import unicodedata

        return None if unicodedata.combining(chr(code)) else " "


_FOLDING = _Folding({code: " " for code in range(128)})
_FOLDING.update({ord(ch): ch for ch in "0123456789abcdefghijklmnopqrstuvwxyz"})
_FOLDING.update({ord("œ"): "oe", ord("æ"): "ae"})
_CUTOFF = 0.6


def lookup_key(text: str) -> str:
    """Fold *text* to the key used by every lookup.

    Accents are removed (NFKD, combining marks dropped; "œ" becomes "oe"), the
    text is case-folded, and every run of other characters (spaces, hyphens,
    apostrophes, dots, parentheses) becomes one space.
    """
    # One translation and a split, not re: importing re costs a first lookup more than all the rest of it.
    if text.isascii():  # NFKD leaves ASCII as it is: unicodedata is imported for other text only
        return " ".join(text.lower().translate(_FOLDING).split())
    import unicodedata

    return " ".join(unicodedata.normalize("NFKD", text.casefold()).translate(_FOLDING).split())


def written(text: str) -> str:
    """*text* as written, in one Unicode form (NFC) and without surrounding spaces.

    Where case and accents matter ("CRE" is not "CRÉ"), an input typed with a
    decomposed accent (``"CRE\\u0301"``) still compares equal to the data.
    """
    stripped = text.strip()
    if len(stripped) > 4 * MAX_NAME_LENGTH or stripped.isascii():  # NFC shortens a text by at most a few code
        return stripped  # points per character: that one stays too long to be any name; and NFC leaves ASCII as is
    import unicodedata

    return unicodedata.normalize("NFC", stripped).strip()


def slug(text: str) -> str:
    """An identifier made of the lookup key: ``"Côte-Nord"`` gives ``"cote-nord"``."""
    return lookup_key(text).replace(" ", "-")


def closest(key: str, choices: Iterable[str], limit: int = 5) -> list[str]:
    """The *choices* that look most like *key*, best first (for error messages).

    A choice whose folded form starts with the key's, or whose words start with
    it, comes first ("Gaspésie" suggests "Gaspésie-Îles-de-la-Madeleine"); then
    the others by similarity. A key that folds to nothing, or longer than any
    name, suggests nothing.
    """
    folded_key = lookup_key(key) if len(key) <= MAX_NAME_LENGTH else ""
    if not folded_key:
        return []
    import difflib  # only error paths pay for it

    ranked: list[tuple[int, float, str]] = []
    seen: set[str] = set()
    matcher = difflib.SequenceMatcher(None, folded_key)
    for choice in choices:
        folded = lookup_key(choice)
        if folded in seen:
            continue
        seen.add(folded)
        matcher.set_seq2(folded)
        if folded.startswith(folded_key) or folded_key.startswith(folded):
            tier = 0
        elif f" {folded_key}" in f" {folded}":
            tier = 1
        elif matcher.real_quick_ratio() >= _CUTOFF and matcher.quick_ratio() >= _CUTOFF and matcher.ratio() >= _CUTOFF:
            tier = 2  # the quick ratios bound the ratio from above: a long key skips most choices at once
        else:
            continue
        ranked.append((tier, -matcher.ratio(), choice))
    return [choice for _, _, choice in sorted(ranked)[:limit]]
