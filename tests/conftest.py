"""Shared fixtures: the bundled 2014-2015 dataset, its source text, the data folder, a later edition.

Tests name the edition they mean (``rp.load("2014-2015")``): the suite passes
unchanged when another edition is bundled. To prove it, set
``RQDS_TEST_LATER_EDITION=1``: every test then runs with a made-up later
edition bundled beside 2014-2015 (CI runs the suite both ways).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import rqds_portraits as rp
from rqds_portraits._loading import anchor, files
from rqds_portraits._loading.files import sha256_of

from .synthetic import CURATION, data_with_later_edition

# Hypothesis profiles: "ci" (the default, what `.ci/run` runs) and "deep", on demand:
#     HYPOTHESIS_PROFILE=deep python -m pytest tests/test_fuzz.py
# tests/test_fuzz.py scales its own example counts from the profile's max_examples.
settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

DATA = Path(rp.__file__).resolve().parent / "data"
__all__ = ["CURATION", "DATA", "EDITION", "serve_data_from"]
EDITION = "2014-2015"


def serve_data_from(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make the package read its bundled files from *folder* (and forget what it had read)."""

    def read(*parts: str) -> bytes:
        try:
            return folder.joinpath(*parts).read_bytes()
        except OSError:
            raise rp.DatasetIntegrityError(
                f"the bundled file data/{'/'.join(parts)} is missing: reinstall rqds-portraits"
            ) from None

    monkeypatch.setattr(files, "read_bundled", read)
    # The index of *folder* is anchored as the build anchors the package's (its hash, recorded in code).
    monkeypatch.setattr(anchor, "EDITIONS_SHA256", sha256_of((folder / "editions.json").read_bytes()))
    rp.clear_cache()


@pytest.fixture(scope="session", autouse=True)
def later_edition_everywhere(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    if not os.environ.get("RQDS_TEST_LATER_EDITION"):
        yield
        return
    folder = data_with_later_edition(DATA, tmp_path_factory.mktemp("bundled") / "data")
    patch = pytest.MonkeyPatch()
    serve_data_from(patch, folder)
    yield
    patch.undo()
    rp.clear_cache()


@pytest.fixture()
def later_edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A made-up edition 2095-2096 bundled after the real ones, for tests of "the latest edition"."""
    folder = data_with_later_edition(DATA, tmp_path / "data", first=2095)
    serve_data_from(monkeypatch, folder)
    yield "2095-2096"
    rp.clear_cache()


@pytest.fixture(scope="session")
def ds() -> rp.Dataset:
    return rp.load(EDITION)


@pytest.fixture(scope="session")
def source_lines() -> list[str]:
    return (DATA / EDITION / "source.txt").read_text(encoding="utf-8").split("\n")
