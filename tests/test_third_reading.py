"""The third reading's corrections (issue 17, section 2), each asserted on the text it reads.

Records are found by their line and their words, never by the id of a new or renumbered record
(revision 3's ids are settled by the id ledger, not here).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import rqds_portraits as rp
from rqds_portraits import Entente, Mention, WrittenDate

from .conftest import EDITION

DS = rp.load(EDITION)


def mention(line: int, text: str, nth: int = 0) -> Mention:
    """The *nth* mention written *text* on *line*."""
    found = [m for m in DS.mentions if m.lines[0] == line and m.text == text]
    assert len(found) > nth, f"no mention {text!r} on line {line}"
    return found[nth]


def entente(line: int, title: str, subject: str | None = None) -> Entente:
    """The agreement first written on *line* with that title (and subject, when several share it)."""
    found = [e for e in DS.ententes if e.lines[0] == line and e.title == title and subject in (None, e.subject)]
    assert len(found) == 1, f"{len(found)} agreements {title!r} on line {line}"
    return found[0]


def linked(e: Entente) -> set[tuple[int, str]]:
    """The (line, text) of the mentions linked to *e*."""
    return {(DS.mention(m).lines[0], DS.mention(m).text) for m in e.mention_ids}


# -- roles -------------------------------------------------------------------


def test_l307_de_concert_avec_is_a_co_organiser() -> None:
    agency = mention(307, "Agence de la santé et des services sociaux de l’Outaouais")
    assert agency.roles == ("leader",)  # as l.25 and l.297 are read
    assert all(
        m.roles == ("leader",) for m in DS.mentions if m.lines[0] == 297 and m.text != "UQO"
    )  # « Organisé conjointement »


def test_l1016_the_cre_appoints_and_does_not_sit() -> None:
    president, appointing = mention(1016, "CRÉ", 0), mention(1016, "CRÉ", 1)
    assert president.roles == ("member",)  # « Le président de la CRÉ » sits
    assert appointing.roles == ("mentioned",)  # « 2 élus nommés par la CRÉ »


def test_l634_the_leadership_line_names_two_actors() -> None:
    assert mention(634, "CRÉ de Laval").roles == ("leader",)
    assert mention(634, "Comité des partenaires de l’Alliance").roles == ("leader",)


def test_the_mess_only_announces() -> None:
    # « Annonce par le MESS de la poursuite du programme » and « L’annonce du MESS concernant l’étalement »:
    # the text does not say that it funds; that would be outside knowledge.
    assert mention(596, "MESS").roles == ("mentioned",)
    assert mention(382, "MESS").roles == ("mentioned",)


# -- periods with an unwritten bound -----------------------------------------


def test_l596_sisca_has_no_written_start() -> None:
    sisca = entente(596, "Programme Solidarité et inclusion sociale CA")
    assert sisca.period is not None and sisca.period.start is None and sisca.period.unwritten == ("start",)
    assert (sisca.period.end, str(sisca.period.end_date), str(sisca.period)) == (2016, "2016-09-30", "?-2016")
    assert sisca.status == "extended" and sisca.status_text == "poursuite du programme au 30 septembre 2016"


def test_is_sisca_active_in_2013_and_2016() -> None:
    sisca = entente(596, "Programme Solidarité et inclusion sociale CA")
    assert sisca.period is not None
    # 2013: its start is not written, so nobody knows: left out, and the reason says why.
    assert sisca.period.overlaps(2013) is None
    assert sisca not in DS.find_ententes(period=2013, territory="chaudiere-appalaches")
    # 2016: its written end (30 September 2016) proves it.
    assert sisca.period.overlaps(2016) is True
    assert sisca in DS.find_ententes(period=2016, territory="chaudiere-appalaches")
    # 2017: its written end rules it out.
    assert sisca.period.overlaps(2017) is False


def test_the_command_line_says_what_an_unwritten_bound_leaves_out(capsys: pytest.CaptureFixture[str]) -> None:
    from rqds_portraits._cli import main

    assert main(["ententes", "--period", "2013", "--territory", "chaudiere-appalaches", "--edition", EDITION]) == 0
    out = capsys.readouterr().out
    assert "its start is not written (2); add --left-out" in out
    assert (
        main(
            ["ententes", "--period", "2013", "--territory", "chaudiere-appalaches", "--left-out", "--edition", EDITION]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "chaudiere-appalaches-sisca" in out and "left out: its start is not written (?-2016)" in out
    assert main(["ententes", "--period", "2016", "--territory", "chaudiere-appalaches", "--edition", EDITION]) == 0
    out = capsys.readouterr().out
    assert "chaudiere-appalaches-sisca" in out and "?-2016" in out and "start is not written" not in out


def test_l578_midi_agreements_end_in_june_2015_from_an_unwritten_start() -> None:
    midi = entente(578, "ententes entre le MIDI et les organismes")
    assert midi.period is not None and str(midi.period) == "?-2015" and str(midi.period.end_date) == "2015-06"
    assert midi.period.overlaps("2015-2016") is True  # April to June 2015
    assert midi.period.overlaps("2013-2014") is None  # before its written end, after an unwritten start


def test_a_funding_total_leaves_out_an_amount_whose_period_it_cannot_place() -> None:
    import attrs

    from rqds_portraits._queries.funding import entente_of, total

    amount = attrs.evolve(DS.amounts[0], period=rp.Period(None, 2016), period_id=None)
    counted = total(
        [amount], entente_of(DS.ententes), territory_id=None, period=rp.Period(2013, 2013), mode="overlaps",
        statuses=rp.GRANTED, party=None, yearly=False,
    )  # fmt: skip
    assert counted.count == 0
    assert [e.reason for e in counted.excluded] == [
        "its start is not written (?-2016): cannot tell whether it falls in the period asked"
    ]


# -- dates -------------------------------------------------------------------


def test_l491_a_two_day_event_is_both_days() -> None:
    (forum,) = [d for d in DS.dates if d.lines[0] == 491]
    assert isinstance(forum, WrittenDate)
    assert (forum.text, str(forum.date), str(forum.last_day)) == (
        "les 11 et 12 novembre 2010",
        "2010-11-11",
        "2010-11-12",
    )
    assert all(d.last_day is None for d in DS.dates if d is not forum)


# -- agreement links ---------------------------------------------------------


def test_l413_the_parties_of_the_partnership_agreements_are_linked() -> None:
    partnership = entente(413, "ententes de partenariats avec la CRÉ")
    assert linked(partnership) == {(413, "MRC"), (413, "organisations désignées"), (413, "CRÉ")}
    # The CRÉ's counterpart is not written (« MRC … et/ou les organisations désignées »): members, not parties.
    assert (mention(413, "MRC").roles, mention(413, "organisations désignées").roles) == (("member",), ("member",))
    assert partnership.note is not None and "et/ou" in partnership.note


def test_l404_l410_the_conference_named_with_the_parsis_is_linked() -> None:
    parsis = entente(402, "PLAN D’ACTION RÉGIONAL POUR LA SOLIDARITÉ ET L’INCLUSION SOCIALE")
    assert {(404, "Conférence"), (410, "CRÉ")} <= linked(parsis)
    assert len([m for m in parsis.mention_ids if DS.mention(m).lines[0] == 404]) == 2


def test_l959_the_crc_listed_for_joint_projects_are_not_parties() -> None:
    for subject in ("immigration", "personnes aînées", "saines habitudes de vie", "culture"):
        agreement = entente(959, "ententes", subject)
        assert (959, "CRC") not in linked(agreement)
        assert (986, "CRÉ") in linked(agreement)


def test_l506_the_progress_report_date_is_not_the_plan_s() -> None:
    plan = entente(509, "premier plan d’action du RESSORT")
    assert plan.date_ids == () and plan.dates_text == ()


@pytest.mark.parametrize(("line", "title", "lines"), [
    (108, "Plan quinquennal de développement 2012-2017", [108, 108]),
    (890, "Plan d’action gouvernemental pour la solidarité et l’inclusion sociale (PAGSIS)", [890, 912]),
])  # fmt: skip
def test_l108_l912_a_period_written_again_is_linked_again(line: int, title: str, lines: list[int]) -> None:
    agreement = entente(line, title)
    written = [DS.period(p) for p in agreement.period_ids]
    assert [p.lines[0] for p in written] == lines and len({p.text for p in written}) == 1


def test_l20_the_bas_saint_laurent_alliance_has_its_record() -> None:
    alliance = entente(20, "ALLIANCE POUR LA SOLIDARITÉ ET L’INCLUSION SOCIALE DU BAS-ST-LAURENT")
    assert (alliance.kind, alliance.status, alliance.status_basis, alliance.period) == (
        "other",
        "in_progress",
        "reading",
        None,
    )
    assert linked(alliance) == {
        (20, "ALLIANCE POUR LA SOLIDARITÉ ET L’INCLUSION SOCIALE DU BAS-ST-LAURENT"),
        (27, "CRÉ du Bas-Saint-Laurent"),
    }
    # Every region whose portrait names its Alliance pour la solidarité has its record.
    regions = {e.territory_id for e in DS.ententes if "alliance" in e.title.lower() and "solidarit" in e.title.lower()}
    assert {"bas-saint-laurent", "estrie", "abitibi-temiscamingue", "laval", "lanaudiere"} <= regions


# -- party roles and leadership ----------------------------------------------


def test_leading_an_agreement_itself_makes_a_party() -> None:
    assert rp.PARTY_ROLES == ("leader", "signatory", "funder", "manager")
    laval = DS.total_funding(territory="laval")
    cre = DS.total_funding(partner="CRÉ", territory="laval")
    # The CRÉ de Laval leads eight agreements with an amount (its blocks' Leadership lines) and manages six:
    # every granted amount of Laval but the Ville – MAMROT agreement's, which the Ville leads (line 622).
    (ville_mamrot,) = [a for a in laval.amounts if a.lines[0] == 631]
    assert cre.roles == rp.PARTY_ROLES
    assert {a.id for a in cre.amounts} == {a.id for a in laval.amounts} - {ville_mamrot.id}
    assert cre.total == laval.total - ville_mamrot.value and cre.count == laval.count - 1
    (culture,) = [e for e in DS.ententes if e.lines[0] == 708]
    assert (699, "CRÉ DE LAVAL") in linked(culture)
    # Revision 2's reading (signatories, funders and managers) is still one argument away.
    old_reading = DS.total_funding(partner="CRÉ", territory="laval", roles=("signatory", "funder", "manager"))
    assert old_reading.count == cre.count - 8


def test_leading_the_demarche_alone_does_not_make_a_party() -> None:
    # « La Conférence régionale des élus (CRÉ) en assume le leadership » (line 86) leads the TDS, a démarche:
    # the agreements written in its block are not linked to that mention.
    (tds_leader,) = [m for m in DS.mentions if m.lines[0] == 86 and "leader" in m.roles]
    assert not any(tds_leader.id in e.mention_ids for e in DS.ententes)


def test_a_linked_leader_is_written_where_the_agreement_is() -> None:
    """Every leader linked to an agreement is written in the agreement's own block."""
    for e in DS.ententes:
        for m in map(DS.mention, e.mention_ids):
            if "leader" in m.roles:
                assert m.initiative_id == e.initiative_id, (e.id, m.id)


