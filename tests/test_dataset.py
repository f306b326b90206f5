"""The Dataset surface: one naming rule, forgiving lookups that never answer a wrong record,
clear errors, and properties over every territory and record."""

from __future__ import annotations

import unicodedata
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp
from rqds_portraits._regions import REGIONS

from .conftest import EDITION
from .strategies import vary

DS = rp.load(EDITION)
TERRITORIES = DS.territories
ASCII_DIGITS = set("0123456789")


@given(st.sampled_from(TERRITORIES), st.data())
def test_every_territory_is_found_by_id_name_and_heading(territory: rp.Territory, data: st.DataObject) -> None:
    for key in (territory.id, territory.name, territory.heading):
        assert DS.territory(vary(key, data)) is territory
        assert DS.territory(unicodedata.normalize("NFD", key)) is territory


@given(st.sampled_from([t for t in TERRITORIES if t.region_number != "16"]), st.data())
def test_every_unique_region_number_finds_its_territory(territory: rp.Territory, data: st.DataObject) -> None:
    number = territory.region_number
    key = data.draw(st.sampled_from([number, number.lstrip("0"), f" {number} "]) | st.just(int(number)))
    assert DS.territory(key) is territory
    assert DS.by_region(int(number)) == (territory,)


@pytest.mark.parametrize("key", [-1, "-13", "+13", "13.", "¹", "٣9", "１３", "013", "1 3", 0, 18, 10**30])
def test_only_ascii_region_numbers_are_region_numbers(key: object) -> None:
    with pytest.raises(rp.TerritoryNotFound):
        DS.territory(key)  # type: ignore[arg-type]


def test_a_boolean_or_another_type_is_not_a_key() -> None:
    for key in (True, False, None, 13.0, b"laval", ["laval"]):
        with pytest.raises(rp.InvalidArgument, match="a territory key is an id, a name or a region number"):
            DS.territory(key)  # type: ignore[arg-type]


@given(st.one_of(st.text(max_size=40), st.integers()))
def test_a_territory_answered_for_a_key_is_the_one_it_names(key: str | int) -> None:
    try:
        found = DS.territory(key)
    except rp.RqdsError as error:
        assert isinstance(error, LookupError) and str(error)
        return
    if isinstance(key, int) or (key.strip() and set(key.strip()) <= ASCII_DIGITS):
        assert int(found.region_number) == int(key)  # a numeric key answers its own ASCII number
    else:
        from rqds_portraits._text import lookup_key

        assert lookup_key(key) in {lookup_key(found.id), lookup_key(found.name), lookup_key(found.heading)}


def test_region_16_and_region_names() -> None:
    both = DS.by_region(16)
    assert [t.id for t in both] == ["monteregie-est", "vallee-du-haut-saint-laurent"]
    assert DS.by_region("16") == both
    for key in (16, "16", "Montérégie", "monteregie"):
        with pytest.raises(rp.AmbiguousTerritory, match="'monteregie-est', 'vallee-du-haut-saint-laurent'") as caught:
            DS.territory(key)
        assert isinstance(caught.value, LookupError)
    with pytest.raises(rp.TerritoryNotFound, match=r"region 06 \(Montréal\) has no territory"):
        DS.territory("Montréal")
    with pytest.raises(rp.TerritoryNotFound, match="region 02"):
        DS.territory(2)
    assert len(REGIONS) == 17


def test_suggestions_are_meaningful() -> None:
    with pytest.raises(rp.TerritoryNotFound, match="did you mean 'Côte-Nord'") as caught:
        DS.territory("cote nrd")
    assert "valid ids: bas-saint-laurent" in str(caught.value)
    with pytest.raises(rp.TerritoryNotFound, match="did you mean 'Gaspésie-Îles-de-la-Madeleine'"):
        DS.territory("Gaspésie")
    with pytest.raises(rp.TerritoryNotFound, match="did you mean 'Montérégie Est', 'Vallée-du-Haut-Saint-Laurent'"):
        DS.territory("Monteregi")
    with pytest.raises(rp.TerritoryNotFound) as nothing:
        DS.territory("!!!")
    assert "did you mean" not in str(nothing.value)


