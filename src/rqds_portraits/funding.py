"""Funding totals: exact sums of the money the portraits write, saying what they count and leave out.

A total adds exact ``Decimal`` amounts of kind ``"funding"``, each once, from
agreements whose status is counted (:data:`~rqds_portraits.agreements.GRANTED`
by default): impacts, cuts, amounts of agreements not granted and shares of an
amount already counted are left out, each with its reason.

Money "of a partner" has two readings, both answered: the money of the
agreements the partner is a party to (its signatories, funders and managers by
default; ``roles=`` widens or narrows it), and the partner's own share of an
amount, when the text writes one (the MELS's "app. 1 600 000 $" of three
agreements' 3 740 000 $), listed in :attr:`FundingTotal.shares`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from .agreements import Entente, EntenteStatus
from .annotations import Amount, Role

__all__ = ["PARTY_ROLES", "Exclusion", "FundingTotal", "exclusion", "funding_total"]

PARTY_ROLES: tuple[Role, ...] = ("signatory", "funder", "manager")
"""The roles that make a body a party to an agreement: what ``total_funding(partner=…)`` counts by default."""

_CENT = Decimal("0.01")


@attrs.frozen
class Exclusion:
    """An amount a funding total left out, and why."""

    amount: Amount
    reason: str


@attrs.frozen
class FundingTotal:
    """A sum of money granted or committed, with what it counts and what it leaves out.

    ``total`` adds the ``amounts`` it counts (each once); ``approximate`` is
    true when one of them is written approximately or as a minimum, or when a
    yearly figure was rounded to the cent. ``excluded`` lists the amounts of the
    selection it did not add, each with its reason. ``statuses`` are the
    agreement statuses counted; ``roles`` the roles that made the partner asked
    for a party (``None`` when no partner was asked for); ``shares`` the amounts
    the text writes as that partner's own share, whose sum is ``shares_total``.
    """

    total: Decimal
    count: int
    approximate: bool
    yearly: bool
    amounts: tuple[Amount, ...] = attrs.field(repr=lambda amounts: f"<{len(amounts)} amounts>")
    excluded: tuple[Exclusion, ...] = attrs.field(repr=lambda excluded: f"<{len(excluded)} excluded>")
    statuses: tuple[EntenteStatus, ...] = ()
    roles: tuple[Role, ...] | None = None
    shares: tuple[Amount, ...] = attrs.field(default=(), repr=lambda shares: f"<{len(shares)} shares>")

    @property
    def shares_total(self) -> Decimal:
        """The sum of :attr:`shares`: the partner's own money, where the text writes it."""
        return sum((share.value for share in self.shares), Decimal(0))


def exclusion(amount: Amount, entente: Entente | None, statuses: Sequence[EntenteStatus]) -> str | None:
    """Why *amount* is not money granted under *statuses*, or ``None`` when it is; the first true reason."""
    if amount.kind == "impact":
        return "an impact (retombées), not money granted"
    if amount.kind == "cut":
        return "a cut (compressions), not money granted"
    if entente is not None and entente.status not in statuses:
        return f"its agreement {entente.id} is {entente.status.replace('_', ' ')}: not a status counted ({', '.join(statuses)})"
    return None


def funding_total(
    selection: Sequence[Amount],
    ententes: Mapping[str, Entente],
    *,
    statuses: Sequence[EntenteStatus],
    yearly: bool = False,
    excluded: Sequence[Exclusion] = (),
) -> FundingTotal:
    """The money among *selection*, each amount counted once.

    *ententes* maps an amount id to its agreement; *excluded* are amounts the
    selection already left out, with their reasons. With *yearly*, each amount
    counts for one year: divided by the years written after it ("/ 3 ans"),
    else by the years of its period.
    """
    counted: list[Amount] = []
    left_out = list(excluded)
    total = Decimal(0)
    approximate = False
    counted_ids: set[str] = set()
    # Whole amounts first, so a share of an amount already counted is seen as such.
    for amount in sorted(selection, key=lambda a: a.share_of is not None):
        reason = exclusion(amount, ententes.get(amount.id), statuses)
        if reason is None and amount.share_of is not None and amount.share_of in counted_ids:
            reason = f"a share of {amount.share_of}, which is counted"
        value = amount.value
        if reason is None and yearly:
            years = amount.per_years or (amount.period.years if amount.period is not None else None)
            if years is None:
                reason = "no duration or period written: no yearly figure"
            else:
                value = (amount.value / years).quantize(_CENT)
                approximate = approximate or value * years != amount.value
        if reason is not None:
            left_out.append(Exclusion(amount, reason))
            continue
        counted.append(amount)
        counted_ids.add(amount.id)
        total += value
        approximate = approximate or amount.qualifier != "exact"
    order = {a.id: i for i, a in enumerate(selection)} | {e.amount.id: len(selection) + i for i, e in enumerate(excluded)}
    return FundingTotal(
        total=total,
        count=len(counted),
        approximate=approximate,
        yearly=yearly,
        amounts=tuple(sorted(counted, key=lambda a: order[a.id])),
        excluded=tuple(sorted(left_out, key=lambda e: order[e.amount.id])),
        statuses=tuple(statuses),
    )