# -- every mention findable by its own text ------------------------------------


@pytest.mark.parametrize("edition_mentions", [DS.mentions], ids=["all mentions"])
def test_every_mention_is_found_by_its_own_text(edition_mentions: tuple[Mention, ...]) -> None:
    """The README's promise, for every mention: its text, in its territory, finds its partner."""
    lost = []
    for m in edition_mentions:
        if m.partner_id is None:
            continue  # too vague to resolve: its note says why
        try:
            found = DS.partner(m.text, territory=m.territory_id).id
        except rp.RqdsError as error:
            found = type(error).__name__
        if found != m.partner_id:
            lost.append((m.id, m.text, m.partner_id, found))
    assert lost == []


def test_a_text_the_registry_does_not_hold_needs_its_territory() -> None:
    assert DS.partner("du Granit", territory="estrie").id == "cdc-du-granit"  # « les CDC des Sources, du Granit, … »
    assert DS.partner("de l’Estrie", territory="monteregie-est").id == "cre-estrie"  # « CRÉ … de l’Estrie »
    with pytest.raises(rp.PartnerNotFound):
        DS.partner("du Granit")  # no territory: the registry alone answers
    with pytest.raises(rp.PartnerNotFound):
        DS.partner("du Granit", territory="laval")  # not written so in Laval


