"""The layers of the package point one way (issue 16): no import cycle, no import of a higher layer.

Every ``import`` of ``src/rqds_portraits`` counts, function-level ones included
(only those under ``if TYPE_CHECKING:``, which never run, are annotations). Each
module belongs to one layer, by its name; a module may import its own layer or
a lower one. docs/architecture.md draws the same picture.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import rqds_portraits as rp

ROOT = Path(rp.__file__).resolve().parent
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "base",
        (
            "_version",
            "_errors",
            "_text",
            "_arguments",
            "_regions",
            "_money",
            "_once",
            "_io",
            "_lean",
            "_moved",
            "_collector",
        ),
    ),
    ("records", ("_records",)),
    ("loading", ("_loading",)),
    ("queries and views", ("_queries", "_deprecated", "_render", "_citation", "_rows", "_tables", "_frames")),
    ("dataset", ("_dataset",)),
    ("entry points", ("_load",)),
    ("users of the API", ("_changes", "exports", "_cli", "__main__")),
    ("the API", ("__init__",)),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def layer(module: str) -> int:
    top = module.split(".")[0]
    for number, (_, prefixes) in enumerate(LAYERS):
        if top in prefixes:
            return number
    raise AssertionError(f"{module} belongs to no layer: add it to LAYERS (and to docs/architecture.md)")


def imports(path: Path) -> set[str]:
    """The package's modules that *path* imports, at any level, outside ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}: a relative import; the package imports by full name"
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            if name.startswith("rqds_portraits."):
                relative = name.removeprefix("rqds_portraits.")
                if (ROOT / relative.replace(".", "/")).with_suffix(".py").is_file() or (
                    ROOT / relative.replace(".", "/")
                ).is_dir():
                    found.add(relative)
    return found


GRAPH = {module_name(path): imports(path) for path in sorted(ROOT.rglob("*.py"))}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_module_imports_a_higher_layer(module: str) -> None:
    upward = sorted(target for target in GRAPH[module] if layer(target) > layer(module))
    assert upward == [], f"{module} ({LAYERS[layer(module)][0]}) imports a higher layer: {upward}"


def test_the_import_graph_has_no_cycle() -> None:
    done: set[str] = set()

    def walk(module: str, path: list[str]) -> None:
        if module in path:
            raise AssertionError("import cycle: " + " -> ".join([*path[path.index(module) :], module]))
        if module in done:
            return
        for target in sorted(GRAPH.get(module, ())):
            walk(target, [*path, module])
        done.add(module)

    for module in sorted(GRAPH):
        walk(module, [])


def test_the_layers_check_can_fail() -> None:
    # The walk sees a function-level import, and names an upward one.
    assert "_dataset" in GRAPH["_load"] and layer("_cli") > layer("_dataset")
    assert any(
        "rqds_portraits._records.periods" in line
        for line in (ROOT / "_queries" / "ententes.py").read_text().splitlines()
        if line.startswith("    ")
    )


def test_the_wheel_carries_no_build_code() -> None:
    assert not (ROOT / "build").exists() and not list(ROOT.rglob("*.toml")), (
        "the build and its inputs live in rqds_build/ and curation/"
    )


def test_no_public_looking_module() -> None:
    public = sorted(module for module in GRAPH if not any(part.startswith("_") for part in module.split(".")))
    assert public == ["exports"], public
