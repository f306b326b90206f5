"""rqds-portraits: the RQDS « Tour du Québec » as typed, versioned, provenance-linked data.

    >>> import rqds_portraits as rp
    >>> ds = rp.load("2014-2015")
    >>> ds.edition, len(ds.territories)
    ('2014-2015', 16)
    >>> ds.territory("laval").region_number
    '13'

Importing the package reads no data and imports no record library: the names
below are imported on first use, and the first :func:`load` reads the data, once.
"""

from __future__ import annotations

from ._version import __version__
from .errors import (
    AmbiguousPartner,
    AmbiguousTerritory,
    BuildError,
    DatasetIntegrityError,
    DatasetVersionError,
    EditionNotFound,
    ExportError,
    InitiativeNotFound,
    InvalidArgument,
    InvalidPeriod,
    MissingDependency,
    NotFound,
    PartnerNotFound,
    RecordNotFound,
    RqdsError,
    TerritoryNotFound,
)

__all__ = [
    "AmbiguousPartner",
    "AmbiguousTerritory",
    "Amount",
    "BuildError",
    "Change",
    "Dataset",
    "DatasetIntegrityError",
    "DatasetVersionError",
    "EditionNotFound",
    "EditionRecords",
    "Element",
    "Entente",
    "Exclusion",
    "ExportError",
    "FieldChange",
    "FooterLine",
    "FundingTotal",
    "Initiative",
    "InitiativeNotFound",
    "Introduction",
    "InvalidArgument",
    "InvalidPeriod",
    "Mention",
    "MissingDependency",
    "NotFound",
    "PartialDate",
    "Partner",
    "PartnerMention",
    "PartnerNotFound",
    "Period",
    "RecordNotFound",
    "Rename",
    "Revision",
    "RqdsError",
    "Section",
    "Source",
    "SourceNote",
    "Territory",
    "TerritoryNotFound",
    "Website",
    "WrittenDate",
    "WrittenPeriod",
    "__version__",
    "clear_cache",
    "diff",
    "editions",
    "load",
    "load_file",
    "revisions",
]

# Where each public name lives, imported on first use: `import rqds_portraits`
# alone stays as cheap as the error classes (see benchmarks/cold_start.py).
_LAZY = {
    "Amount": "annotations",
    "Mention": "annotations",
    "SourceNote": "annotations",
    "WrittenDate": "annotations",
    "WrittenPeriod": "annotations",
    "Entente": "agreements",
    "Change": "changes",
    "FieldChange": "changes",
    "diff": "changes",
    "Dataset": "dataset",
    "FooterLine": "document",
    "Introduction": "document",
    "Source": "document",
    "Exclusion": "funding",
    "FundingTotal": "funding",
    "Revision": "index",
    "clear_cache": "loading",
    "editions": "loading",
    "load": "loading",
    "load_file": "loading",
    "revisions": "loading",
    "Element": "models",
    "Initiative": "models",
    "Section": "models",
    "Territory": "models",
    "Website": "models",
    "PartialDate": "periods",
    "Period": "periods",
    "EditionRecords": "records",
    "Partner": "registry",
    "PartnerMention": "registry",
    "Rename": "registry",
}

# Not `from typing import TYPE_CHECKING`: importing typing alone costs more than the rest of
# this package's import (mypy treats any constant of this name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from . import exports as exports
    from .agreements import Entente
    from .annotations import Amount, Mention, SourceNote, WrittenDate, WrittenPeriod
    from .changes import Change, FieldChange, diff
    from .dataset import Dataset
    from .document import FooterLine, Introduction, Source
    from .funding import Exclusion, FundingTotal
    from .index import Revision
    from .loading import clear_cache, editions, load, load_file, revisions
    from .models import Element, Initiative, Section, Territory, Website
    from .periods import PartialDate, Period
    from .records import EditionRecords
    from .registry import Partner, PartnerMention, Rename


def __getattr__(name: str) -> Any:
    import importlib

    if name == "exports":  # the subpackage, on first use: rp.exports.export(ds, "csv", "out")
        return importlib.import_module(".exports", __name__)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rqds_portraits' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
