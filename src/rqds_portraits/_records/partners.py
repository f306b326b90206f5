"""The partner registry's records: the organisations the portraits name, and their changes of name.

A partner has proper names (its name, acronyms, written variants, former names:
each names one body across Québec) and ``portrait_forms``, common nouns or
shared acronyms that name it only inside the portraits of its territories. How
a name finds a partner is the lookup's business (``_queries/partners.py``).
"""

from __future__ import annotations

import typing
from typing import Literal

from rqds_portraits._records.frozen import frozen

__all__ = ["PARTNER_KINDS", "PARTNER_SCOPES", "Partner", "PartnerKind", "PartnerScope", "Rename"]

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
PARTNER_KINDS: tuple[PartnerKind, ...] = typing.get_args(PartnerKind)
PARTNER_SCOPES: tuple[PartnerScope, ...] = typing.get_args(PartnerScope)


@frozen
class Rename:
    """A change of name of a partner (MAMROT became MAMOT in 2014)."""

    year: int
    old_name: str
    new_name: str
    old_acronym: str | None = None
    new_acronym: str | None = None


@frozen
class Partner:
    """An organisation of the partner registry, with every way the source writes it.

    ``acronyms`` and ``variants`` are proper names (each names this body across
    Québec); ``portrait_forms`` are common nouns or shared acronyms that name it
    only inside the portraits of its ``territories``. ``scope`` is ``"quebec"`` (Québec-wide), ``"canada"`` (federal),
    ``"regional"`` or ``"local"``; ``territories`` lists the territory ids a
    regional or local body serves. ``network_id`` is the network it belongs to
    (each regional CRÉ belongs to ``"cre"``). A ``collective`` stands for a group
    the text names generically ("Organismes communautaires", "8 MRC"), with its
    ``count`` when the text gives one.
    """

    id: str
    name: str
    acronyms: tuple[str, ...]
    variants: tuple[str, ...]
    portrait_forms: tuple[str, ...]
    kind: PartnerKind
    scope: PartnerScope
    territories: tuple[str, ...]
    network_id: str | None
    collective: bool
    count: int | None
    renames: tuple[Rename, ...]
    note: str | None