# -- the four readers' findings (reading/R1-R4), each on its line --------------


def test_l429_recommending_the_next_agreement_does_not_fund_it() -> None:
    (following,) = [e for e in DS.ententes if e.lines[0] == 429 and e.title == "prochaine entente"]
    assert following.mention_ids == ()
    assert "funder" in mention(429, "partenaires financiers").roles  # of the 2009-2014 agreement, still linked there


def test_l596_the_chaudiere_appalaches_alliance_has_its_record() -> None:
    alliance = entente(596, "Alliance pour la solidarité")
    assert (alliance.kind, alliance.status, alliance.period, alliance.mention_ids) == ("other", "in_progress", None, ())


def test_bodies_named_with_their_agreement_are_linked() -> None:
    plan = entente(524, "Plan d’action en développement social (DS) de la CRDS")
    assert len([m for m in plan.mention_ids if DS.mention(m).lines[0] == 524]) == 2  # both « CRDS » of l.524
    alliance = entente(867, "Alliance pour la solidarité")
    assert linked(alliance) == {(867, "mécanisme régional sur les arrimages")}
    mandate = entente(838, "Entente spécifique en développement social")
    assert (833, "Table des partenaires du développement social de Lanaudière") in linked(mandate)
    for line in (760, 761, 762):  # both committees of the économie sociale block, as blocks 09 and 14
        (agreement,) = [e for e in DS.ententes if e.lines[0] == line]
        assert {(757, "CDR Montréal / Laval"), (757, "20 entreprises en économie sociale")} <= linked(agreement)


