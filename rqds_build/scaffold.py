"""Start a new edition: ``python -m rqds_build new EDITION SOURCE.txt``.

Creates ``<data>/<EDITION>/`` with the source text and a curated file that
holds every decision the build will need, each marked ``TODO`` with its source
line: the edition's dates; the amounts that need a reading (a malformed one
with its value to give); one entry per phrase that may name an agreement
(several on a line are several decisions); the lines with a year range or an
amount but no agreement word of ``entente_words`` (an agreement the words miss,
or none); the mentions a territory cannot resolve, and those whose role comes
from a default rather than a word of the text; the lines no rule can place
(block titles); and the capitalised words the partner registry does not know.
Every ``at`` is cut at word boundaries.
The layout vocabulary (section headings, footer labels, the words that make an
amount or a phrase need a reading) is copied from the latest edition. The build
refuses the file until no ``TODO`` is left.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rqds_build.builder import CURATED_FILE, REGISTRY_FILE, SOURCE_FILE, editions_in
from rqds_build.context import BuildContext
from rqds_build.curated import TODO, Table, read_toml
from rqds_build.problems import Problems
from rqds_portraits._errors import BuildError
from rqds_portraits._loading.index import EDITION_NAME
from rqds_portraits._records.annotations import ROLES

__all__ = ["scaffold"]

_FOOTER = re.compile(r"^pdf .*$", re.M)
_AGREEMENT_NOUN = re.compile(
    r"(?<!\w)(?:plans?|accords?|protocoles?|conventions?|politiques?|stratégies?)"
    r"(?:\s+(?:de|d[’']|du|des|en|pour|sur)\s*\w+(?:\s+(?:à|a|la|le|les|l[’'])\s*\w+)*|\s+\d{4}[-–]\d{4})",
    re.IGNORECASE,
)
"""Nouns that may name an agreement ("plan de lutte à la pauvreté", "Accord de collaboration 2017-2020"),
asked about where the edition's ``entente_words`` do not cover them."""


