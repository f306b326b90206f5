"""Funding totals: exact sums of the money the portraits write, saying what they count and leave out.

A total adds exact ``Decimal`` amounts of kind ``"funding"``, each once, from
ententes whose status is counted (:data:`~rqds_portraits.GRANTED`
by default): impacts, cuts, amounts of ententes not granted and shares of an
amount already counted are left out, each with its reason.

Money "of a partner" has two readings, both answered: the money of the
ententes the partner is a party to (its signatories, funders and managers by
default, :data:`~rqds_portraits.PARTY_ROLES`; ``roles=`` widens or narrows it),
and the partner's own share of an amount, when the text writes one (the MELS's
"app. 1 600 000 $" of three ententes' 3 740 000 $), listed in
:attr:`FundingTotal.shares`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from decimal import Decimal
from types import MappingProxyType

import attrs

from rqds_portraits._records.annotations import Amount, Role
from rqds_portraits._records.ententes import Entente, EntenteStatus
from rqds_portraits._records.periods import Mode, Period, relates, unwritten

__all__ = ["Counted", "Exclusion", "FundingTotal", "Party", "entente_of", "exclusion", "funding_total", "total"]

_CENT = Decimal("0.01")


@attrs.frozen
class Exclusion:
    """An amount a funding total left out, and why."""

    amount: Amount
    reason: str


@attrs.frozen
class Counted:
    """An amount a funding total counted: the value it added (one year's worth with ``yearly``),
    its entente, and the roles the partner asked for holds there (``()`` when none was asked)."""

    amount: Amount
    value: Decimal
    entente_id: str | None
    roles: tuple[Role, ...] = ()


@attrs.frozen
class FundingTotal:
    """A sum of money granted or committed, with what it counts and what it leaves out.

    ``total`` adds the ``amounts`` it counts (each once); ``approximate`` is
    true when one of them is written approximately or as a minimum, or when a
    yearly figure was rounded to the cent. ``excluded`` lists the amounts of the
    selection it did not add, each with its reason. ``statuses`` are the
    entente statuses counted; ``roles`` the roles that made the partner asked
    for a party (``None`` when no partner was asked for); ``shares`` the amounts
    the text writes as that partner's own share, whose sum is ``shares_total``:
    they do not follow ``roles`` (a share written as the partner's is its money
    whatever partnership is counted). ``counted`` lists each amount counted with
    the value it added, its entente and the partner's roles there, so the total
    can be reconciled; ``why_zero`` says why a total is zero (no entente at
    all, ententes with no written amount, only ententes of statuses not counted),
    ``None`` when it is not.
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
    counted: tuple[Counted, ...] = attrs.field(default=(), repr=lambda counted: f"<{len(counted)} counted>")
    why_zero: str | None = None

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
        return f"its entente {entente.id} is {entente.status.replace('_', ' ')}: not a status counted ({', '.join(statuses)})"
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

    *ententes* maps an amount id to its entente; *excluded* are amounts the
    selection already left out, with their reasons. With *yearly*, each amount
    counts for one year: divided by the years written after it ("/ 3 ans"),
    else by the years of its period (none when a bound of it is not written).
    """
    counted: list[Amount] = []
    values: dict[str, Decimal] = {}
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
            if years is None and amount.period is not None:
                reason = f"{unwritten(amount.period)} ({amount.period}): no yearly figure"
            elif years is None:
                reason = "no duration or period written: no yearly figure"
            else:
                value = (amount.value / years).quantize(_CENT)
                approximate = approximate or value * years != amount.value
        if reason is not None:
            left_out.append(Exclusion(amount, reason))
            continue
        counted.append(amount)
        counted_ids.add(amount.id)
        values[amount.id] = value
        total += value
        approximate = approximate or amount.qualifier != "exact"
    order = {a.id: i for i, a in enumerate(selection)} | {
        e.amount.id: len(selection) + i for i, e in enumerate(excluded)
    }
    amounts = tuple(sorted(counted, key=lambda a: order[a.id]))
    return FundingTotal(
        total=total,
        count=len(counted),
        approximate=approximate,
        yearly=yearly,
        amounts=amounts,
        excluded=tuple(sorted(left_out, key=lambda e: order[e.amount.id])),
        statuses=tuple(statuses),
        counted=tuple(
            Counted(a, values[a.id], entente.id if (entente := ententes.get(a.id)) is not None else None)
            for a in amounts
        ),
    )


def entente_of(ententes: Iterable[Entente]) -> Mapping[str, Entente]:
    """The entente each amount belongs to, by amount id."""
    return MappingProxyType({amount_id: e for e in ententes for amount_id in e.amount_ids})


@attrs.frozen
class Party:
    """A partner asked for in a funding total: the ids of its mentions in the roles counted
    (``roles``), and its family (itself and its network's members), whose own shares are listed."""

    mention_ids: frozenset[str]
    family: frozenset[str]
    roles: tuple[Role, ...]
    held: tuple[tuple[str, tuple[Role, ...]], ...] = ()
    """Each of its mentions counted, with the roles it holds there."""
    name: str = "the partner"


def total(
    amounts: Iterable[Amount],
    ententes: Mapping[str, Entente],
    *,
    territory_id: str | None,
    period: Period | None,
    mode: Mode,
    statuses: Sequence[EntenteStatus],
    party: Party | None,
    yearly: bool,
    every_entente: Sequence[Entente] = (),
) -> FundingTotal:
    """The funding total of :meth:`rqds_portraits.Dataset.total_funding`, from checked arguments.

    The amounts of *territory_id* and *period* (compared by *mode* with each
    amount's period, else its entente's) are selected; those with no period to
    compare are left out with their reason, and so are those whose period has a
    bound not written that decides the comparison (``"its start is not written"``):
    a total never assumes an unwritten bound. *ententes* maps an amount id to its
    entente (:func:`entente_of`). With a
    *party*, only the amounts of ententes written with one of its mentions
    count, and the amounts the text writes as its family's own share are listed
    in ``shares``, whatever roles count: "money from" the partner. *every_entente* (all of
    them, with an amount or not) lets a zero total say why.
    """
    written: list[Amount] = []
    left_out: list[Exclusion] = []
    for amount in amounts:
        entente = ententes.get(amount.id)
        if territory_id is not None and amount.territory_id != territory_id:
            continue
        if period is not None:
            when = amount.period or (entente.period if entente is not None else None)
            if when is None:
                # The first true reason: a cut stays a cut when a period is asked for.
                reason = (
                    exclusion(amount, entente, statuses)
                    or "no period written: cannot tell whether it falls in the period asked"
                )
                left_out.append(Exclusion(amount, reason))
                continue
            related = relates(when, period, mode)
            if related is None:
                reason = exclusion(amount, entente, statuses) or (
                    f"{unwritten(when)} ({when}): cannot tell whether it falls in the period asked"
                )
                left_out.append(Exclusion(amount, reason))
                continue
            if not related:
                continue
        written.append(amount)
    if party is None:
        found = funding_total(written, ententes, statuses=statuses, yearly=yearly, excluded=left_out)
        return attrs.evolve(found, why_zero=_why_zero(found, every_entente, territory_id, period, mode, None, statuses))

    def of_party(amount: Amount) -> bool:
        entente = ententes.get(amount.id)
        return entente is not None and not party.mention_ids.isdisjoint(entente.mention_ids)

    selection = [a for a in written if of_party(a)]
    counted = funding_total(
        selection, ententes, statuses=statuses, yearly=yearly, excluded=[x for x in left_out if of_party(x.amount)]
    )
    # A share written as the partner's own is "money from" it whatever partnership is counted:
    # it is looked for in every amount of the territory and period, granted, not only in those selected.
    shares = tuple(
        a for a in written if a.partner_id in party.family and a.kind == "funding" and _granted(a, ententes, statuses)
    )
    held = dict(party.held)

    def roles_in(amount: Amount) -> tuple[Role, ...]:
        # The entente its Counted names, by the amount's id: found at once, not by a scan of every
        # entente for each amount counted (which grew with the square of the data).
        entente = ententes.get(amount.id)
        found = {role for m in (entente.mention_ids if entente else ()) for role in held.get(m, ())}
        return tuple(role for role in party.roles if role in found)

    return attrs.evolve(
        counted,
        roles=party.roles,
        shares=shares,
        counted=tuple(attrs.evolve(c, roles=roles_in(c.amount)) for c in counted.counted),
        why_zero=_why_zero(counted, every_entente, territory_id, period, mode, party, statuses),
    )


def _why_zero(
    found: FundingTotal,
    every_entente: Sequence[Entente],
    territory_id: str | None,
    period: Period | None,
    mode: Mode,
    party: Party | None,
    statuses: Sequence[EntenteStatus],
) -> str | None:
    """Why *found* is zero: no entente, ententes with no written amount, or only ententes not counted."""
    if found.total != 0 or found.count or not every_entente:
        return None
    selected = [
        e
        for e in every_entente
        if (territory_id is None or e.territory_id == territory_id)
        and (party is None or not party.mention_ids.isdisjoint(e.mention_ids))
        and (period is None or e.period is None or relates(e.period, period, mode) is not False)
    ]
    who = f"{party.name} is party to" if party is not None else "the selection holds"
    if party is not None and party.roles:
        who = f"{party.name} is party (as {', '.join(party.roles[:-1])} or {party.roles[-1]}) to"
        if len(party.roles) == 1:
            who = f"{party.name} is party (as {party.roles[0]}) to"
    if not selected:
        return f"{who} no entente at all"
    ids = ", ".join(e.id for e in selected[:5]) + (", …" if len(selected) > 5 else "")
    with_amounts = [e for e in selected if e.amount_ids]
    if not with_amounts:
        noun = "entente" if len(selected) == 1 else "ententes"
        return f"{who} {len(selected)} {noun} with no written amount ({ids})"
    if all(e.status not in statuses for e in with_amounts):
        kinds = sorted({e.status.replace("_", " ") for e in with_amounts})
        return (
            f"{who} ententes whose amounts are all of statuses not counted ({', '.join(kinds)}; "
            f"counted: {', '.join(statuses)}): {', '.join(e.id for e in with_amounts)}"
        )
    return f"{who} ententes whose every amount is left out, each with its reason (see excluded)"


def _granted(amount: Amount, ententes: Mapping[str, Entente], statuses: Set[str] | Sequence[str]) -> bool:
    entente = ententes.get(amount.id)
    return entente is None or entente.status in statuses
