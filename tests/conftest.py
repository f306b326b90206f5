"""Shared fixtures: the bundled dataset, its source text, and the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

import rqds_portraits as rp

DATA = Path(rp.__file__).resolve().parent / "data"
EDITION = "2014-2015"


@pytest.fixture(scope="session")
def ds() -> rp.Dataset:
    return rp.load(EDITION)


@pytest.fixture(scope="session")
def source_lines() -> list[str]:
    return (DATA / EDITION / "source.txt").read_text(encoding="utf-8").split("\n")
