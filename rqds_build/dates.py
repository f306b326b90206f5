"""Dates and periods written in words, in French: "de novembre 2012 à avril 2013", "jusqu’en juin 2015".

These are rules of the extractor, not curated readings: they recur from one
edition to the next. A date has a month (and a day when written) and a year in
four digits or two ("avril ’13", "30 sept.15", read in the 2000s); a date with
no year ("le 18 novembre") is not read, since no rule can place it.

- a range: "de novembre 2012 à avril 2013", "entre octobre 2013 et septembre 2014",
  "du 1er avril 2013 au 31 mars 2016";
- several days of one month: "les 11 et 12 novembre 2010" (one date, its first
  and its last day);
- a date with what it marks: "jusqu’en juin 2015" (until), "depuis mai 2014"
  (since), "à partir de l'hiver" is not a date (no month), "à la fin mars 2014",
  "le 31 mars 2014", "en octobre 2008" (on).

    >>> from rqds_build.dates import find_words
    >>> [(found.text, found.relation, str(found.start), str(found.end)) for found in find_words("signées jusqu’en juin 2015.")]
    [('jusqu’en juin 2015', 'until', 'None', '2015-06')]
    >>> [(found.text, str(found.start), str(found.end)) for found in find_words("tenu les 11 et 12 novembre 2010,")]
    [('les 11 et 12 novembre 2010', '2010-11-11', '2010-11-12')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from rqds_portraits._records.annotations import DateRelation
from rqds_portraits._records.periods import FIRST_YEAR, LAST_YEAR, PartialDate

__all__ = ["MONTHS", "WordDate", "find_words"]

MONTHS = {
    "janvier": 1, "janv.": 1, "février": 2, "févr.": 2, "mars": 3, "avril": 4, "avr.": 4, "mai": 5, "juin": 6,
    "juillet": 7, "juil.": 7, "août": 8, "septembre": 9, "sept.": 9, "octobre": 10, "oct.": 10,
    "novembre": 11, "nov.": 11, "décembre": 12, "déc.": 12,
}  # fmt: skip
"""French month names and their usual abbreviations."""

_MONTH = "|".join(re.escape(name) for name in sorted(MONTHS, key=len, reverse=True))


def _date(p: str) -> str:
    """A date's pattern, its groups named with the prefix *p*: day, month, and a year of
    four digits, or of two after an apostrophe ("’13") or glued to an abbreviation ("sept.15")."""
    day = f"(?:(?P<{p}day>1er|[0-9]{{1,2}})\\s+)?"
    year = f"(?:\\s*(?P<{p}year>[0-9]{{4}})|\\s*[’'](?P<{p}short>[0-9]{{2}})|(?<=\\.)(?P<{p}glued>[0-9]{{2}}))"
    return f"{day}(?P<{p}month>{_MONTH}){year}"


_DAYS = re.compile(rf"(?<!\w)les\s+(?P<first>1er|[0-9]{{1,2}})\s+et\s+{_date('a')}(?![0-9])", re.IGNORECASE)
"""Several days of one month: "les 11 et 12 novembre 2010" (one date, from its first day to its last)."""
_RANGE = re.compile(rf"(?<!\w)(?:de|du|entre)\s+{_date('a')}\s+(?:à|au|et)\s+{_date('b')}(?![0-9])", re.IGNORECASE)
_SINGLE = re.compile(
    rf"(?<!\w)(?P<relation>jusqu[’']en|jusqu[’']au|jusqu[’']à|depuis|à partir d[eu]|dès|à la fin(?: de)?|fin)?\s*{_date('a')}(?![0-9])",
    re.IGNORECASE,
)
_RELATIONS: dict[str, DateRelation] = {"jusqu": "until", "depuis": "since", "à partir": "from", "dès": "from"}


@attrs.frozen
class WordDate:
    """A date or a range found in a text: the words, where they are, and what they say."""

    text: str
    start: PartialDate | None
    end: PartialDate | None
    relation: DateRelation
    span: tuple[int, int]
    is_range: bool = False


def _partial(match: re.Match[str], prefix: str) -> PartialDate | None:
    year_text = match[f"{prefix}year"]
    year = int(year_text) if year_text else 2000 + int(match[f"{prefix}short"] or match[f"{prefix}glued"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    day_text = match[f"{prefix}day"]
    day = None if day_text is None else 1 if day_text.lower() == "1er" else int(day_text)
    try:
        return PartialDate.parse(
            f"{year:04d}-{MONTHS[match[f'{prefix}month'].lower()]:02d}" + (f"-{day:02d}" if day else "")
        )
    except ValueError:  # InvalidPeriod: "31 avril", not a date
        return None


def find_words(text: str) -> Iterator[WordDate]:
    """Every date and range written in words in *text*, in order, without overlaps (ranges first)."""
    taken: list[tuple[int, int]] = []
    found: list[WordDate] = []
    for match in _RANGE.finditer(text):
        start, end = _partial(match, "a"), _partial(match, "b")
        if start is not None and end is not None and (start.year, start.month or 0) <= (end.year, end.month or 0):
            found.append(WordDate(match[0], start, end, "on", match.span(), is_range=True))
            taken.append(match.span())
    for match in _DAYS.finditer(text):
        last = _partial(match, "a")
        if last is None or last.day is None:
            continue
        first_day = 1 if match["first"].lower() == "1er" else int(match["first"])
        if not 1 <= first_day < last.day:
            continue
        first = attrs.evolve(last, day=first_day)
        found.append(WordDate(match[0], first, last, "on", match.span()))
        taken.append(match.span())
    for match in _SINGLE.finditer(text):
        span = (match.start("amonth") if match["relation"] is None else match.start("relation"), match.end())
        if match["aday"] is not None and match["relation"] is None:
            span = (match.start("aday"), match.end())
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        date = _partial(match, "a")
        if date is None:
            continue
        words = (match["relation"] or "").lower()
        relation: DateRelation = next((value for key, value in _RELATIONS.items() if words.startswith(key)), "on")
        start, end = (
            (date, None) if relation in ("since", "from") else ((None, date) if relation == "until" else (date, date))
        )
        found.append(WordDate(text[span[0] : span[1]], start, end, relation, span))
    yield from sorted(found, key=lambda item: item.span)