def _toml(value: Any) -> str:
    """*value* as a TOML value (strings, numbers, dates, lists and tables of them)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, datetime.date)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_toml(v)}" for k, v in value.items()) + " }"
    return "[" + ", ".join(_toml(item) for item in value) + "]"


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _entry(kind: str, fields: dict[str, Any], comment: str) -> str:
    return f"# {comment}\n[[{kind}]]\n" + "".join(f"{_key(k)} = {_toml(v)}\n" for k, v in fields.items())


def _around(text: str, start: int, end: int, width: int = 40) -> str:
    """The words of *text* around columns *start*-*end*, about *width* characters each side, never cut mid-word."""
    left = max(0, start - width)
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = min(len(text), end + width)
    while right < len(text) and not text[right].isspace():
        right += 1
    return text[left:right].strip()


def _base(curation_dir: Path, edition: str) -> Table:
    """The curated file of the latest edition before *edition* (its vocabulary is the new one's start)."""
    earlier = [folder for folder in editions_in(curation_dir) if folder.name < edition]
    if not earlier:
        raise BuildError(f"no earlier edition in {curation_dir} to take the layout vocabulary from")
    return read_toml(earlier[-1] / CURATED_FILE)


def _header(edition: str, base: Table, lines: list[str]) -> tuple[str, Table]:
    layout = dict(base.get("conventions", {}))
    footer = dict(base.get("footer", {}))
    found = _FOOTER.findall("\n".join(lines))
    footer_start = found[0] if len(found) == 1 else TODO
    layout["footer_start"] = footer_start
    old_start = base.get("conventions", {}).get("footer_start")
    # The footer's labels are those of the earlier edition that this source writes, each on its own line.
    written = {line.strip() for line in lines}
    footer["fields"] = {label: field for label, field in footer.get("fields", {}).items() if label in written}
    labels = [footer_start if label == old_start else label for label in footer.get("platform_labels", [])]
    footer["platform_labels"] = [label for label in labels if label in written]
    curated: Table = {
        "edition": edition,
        "revision": 1,
        "revision_date": TODO,
        "as_of": TODO,
        "conventions": layout,
        "source": base.get("source", {}),
        "footer": footer,
    }
    text = [
        f"# Curated decisions for the {edition} edition of the Tour du Québec, started by",
        f'# `python -m rqds_build new {edition} …`. Every value "TODO" is a decision to make',
        "# (the comment above it says which line of source.txt it is about); the build refuses the",
        "# file until none is left. The kinds of entries are documented in the curated file of the",
        "# previous edition and in docs/adding-an-edition.md.",
        "",
        f"edition = {_toml(edition)}",
        "revision = 1",
        "# The day this revision is published (YYYY-MM-DD, unquoted).",
        f"revision_date = {_toml(TODO)}",
        '# The reference date of the statuses: an agreement whose period ended before it is "ended".',
        f"as_of = {_toml(TODO)}",
        "",
        "[conventions]",
        *(f"{_key(k)} = {_toml(v)}" for k, v in layout.items() if not isinstance(v, dict)),
        "",
        *(
            line
            for k, v in layout.items()
            if isinstance(v, dict)
            for line in ["", f"[conventions.{k}]", *(f"{_key(a)} = {_toml(b)}" for a, b in v.items())]
        ),
        "",
        "[source]",
        *(f"{_key(k)} = {_toml(v)}" for k, v in curated["source"].items()),
        "",
        "[footer]",
        *(f"{_key(k)} = {_toml(v)}" for k, v in footer.items()),
        "",
    ]
    return "\n".join(text), curated


def _decisions(ctx: BuildContext, registry: Any, unknown: dict[str, str]) -> Iterable[str]:
    """One TODO entry per decision the build would otherwise stop at, in source order; the
    capitalised words the registry does not know go into *unknown*."""
    from rqds_build.annotate import find_amounts, find_periods, is_plain, words_near
    from rqds_build.ententes import check_coverage
    from rqds_build.extract import extract

    structure = extract(ctx)
    unplaced = [p for p in ctx.problems.found() if "before any section heading" in p.message]
    for problem in unplaced:
        text = ctx.lines[problem.line - 1]
        yield _entry(
            "block_title",
            {"territory": TODO, "line": problem.line, "text": text, "why": TODO},
            f"TODO line {problem.line}: a block's title (keep), or a note on the territory (make it a [[territory_note]])",
        )
    units = structure.units
    text_of = {unit.line: unit for unit in units}
    periods = find_periods(ctx, units)
    amounts, _ = find_amounts(ctx, units, periods)
    checker = BuildContext(ctx.edition, ctx.lines, {"conventions": ctx.curated.get("conventions", {})}, Problems())
    check_coverage(checker, units, ())
    candidates = sorted({problem.line for problem in checker.problems.found()})
    words = ctx.curated.get("conventions", {}).get("amount_words", [])
    decided: list[tuple[int, str]] = []
    for amount in amounts:
        line = amount.lines[0]
        said = words_near(text_of, line, words)
        if not said and is_plain(amount.text) and line in candidates:
            continue  # a plain amount of an agreement: the agreement's entry below lists it
        unit = text_of[line]
        fields: dict[str, Any] = {
            "territory": amount.territory_id,
            "at": _around(unit.text, amount.span[0] - unit.column, amount.span[1] - unit.column),
            "text": amount.text, "kind": TODO, "qualifier": TODO,
        }  # fmt: skip
        malformed = _malformed(amount.text)
        if malformed:
            fields["value"] = TODO
        decided.append((line, _entry(
            "amount",
            {**fields, "note": TODO},
            f"TODO line {line}: how to read {amount.text!r}" + (f" (written near {', '.join(map(repr, said))})" if said else "")
            + (f"; {malformed}" if malformed else ""),
        )))  # fmt: skip
    conventions = ctx.curated.get("conventions", {})
    entente_words = conventions.get("entente_words", [])
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(entente_words)})(?!\w)", re.IGNORECASE) if entente_words else None
    for unit in units:
        phrases = list(pattern.finditer(unit.text)) if pattern else []
        for match in phrases:  # one decision per phrase, even when a line holds several
            line = unit.line
            at = _around(unit.text, match.start(), match.end())
            fields = {"id": TODO, "territory": unit.territory_id, "at": at, "title": TODO, "kind": TODO}
            written = [p.text for p in periods if p.lines[0] == line and p.text in at]
            if len(written) == 1:
                fields["period"] = written[0]
            plain = [
                a.text for a in amounts
                if a.lines[0] == line and a.text in at and is_plain(a.text) and not words_near(text_of, line, words)
            ]  # fmt: skip
            if plain:
                fields["amounts"] = plain
            others = (
                f" (phrase {match[0]!r}, one of {len(phrases)} on the line)"
                if len(phrases) > 1
                else f" (phrase {match[0]!r})"
            )
            decided.append((line, _entry(
                "entente",
                {**fields, "note": TODO},
                f"TODO line {line}{others}: an agreement (fill in; check the period and amounts found near it), a passage naming one "
                "already recorded (move it to that record's also_at), or no agreement (make it a [[not_an_entente]] with why)",
            )))  # fmt: skip
        covered = [match.span() for match in phrases]
        nouns = [m for m in _AGREEMENT_NOUN.finditer(unit.text) if not any(a <= m.start() < b for a, b in covered)]
        for match in nouns:  # an agreement-like noun the edition's entente_words miss
            decided.append((unit.line, _entry(
                "entente",
                {"id": TODO, "territory": unit.territory_id, "at": _around(unit.text, match.start(), match.end()),
                 "title": TODO, "kind": TODO, "note": TODO},
                f"TODO line {unit.line}: {match[0]!r} is no word of entente_words: an agreement the words miss (fill in, "
                "and add its word to entente_words), or none (delete this entry)",
            )))  # fmt: skip
        if phrases or nouns:
            continue
        figures = [p.text for p in periods if p.lines[0] == unit.line and p.start_date is None]
        money = [a.text for a in amounts if a.lines[0] == unit.line]
        if figures or money:
            decided.append((unit.line, _entry(
                "entente",
                {"id": TODO, "territory": unit.territory_id, "at": _around(unit.text, 0, 0, 80), "title": TODO, "kind": TODO, "note": TODO},
                f"TODO line {unit.line}: {', '.join(map(repr, figures + money))} but no word of entente_words: an agreement "
                "the words miss (fill in, and add its word to entente_words), or none (delete this entry)",
            )))  # fmt: skip
    yield from (entry for _, entry in sorted(decided, key=lambda item: item[0]))
    from rqds_build.mentions import find_mentions

    mentioning = BuildContext(ctx.edition, ctx.lines, {}, Problems())
    mentions = find_mentions(mentioning, units, registry)
    for problem in mentioning.problems.found():
        yield _entry(
            "mention",
            {"territory": TODO, "at": TODO, "partner": TODO, "why": TODO},
            f"TODO line {problem.line}: {problem.message}",
        )
    from rqds_build.mentions import DEFAULT_ROLES

    for mention in mentions:
        unit = text_of[mention.lines[0]]
        if unit.section in DEFAULT_ROLES:
            continue  # a Leadership or Membres du comité heading: the text's own word gives the role
        start, end = mention.span[0] - unit.column, mention.span[1] - unit.column
        yield _entry(
            "mention_role",
            {"territory": mention.territory_id, "at": _around(unit.text, start, end), "text": mention.text,
             "role": TODO, "why": TODO},
            f"TODO line {mention.lines[0]}: the role of {mention.text!r} ({', '.join(ROLES)}); "
            "'mentioned' is only a default here: no heading gives it",
        )  # fmt: skip
    from rqds_build.builder import unexplained_organisations

    known = BuildContext(ctx.edition, ctx.lines, {"conventions": ctx.curated.get("conventions", {})}, Problems())
    for line, word in unexplained_organisations(known, structure, mentions):
        unknown.setdefault(
            word,
            f"{TODO} line {line}: an organisation? add it to partners.toml and delete this line; else say why it names none",
        )