def test_co_organisers_lead_and_a_collaboration_on_an_aim_does_not() -> None:
    assert mention(102, "DRSP Capitale-Nationale").roles == ("leader",)  # « (En collaboration avec la DRSP …) »
    assert mention(1046, "agence de santé et des services sociaux").roles == ("leader",)  # « en partenariat avec »
    aim = mention(355, "Agence de la santé")
    assert aim.roles == ("mentioned",) and aim.note is not None and "aim" in aim.note


def test_l152_the_leading_management_committee_leads() -> None:
    mauricie = [m for m in DS.mentions if m.lines[0] == 152 and m.roles != ("mentioned",)]
    assert len(mauricie) == 5 and all(m.roles == ("leader", "signatory", "manager") for m in mauricie)


def test_l215_past_contributions_are_not_the_words_of_a_status() -> None:
    pagsis = entente(215, "PAGSIS")
    assert (pagsis.status, pagsis.status_basis, pagsis.status_text) == ("in_progress", "reading", None)


def test_ambiguities_are_notes_not_silent_fixes() -> None:
    assert all(
        m.note and "without an accent" in m.note for m in DS.mentions if m.text == "CRE" and m.lines[0] in (854, 856)
    )
    assert mention(277, "Avenir d’enfants").note is not None
    texts = {n.lines[0]: n for n in DS.source_notes}
    assert texts[921].text == "le 18 novembre" and "without its year" in texts[921].note
    assert texts[959].text == "Plusieurs CRC sont associés dans des projets"
    assert all(m.roles == ("mentioned",) for m in DS.mentions if 961 <= m.lines[0] <= 967)
    assert not [d for d in DS.dates if d.lines[0] == 921]


# -- the registry ------------------------------------------------------------------


