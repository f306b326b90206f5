"""rqds-portraits: the RQDS « Tour du Québec » as typed, versioned, provenance-linked data.

    >>> import rqds_portraits as rp
    >>> ds = rp.load("2014-2015")
    >>> ds.edition, len(ds.territories)
    ('2014-2015', 16)
    >>> ds.territory("laval").region_number
    '13'

The API is what :data:`__all__` names, all importable from here, and the
:mod:`rqds_portraits.exports` subpackage; every other module is internal (its
name starts with ``_``). Importing the package reads no data and imports no
record library: the names below are imported on first use, and the first
:func:`load` reads the data, once.
"""

from __future__ import annotations

from rqds_portraits._errors import (
    AmbiguousId,
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
from rqds_portraits._version import __version__

__all__ = [
    "ENTENTE_KINDS",
    "GRANTED",
    "MODES",
    "PARTY_ROLES",
    "RECORD_TABLES",
    "ROLES",
    "STATUSES",
    "AmbiguousId",
    "AmbiguousPartner",
    "AmbiguousTerritory",
    "Amount",
    "BuildError",
    "Change",
    "ChangeKind",
    "Changes",
    "Counted",
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
    "LeftOut",
    "Mention",
    "MissingDependency",
    "NotFound",
    "PartialDate",
    "Partner",
    "PartnerMention",
    "PartnerNotFound",
    "Period",
    "RecordNotFound",
    "Records",
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
    "exports",
    "load",
    "load_file",
    "revisions",
]

# Where each public name lives, imported on first use: `import rqds_portraits`
# alone stays as cheap as the error classes (see benchmarks/cold_start.py).
_LAZY = {
    "Amount": "_records.annotations",
    "Mention": "_records.annotations",
    "SourceNote": "_records.annotations",
    "WrittenDate": "_records.annotations",
    "WrittenPeriod": "_records.annotations",
    "PARTY_ROLES": "_records.annotations",
    "ROLES": "_records.annotations",
    "FooterLine": "_records.document",
    "Introduction": "_records.document",
    "Source": "_records.document",
    "EditionRecords": "_records.edition",
    "RECORD_TABLES": "_records.edition",
    "ENTENTE_KINDS": "_records.ententes",
    "Entente": "_records.ententes",
    "GRANTED": "_records.ententes",
    "STATUSES": "_records.ententes",
    "Partner": "_records.partners",
    "Rename": "_records.partners",
    "MODES": "_records.periods",
    "PartialDate": "_records.periods",
    "Period": "_records.periods",
    "Element": "_records.portraits",
    "Initiative": "_records.portraits",
    "Section": "_records.portraits",
    "Territory": "_records.portraits",
    "Website": "_records.portraits",
    "Revision": "_loading.index",
    "Records": "_queries.collection",
    "Counted": "_queries.funding",
    "Exclusion": "_queries.funding",
    "LeftOut": "_queries.ententes",
    "FundingTotal": "_queries.funding",
    "PartnerMention": "_queries.partners",
    "Dataset": "_dataset",
    "clear_cache": "_load",
    "editions": "_load",
    "load": "_load",
    "load_file": "_load",
    "revisions": "_load",
    "Change": "_changes",
    "ChangeKind": "_changes",
    "Changes": "_changes",
    "FieldChange": "_changes",
    "diff": "_changes",
}

# Not `from typing import TYPE_CHECKING`: importing typing alone costs more than the rest of
# this package's import (mypy treats any constant of this name the same way).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from rqds_portraits import exports as exports
    from rqds_portraits._changes import Change, ChangeKind, Changes, FieldChange, diff
    from rqds_portraits._dataset import Dataset
    from rqds_portraits._load import clear_cache, editions, load, load_file, revisions
    from rqds_portraits._loading.index import Revision
    from rqds_portraits._queries.collection import Records
    from rqds_portraits._queries.ententes import LeftOut
    from rqds_portraits._queries.funding import Counted, Exclusion, FundingTotal
    from rqds_portraits._queries.partners import PartnerMention
    from rqds_portraits._records.annotations import (
        PARTY_ROLES,
        ROLES,
        Amount,
        Mention,
        SourceNote,
        WrittenDate,
        WrittenPeriod,
    )
    from rqds_portraits._records.document import FooterLine, Introduction, Source
    from rqds_portraits._records.edition import RECORD_TABLES, EditionRecords
    from rqds_portraits._records.ententes import ENTENTE_KINDS, GRANTED, STATUSES, Entente
    from rqds_portraits._records.partners import Partner, Rename
    from rqds_portraits._records.periods import MODES, PartialDate, Period
    from rqds_portraits._records.portraits import Element, Initiative, Section, Territory, Website


class _MovedFinder:
    """Asked, as the last finder, for a module of this package that no file holds: the module paths of
    0.2.0 (``rqds_portraits.agreements``, …) still import, with a warning (``_moved.py``, read only then)."""

    @staticmethod
    def find_spec(fullname: str, path: object = None, target: object = None) -> Any:
        if not fullname.startswith("rqds_portraits."):
            return None
        from rqds_portraits._moved import spec

        return spec(fullname)


import sys  # noqa: E402  # imported by the interpreter already: free

if not any(getattr(finder, "__name__", "") == "_MovedFinder" for finder in sys.meta_path):
    sys.meta_path.append(_MovedFinder)


def __getattr__(name: str) -> Any:
    # __import__, not importlib.import_module: importing importlib costs a first lookup too (issue 20)
    if name == "exports":  # the subpackage, on first use: rp.exports.export(ds, "csv", "out")
        __import__("rqds_portraits.exports")
        return sys.modules["rqds_portraits.exports"]
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rqds_portraits' has no attribute {name!r}")
    __import__(f"rqds_portraits.{module}")
    value = getattr(sys.modules[f"rqds_portraits.{module}"], name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
