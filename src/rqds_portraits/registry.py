"""The partner registry: the organisations the portraits name, with every way they are written."""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["Partner", "PartnerKind", "PartnerScope", "Rename"]

PartnerKind = Literal[
    "quebec_government",
    "health_agency",
    "health_centre",
    "regional_conference",
    "municipal",
    "education",
    "community",
    "foundation",
    "youth_forum",
    "employment_development",
    "federal",
    "concertation",
    "private",
    "other",
]
PartnerScope = Literal["quebec", "canada", "regional", "local"]


@attrs.frozen
class Rename:
    """A change of name of a partner (MAMROT became MAMOT in 2014)."""

    year: int
    old_name: str
    new_name: str
    old_acronym: str | None = None
    new_acronym: str | None = None


@attrs.frozen
class Partner:
    """An organisation of the partner registry, with every way the source writes it."""

    id: str
    name: str
    acronyms: tuple[str, ...]
    variants: tuple[str, ...]
    kind: PartnerKind
    scope: PartnerScope
    territories: tuple[str, ...]
    network_id: str | None
    collective: bool
    count: int | None
    renames: tuple[Rename, ...]
    note: str | None
