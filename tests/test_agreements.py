"""Agreements, periods and funding, checked by hand against the source: what each answer means
is the question a user of the field asks."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits import GRANTED, MODES, PARTY_ROLES, ROLES, STATUSES, Period
from rqds_portraits._queries.funding import funding_total

from .conftest import EDITION

DS = rp.load(EDITION)
ENTENTES = DS.ententes


def test_every_agreement_is_a_record_tied_to_the_text(source_lines: list[str]) -> None:
    assert len(ENTENTES) == 98 and len({e.id for e in ENTENTES}) == 98
    assert list(ENTENTES) == sorted(ENTENTES, key=lambda e: (e.lines, e.id))
    counts = Counter(e.territory_id for e in ENTENTES)
    assert (counts["laval"], counts["chaudiere-appalaches"], counts["outaouais"], counts["cote-nord"]) == (21, 15, 7, 4)
    assert set(counts) == {t.id for t in DS.territories}  # every portrait names at least one
    mentions, periods, amounts, dates = (
        {r.id: r for r in table} for table in (DS.mentions, DS.periods, DS.amounts, DS.dates)
    )
    for entente in ENTENTES:
        text = "\n".join(source_lines[entente.lines[0] - 1 : entente.lines[1]])
        assert entente.title in text
        assert {
            "text": entente.status_text is not None,
            "period": entente.period is not None,
            "reading": bool(entente.note),
        }[entente.status_basis]
        assert set(entente.mention_ids) <= set(mentions) and set(entente.amount_ids) <= set(amounts)
        assert set(entente.date_ids) <= set(dates)
        for period_id in entente.period_ids:
            written = periods[period_id]
            assert (
                isinstance(written, rp.WrittenPeriod)
                and entente.period is not None
                and (entente.period.start is None or written.start >= entente.period.start)
            )
    assert {a for e in ENTENTES for a in e.amount_ids} == set(amounts)  # every amount belongs to an agreement


def test_statuses_that_follow_from_dates_are_computed_against_as_of() -> None:
    from rqds_build.ententes import status_from_period

    assert DS.as_of is not None and str(DS.as_of) == "2014-10-01"
    computed = [e for e in ENTENTES if e.status_basis == "period"]
    assert computed and all(e.period and e.status == status_from_period(e.period, DS.as_of) for e in computed)


def test_laval_by_hand() -> None:
    laval = DS.find_ententes(territory="laval")
    assert [e.title for e in laval][:4] == [
        "Entente Ville – MAMROT",
        "Alliance pour la solidarité et l’inclusion sociale",
        "Entente administrative régionale",
        "Entente administrative CRÉ, MESS",
    ]
    culture = DS.entente("laval-culture-2013-2016")
    assert (str(culture.period), culture.status, culture.status_basis, culture.kind) == (
        "2013-2016",
        "in_progress",
        "period",
        "specific",
    )
    negotiated = DS.entente("laval-culture-scientifique-2013-2016")
    assert (negotiated.status, negotiated.status_text) == ("under_negotiation", "en cours de négociation")
    to_come = DS.find_ententes(territory="laval", status="to_come")
    assert [str(e.period) for e in to_come] == ["2014-2015", "2014-2015", "2014-2015"]

    total = DS.total_funding(territory="laval")
    # 567 000 + 600 000 + 1 685 907 + 3 740 000 + 3 170 000 + 438 459 + 670 000 + 3 125 000 + 140 000
    # + 625 000 + 268 508 + 460 000 + 2 195 118 + 235 000 + 248 402, added by hand.
    assert total.total == Decimal("18168394") and total.count == 15 and not total.approximate
    assert total.statuses == GRANTED and total.roles is None and total.shares == ()
    assert {e.amount.text: e.reason.split(":")[0] for e in total.excluded} == {
        "1 600 000 $/9 ans": "a share of laval-03-a1, which is counted",
        "870 000 $/3 ans": "its entente laval-culture-scientifique-2013-2016 is under negotiation",
    }
    # Over 2013-2016 (fiscal): 2012-2013 (140 000) and 2008-2013 (625 000) ended before April 2013.
    assert DS.total_funding(territory="laval", period="2013-2016").total == Decimal("17403394")


def test_funding_of_a_partner_counts_the_agreements_it_is_a_party_to() -> None:
    # Québec en Forme sits on the committee of the CRLS agreement (438 459 $), but signs, funds or manages none.
    qef = DS.total_funding(partner="QEF")
    assert (qef.total, qef.roles) == (Decimal(0), PARTY_ROLES)
    committee = DS.total_funding(partner="QEF", roles="member")
    assert (committee.total, committee.roles, [a.text for a in committee.amounts]) == (
        Decimal("438459"),
        ("member",),
        ["438 459 $"],
    )
    # Emploi-Québec manages the Réussite agreement (3 170 000) and sits on four more committees.
    emploi = DS.total_funding(territory="laval", period="2013-2016", partner="Emploi-Québec")
    assert emploi.total == Decimal("3170000")
    wider = DS.total_funding(
        territory="laval", period="2013-2016", partner="Emploi-Québec", roles=(*PARTY_ROLES, "member")
    )
    assert wider.total == Decimal("9710907")


def test_money_from_a_partner_and_money_of_its_agreements() -> None:
    mels = DS.total_funding(partner="MELS")
    # The MELS funds the three regional agreements (3 740 000) and manages the Réussite one (3 170 000) ...
    assert mels.total == Decimal("6910000")
    # ... and the text writes its own share of the first: app. 1 600 000 $ over nine years.
    assert [a.text for a in mels.shares] == ["1 600 000 $/9 ans"] and mels.shares_total == Decimal("1600000")
    # Its own share is money from it whatever partnership is counted.
    assert DS.total_funding(partner="MELS", roles="member").shares_total == Decimal("1600000")
    assert DS.total_funding(partner="MELS", period="2015-2016").shares == ()  # the share's period is 2005-2014
    share = DS.amount("laval-03-a2")
    assert (share.partner_id, share.share_of, share.qualifier) == ("mels", "laval-03-a1", "approximate")
    alone = funding_total([share], {}, statuses=GRANTED)
    assert alone.total == Decimal("1600000") and alone.approximate


def test_activity_follows_status() -> None:
    active = DS.find_ententes(period=2015)
    assert active and all(e.status in GRANTED for e in active)
    assert "nord-du-quebec" not in {e.territory_id for e in active}  # its only 2015 period is a planned plan
    with_planned = DS.find_ententes(period=2015, status=("planned", "to_come", "under_negotiation"))
    assert {e.status for e in with_planned} == {"planned", "to_come", "under_negotiation"}
    assert "nord-du-quebec-planification-strategique-2014-2017" in {e.id for e in with_planned}
    assert all(e.status in GRANTED for e in DS.find_ententes(period="2014-2015"))
    assert DS.find_ententes(period="2014-2015", status="to_come") == DS.find_ententes(
        period="2014-2015", status="to_come"
    )
    assert len(DS.find_ententes()) == len(ENTENTES)  # no period asked: every status


def test_chaudiere_appalaches_by_hand() -> None:
    housing = DS.entente("chaudiere-appalaches-logement-soutien-communautaire-2013-2016")
    assert housing.signatories == 20 and housing.period is not None
    assert (str(housing.period.start_date), str(housing.period.end_date)) == ("2013-04", "2016-03-31")
    assert housing.dates_text == ("avril ’13", "31 mars 2016")
    assert {DS.mention(m).text for m in housing.mention_ids} == {"OMH de Lévis", "20 partenaires signataires"}
    sisca = DS.entente("chaudiere-appalaches-sisca")
    assert sisca.status == "extended" and sisca.period is not None
    # Extended to 30 September 2016; its start is not written, so it is unknown (revision 2 read 2014).
    assert (sisca.period.start, sisca.period.start_date, str(sisca.period.end_date)) == (None, None, "2016-09-30")
    assert str(sisca.period) == "?-2016" and sisca.period.unwritten == ("start",)
    assert sisca in DS.find_ententes(period=2016)  # its written end proves it
    assert sisca not in DS.find_ententes(period=2014)  # not assumed: its start may come after 2014
    assert {DS.mention(m).text for m in sisca.mention_ids} == {"CRÉ", "MESS"}
    seniors = DS.entente("chaudiere-appalaches-aines-2013-2017")
    assert (seniors.status, seniors.status_text, seniors.dates_text) == (
        "signed",
        "Entente signée",
        ("à la fin mars 2014",),
    )
    assert {DS.mention(m).text for m in seniors.mention_ids} >= {"MAMOT", "ASSSCA", "URLS", "CRÉ"}
    midi = DS.entente("chaudiere-appalaches-ententes-midi-organismes")
    assert midi.period is not None and str(midi.period.end_date) == "2015-06"  # "jusqu’en juin 2015"
    total = DS.total_funding(territory="chaudiere-appalaches")
    assert (total.total, total.count) == (Decimal(0), 0)
    cut = [("200 000 00$", "a cut (compressions), not money granted")]
    assert [(e.amount.text, e.reason) for e in total.excluded] == cut
    for period in ("2014-2015", 2014, "2012-2020"):  # the first true reason, whatever the filter
        for mode in MODES:
            excluded = DS.total_funding(territory="chaudiere-appalaches", period=period, mode=mode).excluded
            assert [(e.amount.text, e.reason) for e in excluded] == cut


def test_agreements_the_second_reading_added() -> None:
    abitibi = {
        e.subject for e in DS.find_ententes(territory="abitibi-temiscamingue", kind=("specific", "administrative"))
    }
    assert abitibi == {
        "femmes et égalité",
        "immigration",
        "gais, lesbiennes bisexuelles et transgenres",
        "jeunes en milieu rural",
    }
    parsis = DS.entente("cote-nord-parsis")
    assert parsis.kind == "plan" and "cre-cote-nord" in {DS.mention(m).partner_id for m in parsis.mention_ids}
    assert len(parsis.mention_ids) > 20  # its coordinator and the Table's members
    mauricie = DS.entente("mauricie-entente-ds-2014-2017")
    assert {DS.mention(m).lines[0] for m in mauricie.mention_ids} >= {150, 152, 189}  # trustee, management, signatories


def test_outaouais_mauricie_and_vallee_du_haut_saint_laurent_by_hand() -> None:
    outaouais = DS.find_ententes(territory="outaouais")
    assert [e.status for e in outaouais] == [
        "in_progress",
        "extended",
        "renewed",
        "signed",
        "extended",
        "planned",
        "signed",
    ]
    assert [e.id for e in DS.find_ententes(territory="outaouais", period=2014)] == [
        "outaouais-ententes-partenariat-2013-2015",
        "outaouais-egalite-2013-2015",
        "outaouais-aines-2013-2017",
        "outaouais-immigration-administrative-2013-2014",
    ]
    equality = DS.entente("outaouais-egalite-2013-2015")
    assert {DS.mention(m).roles for m in equality.mention_ids} == {("signatory",)}
    assert "signatories" in (equality.note or "") and "keep the role" not in (
        equality.note or ""
    )  # note and data agree
    partnership = DS.entente("outaouais-ententes-partenariat-2013-2015")
    assert str(partnership.period) == "2013-2015" and len(partnership.period_ids) == 2  # "2013-2014 et 2014-2015"
    assert DS.total_funding(territory="outaouais").total == 0
    vhsl = DS.total_funding(territory="vallee-du-haut-saint-laurent")
    assert vhsl.total == Decimal("910000") and [e.reason for e in vhsl.excluded] == [
        "an impact (retombées), not money granted"
    ]
    assert DS.total_funding(territory="vallee-du-haut-saint-laurent", period=2014).total == 0  # 2008-2011 is over


def test_yearly_figures() -> None:
    yearly = DS.total_funding(territory="laval", yearly=True)
    assert "567 000 $ / 3 ans" in {a.text for a in yearly.amounts} and yearly.yearly and yearly.approximate
    assert DS.total_funding(territory="nord-du-quebec", yearly=True).total == Decimal("130558.00")  # one fiscal year
    no_period = DS.total_funding(territory="centre-du-quebec", yearly=True)
    assert no_period.total == 0 and no_period.excluded[0].reason.startswith("no duration or period")


def test_bad_arguments_are_refused_not_reinterpreted() -> None:
    for bad in ("2016-2013", "abc", 1800, 2013.5, True, (2013.5, 2014)):
        with pytest.raises(rp.InvalidPeriod, match="accepted: a year"):
            DS.find_ententes(period=bad)  # type: ignore[arg-type]
        with pytest.raises(rp.InvalidPeriod):
            DS.total_funding(period=bad)  # type: ignore[arg-type]
    with pytest.raises(rp.InvalidArgument, match="modes are overlaps, within, contains, exact"):
        DS.find_ententes(period="2013-2016", mode="during")
    with pytest.raises(rp.InvalidArgument, match="yearly= must be True or False, not 'no'"):
        DS.total_funding(yearly="no")  # type: ignore[arg-type]
    with pytest.raises(rp.InvalidArgument, match="invalid status= 'done'; choose one or several of: signed"):
        DS.find_ententes(status="done")  # type: ignore[arg-type]
    with pytest.raises(rp.InvalidArgument, match="roles= says which partnership"):
        DS.total_funding(roles="member")
    with pytest.raises(rp.PartnerNotFound):
        DS.total_funding(partner="Nobody")
    with pytest.raises(rp.InvalidPeriod):
        Period(2013.5, 2014)  # type: ignore[arg-type]


def test_funding_by_territory_is_read_only() -> None:
    by_territory = DS.funding_by_territory()
    assert list(by_territory) == [t.id for t in DS.territories]
    with pytest.raises(TypeError):
        by_territory["laval"] = by_territory["mauricie"]  # type: ignore[index]


years = st.integers(min_value=2000, max_value=2022)
periods = st.builds(lambda a, b: Period(min(a, b), max(a, b)), years, years)
statuses = st.none() | st.lists(st.sampled_from(STATUSES), min_size=1, unique=True).map(tuple)


@given(periods, st.sampled_from(MODES), statuses)
def test_period_modes_agree_with_brute_force(asked: Period, mode: str, status: tuple[str, ...] | None) -> None:
    """An entente is kept when its period relates to the one asked in every world its written bounds allow:
    an unwritten start is any month up to its end, an unwritten end any month from its start."""
    expected = []
    counted = GRANTED if status is None else status
    theirs = asked.months()
    assert theirs[0] is not None and theirs[1] is not None
    for entente in ENTENTES:
        if entente.period is None or entente.status not in counted:
            continue
        first, last = entente.period.months()
        assert first is not None or last is not None
        firsts = [first] if first is not None else range(min(theirs[0], last or 0) - 2, (last or 0) + 1)
        lasts = [last] if last is not None else range(first or 0, max(theirs[1], first or 0) + 2)
        years = (
            [entente.period.start] if entente.period.start is not None else range(1900, (entente.period.end or 0) + 1)
        )
        relation = all(
            {
                "overlaps": f <= theirs[1] and theirs[0] <= e,
                "within": theirs[0] <= f and e <= theirs[1],
                "contains": f <= theirs[0] and theirs[1] <= e,
                "exact": (y, entente.period.end) == (asked.start, asked.end),
            }[mode]
            for f in firsts
            for e in lasts
            if f <= e
            for y in years
        )
        if relation:
            expected.append(entente)
    assert list(DS.find_ententes(period=asked, mode=mode, status=status)) == expected  # type: ignore[arg-type]
    assert set(DS.find_ententes(period=asked, mode="within")) <= set(DS.find_ententes(period=asked))
    assert set(DS.find_ententes(period=asked, mode="exact")) <= set(DS.find_ententes(period=asked))


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
    assert all(e.amount.kind == "funding" or e.reason.startswith(("an impact", "a cut")) for e in whole.excluded)


@given(st.sampled_from([p.id for p in DS.partners]), st.lists(st.sampled_from(ROLES), min_size=1, unique=True))
def test_wider_roles_never_count_less(partner: str, roles: list[str]) -> None:
    narrow = DS.total_funding(partner=partner, roles=tuple(roles))  # type: ignore[arg-type]
    wide = DS.total_funding(partner=partner, roles=ROLES)
    assert narrow.total <= wide.total and set(narrow.roles or ()) == set(roles)
