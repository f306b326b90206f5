"""Build every edition's dataset file from its source text and curated file.

For each edition with a curated file ``curation/<edition>/curated.toml`` and a
source text ``data/<edition>/source.txt`` (``data/`` is the package's
``src/rqds_portraits/data``), the build writes ``data/<edition>/dataset.json``
(the latest revision), read with the partner registry ``curation/partners.toml``;
it then writes the edition index ``data/editions.json`` (every published revision, its date,
SHA-256, layout and file) and the JSON Schema ``data/dataset.schema.json``.
The output depends only on those inputs, so building twice gives the same
bytes (:func:`check` proves it).

Earlier revisions are inputs, never rebuilt: each is kept byte for byte as
``dataset.r<N>.json.gz``, listed in the curated file's ``[[published]]`` with
its date and SHA-256, which the build checks. When a curated file's
``revision`` goes up, :func:`write` first archives the dataset file of the
revision it replaces.

**A published revision is frozen.** A revision is published once a release of
``CHANGELOG.md`` (a ``## [x.y.z]`` section, not ``[Unreleased]``) holds its
``#### <edition> revision N`` reading log, which a release cannot skip; from
then on it must be listed in ``[[published]]`` with its SHA-256, the current
revision too. The build refuses any input change (curated file, registry,
source text, code) that would change the bytes of a revision so listed, and
names the revision and the records that would change: a change of reading is
a new revision (bump ``revision``), never an edit of a published one. Until it
is released, the current revision is a draft the build may still rewrite.

The build reads everything before it fails: every problem of every edition is
collected and reported at once (:class:`~rqds_build.problems.BuildFailed`).
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rqds_build.ahead import methods_modules
from rqds_build.annotate import check_readings, find_amounts, find_dates, find_periods, find_source_notes
from rqds_build.context import BuildContext
from rqds_build.curated import Table, entries, key_line, line_of, optional_str, read_toml, required_str, todos
from rqds_build.ententes import check_coverage, find_ententes
from rqds_build.extract import Structure, extract
from rqds_build.ledger import LEDGER_FILE, Retirement, ledger, retirements, stable_ids
from rqds_build.mentions import find_mentions, mentioned_partners
from rqds_build.partners import read_registry
from rqds_build.problems import Problems
from rqds_build.source import footer_lines, introduction, source_fields
from rqds_portraits._errors import BuildError
from rqds_portraits._loading.checks import check_records
from rqds_portraits._loading.codec import dumps, to_data
from rqds_portraits._loading.index import EDITION_NAME
from rqds_portraits._loading.schema import json_schema, validate
from rqds_portraits._loading.upgrade import LAYOUT
from rqds_portraits._records.annotations import Mention
from rqds_portraits._records.document import Source
from rqds_portraits._records.edition import RECORD_TABLES, EditionRecords
from rqds_portraits._records.partners import Partner
from rqds_portraits._render import owned_lines, render

__all__ = ["build_edition", "build_outputs", "check", "write"]

SOURCE_FILE = "source.txt"
CURATED_FILE = "curated.toml"
DATASET_FILE = "dataset.json"
REGISTRY_FILE = "partners.toml"
INDEX_FILE = "editions.json"
SCHEMA_FILE = "dataset.schema.json"
ANCHOR_FILE = Path("_loading", "anchor.py")
"""The module, beside the package's ``data/`` folder, that records the edition index's hash in code."""
_ARCHIVE = re.compile(r"^dataset\.r([0-9]+)\.json\.gz$")
_ACRONYM = re.compile(r"(?<!\w)[A-ZÉÈÀÎÔ][A-ZÉÈÀÎÔ0-9]+(?:-[A-ZÉ]+)?(?!\w)")


def archive_name(revision: int) -> str:
    """The file that keeps revision *revision* of an edition: ``dataset.r1.json.gz``."""
    return f"dataset.r{revision}.json.gz"


def editions_in(curation_dir: Path) -> list[Path]:
    """The edition folders of *curation_dir* (those with a curated file), oldest first."""
    return sorted(path for path in curation_dir.iterdir() if (path / CURATED_FILE).is_file())


def build_edition(
    folder: Path,
    data_folder: Path,
    registry: Sequence[Partner],
    problems: Problems,
    published: Sequence[EditionRecords] = (),
    retired: Sequence[Retirement] = (),
) -> EditionRecords | None:
    """The records of the edition whose curated file is in *folder* and source text in *data_folder*,
    read with the partner *registry*, with the ids its *published* revisions issued (oldest first)
    and those its curated file *retired*; ``None`` when a problem (recorded in *problems*) stops it."""
    edition = folder.name
    try:
        lines = (data_folder / SOURCE_FILE).read_bytes().decode("utf-8").split("\n")
        curated = read_toml(folder / CURATED_FILE)
        curated_text = (folder / CURATED_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, BuildError) as error:
        problems.add(f"{edition}/{CURATED_FILE}", 0, f"cannot read the edition: {error}")
        return None
    ctx = BuildContext(edition, lines, curated, problems, curated_text)
    undecided = _todos(curated, curated_text)
    for place, line in undecided:
        problems.add(ctx.curated_file, line, f"{place} is still TODO: make the decision, with its why or note")
    with problems.entry(ctx.curated_file, 0):
        _check_header(ctx, edition, curated_text, {place for place, _ in undecided})
    try:
        structure = extract(ctx)
    except BuildError as error:
        problems.add(ctx.source_file, 0, f"the layout cannot be read: {error}")
        return None
    units = structure.units
    periods = find_periods(ctx, units)
    dates = find_dates(units)
    amounts, read = find_amounts(ctx, units, periods)
    mentions = find_mentions(ctx, units, registry)
    ententes, named = find_ententes(ctx, units, periods, dates, amounts, mentions)
    check_readings(ctx, units, amounts, read, ententes)
    check_coverage(ctx, units, named)
    _check_organisations(ctx, structure, mentions)
    notes = find_source_notes(ctx, units)
    try:
        source = _source(ctx, structure)
    except BuildError as error:
        problems.add(ctx.curated_file, 0, str(error))
        return None
    _check_as_of(ctx, source)
    if problems:
        return None
    records = EditionRecords(
        format=LAYOUT,
        edition=edition,
        revision=curated["revision"],
        revision_date=curated["revision_date"],
        as_of=curated["as_of"],
        source=source,
        territories=structure.territories,
        initiatives=structure.initiatives,
        periods=periods,
        dates=dates,
        amounts=amounts,
        mentions=mentions,
        partners=mentioned_partners(registry, mentions),
        ententes=ententes,
        source_notes=notes,
    )
    with problems.entry(ctx.curated_file, 0):
        records = stable_ids(ctx, records, published, retired)
    with problems.entry(ctx.source_file, 0):
        check_records(records, f"the records built from {edition}")
        _check_lossless(records, lines)
    return None if problems else records


KINDS = (
    "edition", "revision", "revision_date", "as_of", "published", "conventions", "source", "footer", "territory_note",
    "block_title", "amount", "mention_role", "mention", "not_a_mention", "entente", "not_an_entente", "source_note",
    "retired", "as_of_why",
)  # fmt: skip
"""What a curated file may hold (its header documents each); anything else is a typo the build names."""


def _check_header(ctx: BuildContext, edition: str, text: str, undecided: set[str]) -> None:
    curated = ctx.curated
    unknown = sorted(set(curated) - set(KINDS))
    if unknown:
        raise BuildError(f"unknown keys or kinds {unknown}: a curated file holds {', '.join(KINDS)}")
    if re.match(EDITION_NAME, edition) is None:
        raise BuildError(f"an edition folder is named by its years, such as '2014-2015', not {edition!r}")
    if required_str(curated, "edition") != edition:
        raise BuildError(f"edition {curated['edition']!r} must be the folder's name {edition!r}")
    revision = curated.get("revision")
    if isinstance(revision, bool) or not isinstance(revision, int) or revision < 1:
        raise BuildError(f"revision must be a positive integer, got {revision!r}")
    for key in ("revision_date", "as_of"):
        value = curated.get(key)
        if key in undecided:
            continue  # reported as a TODO
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            ctx.problems.add(
                ctx.curated_file, key_line(text, key), f"{key} must be a date (YYYY-MM-DD, unquoted), got {value!r}"
            )


def _check_as_of(ctx: BuildContext, source: Source) -> None:
    """``as_of`` is the publication date the source writes; ``as_of_why`` says why when it differs."""
    as_of = ctx.curated.get("as_of")
    if not isinstance(as_of, datetime.date) or isinstance(as_of, datetime.datetime):
        return  # named by the header check
    if as_of != source.published and not optional_str(ctx.curated, "as_of_why"):
        ctx.problems.add(
            ctx.curated_file,
            ctx.key_line("as_of"),
            f"as_of {as_of} is not the publication date the source writes ({source.published}): "
            "set as_of to it, or say in as_of_why why the statuses are read at another date",
        )


def _todos(curated: Table, text: str) -> list[tuple[str, int]]:
    """Each place still ``"TODO"`` and its line: that of its ``[[kind]]`` entry, else of its key."""
    found = []
    for place in todos(curated):
        kind = place.split("[", 1)[0]
        index = re.match(r"^\w+\[(\d+)\]", place)
        entry = curated[kind][int(index[1])] if index and isinstance(curated.get(kind), list) else None
        found.append((place, line_of(entry) if isinstance(entry, dict) else key_line(text, place)))
    return found


def _source(ctx: BuildContext, structure: Structure) -> Source:
    footer = footer_lines(ctx, structure.footer_start)
    about = ctx.curated.get("source", {})
    raw = "\n".join(ctx.lines).encode("utf-8")
    return Source(
        title=structure.title,
        title_lines=structure.title_lines,
        publisher=required_str(about, "publisher"),
        publisher_acronym=required_str(about, "publisher_acronym"),
        introduction=introduction(structure, ctx.curated),
        footer=footer,
        sha256=hashlib.sha256(raw).hexdigest(),
        line_count=len(ctx.lines),
        lines=(1, len(ctx.lines)),
        **source_fields(footer),  # type: ignore[arg-type]
    )


def unexplained_organisations(
    ctx: BuildContext, structure: Structure, mentions: Sequence[Mention]
) -> list[tuple[int, str]]:
    """The capitalised acronyms of the portraits (line, word) that are neither a partner mention nor
    in ``[conventions.not_partners]``."""
    explained = ctx.curated.get("conventions", {}).get("not_partners", {})
    covered: dict[int, list[tuple[int, int]]] = {}
    for mention in mentions:
        covered.setdefault(mention.lines[0], []).append(mention.span)
    titles = {i.lines[0] for i in structure.initiatives if i.title}
    found = []
    for unit in structure.units:
        if unit.line in titles:
            continue
        for word in _ACRONYM.finditer(unit.text):
            start, end = unit.column + word.start(), unit.column + word.end()
            if word[0] not in explained and not any(a <= start and end <= b for a, b in covered.get(unit.line, [])):
                found.append((unit.line, word[0]))
    return found


def _check_organisations(ctx: BuildContext, structure: Structure, mentions: Sequence[Mention]) -> None:
    """Every capitalised acronym of the portraits is a partner mention, or in ``[conventions.not_partners]`` with why."""
    for line, word in unexplained_organisations(ctx, structure, mentions):
        ctx.in_source(
            line,
            f"{word!r} is no partner of the registry: add it to partners.toml, or to [conventions.not_partners] with why it names no organisation",
        )


def _check_lossless(records: EditionRecords, lines: Sequence[str]) -> None:
    """The records give the source back, line for line (whitespace-only lines come back empty)."""
    rendered = render(records).split("\n")
    expected = [line if line.strip() else "" for line in lines]
    if rendered != expected:
        number = next(n for n, (a, b) in enumerate(zip(rendered, expected), start=1) if a != b)
        raise BuildError(f"the records do not give line {number} back as written: {expected[number - 1]!r}")
    owners: dict[int, str] = {}
    for number, _, owner in owned_lines(records):
        if number in owners:
            raise BuildError(f"line {number} belongs to two records: {owners[number]} and {owner}")
        owners[number] = owner


def _published(folder: Path, curated: Table, problems: Problems) -> tuple[list[dict[str, Any]], list[EditionRecords]]:
    """The index entries and the records of the revisions published before the current one (oldest
    first), each checked against its file."""
    where = f"{folder.name}/{CURATED_FILE}"
    found = []
    decoded: dict[int, EditionRecords] = {}
    listed: set[str] = set()
    for entry in entries(curated, "published"):
        with problems.entry(where, line_of(entry), f"[[published]] revision {entry.get('revision')!r}"):
            revision, date, sha256 = entry.get("revision"), entry.get("date"), entry.get("sha256")
            if (
                isinstance(revision, bool)
                or not isinstance(revision, int)
                or not 1 <= revision <= curated.get("revision", 0)
            ):
                raise BuildError(f"revision must be the current revision {curated.get('revision')!r} or an earlier one")
            if not isinstance(date, datetime.date) or not isinstance(sha256, str):
                raise BuildError("a published revision gives its date and sha256")
            if revision == curated.get("revision"):
                continue  # the current revision, published: checked against the fresh build (_check_frozen)
            name = archive_name(revision)
            listed.add(name)
            try:
                raw = gzip.decompress((folder / name).read_bytes())
            except (OSError, EOFError) as error:
                raise BuildError(f"cannot read {folder.name}/{name}: {error}") from None
            actual = hashlib.sha256(raw).hexdigest()
            if actual != sha256:
                raise BuildError(
                    f"{folder.name}/{name} has sha256 {actual}, not {sha256}: a published revision never changes"
                )
            layout = json.loads(raw)["format"]
            decoded[revision] = _records_of(raw, sha256, date)
            found.append(
                {"revision": revision, "date": date.isoformat(), "format": layout, "sha256": sha256, "file": name}
            )
    for path in folder.iterdir():
        if _ARCHIVE.match(path.name) and path.name not in listed:
            problems.add(
                where, 0, f"{path.name} keeps a published revision: list it in [[published]] with its date and sha256"
            )
    return sorted(found, key=lambda item: item["revision"]), [decoded[key] for key in sorted(decoded)]


_RELEASE = re.compile(r"^## \[(?P<version>[^\]]+)\]", re.MULTILINE)
_REVISION_LOG = re.compile(r"^#### (?P<edition>\S+) revision (?P<revision>[0-9]+)\b", re.MULTILINE)


def released_revisions(changelog: Path) -> dict[tuple[str, int], str]:
    """The revisions a release of *changelog* ships (its ``#### <edition> revision N`` reading logs
    under a ``## [x.y.z]`` section, not ``[Unreleased]``), each with that release's version."""
    try:
        text = changelog.read_text(encoding="utf-8")
    except OSError:
        return {}
    found: dict[tuple[str, int], str] = {}
    sections = list(_RELEASE.finditer(text))
    for number, section in enumerate(sections):
        if section["version"].lower() == "unreleased":
            continue
        end = sections[number + 1].start() if number + 1 < len(sections) else len(text)
        for log in _REVISION_LOG.finditer(text, section.end(), end):
            found.setdefault((log["edition"], int(log["revision"])), section["version"])
    return found


def _check_frozen(
    folder: Path,
    curated: Table,
    records: EditionRecords,
    encoded: bytes,
    released: dict[tuple[str, int], str],
    problems: Problems,
) -> None:
    """A released revision is listed in ``[[published]]``; a listed current revision is what the build writes."""
    where = f"{folder.name}/{CURATED_FILE}"
    listed = {e.get("revision"): e for e in entries(curated, "published") if isinstance(e.get("revision"), int)}
    for (edition, revision), version in sorted(released.items()):
        if edition == folder.name and revision not in listed and revision <= records.revision:
            problems.add(
                where,
                _published_line(curated),
                f"revision {revision} was released in {version} (CHANGELOG.md): list it in [[published]] with "
                "its date and sha256, which freeze it; a change of reading is then a new revision",
            )
    entry = listed.get(records.revision)
    if entry is None:
        return
    sha256 = hashlib.sha256(encoded).hexdigest()
    if sha256 == entry.get("sha256"):
        return
    changed = _changed_records(folder, entry, records)
    problems.add(
        where,
        line_of(entry),
        f"revision {records.revision} of {folder.name} is published (sha256 {entry.get('sha256')}): this build would "
        f"change its bytes (sha256 {sha256}){changed}. A published revision never changes: undo the input change "
        f"(curated file, partners.toml, source text or code), or make it revision {records.revision + 1}",
        f"[[published]] revision {records.revision}",
    )


def _published_line(curated: Table) -> int:
    """The line of the ``[[published]]`` entries (0 when there is none)."""
    lines = [line_of(entry) for entry in entries(curated, "published")]
    return min(lines, default=0)


def _changed_records(folder: Path, entry: Table, records: EditionRecords) -> str:
    """Which records differ from the published revision's file (dataset.json or its archive), as a phrase."""
    candidates = [folder / archive_name(records.revision), folder / DATASET_FILE]
    for path in candidates:
        try:
            raw = path.read_bytes()
            raw = gzip.decompress(raw) if path.suffix == ".gz" else raw
        except OSError:
            continue
        if hashlib.sha256(raw).hexdigest() != entry.get("sha256"):
            continue
        published = _records_of(raw, entry["sha256"], entry["date"])
        changes = []
        for table in RECORD_TABLES:
            old = {r.id: r for r in getattr(published, table)}
            new = {r.id: r for r in getattr(records, table)}
            differ = sorted(i for i in old.keys() | new.keys() if old.get(i) != new.get(i))
            if differ:
                shown = ", ".join(differ[:8]) + (f" and {len(differ) - 8} more" if len(differ) > 8 else "")
                changes.append(f"{table} {shown}")
        header = [f for f in ("revision_date", "as_of", "source") if getattr(published, f) != getattr(records, f)]
        if header:
            changes.append(", ".join(header))
        return ": records that would change: " + "; ".join(changes) if changes else " (the same records, other bytes)"
    return f" (its file {DATASET_FILE} is not the published one any more either: restore it from the release)"


def _records_of(raw: bytes, sha256: str, date: datetime.date) -> EditionRecords:
    """The records of a published dataset file, read as the package reads it (an old layout upgraded)."""
    from rqds_portraits._loading.members import verified
    from rqds_portraits._queries.context import Queries

    return Queries(verified(raw, sha256, {"revision_date": date.isoformat()})).records()


def build_outputs(data_dir: Path, curation_dir: Path | None = None, changelog: Path | None = None) -> dict[Path, bytes]:
    """Every file the build writes under *data_dir*, with its bytes (nothing is written), from the
    curated files and the registry under *curation_dir* (*data_dir* itself when ``None``); the
    revisions released in *changelog* (default: ``CHANGELOG.md`` beside *curation_dir*) are frozen.

    Raises :class:`~rqds_build.problems.BuildFailed` with every problem found.
    """
    curation = data_dir if curation_dir is None else curation_dir
    released = released_revisions(changelog or curation.parent / "CHANGELOG.md")
    problems = Problems()
    registry_file = curation / REGISTRY_FILE
    registry = read_registry(registry_file, problems) if registry_file.is_file() else ()
    outputs: dict[Path, bytes] = {}
    index = []
    folders = editions_in(curation)
    if not folders:
        problems.add(str(curation), 0, f"no edition folder (with {CURATED_FILE}) in {curation}")
    for folder in folders:
        data_folder = data_dir / folder.name
        try:
            curated = read_toml(folder / CURATED_FILE)
        except BuildError:
            curated = {}  # build_edition names the problem
        earlier, published = _published(data_folder, curated, problems)
        retired = retirements(curated, f"{folder.name}/{CURATED_FILE}", problems)
        records = build_edition(folder, data_folder, registry, problems, published, retired)
        if records is None:
            continue
        encoded = dumps(to_data(records))
        validate(encoded)
        _check_frozen(data_folder, curated, records, encoded, released, problems)
        outputs[data_folder / DATASET_FILE] = encoded
        entries = ledger([*published, records], retired)
        for item in retired:
            done = next((e["retired"] for e in entries.get(item.table, []) if e["id"] == item.id), None)
            if done is None or done["revision"] != item.revision:
                problems.add(
                    f"{folder.name}/{CURATED_FILE}",
                    item.line,
                    f"[[retired]] {item.id!r}: revision {item.revision} does not drop that {item.table} id",
                )
        ids = dumps(entries)
        outputs[data_folder / LEDGER_FILE] = ids
        current = {
            "revision": records.revision,
            "date": records.revision_date.isoformat() if records.revision_date else None,
            "format": LAYOUT,
            "sha256": hashlib.sha256(encoded).hexdigest(),
            "file": DATASET_FILE,
        }
        index.append(
            {
                "edition": folder.name,
                "source_sha256": records.source.sha256,
                "ids": {"file": LEDGER_FILE, "sha256": hashlib.sha256(ids).hexdigest()},
                "revisions": [*earlier, current],
            }
        )
    problems.raise_if_any()
    outputs[data_dir / INDEX_FILE] = dumps({"format": LAYOUT, "editions": index})
    outputs[data_dir / SCHEMA_FILE] = dumps(json_schema())
    anchor = data_dir.parent / ANCHOR_FILE
    if anchor.parent.is_dir():  # the data folder of a package (not a scratch folder): anchor its index
        outputs[anchor] = anchor_module(outputs[data_dir / INDEX_FILE])
        # and write the records' methods ahead of time, so that reading data imports no attrs (rqds_build/ahead.py)
        outputs.update({data_dir.parent.joinpath(*path): source for path, source in methods_modules().items()})
    return outputs


def anchor_module(index: bytes) -> bytes:
    """The Python module that records the SHA-256 of the edition index *index* in the package's code.

    Loading refuses an index whose hash differs (a tampered install): whoever can change
    ``editions.json`` and the hashes it lists must also change code the package imports.
    """
    return (
        '"""The SHA-256 of the edition index ``data/editions.json``: written by ``python -m rqds_build``, checked\n'
        "by ``python -m rqds_build --check``. Never edit it by hand: rebuild.\n\n"
        "Loading refuses an index whose hash differs, with a DatasetIntegrityError (the install was altered).\n"
        '"""\n\n'
        f'EDITIONS_SHA256 = "{hashlib.sha256(index).hexdigest()}"\n'
    ).encode()


def archive(data_dir: Path, curation_dir: Path | None = None) -> list[Path]:
    """Keep the dataset file of each edition whose curated revision went up, as ``dataset.r<N>.json.gz``.

    Returns the files written; each must then be listed in the curated file's
    ``[[published]]`` (its date and SHA-256), which the build checks.
    """
    written = []
    for folder in editions_in(data_dir if curation_dir is None else curation_dir):
        current = data_dir / folder.name / DATASET_FILE
        if not current.is_file():
            continue
        raw = current.read_bytes()
        try:
            old = json.loads(raw)["revision"]
            new = read_toml(folder / CURATED_FILE).get("revision")
        except (ValueError, KeyError, TypeError):
            continue
        target = current.parent / archive_name(old)
        if isinstance(new, int) and isinstance(old, int) and old < new and not target.exists():
            target.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
            written.append(target)
    return written


def write(data_dir: Path, curation_dir: Path | None = None) -> list[Path]:
    """Archive replaced revisions, then build and write every output under *data_dir*; returns the files written."""
    archived = archive(data_dir, curation_dir)
    outputs = build_outputs(data_dir, curation_dir)
    for path, content in outputs.items():
        path.parent.mkdir(exist_ok=True)  # _records/methods/ in a checkout that predates it
        path.write_bytes(content)
    return [*archived, *outputs]


def check(data_dir: Path, curation_dir: Path | None = None) -> list[Path]:
    """The outputs under *data_dir* that a fresh build would change (empty when reproducible)."""
    outputs = build_outputs(data_dir, curation_dir)
    return [path for path, content in outputs.items() if not path.is_file() or path.read_bytes() != content]
