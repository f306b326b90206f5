"""Funding totals: what a total counts and leaves out, on small synthetic amounts and ententes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits._queries.funding import Exclusion, FundingTotal, Party, entente_of, exclusion, funding_total, total
from rqds_portraits._records.annotations import Amount, Role
from rqds_portraits._records.ententes import GRANTED, STATUSES, Entente, EntenteStatus
from rqds_portraits._records.periods import Period

EDITION = "2014-2015"
IMPACT = "an impact (retombées), not money granted"
CUT = "a cut (compressions), not money granted"


def amount(id: str, value: str = "1000", **changes: Any) -> Amount:
    fields: dict[str, Any] = {"qualifier": "exact", "kind": "funding", "per_years": None, "period": Period(2013, 2016)}
    fields |= {"share_of": None, "partner_id": None, "territory_id": "laval"}
    base = rp.load(EDITION).amount("laval-01-a1")
    return attrs.evolve(base, id=id, value=Decimal(value), **(fields | changes))


def entente(
    id: str, amounts: list[Amount], status: EntenteStatus = "in_progress", mentions: tuple[str, ...] = ()
) -> Entente:
    ids = tuple(a.id for a in amounts)
    base = rp.load(EDITION).entente("laval-rui-ville-mamrot-2012-2015")
    return attrs.evolve(base, id=id, status=status, amount_ids=ids, mention_ids=mentions)


def reasons(result: FundingTotal) -> dict[str, str]:
    return {x.amount.id: x.reason for x in result.excluded}


def test_only_funding_counts() -> None:
    money, impact, cut = amount("a"), amount("b", "5000", kind="impact"), amount("c", "7000", kind="cut")
    result = funding_total([money, impact, cut], {}, statuses=GRANTED)
    assert (result.total, result.count, result.amounts) == (Decimal(1000), 1, (money,))
    assert reasons(result) == {"b": IMPACT, "c": CUT}
    assert not result.approximate and not result.yearly and result.statuses == GRANTED


def test_exclusion_gives_the_first_true_reason() -> None:
    money, cut = amount("a"), amount("c", kind="cut")
    planned = entente("e1", [money, cut], status="under_negotiation")
    assert exclusion(cut, planned, GRANTED) == CUT
    assert exclusion(money, None, GRANTED) is None
    assert exclusion(money, planned, ("under_negotiation",)) is None
    expected = (
        "its entente e1 is under negotiation: not a status counted (signed, in_progress, renewed, extended, ended)"
    )
    assert exclusion(money, planned, GRANTED) == expected


def test_an_entente_not_counted_leaves_its_amounts_out() -> None:
    a, b = amount("a"), amount("b", "2000")
    ententes = entente_of([entente("granted", [a]), entente("planned-one", [b], status="planned")])
    result = funding_total([a, b], ententes, statuses=("in_progress",))
    assert result.amounts == (a,) and result.total == Decimal(1000)
    assert reasons(result)["b"] == "its entente planned-one is planned: not a status counted (in_progress)"
    assert funding_total([a, b], ententes, statuses=("in_progress", "planned")).total == Decimal(3000)


def test_a_share_of_a_counted_amount_is_not_added_again() -> None:
    whole, share = amount("whole", "3740000"), amount("share", "1600000", share_of="whole")
    result = funding_total([share, whole], {}, statuses=GRANTED)  # the share first: still seen as a share
    assert result.amounts == (whole,) and result.total == Decimal(3740000)
    assert reasons(result) == {"share": "a share of whole, which is counted"}


def test_a_share_is_counted_when_its_whole_is_not() -> None:
    whole, share = amount("whole", "3740000"), amount("share", "1600000", share_of="whole")
    assert funding_total([share], {}, statuses=GRANTED).amounts == (share,)
    ententes = entente_of([entente("e-whole", [whole], status="cancelled")])
    result = funding_total([whole, share], ententes, statuses=GRANTED)
    assert result.amounts == (share,) and result.total == Decimal(1600000)
    assert list(reasons(result)) == ["whole"]


def test_yearly_divides_by_the_years_written_else_by_the_period() -> None:
    per = amount("per", "3125000", per_years=4, period=Period(2013, 2018))  # "/ 4 ans" over a 5-year period
    by_period = amount("by-period", "600000", period=Period(2012, 2015))
    result = funding_total([per, by_period], {}, statuses=GRANTED, yearly=True)
    assert result.total == Decimal(781250) + Decimal(200000)
    assert result.yearly and not result.approximate and result.count == 2


def test_yearly_rounds_to_the_cent_and_says_so() -> None:
    thirds = amount("thirds", "1000000", per_years=3)
    result = funding_total([thirds], {}, statuses=GRANTED, yearly=True)
    assert result.total == Decimal("333333.33") and result.total.as_tuple().exponent == -2
    assert result.approximate
    assert not funding_total([thirds], {}, statuses=GRANTED).approximate


def test_yearly_needs_a_duration() -> None:
    undated = amount("undated", "5000", period=None, per_years=None)
    result = funding_total([undated], {}, statuses=GRANTED, yearly=True)
    assert result.count == 0 and result.total == Decimal(0)
    assert reasons(result) == {"undated": "no duration or period written: no yearly figure"}
    assert funding_total([undated], {}, statuses=GRANTED).amounts == (undated,)


@pytest.mark.parametrize(("qualifier", "approximate"), [("exact", False), ("approximate", True), ("at_least", True)])
def test_a_qualifier_makes_the_total_approximate(qualifier: str, approximate: bool) -> None:
    result = funding_total([amount("a"), amount("b", qualifier=qualifier)], {}, statuses=GRANTED)
    assert result.approximate is approximate and result.count == 2


def test_order_follows_the_selection() -> None:
    a, b, c = amount("a"), amount("b", kind="cut"), amount("c")
    d, e = amount("d", kind="impact"), amount("e")
    earlier = Exclusion(amount("x"), "left out before")
    result = funding_total([e, d, c, b, a], {}, statuses=GRANTED, excluded=[earlier])
    assert [x.id for x in result.amounts] == ["e", "c", "a"]
    assert [x.amount.id for x in result.excluded] == ["d", "b", "x"]
    assert result.excluded[-1] is earlier


def test_entente_of_maps_each_amount_to_its_entente() -> None:
    a, b, c = amount("a"), amount("b"), amount("c")
    first, second = entente("e1", [a, b]), entente("e2", [c])
    mapping = entente_of([first, second])
    assert dict(mapping) == {"a": first, "b": first, "c": second}
    with pytest.raises(TypeError):
        mapping["d"] = first  # type: ignore[index]


def party_total(amounts: list[Amount], ententes: list[Entente], party: Party | None, **asked: Any) -> FundingTotal:
    where: dict[str, Any] = {"territory_id": None, "period": None, "mode": "overlaps", "statuses": GRANTED}
    return total(amounts, entente_of(ententes), party=party, yearly=False, **(where | asked))


def test_a_party_keeps_the_amounts_of_its_ententes_and_lists_its_family_s_shares() -> None:
    mine, theirs = amount("mine", "1000"), amount("theirs", "3740000")
    share = amount("share", "1600000", share_of="theirs", partner_id="mels", qualifier="approximate")
    ententes = [entente("e-mine", [mine], mentions=("m1",)), entente("e-theirs", [theirs, share], mentions=("m2",))]
    party = Party(mention_ids=frozenset({"m1"}), family=frozenset({"mels", "mels-network"}), roles=("signatory",))
    result = party_total([mine, theirs, share], ententes, party)
    assert result.amounts == (mine,) and result.total == Decimal(1000) and not result.approximate
    assert result.shares == (share,) and result.shares_total == Decimal(1600000)
    assert result.roles == ("signatory",)
    other = party_total([mine, theirs, share], ententes, attrs.evolve(party, mention_ids=frozenset({"m2"})))
    assert other.amounts == (theirs,) and reasons(other) == {"share": "a share of theirs, which is counted"}
    nobody = party_total([mine, theirs, share], ententes, None)
    assert (nobody.roles, nobody.shares, nobody.count) == (None, (), 2)


def test_shares_are_granted_funding_only() -> None:
    granted = amount("granted", partner_id="mels")
    planned = amount("planned", partner_id="mels")
    impact = amount("impact", partner_id="mels", kind="impact")
    stranger = amount("stranger", partner_id="someone-else")
    ententes = [entente("e1", [granted, impact, stranger]), entente("e2", [planned], status="planned")]
    party = Party(mention_ids=frozenset({"m9"}), family=frozenset({"mels"}), roles=("funder",))
    result = party_total([granted, planned, impact, stranger], ententes, party)
    assert result.shares == (granted,) and result.count == 0


def test_total_selects_by_territory_and_period() -> None:
    inside, outside = amount("inside", period=Period(2014, 2015)), amount("outside", period=Period(2001, 2002))
    elsewhere = amount("elsewhere", territory_id="estrie", period=Period(2014, 2015))
    undated, cut = amount("undated", period=None), amount("cut", period=None, kind="cut")
    asked = {"territory_id": "laval", "period": Period(2014, 2015)}
    result = party_total([inside, outside, elsewhere, undated, cut], [], None, **asked)
    assert result.amounts == (inside,)
    no_period = "no period written: cannot tell whether it falls in the period asked"
    assert reasons(result) == {"undated": no_period, "cut": CUT}


def test_the_real_total_is_the_dataset_s() -> None:
    real = rp.load(EDITION)
    result = party_total(list(real.amounts), list(real.ententes), None)
    assert result == real.total_funding()
    assert reasons(result)["laval-03-a2"] == "a share of laval-03-a1, which is counted"


@given(st.data())
def test_every_amount_is_counted_or_excluded_once(data: st.DataObject) -> None:
    real = rp.load(EDITION)
    selection = data.draw(st.lists(st.sampled_from(real.amounts), unique_by=lambda a: a.id), label="selection")
    statuses = data.draw(st.sets(st.sampled_from(STATUSES), min_size=1), label="statuses")
    counted = tuple(s for s in STATUSES if s in statuses)
    result = funding_total(selection, entente_of(real.ententes), statuses=counted)
    assert result.total == sum((a.value for a in result.amounts), Decimal(0))
    assert result.count == len(result.amounts)
    kept, left = [a.id for a in result.amounts], [x.amount.id for x in result.excluded]
    assert not set(kept) & set(left)
    assert sorted(kept + left) == sorted(a.id for a in selection)
    order = [a.id for a in selection]
    assert kept == [i for i in order if i in kept] and left == [i for i in order if i in left]


def _answer(call: Any) -> Any:
    """What *call* returns, or the error it raises (its type and message)."""
    try:
        return call()
    except rp.RqdsError as error:
        return type(error), str(error)


def _what(found: FundingTotal) -> FundingTotal:
    return attrs.evolve(found, why_zero=None)  # a territory's total says why it is zero; funding_by_territory does not


@pytest.mark.parametrize(
    "partner", ["MAMOT", "CRÉ", "CRE", "Centraide", "Ville", "ASSSL", "Commission scolaire", "nobody"]
)
@pytest.mark.parametrize("roles", [None, ("member",), ("signatory", "funder")])
def test_funding_by_territory_is_each_territory_s_total(partner: str, roles: tuple[Role, ...] | None) -> None:
    """The partner resolved once per call, and again in the portraits where its name means their own body
    (a common noun, a form each region gives its own body): each territory's total, or the same error."""
    real = rp.load(EDITION)
    each = {
        t.id: _answer(lambda t=t: _what(real.total_funding(territory=t.id, partner=partner, roles=roles)))
        for t in real.territories
    }
    by_territory = _answer(lambda: real.funding_by_territory(partner=partner, roles=roles))
    failed = next((answer for answer in each.values() if not isinstance(answer, FundingTotal)), None)
    if failed is not None:
        assert by_territory == failed  # the first territory that cannot resolve it, as before
    else:
        assert {t: _what(found) for t, found in by_territory.items()} == each
        assert any(found.roles for found in each.values())
