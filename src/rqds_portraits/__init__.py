"""rqds-portraits: the RQDS « Tour du Québec » as typed, versioned, provenance-linked data.

    >>> import rqds_portraits as rp
    >>> ds = rp.load()                      # the latest bundled edition
    >>> ds.edition, len(ds.territories)
    ('2014-2015', 16)
    >>> ds.territory("laval").region_number
    '13'

Importing the package reads no data: the first :func:`load` does, once.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .dataset import Dataset
from .errors import (
    AmbiguousPartner,
    AmbiguousTerritory,
    BuildError,
    DatasetIntegrityError,
    DatasetVersionError,
    EditionNotFound,
    InitiativeNotFound,
    InvalidArgument,
    InvalidPeriod,
    MissingDependency,
    NotFound,
    PartnerNotFound,
    RqdsError,
    TerritoryNotFound,
)
from .loading import clear_cache, editions, load, load_file
from .models import Element, Initiative, Section, Territory, Website

__all__ = [
    "AmbiguousPartner",
    "AmbiguousTerritory",
    "Amount",
    "BuildError",
    "Dataset",
    "DatasetIntegrityError",
    "DatasetVersionError",
    "EditionNotFound",
    "EditionRecords",
    "Element",
    "Entente",
    "FooterLine",
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
    "PartnerNotFound",
    "Period",
    "Rename",
    "RqdsError",
    "Section",
    "Source",
    "Territory",
    "TerritoryNotFound",
    "Website",
    "WrittenPeriod",
    "__version__",
    "clear_cache",
    "editions",
    "load",
    "load_file",
]

# Records a script may never touch are imported on first use, which keeps
# `import rqds_portraits` and the first load() fast (see benchmarks/).
_LAZY = {
    "Amount": "annotations",
    "Mention": "annotations",
    "PartialDate": "periods",
    "Period": "periods",
    "WrittenPeriod": "annotations",
    "EditionRecords": "records",
    "Entente": "agreements",
    "FooterLine": "document",
    "Introduction": "document",
    "Partner": "registry",
    "Rename": "registry",
    "Source": "document",
}

if TYPE_CHECKING:
    from . import exports as exports
    from .agreements import Entente
    from .annotations import Amount, Mention, WrittenPeriod
    from .document import FooterLine, Introduction, Source
    from .periods import PartialDate, Period
    from .records import EditionRecords
    from .registry import Partner, Rename


def __getattr__(name: str) -> Any:
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
