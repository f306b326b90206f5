"""Every example in the README and in the docstrings runs, so a changed API breaks the build."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import rqds_build
import rqds_portraits

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(
    name
    for package in (rqds_portraits, rqds_build)  # the package, and the build beside it in the checkout
    for _, name, _ in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")
    if name not in {"rqds_portraits.__main__", "rqds_build.__main__"}
)
OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=OPTIONS)
    assert result.failed == 0


def test_readme_examples() -> None:
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, optionflags=OPTIONS)
    assert result.failed == 0 and result.attempted >= 8
