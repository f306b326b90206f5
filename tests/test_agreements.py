"""Agreements, periods and funding, checked by hand against the source."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits.agreements import MODES, funding_total
from rqds_portraits.periods import Period

DS = rp.load()
ENTENTES = DS.ententes()


def test_every_agreement_is_a_record_tied_to_the_text(source_lines: list[str]) -> None:
    assert len(ENTENTES) == 68 and len({e.id for e in ENTENTES}) == 68
    assert list(ENTENTES) == sorted(ENTENTES, key=lambda e: (e.lines, e.id))
    counts = Counter(e.territory_id for e in ENTENTES)
    assert (counts["laval"], counts["chaudiere-appalaches"], counts["outaouais"], counts["mauricie"]) == (20, 13, 7, 2)
    assert counts["vallee-du-haut-saint-laurent"] == 2
    mentions = {m.id for m in DS.mentions}
    periods = {p.id: p for p in DS.periods}
    amounts = {a.id for a in DS.amounts}
    for entente in ENTENTES:
        text = "\n".join(source_lines[entente.lines[0] - 1 : entente.lines[1]])
        assert entente.title in text
        assert entente.status_text is not None or entente.note, entente.id
        assert set(entente.mention_ids) <= mentions and set(entente.amount_ids) <= amounts
        for period_id in entente.period_ids:
            assert entente.period is not None and periods[period_id].start >= entente.period.start
    assert {a for e in ENTENTES for a in e.amount_ids} == amounts  # every amount belongs to an agreement


def test_laval_by_hand() -> None:
    laval = DS.ententes(territory="laval")
    assert [e.title for e in laval][:4] == [
        "Entente Ville – MAMROT",
        "Entente administrative régionale",
        "Entente administrative CRÉ, MESS",
        "3 ententes régionales",
    ]
    culture = next(e for e in laval if e.subject == "Culture")
    assert (str(culture.period), culture.status, culture.kind) == ("2013-2016", "in_progress", "specific")
    assert culture.status_text is None and culture.note is not None  # read from the period, and said so
    negotiated = next(e for e in laval if e.subject == "Culture scientifique")
    assert (negotiated.status, negotiated.status_text) == ("under_negotiation", "en cours de négociation")
    to_come = DS.ententes(territory="laval", status="to_come")
    assert [str(e.period) for e in to_come] == ["2014-2015", "2014-2015", "2014-2015"]

    total = DS.total_funding(territory="laval")
    # 567 000 + 600 000 + 1 685 907 + 3 740 000 + 3 170 000 + 438 459 + 670 000 + 3 125 000 + 140 000
    # + 625 000 + 268 508 + 460 000 + 2 195 118 + 235 000 + 248 402, added by hand.
    assert total.total == Decimal("18168394") and total.count == 15 and not total.approximate
    assert {e.amount.text: e.reason for e in total.excluded} == {
        "1 600 000 $/9 ans": "a share of laval-03-a1, which is counted",
        "870 000 $/3 ans": "its agreement laval-culture-scientifique-2013-2016 is under negotiation: not yet granted",
    }
    # Over 2013-2016 (fiscal): 2012-2013 (140 000) and 2008-2013 (625 000) ended before April 2013.
    assert DS.total_funding(territory="laval", period="2013-2016").total == Decimal("17403394")
    # Emploi-Québec sits on the committees of 600 000, 3 170 000, 670 000, 3 125 000 and 460 000.
    assert DS.total_funding(territory="laval", period="2013-2016", partner="Emploi-Québec").total == Decimal("8025000")
    mamrot = DS.ententes(active_in=2014, territory="laval", partner="MAMROT")
    assert [e.id for e in mamrot] == [
        "laval-rui-ville-mamrot-2012-2015",
        "laval-alliance-administrative-regionale-2012-2015",
        "laval-saines-habitudes-partenariat-2012-2015",
        "laval-economie-sociale-2013-2014",
    ]
    in_progress = DS.ententes(active_in=2014, territory="laval", partner="MAMROT", status="in_progress")
    assert [e.id for e in in_progress] == [e.id for e in mamrot if e.status == "in_progress"] == [e.id for e in mamrot][:3]


def test_mels_share_counts_for_the_mels_alone() -> None:
    mels = DS.total_funding(partner="MELS", territory="laval", period="2005-2014", mode="exact")
    assert mels.total == Decimal("3740000") and mels.excluded[0].reason.startswith("a share of")
    share = next(a for a in DS.amounts if a.text == "1 600 000 $/9 ans")
    alone = funding_total([share], {})
    assert alone.total == Decimal("1600000") and alone.approximate  # "app."


def test_chaudiere_appalaches_by_hand() -> None:
    ententes = {e.id: e for e in DS.ententes(territory="chaudiere-appalaches")}
    housing = ententes["chaudiere-appalaches-logement-soutien-communautaire-2013-2016"]
    assert housing.signatories == 20 and housing.period is not None
    assert (str(housing.period.start_date), str(housing.period.end_date)) == ("2013-04", "2016-03-31")
    assert housing.dates_text == ("démarrage en avril ’13", "L’Entente se termine au 31 mars 2016")
    sisca = ententes["chaudiere-appalaches-sisca"]
    assert sisca.status == "extended" and sisca.period is not None
    assert (str(sisca.period.start_date), str(sisca.period.end_date)) == ("2015-09-30", "2016-09-30")
    assert sisca in DS.ententes(active_in=2016) and sisca not in DS.ententes(active_in=2014)
    seniors = ententes["chaudiere-appalaches-aines-2013-2017"]
    assert (seniors.status, seniors.status_text) == ("signed", "Entente signée")
    assert {m.text for m in DS.mentions if m.id in seniors.mention_ids} >= {"MAMOT", "ASSSCA", "URLS"}
    total = DS.total_funding(territory="chaudiere-appalaches")
    assert (total.total, total.count) == (Decimal(0), 0)
    assert [(e.amount.text, e.reason) for e in total.excluded] == [("200 000 00$", "a cut (compressions), not money granted")]


def test_outaouais_mauricie_and_vallee_du_haut_saint_laurent_by_hand() -> None:
    outaouais = DS.ententes(territory="outaouais")
    assert [e.status for e in outaouais] == ["in_progress", "extended", "renewed", "signed", "extended", "planned", "signed"]
    assert [e.id for e in DS.ententes(territory="outaouais", active_in=2014)] == [
        "outaouais-ententes-partenariat-2013-2015",
        "outaouais-egalite-2013-2015",
        "outaouais-aines-2013-2017",
        "outaouais-immigration-administrative-2013-2014",
        "outaouais-immigration-specifique-2014-2019",
    ]
    partnership = outaouais[1]
    assert str(partnership.period) == "2013-2015" and len(partnership.period_ids) == 2  # "2013-2014 et 2014-2015"
    assert DS.total_funding(territory="outaouais").total == 0

    (signed, fund) = DS.ententes(territory="mauricie")
    assert (signed.title, str(signed.period), signed.status_text) == ("Quatrième entente en développement social", "2014-2017", "signée")
    assert {DS.partner(m.partner_id or "", territory="mauricie").id for m in DS.mentions if m.id in signed.mention_ids} >= {
        "cre-mauricie", "asss-mauricie-centre-du-quebec", "emploi-quebec", "centraide-mauricie", "mamot",
    }
    assert fund.status == "planned" and fund.period is None

    vhsl = DS.total_funding(territory="vallee-du-haut-saint-laurent")
    assert vhsl.total == Decimal("910000") and [e.reason for e in vhsl.excluded] == ["an impact (retombées), not money granted"]
    assert DS.total_funding(territory="vallee-du-haut-saint-laurent", period=2014).total == 0  # 2008-2011 is over


def test_yearly_figures() -> None:
    yearly = DS.total_funding(territory="laval", yearly=True)
    per_year = {a.text for a in yearly.amounts}
    assert "567 000 $ / 3 ans" in per_year and yearly.yearly and yearly.approximate  # 670 000 / 3 is rounded
    single = DS.total_funding(territory="nord-du-quebec", yearly=True)
    assert single.total == Decimal("130558.00")  # 2013-2014 is one fiscal year
    no_period = DS.total_funding(territory="centre-du-quebec", yearly=True)
    assert no_period.total == 0 and no_period.excluded[0].reason.startswith("no duration or period")


def test_bad_arguments_fail_clearly() -> None:
    for bad in ("2016-2013", "abc", 1800):
        with pytest.raises(rp.InvalidPeriod, match="accepted: a year"):
            DS.by_period(bad)
        with pytest.raises(rp.InvalidPeriod):
            DS.total_funding(period=bad)
    with pytest.raises(rp.InvalidArgument, match="modes are overlaps, within, contains, exact"):
        DS.by_period("2013-2016", mode="during")
    with pytest.raises(rp.InvalidArgument, match="invalid mode"):
        DS.total_funding(mode="during")
    with pytest.raises(rp.InvalidArgument, match="invalid status .*choose one or several of: signed"):
        DS.ententes(status="done")  # type: ignore[arg-type]
    with pytest.raises(rp.PartnerNotFound):
        DS.total_funding(partner="Nobody")


def test_funding_by_territory_is_read_only() -> None:
    by_territory = DS.funding_by_territory()
    assert list(by_territory) == [t.id for t in DS.territories]
    with pytest.raises(TypeError):
        by_territory["laval"] = by_territory["mauricie"]  # type: ignore[index]


years = st.integers(min_value=2000, max_value=2022)
periods = st.builds(lambda a, b: Period(min(a, b), max(a, b)), years, years)


@given(periods, st.sampled_from(MODES))
def test_by_period_agrees_with_brute_force(asked: Period, mode: str) -> None:
    expected = []
    for entente in ENTENTES:
        if entente.period is None:
            continue
        mine, theirs = entente.period.months(), asked.months()
        relation = {
            "overlaps": mine[0] <= theirs[1] and theirs[0] <= mine[1],
            "within": theirs[0] <= mine[0] and mine[1] <= theirs[1],
            "contains": mine[0] <= theirs[0] and theirs[1] <= mine[1],
            "exact": (entente.period.start, entente.period.end) == (asked.start, asked.end),
        }[mode]
        if relation:
            expected.append(entente)
    assert list(DS.by_period(asked, mode=mode)) == expected
    assert set(DS.by_period(asked, mode="within")) <= set(DS.by_period(asked))
    assert set(DS.by_period(asked, mode="exact")) <= set(DS.by_period(asked))


@given(st.none() | periods, st.sampled_from(MODES), st.booleans())
def test_territory_totals_add_up(period: Period | None, mode: str, yearly: bool) -> None:
    whole = DS.total_funding(period=period, mode=mode, yearly=yearly)
    parts = DS.funding_by_territory(period=period, mode=mode, yearly=yearly).values()
    assert sum((part.total for part in parts), Decimal(0)) == whole.total
    assert sum(part.count for part in parts) == whole.count
    assert isinstance(whole.total, Decimal)
    counted = [a.id for a in whole.amounts]
    assert len(counted) == len(set(counted))
    assert not {a.id for a in whole.amounts} & {e.amount.id for e in whole.excluded}
    assert all(a.kind == "funding" for a in whole.amounts)