def test_a_form_the_portrait_never_writes_does_not_resolve_to_a_body() -> None:
    for territory in ("capitale-nationale", "outaouais"):
        assert DS.partner("URLS", territory=territory).id == "urls"  # the network, by its id: no regional body
    assert DS.partner("URLS", territory="chaudiere-appalaches").id == "urls-chaudiere-appalaches"  # written l.611
    assert DS.partner("semo").acronyms == ()  # written only inside « SEMO Essor 2 »


def test_registry_notes_and_kinds_agree_with_their_entries() -> None:
    srm = DS.partner("srm")
    assert srm.note is not None and srm.name in srm.note and "Secrétariat aux régions (attached" not in srm.note
    assert [DS.partner(p).kind for p in ("cle-bas-saint-laurent", "cle-lanaudiere")] == ["quebec_government"] * 2
    assert DS.partner("emploi-quebec").kind == "quebec_government"
    assert DS.partner("tables-locales-laval").kind == "concertation"
    assert DS.partner("reussite-laval").kind == "education"
    assert "2008-2013" not in DS.partner("signataires-economie-sociale-ca").name


def test_groups_of_parties_are_not_concertation_bodies() -> None:
    for line, text in [
        (429, "partenaires financiers"),
        (539, "20 partenaires signataires"),
        (551, "26 partenaires signataires"),
        (587, "11 partenaires signataires"),
        (572, "partenaires de la première entente"),
        (578, "les organismes"),
    ]:
        found = mention(line, text)
        assert found.partner_id is not None and DS.partner(found.partner_id).kind == "other", (line, text)


def test_organs_of_governance_are_not_mentions() -> None:
    assert [m.text for m in DS.mentions if m.lines[0] == 29] == [
        "ASSS",
        "CSSS",
        "CRÉ",
        "Table de concertation des aînés du Bas-Saint-Laurent",
    ]  # « Vieillir en santé Comité de coordination régionale : … »: the committee is an organ, its members lead
    assert not [p for p in DS.partners if p.name.startswith("Comité de coordination régionale")]
    assert "Engagement jeunesse" in [m.text for m in DS.mentions if m.lines[0] == 984]  # « le comité directeur d’… »
    assert not [m for m in DS.mentions if m.text.startswith("comité directeur")]


# -- exports carry an unknown bound as empty / NULL ------------------------------


def test_exports_carry_an_unwritten_bound_as_empty(tmp_path: Path) -> None:
    import csv
    import sqlite3

    from rqds_portraits.exports import export, to_dataframe

    sisca = entente(596, "Programme Solidarité et inclusion sociale CA")
    (csv_file,) = [p for p in export(DS, "csv", tmp_path / "csv") if p.stem == "ententes"]
    with csv_file.open(encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["id"] == sisca.id)
    assert (row["period_start"], row["period_end"], row["end_date"]) == ("", "2016", "2016-09-30")
    database = next(p for p in export(DS, "sqlite", tmp_path / "db") if p.suffix in (".db", ".sqlite"))
    with sqlite3.connect(database) as db:
        found = db.execute("SELECT period_start, period_end FROM ententes WHERE id = ?", (sisca.id,)).fetchone()
        forum = db.execute("SELECT date, last_day FROM dates WHERE text = 'les 11 et 12 novembre 2010'").fetchone()
    assert found == (None, 2016) and forum == ("2010-11-11", "2010-11-12")
    import pandas as pd

    frame = to_dataframe(DS, "ententes").set_index("id")
    assert frame.loc[sisca.id, "period_end"] == 2016 and pd.isna(frame.loc[sisca.id, "period_start"])


def test_a_yearly_total_does_not_guess_the_years_of_an_open_period() -> None:
    import attrs

    from rqds_portraits._queries.funding import funding_total

    amount = attrs.evolve(DS.amounts[0], per_years=None, period=rp.Period(None, 2016), period_id=None)
    counted = funding_total([amount], {}, statuses=rp.GRANTED, yearly=True)
    assert counted.count == 0
    assert [e.reason for e in counted.excluded] == ["its start is not written (?-2016): no yearly figure"]
