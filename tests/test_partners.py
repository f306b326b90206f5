"""The partner registry and the by-partner queries: proper names find one body across Québec,
common nouns only inside a portrait, and a mention holds every role its passage gives it."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_build.curated import read_toml
from rqds_portraits import ROLES
from rqds_portraits._text import lookup_key

from .conftest import CURATION, EDITION
from .strategies import vary

DS = rp.load(EDITION)
RESOLVED = [m for m in DS.mentions if m.partner_id is not None]


def test_every_mention_is_resolved_or_explained() -> None:
    unexplained = [m for m in DS.mentions if m.partner_id is None and not m.note]
    assert unexplained == [] and len(RESOLVED) == len(DS.mentions) == 644


def test_roles_are_ordered_and_mentioned_stands_alone() -> None:
    order = {role: position for position, role in enumerate(ROLES)}
    for mention in DS.mentions:
        assert list(mention.roles) == sorted(mention.roles, key=order.__getitem__) and mention.role == mention.roles[0]
        assert "mentioned" not in mention.roles or mention.roles == ("mentioned",)
    several = Counter(m.roles for m in DS.mentions if len(m.roles) > 1)
    assert (
        several[("leader", "signatory", "manager")] == 5
    )  # Mauricie: the signatories form the leading management committee (l.152)
    assert several[("signatory", "observer")] == 3  # Nord-du-Québec: the signatories' representatives observe (l.434)


def test_the_readings_of_the_second_reading() -> None:
    def roles(territory: str, line: int, text: str) -> tuple[str, ...]:
        (found,) = {m.roles for m in DS.mentions if (m.territory_id, m.lines[0], m.text) == (territory, line, text)}
        return found

    assert roles("bas-saint-laurent", 25, "COSMOSS") == ("mentioned",)  # "ont aidé à la naissance de COSMOSS"
    assert roles("chaudiere-appalaches", 521, "CRDS") == ("mentioned",)  # "Coordination de la CRDS par la CRÉ"
    assert roles("chaudiere-appalaches", 521, "Conférence régionale des élu(e)s (CRÉ) de la Chaudière-Appalaches") == (
        "leader",
    )
    assert roles("laval", 757, "Comité régional d’économie sociale de Laval") == (
        "mentioned",
    )  # not a member of itself
    assert roles("mauricie", 189, "MAMOT") == ("signatory", "member")
    assert roles("monteregie-est", 986, "CRÉ") == ("signatory",)  # "la CRÉ est signataire de plusieurs ententes"


def test_the_registry_is_coherent() -> None:
    registry = read_toml(CURATION / "partners.toml")["partner"]
    ids = [entry["id"] for entry in registry]
    assert len(ids) == len(set(ids))
    mentioned = {p.id for p in DS.partners}
    networks = {entry.get("network") for entry in registry}
    assert [i for i in ids if i not in mentioned and i not in networks] == []  # no dead entry
    for partner in DS.partners:
        assert partner.network_id is None or partner.network_id in mentioned
        assert partner.scope in ("quebec", "canada") or partner.territories
        assert not partner.portrait_forms or partner.territories
    for acronym in ("RAP", "SEMO"):
        assert DS.partner(acronym)  # known acronyms


def test_written_variants_resolve_to_one_body() -> None:
    qef = DS.partner("Québec en Forme")
    assert DS.partner("qef") is qef and DS.partner("QUEBEC EN FORME") is qef and DS.partner("quebec-en-forme") is qef
    assert {m.text for m in DS.by_partner("QEF")} == {"Québec en Forme", "Québec en forme", "QEF"}
    assert DS.partner("CRÉO").id == "cre-outaouais" and DS.partner("CRÉ DE LAVAL").id == "cre-laval"
    assert DS.partner("CRE", territory="lanaudiere").id == "cre-lanaudiere"
    assert DS.partner("CRE", territory="laurentides").id == "cre-environnement-laurentides"
    assert DS.partner("CRÉ", territory="laurentides").id == "cre-laurentides"
    assert DS.partner("CRE\u0301", territory="laurentides") is DS.partner("CRÉ", territory="laurentides")  # NFD = NFC
    assert (
        DS.partner("ASSSAT").id == "asss-abitibi-temiscamingue"
        and DS.partner("ASSSCA").id == "asss-chaudiere-appalaches"
    )
    assert DS.partner("Agence de santé et des services sociaux", territory="cote-nord").id == "asss-cote-nord"


@pytest.mark.parametrize(
    ("name", "territory", "expected"),
    [
        ("Ville", "laval", "ville-laval"),
        ("Commission scolaire", "nord-du-quebec", "cs-baie-james"),
        ("Conférence", "cote-nord", "cre-cote-nord"),
        ("Cégeps", "bas-saint-laurent", "cegeps-bas-saint-laurent"),
        ("ASSSL", "laval", "asss-laval"),
        ("ASSSL", "Lanaudière", "asss-lanaudiere"),
        ("CSSSL", "lanaudiere", "csss-lanaudiere"),
    ],
)
def test_common_nouns_name_a_body_only_inside_its_portrait(name: str, territory: str, expected: str) -> None:
    assert DS.partner(name, territory=territory).id == expected
    with pytest.raises(rp.AmbiguousPartner, match="pass territory=") as caught:
        DS.partner(name)
    assert isinstance(caught.value, LookupError) and expected in str(caught.value)
    with pytest.raises((rp.AmbiguousPartner, rp.PartnerNotFound)):
        DS.partner(name, territory="estrie" if territory != "estrie" else "laval")


@given(
    st.sampled_from(
        sorted({f for p in DS.partners for f in (p.id, p.name, *p.acronyms, *p.variants, *p.portrait_forms)})
    ),
    st.data(),
)
def test_a_partner_answered_without_a_territory_is_the_only_body_of_that_name(name: str, data: st.DataObject) -> None:
    key = vary(name, data)
    try:
        found = DS.partner(key)
    except rp.RqdsError as error:
        assert isinstance(error, LookupError)
        return
    folded = lookup_key(key)
    proper = [p for p in DS.partners if folded in {lookup_key(k) for k in (p.id, p.name, *p.acronyms, *p.variants)}]
    named = [p for p in proper if folded in {lookup_key(p.id), lookup_key(p.name)}]
    assert found in proper and (len(proper) == 1 or named == [found] or found.id == folded.replace(" ", "-")), (
        key,
        proper,
    )


def test_renamed_bodies_are_one_partner() -> None:
    mamot = DS.partner("MAMOT")
    assert DS.partner("MAMROT") is mamot
    assert [(r.old_acronym, r.new_acronym, r.year) for r in mamot.renames] == [("MAMROT", "MAMOT", 2014)]
    assert {m.text for m in DS.by_partner("MAMOT")} >= {
        "MAMROT",
        "MAMOT",
        "Ministère des Affaires municipales, des régions et de l’occupation du territoire",
    }
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
    assert {m.partner.id for m in DS.by_partner("SEMO")} == {"semo-essor-2"}


def test_two_bodies_in_one_parenthesis_are_two_partners() -> None:
    line = [m for m in DS.mentions if m.lines[0] == 858 and m.territory_id == "lanaudiere"]
    assert {m.partner_id for m in line} >= {"table-groupes-femmes-lanaudiere", "table-personnes-handicapees-lanaudiere"}


def test_partner_territories_and_filters() -> None:
    emploi = DS.partner_territories("Emploi-Québec")
    assert [t.id for t in emploi] == [t.id for t in DS.territories if t in emploi]  # document order
    assert {"laval", "mauricie", "bas-saint-laurent"} <= {t.id for t in emploi}
    at_the_table = DS.by_partner("Québec en Forme", roles=("leader", "member", "observer"))
    assert at_the_table and all({"leader", "member", "observer"} & set(m.roles) for m in at_the_table)
    assert all(m.territory_id == "laval" for m in DS.by_partner("FJL", territory="laval"))
    observers = DS.by_partner("MAMROT", roles="observer")
    assert [(m.territory_id, m.lines) for m in observers] == [("vallee-du-haut-saint-laurent", (1019, 1019))]
    signing_managers = DS.by_partner("MAMOT", roles="manager", territory="mauricie")
    assert [m.roles for m in signing_managers] == [
        ("leader", "signatory", "manager")
    ]  # roles= matches any of a mention's roles
    with pytest.raises(rp.InvalidArgument, match="choose one or several of: leader, signatory"):
        DS.by_partner("QEF", roles="boss")  # type: ignore[arg-type]
    with pytest.raises(rp.InvalidArgument, match="include_network= must be True or False, not 'no'"):
        DS.by_partner("QEF", include_network="no")  # type: ignore[arg-type]
    with pytest.raises(rp.TerritoryNotFound):
        DS.by_partner("QEF", territory="Atlantide")


def test_collectives() -> None:
    for text, count in (("8 MRC", 8), ("20 entreprises en économie sociale", 20)):
        (mention,) = [m for m in DS.mentions if m.text == text and "member" in m.roles]
        partner = DS.partner(mention.partner_id or "")
        assert partner.collective and partner.count == count
    assert DS.partner("Organismes communautaires", territory="bas-saint-laurent").collective
    assert DS.partner("Commissions scolaires", territory="bas-saint-laurent").collective


def test_unknown_partners_list_the_closest_names() -> None:
    with pytest.raises(rp.PartnerNotFound, match="closest: 'Centraide'") as caught:
        DS.partner("Centraid")
    assert isinstance(caught.value, LookupError)
    with pytest.raises(rp.PartnerNotFound) as nothing:
        DS.partner("!!!")
    assert "closest" not in str(nothing.value)
    with pytest.raises(rp.InvalidArgument):
        DS.partner(42)  # type: ignore[arg-type]


@given(st.sampled_from(RESOLVED), st.data())
def test_every_mention_is_found_by_its_partner_in_its_portrait(mention: rp.Mention, data: st.DataObject) -> None:
    partner = DS.partner(mention.partner_id or "")
    keys = [partner.id, partner.name, *partner.acronyms, *partner.variants, *partner.portrait_forms]
    key = vary(data.draw(st.sampled_from(keys)), data)
    try:
        found = DS.by_partner(key, territory=mention.territory_id)
    except rp.AmbiguousPartner:  # a form two bodies of the portrait share ("CRE" in the Laurentides): by id, then
        found = DS.by_partner(partner.id, territory=mention.territory_id)
    assert mention in [m.mention for m in found] or partner.network_id is not None


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
    assert unicodedata.normalize("NFC", name) is not None


def test_outside_the_portraits_where_a_name_may_mean_their_own_body_it_resolves_as_without_a_territory() -> None:
    """What lets funding_by_territory resolve a partner once: in any portrait but those of
    ``portraits(name)``, every name and form of the registry means what it means without a territory."""
    from rqds_portraits._queries.partners import PartnerLookup

    lookup = PartnerLookup(DS.partners)

    def resolved(name: str, territory_id: str | None) -> object:
        try:
            return lookup.resolve(name, territory_id)
        except rp.RqdsError as error:
            return type(error), str(error)

    names = {f for p in DS.partners for f in (p.id, p.name, *p.acronyms, *p.variants, *p.portrait_forms)}
    differs = 0
    for name in sorted(names | {"nobody", ""}):
        anywhere = resolved(name, None)
        for territory in DS.territories:
            if territory.id not in lookup.portraits(name):
                assert resolved(name, territory.id) == anywhere, (name, territory.id)
            else:
                differs += resolved(name, territory.id) != anywhere
        for partner in DS.partners:  # a portrait form names its body in the portraits of its territories
            if name and lookup_key(name) in {lookup_key(form) for form in partner.portrait_forms}:
                assert set(partner.territories) <= lookup.portraits(name)
    assert differs  # "Ville", "CRE" in the Laurentides: the portraits where a name means their own body