MAX_SOURCE_BYTES = 16 * 1024 * 1024
"""The largest source text ``new`` reads (the 2014-2015 one is under 200 KB)."""


def _malformed(text: str) -> str | None:
    """Why the amount *text* cannot be read as written (``None`` when it can)."""
    from rqds_portraits._errors import InvalidArgument
    from rqds_portraits._money import parse_amount

    try:
        parse_amount(text.split("/")[0])
    except InvalidArgument:
        return "its digits cannot be read as written: give its value (a reading of those digits) and say why"
    return None


def scaffold(data_dir: Path, edition: str, source: Path, curation_dir: Path | None = None) -> tuple[Path, int]:
    """Create ``data_dir/edition/source.txt`` from *source* and ``curation_dir/edition/curated.toml``
    (*curation_dir* is *data_dir* when ``None``) with a TODO for each decision; returns the
    curated file's folder and the number of TODOs."""
    if re.match(EDITION_NAME, edition) is None:
        raise BuildError(f"an edition is named by its years, such as '2015-2016', not {edition!r}")
    curation = data_dir if curation_dir is None else curation_dir
    data_folder, folder = data_dir / edition, curation / edition
    for existing in (data_folder, folder):
        if existing.exists() and any(existing.iterdir()):
            raise BuildError(f"{existing} exists already: the scaffold never overwrites an edition")
    from rqds_portraits._io import Unreadable, read_regular_file

    try:
        raw = read_regular_file(source, MAX_SOURCE_BYTES)  # a regular file, read within a bound
        lines = raw.decode("utf-8").split("\n")
    except Unreadable as error:
        raise BuildError(f"cannot read the source text {source}: {error.reason}") from None
    except UnicodeDecodeError as error:
        raise BuildError(f"cannot read the source text {source}: {error}") from None
    base = _base(curation, edition)
    _, curated = _header(edition, base, lines)
    registry_file = curation / REGISTRY_FILE
    from rqds_build.partners import read_registry

    registry = read_registry(registry_file, Problems()) if registry_file.is_file() else ()
    ctx = BuildContext(edition, lines, curated, Problems())
    unknown: dict[str, str] = {}
    try:
        decisions = list(_decisions(ctx, registry, unknown))
    except BuildError as error:
        decisions = [f"# {TODO}: the layout cannot be read yet ({error}); fix [conventions] first\n"]
    base.setdefault("conventions", {}).setdefault("not_partners", {}).update(unknown)
    header, _ = _header(edition, base, lines)
    text = header + "\n" + "\n".join(decisions)
    data_folder.mkdir(exist_ok=True)
    folder.mkdir(exist_ok=True)
    (data_folder / SOURCE_FILE).write_bytes(raw)
    (folder / CURATED_FILE).write_text(text, encoding="utf-8")
    from rqds_build.curated import todos

    return folder, len(todos(read_toml(folder / CURATED_FILE)))
