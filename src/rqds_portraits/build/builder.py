"""Build every edition's dataset file from its source text and curated file.

For each folder ``data/<edition>/`` holding ``source.txt`` and ``curated.toml``
the build writes ``dataset.json``; it then writes the edition index
``data/editions.json`` (revision and SHA-256 of each dataset file) and the JSON
Schema ``data/dataset.schema.json``. The output depends only on those inputs, so
building twice gives the same bytes (:func:`check` proves it).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..codec import dumps, to_data
from ..document import Source
from ..errors import BuildError
from ..records import EditionRecords
from ..schema import json_schema, validate
from .annotate import find_amounts, find_periods, find_source_notes
from .curated import read_toml, required_str
from .ententes import find_ententes
from .extract import extract
from .mentions import find_mentions, mentioned_partners
from .partners import read_registry
from .source import footer_lines, introduction, source_fields

__all__ = ["FORMAT", "build_edition", "build_outputs", "check", "write"]

FORMAT = 1
"""The version of the dataset file's layout; bumped when a field changes meaning or type."""
SOURCE_FILE = "source.txt"
CURATED_FILE = "curated.toml"
DATASET_FILE = "dataset.json"
REGISTRY_FILE = "partners.toml"
INDEX_FILE = "editions.json"
SCHEMA_FILE = "dataset.schema.json"


def build_edition(folder: Path) -> EditionRecords:
    """The records of the edition in *folder*, read from its source text and curated file
    (and the partner registry ``partners.toml`` of the folder above, when there is one)."""
    raw = (folder / SOURCE_FILE).read_bytes()
    lines = raw.decode("utf-8").split("\n")
    curated = read_toml(folder / CURATED_FILE)
    edition = required_str(curated, "edition", "file")
    if edition != folder.name:
        raise BuildError(f"{folder / CURATED_FILE}: edition {edition!r} must be the folder's name {folder.name!r}")
    revision = curated.get("revision")
    if not isinstance(revision, int) or revision < 1:
        raise BuildError(f"{folder / CURATED_FILE}: revision must be a positive integer, got {revision!r}")

    structure = extract(lines, curated)
    periods = find_periods(structure.units)
    amounts = find_amounts(structure.units, periods, curated)
    registry_file = folder.parent / REGISTRY_FILE
    registry = read_registry(registry_file) if registry_file.is_file() else ()
    mentions = find_mentions(structure.units, registry, curated)
    footer = footer_lines(lines, structure.footer_start, curated)
    about = curated.get("source", {})
    source = Source(
        title=structure.title,
        title_lines=structure.title_lines,
        publisher=required_str(about, "publisher", "[source]"),
        publisher_acronym=required_str(about, "publisher_acronym", "[source]"),
        introduction=introduction(structure, curated),
        footer=footer,
        sha256=hashlib.sha256(raw).hexdigest(),
        line_count=len(lines),
        lines=(1, len(lines)),
        **source_fields(footer),  # type: ignore[arg-type]
    )
    return EditionRecords(
        format=FORMAT,
        edition=edition,
        revision=revision,
        source=source,
        territories=structure.territories,
        initiatives=structure.initiatives,
        periods=periods,
        amounts=amounts,
        mentions=mentions,
        partners=mentioned_partners(registry, mentions),
        ententes=find_ententes(structure.units, periods, amounts, mentions, curated),
        source_notes=find_source_notes(structure.units, curated),
    )


def build_outputs(data_dir: Path) -> dict[Path, bytes]:
    """Every file the build writes under *data_dir*, with its bytes (nothing is written)."""
    outputs: dict[Path, bytes] = {}
    index = []
    for folder in sorted(path for path in data_dir.iterdir() if (path / CURATED_FILE).is_file()):  # editions
        data = to_data(build_edition(folder))
        validate(data)
        encoded = dumps(data)
        outputs[folder / DATASET_FILE] = encoded
        index.append({
            "edition": folder.name,
            "revision": data["revision"],
            "sha256": hashlib.sha256(encoded).hexdigest(),
            "source_sha256": data["source"]["sha256"],
        })
    if not index:
        raise BuildError(f"no edition folder (with {CURATED_FILE}) in {data_dir}")
    outputs[data_dir / INDEX_FILE] = dumps({"format": FORMAT, "editions": index})
    outputs[data_dir / SCHEMA_FILE] = dumps(json_schema())
    return outputs


def write(data_dir: Path) -> list[Path]:
    """Build and write every output under *data_dir*; returns the files written."""
    outputs = build_outputs(data_dir)
    for path, content in outputs.items():
        path.write_bytes(content)
    return list(outputs)


def check(data_dir: Path) -> list[Path]:
    """The outputs under *data_dir* that a fresh build would change (empty when reproducible)."""
    return [path for path, content in build_outputs(data_dir).items() if not path.is_file() or path.read_bytes() != content]
