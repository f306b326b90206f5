"""What the bundled 2014-2015 edition holds, checked against the source text."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import rqds_portraits as rp

TERRITORIES = [
    ("bas-saint-laurent", "01", "Bas-Saint-Laurent", "BAS-SAINT-LAURENT"),
    ("capitale-nationale", "03", "Capitale-Nationale", "CAPITALE-NATIONALE"),
    ("mauricie", "04", "Mauricie", "MAURICIE"),
    ("estrie", "05", "Estrie", "ESTRIE"),
    ("outaouais", "07", "Outaouais", "OUTAOUAIS"),
    ("abitibi-temiscamingue", "08", "Abitibi-Témiscamingue", "ABITIBI-TÉMISCAMINGUE"),
    ("cote-nord", "09", "Côte-Nord", "CÔTE-NORD"),
    ("nord-du-quebec", "10", "Nord-du-Québec", "NORD-DU-QUÉBEC"),
    ("gaspesie-iles-de-la-madeleine", "11", "Gaspésie-Îles-de-la-Madeleine", "GASPÉSIE-ÎLES-DE-LA-MADELEINE"),
    ("chaudiere-appalaches", "12", "Chaudière-Appalaches", "CHAUDIÈRE-APPALACHES"),
    ("laval", "13", "Laval", "LAVAL"),
    ("lanaudiere", "14", "Lanaudière", "LANAUDIÈRE"),
    ("laurentides", "15", "Laurentides", "LAURENTIDES"),
    ("monteregie-est", "16", "Montérégie Est", "MONTÉRÉGIE EST"),
    ("vallee-du-haut-saint-laurent", "16", "Vallée-du-Haut-Saint-Laurent", "VALLÉE-DU-HAUT-SAINT-LAURENT"),
    ("centre-du-quebec", "17", "Centre-du-Québec", "CENTRE-DU-QUÉBEC"),
]


def test_edition_metadata(ds: rp.Dataset) -> None:
    source = ds.source
    assert (
        source.title == "Tour du Québec 2014/2015 - Portrait des démarches régionales de développement social au Québec"
    )
    assert (source.publisher, source.publisher_acronym) == ("Réseau québécois de développement social", "RQDS")
    assert source.authors == ("Véronique Larose", "Emily Mack", "Joël Nadeau", "Anne-Sophie Thomas", "Gédéon Verreault")
    assert source.published.isoformat() == "2014-10-01"
    assert source.modified.isoformat() == "2024-11-05T10:41:00"
    assert source.consulted.isoformat() == "2025-06-21"
    assert source.url == "https://praxis.encommun.io/n/d0RRgtI3PGexUN1nIKbFGJPrn74/"
    assert source.platform == "Praxis"
    assert source.citation.startswith("Véronique Larose, Emily Mack") and source.citation.endswith(
        "PGexUN1nIKbFGJPrn74/."
    )
    assert source.reuse_caveat.startswith("Attention : une partie ou l’ensemble de ce contenu pourrait ne pas être")
    intro = source.introduction
    assert (intro.member_regions, intro.possible_regions) == (16, 19)
    assert intro.heading == "INTRODUCTION" and len(intro.paragraphs) == 6 and intro.lines == (3, 15)
    assert intro.paragraphs[0].text.startswith(
        "En 2014-2015, le Réseau québécois de développement social (RQDS) regroupe 16"
    )
    assert (
        source.line_count == 1118
        and source.sha256 == "957a2490bbacb0bafff56820f9ea618bc4c83dcdf902ad78d00d58a89343e4e8"
    )


def test_the_sixteen_territories_in_document_order(ds: rp.Dataset, source_lines: list[str]) -> None:
    assert [(t.id, t.region_number, t.name, t.heading) for t in ds.territories] == TERRITORIES
    for territory in ds.territories:
        assert source_lines[territory.lines[0] - 1] == f"{territory.region_number} | {territory.heading}"
    assert ds.territory("capitale-nationale").notes[0].text == "*Ce portrait régional n’a pas été mis à jour en 2014"
    assert [w.url for w in ds.territory("bas-saint-laurent").websites] == [
        "http://cosmoss.qc.ca",
        "http://www.crebsl.org",
    ]
    assert [w.url for w in ds.territory("laval").websites] == ["http://www.crelaval.qc.ca"]
    assert ds.territory("outaouais").websites == ()  # its portrait gives none
    # Every web address is a website of its territory, labelled or not.
    assert [(w.url, w.lines[0]) for w in ds.territory("gaspesie-iles-de-la-madeleine").websites] == [
        ("http://ressortgim.ca", 464),
        ("www.ressortgim.ca", 498),
    ]
    assert "www.jebenevole.ca" in [w.url for w in ds.territory("laurentides").websites]


def test_every_block_is_a_record(ds: rp.Dataset) -> None:
    counts = Counter(i.territory_id for i in ds.initiatives)
    assert counts["outaouais"] == 10 and counts["chaudiere-appalaches"] == 8 and counts["laval"] == 16
    assert counts["estrie"] == 2 and len(ds.initiatives) == 48
    assert len({i.id for i in ds.initiatives}) == len(ds.initiatives)
    laval = ds.initiatives_in("laval")
    assert laval[0].title is None and laval[0].label == "Ville de Laval (RUI)"
    assert [s.kind for s in laval[0].sections] == ["leadership", "intentions", "members", "particularities"]
    estrie = ds.initiatives_in("estrie")[1]
    assert (
        estrie.title == "Comité de soutien régional de l’Alliance estrienne pour la solidarité et l’inclusion sociale"
    )
    assert estrie.lines == (224, 240)
    lanaudiere = ds.initiatives_in("lanaudiere")[0]
    assert [s.heading for s in lanaudiere.sections][-3:] == [
        "Documentation",
        "Événements",
        "Participation à des concertations régionales",
    ]


def test_sections_keep_levels_and_numbers(ds: rp.Dataset) -> None:
    intentions = ds.initiative("bas-saint-laurent-01").section("intentions")
    assert intentions is not None
    axe = [e for e in intentions.elements if e.lines[0] in (41, 42)]
    assert [(e.kind, e.level, e.text) for e in axe] == [
        ("bullet", 1, "Axe de la solidarité :"),
        ("bullet", 2, "Autonomie alimentaire"),
    ]
    mauricie = ds.initiative("mauricie-01").section("intentions")
    assert mauricie is not None
    numbers = [e.number for e in mauricie.elements if e.number]
    assert numbers[:3] == ["Orientation 1", "1.1", "1.2"] and "4.2" in numbers
    sisca = ds.initiative("chaudiere-appalaches-07").section("intentions")
    assert sisca is not None and sisca.elements[0].number == "B)"
    description = ds.initiative("cote-nord-01").section("description")
    assert description is not None and description.inline and description.heading == "DESCRIPTION ET/OU OBJECTIFS"


def test_periods(ds: rp.Dataset, source_lines: list[str]) -> None:
    assert len(ds.periods) == 64
    for period in ds.periods:
        line = source_lines[period.lines[0] - 1]
        assert line[period.span[0] : period.span[1]] == period.text
        if period.start_date is None:
            assert period.period == rp.Period.parse(period.text)
    in_words = {p.text: (str(p.start_date), str(p.end_date)) for p in ds.periods if p.start_date is not None}
    assert in_words == {
        "de novembre 2012 à avril 2013": ("2012-11", "2013-04"),
        "entre octobre 2013 et septembre 2014": ("2013-10", "2014-09"),
    }
    written = {(p.lines[0], p.text) for p in ds.periods}
    assert {
        (148, "2014-2017"),
        (584, "2011-2015"),
        (548, "2008-2013"),
        (548, "2013-2014"),
        (260, "2013-2014"),
        (1026, "2008-2011"),
    } <= written
    outaouais = [p for p in ds.periods if p.initiative_id == "outaouais-07"]
    assert [p.text for p in outaouais] == ["2013-2015", "2013-2014", "2014-2015"]


def test_dates_written_in_words(ds: rp.Dataset, source_lines: list[str]) -> None:
    for date in ds.dates:
        assert source_lines[date.lines[0] - 1][date.span[0] : date.span[1]] == date.text
    read = {d.text: (str(d.date), d.relation) for d in ds.dates}
    assert read["jusqu’en juin 2015"] == ("2015-06", "until")
    assert read["à la fin mars 2014"] == ("2014-03", "on")
    assert read["31 mars 2014"] == ("2014-03-31", "on") and read["avril ’13"] == ("2013-04", "on")
    assert read["30 sept.15"] == ("2015-09-30", "on") and read["Depuis mai 2014"] == ("2014-05", "since")
    assert len(ds.dates) == 23


def test_the_twenty_two_amounts(ds: rp.Dataset, source_lines: list[str]) -> None:
    amounts = {a.text: a for a in ds.amounts}
    assert len(ds.amounts) == 22 == len(amounts)
    # The 22 numbers of the source, added by hand: 130 558 + 200 000,00 + 567 000 + … + 1 086 570.
    assert sum(a.value for a in ds.amounts) == Decimal("25265522.00")
    for amount in ds.amounts:
        assert source_lines[amount.lines[0] - 1][amount.span[0] : amount.span[1]] == amount.text
        assert isinstance(amount.value, Decimal) and amount.currency == "CAD"
    assert amounts["130 558 $"].value == 130558 and str(amounts["130 558 $"].period) == "2013-2014"
    nine_years = amounts["3 740 000 $ / 9 ans"]
    assert (nine_years.value, nine_years.per_years, str(nine_years.period)) == (Decimal(3740000), 9, "2005-2014")
    mels = amounts["1 600 000 $/9 ans"]
    assert (mels.qualifier, mels.share_of, str(mels.period)) == ("approximate", nine_years.id, "2005-2014")
    cut = amounts["200 000 00$"]
    assert (cut.value, cut.qualifier, cut.kind) == (Decimal("200000.00"), "at_least", "cut")
    assert cut.note is not None and "200 000,00 $" in cut.note
    assert amounts["2 300 000$"].kind == "impact" and str(amounts["910 000 $"].period) == "2008-2011"
    assert str(amounts["870 000 $/3 ans"].period) == "2013-2016"  # written on the line after its agreement
    assert amounts["1 086 570$"].period is None and amounts["1 086 570$"].note is not None
    assert Counter(a.kind for a in ds.amounts) == {"funding": 20, "impact": 1, "cut": 1}


def test_mentions(ds: rp.Dataset, source_lines: list[str]) -> None:
    for mention in ds.mentions:
        assert source_lines[mention.lines[0] - 1][mention.span[0] : mention.span[1]] == mention.text
        assert mention.partner_id is not None or mention.note
    assert len({m.id for m in ds.mentions}) == len(ds.mentions)
    laval = [m for m in ds.mentions if m.lines[0] == 640]
    assert [(m.text, m.roles) for m in laval] == [
        (text, ("member",))
        for text in [
            "CRÉ DE LAVAL",
            "MAMROT",
            "MICC",
            "Ville de Laval",
            "ASSSL",
            "Emploi-Québec",
            "CSSSL",
            "CDC de Laval",
            "FJL",
        ]
    ]
    observers = [m for m in ds.mentions if m.lines[0] == 1019]
    assert [m.roles for m in observers] == [("observer",)] * 5
    roles = Counter(role for m in ds.mentions for role in m.roles)
    assert set(roles) == {"leader", "member", "signatory", "funder", "observer", "manager", "mentioned"}
