"""The partner registry and the by-partner queries."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
import rqds_portraits.text
from rqds_portraits.build.curated import read_toml

from .conftest import DATA
from .strategies import vary

DS = rp.load()
RESOLVED = [m for m in DS.mentions if m.partner_id is not None]

# Capitalised words of the portraits that name no organisation, and why.
NOT_ORGANISATIONS = {
    "PARSIS": "plan d'action régional pour la solidarité et l'inclusion sociale (a plan)",
    "PAGSIS": "plan d'action gouvernemental (a plan)",
    "FQIS-PARSIS": "a fund and its plan",
    "FRDS": "a regional fund",
    "SISCA": "a programme",
    "SIS": "solidarité et inclusion sociale (a programme)",
    "RUI": "revitalisation urbaine intégrée (a programme)",
    "PQDD": "plan quinquennal de développement durable (a plan)",
    "ATI": "approche territoriale intégrée (an approach)",
    "ADS": "analyse différenciée selon les sexes (a method)",
    "DS": "développement social",
    "OBNL": "a legal form",
    "OSBL": "a legal form",
    "CA": "Chaudière-Appalaches, in a programme's name",
    "ABRÉ-G": "a publication",
    "II": "a roman numeral (Phases I et II)",
    "MRC": "MRC territories (places), each listed in curated.toml as not a mention",
}


def test_every_mention_is_resolved_or_explained() -> None:
    unexplained = [m for m in DS.mentions if m.partner_id is None and not m.note]
    assert unexplained == []
    assert len(RESOLVED) == len(DS.mentions) == 636


def test_every_acronym_of_the_portraits_is_a_mention_or_named_here(source_lines: list[str]) -> None:
    covered: dict[int, list[tuple[int, int]]] = {}
    for mention in DS.mentions:
        covered.setdefault(mention.lines[0], []).append(mention.span)
    titles = {i.lines[0] for i in DS.initiatives if i.title}
    headings = {t.lines[0] for t in DS.territories}
    found: Counter[str] = Counter()
    for number in range(DS.territories[0].lines[0], DS.territories[-1].lines[1] + 1):
        if number in titles or number in headings:
            continue
        line = source_lines[number - 1].replace("DESCRIPTION ET/OU OBJECTIFS | ", "")
        offset = len(source_lines[number - 1]) - len(line)
        for word in re.finditer(r"(?<!\w)[A-ZÉÈÀÎÔ][A-ZÉÈÀÎÔ0-9]+(?:-[A-ZÉ]+)?(?!\w)", line):
            start, end = word.start() + offset, word.end() + offset
            if not any(a <= start and end <= b for a, b in covered.get(number, [])):
                found[word.group()] += 1
    uncovered = set(found) - {"METTRE", "EN", "RÉSEAUX", "LES"}  # « METTRE EN RÉSEAUX LES RÉSEAUX », a slogan
    assert uncovered == set(NOT_ORGANISATIONS)


def test_the_registry_is_coherent() -> None:
    registry = read_toml(DATA / "partners.toml")["partner"]
    ids = [entry["id"] for entry in registry]
    assert len(ids) == len(set(ids))
    mentioned = {p.id for p in DS.partners}
    networks = {entry.get("network") for entry in registry}
    assert [i for i in ids if i not in mentioned and i not in networks] == []  # no dead entry
    for partner in DS.partners:
        assert partner.network_id is None or partner.network_id in mentioned
        assert partner.scope in ("quebec", "canada") or partner.territories


def test_written_variants_resolve_to_one_body() -> None:
    qef = DS.partner("Québec en Forme")
    assert DS.partner("qef") is qef and DS.partner("QUEBEC EN FORME") is qef and DS.partner("quebec-en-forme") is qef
    assert {m.text for m in DS.by_partner("QEF")} == {"Québec en Forme", "Québec en forme", "QEF"}
    assert DS.partner("CRÉO").id == "cre-outaouais" and DS.partner("CRÉ DE LAVAL").id == "cre-laval"
    assert DS.partner("CRE", territory="lanaudiere").id == "cre-lanaudiere"
    assert DS.partner("CRE", territory="laurentides").id == "cre-environnement-laurentides"
    assert DS.partner("ASSSAT").id == "asss-abitibi-temiscamingue" and DS.partner("ASSSCA").id == "asss-chaudiere-appalaches"
    assert DS.partner("Agence de santé et des services sociaux", territory="cote-nord").id == "asss-cote-nord"
    assert DS.partner("Agence de la santé", territory="outaouais").id == "asss-outaouais"
    conference = [m for m in DS.mentions if m.text == "Conférence"]
    assert {(m.territory_id, m.partner_id) for m in conference} == {("cote-nord", "cre-cote-nord")}


def test_region_dependent_acronyms() -> None:
    assert DS.partner("ASSSL", territory="laval").id == "asss-laval"
    assert DS.partner("ASSSL", territory="Lanaudière").id == "asss-lanaudiere"
    assert DS.partner("CSSSL", territory="laval").id == "csss-laval"
    assert DS.partner("CSSSL", territory="lanaudiere").id == "csss-lanaudiere"
    by_territory = {(m.text, m.territory_id): m.partner_id for m in DS.mentions if m.text in ("ASSSL", "CSSSL")}
    assert by_territory == {
        ("ASSSL", "laval"): "asss-laval",
        ("CSSSL", "laval"): "csss-laval",
        ("ASSSL", "lanaudiere"): "asss-lanaudiere",
    }
    with pytest.raises(rp.AmbiguousPartner, match="asss-laval .*asss-lanaudiere.*pass territory=") as caught:
        DS.partner("ASSSL")
    assert isinstance(caught.value, LookupError) and isinstance(caught.value, rp.RqdsError)


def test_renamed_bodies_are_one_partner() -> None:
    mamot = DS.partner("MAMOT")
    assert DS.partner("MAMROT") is mamot
    assert [(r.old_acronym, r.new_acronym, r.year) for r in mamot.renames] == [("MAMROT", "MAMOT", 2014)]
    assert {m.text for m in DS.by_partner("MAMOT")} >= {"MAMROT", "MAMOT", "Ministère des Affaires municipales, des régions et de l’occupation du territoire"}
    midi = DS.partner("MIDI")
    assert DS.partner("MICC") is midi and {m.text for m in DS.by_partner("midi")} >= {"MICC", "MIDI"}


def test_networks_include_their_members() -> None:
    centraide = DS.partner("Centraide")
    assert centraide.id == "centraide"
    mentions = DS.by_partner("Centraide")
    assert {m.partner.network_id for m in mentions} == {"centraide"}
    assert {m.partner.id for m in mentions} >= {"centraide-mauricie", "centraide-lanaudiere", "centraide-estrie"}
    assert DS.by_partner("Centraide", include_network=False) == ()
    cre = DS.by_partner("CRÉ")
    assert len({m.partner.id for m in cre}) >= 16 and all(m.partner.kind == "regional_conference" for m in cre)


def test_partner_territories_and_filters() -> None:
    emploi = DS.partner_territories("Emploi-Québec")
    assert [t.id for t in emploi] == [t.id for t in DS.territories if t in emploi]  # document order
    assert {"laval", "mauricie", "bas-saint-laurent"} <= {t.id for t in emploi}
    at_the_table = DS.by_partner("Québec en Forme", role=("leader", "member", "observer"))
    assert {m.role for m in at_the_table} <= {"leader", "member", "observer"} and at_the_table
    assert all(m.territory_id == "laval" for m in DS.by_partner("FJL", territory="laval"))
    observers = DS.by_partner("MAMROT", role="observer")
    assert [(m.territory_id, m.lines) for m in observers] == [("vallee-du-haut-saint-laurent", (1019, 1019))]
    with pytest.raises(rp.InvalidArgument, match="choose one or several of: leader, member"):
        DS.by_partner("QEF", role="boss")  # type: ignore[arg-type]
    with pytest.raises(rp.TerritoryNotFound):
        DS.by_partner("QEF", territory="Atlantide")


def test_collectives() -> None:
    for text, count in (("8 MRC", 8), ("20 entreprises en économie sociale", 20)):
        (mention,) = [m for m in DS.mentions if m.text == text and m.role == "member"]
        partner = DS.partner(mention.partner_id or "")
        assert partner.collective and partner.count == count
    assert DS.partner("Organismes communautaires", territory="bas-saint-laurent").collective
    assert DS.partner("Commissions scolaires", territory="bas-saint-laurent").collective


def test_unknown_partners_list_the_closest_names() -> None:
    with pytest.raises(rp.PartnerNotFound, match="closest: 'Centraide'") as caught:
        DS.partner("Centraid")
    assert isinstance(caught.value, LookupError)
    with pytest.raises(rp.InvalidArgument):
        DS.partner(42)  # type: ignore[arg-type]


def _identifies(key: str, partner: rp.Partner, territory_id: str) -> bool:
    """Whether no other partner of the territory (or Québec-wide) is also written *key*."""
    folded = rp.text.lookup_key(key)
    others = [
        p for p in DS.partners
        if p is not partner and (territory_id in p.territories or not p.territories)
        and folded in {rp.text.lookup_key(k) for k in (p.id, p.name, *p.acronyms, *p.variants)}
    ]
    return not others


@given(st.sampled_from(RESOLVED), st.data())
def test_every_mention_is_found_by_its_partners_id_name_and_forms(mention: rp.Mention, data: st.DataObject) -> None:
    partner = DS.partner(mention.partner_id or "")
    keys = [k for k in (partner.id, partner.name, *partner.acronyms, *partner.variants) if _identifies(k, partner, mention.territory_id)]
    assert partner.id in keys and partner.name in keys  # ids and names always identify
    key = vary(data.draw(st.sampled_from(keys)), data)
    found = DS.by_partner(key, territory=mention.territory_id)
    assert mention in [m.mention for m in found]


@given(st.sampled_from(DS.partners))
def test_queries_are_subsets_and_networks_are_unions(partner: rp.Partner) -> None:
    found = DS.by_partner(partner.id)
    assert {m.mention for m in found} <= set(DS.mentions)
    members = [p for p in DS.partners if p.network_id == partner.id]
    if members:
        union = {t.id for member in members for t in DS.partner_territories(member.id)}
        own = {m.territory_id for m in DS.by_partner(partner.id, include_network=False)}
        assert {t.id for t in DS.partner_territories(partner.id)} == union | own


@given(st.text(max_size=20))
def test_any_name_finds_a_partner_or_raises_a_package_error(name: str) -> None:
    try:
        DS.partner(name)
    except rp.RqdsError as error:
        assert isinstance(error, LookupError)