def test_by_region_validates() -> None:
    assert DS.by_region(2) == ()
    for bad in (0, 18, "abc", None, True, "²", "-1", 10**5000):
        with pytest.raises(rp.InvalidArgument, match="a region number is an integer from 1 to 17"):
            DS.by_region(bad)  # type: ignore[arg-type]


def test_one_record_by_id() -> None:
    assert DS.initiative("laval-03").label == "CRÉ de Laval, A.V.E.C. (Avenir, viable, école, communauté)"
    assert DS.initiative("LAVAL-03") is DS.initiative("laval-03")
    assert DS.entente("laval-culture-2013-2016").subject == "Culture"
    assert DS.amount("laval-03-a2").text == "1 600 000 $/9 ans"
    assert DS.mention("laval-03-m7").text == "MELS"
    assert DS.period("laval-07-p1").text == "2013-2016"
    assert DS.date("chaudiere-appalaches-05-d1").text == "jusqu’en juin 2015"
    assert DS.source_note("laval-05-n1").text == "| 3 ans"
    with pytest.raises(rp.InitiativeNotFound, match="did you mean .*'laval-03'"):
        DS.initiative("laval-3")
    for lookup in (DS.entente, DS.amount, DS.mention, DS.period, DS.date, DS.source_note):
        with pytest.raises(rp.RecordNotFound, match="ids look like") as caught:
            lookup("nope")
        assert isinstance(caught.value, rp.NotFound) and isinstance(caught.value, LookupError)
        with pytest.raises(rp.InvalidArgument):
            lookup(3)  # type: ignore[arg-type]


def test_one_naming_rule() -> None:
    plurals = (
        "territories",
        "initiatives",
        "periods",
        "dates",
        "amounts",
        "ententes",
        "mentions",
        "partners",
        "source_notes",
    )
    for plural in plurals:
        records = getattr(DS, plural)
        assert isinstance(records, tuple) and records, plural
    singulars = {"territory": "laval", "initiative": "laval-01", "period": "laval-01-p1", "date": DS.dates[0].id,
                 "amount": "laval-01-a1", "entente": DS.ententes[0].id, "mention": "laval-01-m1", "partner": "qef",
                 "source_note": DS.source_notes[0].id}  # fmt: skip
    for singular, key in singulars.items():
        assert getattr(DS, singular)(key) is not None


def test_calling_ententes_is_deprecated_but_works() -> None:
    with pytest.warns(
        DeprecationWarning, match=r"ds.ententes\(\.\.\.\) is deprecated since rqds-portraits 0.2.0.*find_ententes"
    ):
        old = DS.ententes(territory="laval")
    assert old == DS.find_ententes(territory="laval")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(DS.ententes) == len(DS.find_ententes())  # the tuple itself does not warn


def test_keys_longer_than_any_name_find_nothing() -> None:
    # benchmarks/lookups.py measures that they answer in well under 50 ms.
    for lookup in (DS.territory, DS.partner, DS.initiative, DS.entente, DS.mention):
        with pytest.raises(rp.NotFound, match="characters"):
            lookup("a" * 10**6)


def test_repr() -> None:
    assert repr(DS).startswith("<Dataset 2014-2015 revision ")


def test_a_section_kind_is_checked() -> None:
    block = DS.initiative("laval-07")
    assert block.section("particularities") is not None and block.section("events") is None
    with pytest.raises(rp.InvalidArgument, match="invalid section kind 'nope'; kinds are "):
        block.section("nope")  # type: ignore[arg-type]


@pytest.mark.parametrize("edition", rp.editions())
def test_an_id_names_the_territory_its_folded_key_names(edition: str) -> None:
    """A lookup by an exact id skips folding the names (issue 20): it must answer what the folded key answers."""
    from rqds_portraits._queries.territories import TerritoryLookup
    from rqds_portraits._text import lookup_key

    for revision in rp.revisions(edition):
        territories = rp.load(edition, revision=revision.revision).territories
        keys, _ = TerritoryLookup(territories, edition).folded()
        assert all(keys[lookup_key(territory.id)] is territory for territory in territories)
