"""The module paths of rqds-portraits 0.2.0, kept importable for one minor release, with a warning.

0.3.0 made every module but the package itself and :mod:`rqds_portraits.exports`
internal (a leading ``_``). Code that imports an old path
(``from rqds_portraits.agreements import GRANTED``) still works in 0.3.x and
gets a :class:`DeprecationWarning` naming the public name to use instead; the
old paths stop importing in 0.4.0. A name renamed in 0.3.0 is found under its
old name too (``agreements.KINDS`` is :data:`rqds_portraits.ENTENTE_KINDS`).
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: this module is imported with the package, which imports no typing
if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec
    from types import ModuleType
    from typing import Any

__all__ = ["MOVED", "RENAMED", "spec"]

MOVED = {
    "agreements": "_records.ententes",
    "annotations": "_records.annotations",
    "arguments": "_arguments",
    "changes": "_changes",
    "citation": "_citation",
    "cli": "_cli",
    "codec": "_loading.codec",
    "dataset": "_dataset",
    "document": "_records.document",
    "errors": "_errors",
    "funding": "_queries.funding",
    "index": "_loading.index",
    "integrity": "_loading.integrity",
    "loading": "_load",
    "models": "_records.portraits",
    "money": "_money",
    "periods": "_records.periods",
    "records": "_records.edition",
    "regions": "_regions",
    "registry": "_records.partners",
    "render": "_render",
    "schema": "_loading.schema",
    "text": "_text",
    "upgrade": "_loading.upgrade",
    "exports.csvfiles": "exports._csv",
    "exports.datapackage": "exports._datapackage",
    "exports.dataframe": "exports._dataframe",
    "exports.files": "exports._files",
    "exports.sqlitedb": "exports._sqlite",
    "exports.tables": "_tables",
}
"""Each 0.2.0 module (under ``rqds_portraits.``) and the internal module that holds its names now."""

RENAMED = {
    ("agreements", "KINDS"): ("_records.ententes", "ENTENTE_KINDS"),
    ("funding", "PARTY_ROLES"): ("_records.annotations", "PARTY_ROLES"),
    ("records", "FORMAT"): ("_loading.upgrade", "LAYOUT"),
    ("upgrade", "FORMAT"): ("_loading.upgrade", "LAYOUT"),
    ("registry", "PartnerMention"): ("_queries.partners", "PartnerMention"),
    ("registry", "PartnerIndex"): ("_queries.partners", "PartnerLookup"),
    ("changes", "TABLES"): ("_changes", "COMPARED"),
    ("dataset", "EntenteTuple"): ("_deprecated", "EntenteCall"),
    ("loading", "LazyObject"): ("_loading.members", "LazyObject"),
    ("loading", "MAX_FILE_BYTES"): ("_loading.files", "MAX_FILE_BYTES"),
    ("loading", "read_bundled"): ("_loading.files", "read_bundled"),
}
"""Names that 0.3.0 renamed or moved to another module: (old module, old name) → (module, name)."""


class _Alias:
    """Loads an old path as a module whose names are those of the module that holds them now."""

    def __init__(self, old: str) -> None:
        self.old = old

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return None  # a plain new module

    def exec_module(self, module: ModuleType) -> None:
        import importlib
        import warnings

        old = self.old
        current = importlib.import_module(f"rqds_portraits.{MOVED[old]}")
        warnings.warn(
            f"rqds_portraits.{old} is internal since rqds-portraits 0.3.0 and stops importing in 0.4.0: "
            "import the public names from rqds_portraits (see rqds_portraits.__all__) or rqds_portraits.exports",
            DeprecationWarning,
            stacklevel=2,
        )

        def attribute(name: str) -> Any:
            module_name, new_name = RENAMED.get((old, name), (MOVED[old], name))
            try:
                return getattr(importlib.import_module(f"rqds_portraits.{module_name}"), new_name)
            except AttributeError:
                raise AttributeError(f"module 'rqds_portraits.{old}' has no attribute {name!r}") from None

        module.__getattr__ = attribute  # type: ignore[method-assign]
        module.__doc__ = current.__doc__


def spec(fullname: str) -> ModuleSpec | None:
    """The spec that loads the 0.2.0 module *fullname* (``None`` for a name that never was a module)."""
    old = fullname.removeprefix("rqds_portraits.")
    if old not in MOVED:
        return None
    from importlib.machinery import ModuleSpec

    return ModuleSpec(fullname, _Alias(old))  # type: ignore[arg-type]  # a loader by its two methods
