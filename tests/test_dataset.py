"""Territory lookups: forgiving keys, clear errors, properties over every territory."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rqds_portraits as rp

from .strategies import vary

DS = rp.load()
TERRITORIES = DS.territories


@given(st.sampled_from(TERRITORIES), st.data())
def test_every_territory_is_found_by_id_name_and_heading(territory: rp.Territory, data: st.DataObject) -> None:
    for key in (territory.id, territory.name, territory.heading):
        assert DS.territory(vary(key, data)) is territory


@given(st.sampled_from([t for t in TERRITORIES if t.region_number != "16"]), st.data())
def test_every_unique_region_number_finds_its_territory(territory: rp.Territory, data: st.DataObject) -> None:
    number = territory.region_number
    choices: list[str | int] = [number, number.lstrip("0"), f" {number} ", int(number)]
    key = data.draw(st.sampled_from(choices))
    assert DS.territory(key) is territory
    assert DS.by_region(int(number)) == (territory,)


@given(st.text(max_size=30))
def test_any_other_text_finds_nothing_or_raises_a_package_error(text: str) -> None:
    try:
        found = DS.territory(text)
    except rp.RqdsError as error:
        assert isinstance(error, LookupError)
        assert str(error)
    else:
        assert found in TERRITORIES


def test_region_16_is_ambiguous() -> None:
    both = DS.by_region(16)
    assert [t.id for t in both] == ["monteregie-est", "vallee-du-haut-saint-laurent"]
    assert DS.by_region("16") == both
    with pytest.raises(rp.AmbiguousTerritory, match="'monteregie-est', 'vallee-du-haut-saint-laurent'") as caught:
        DS.territory(16)
    assert isinstance(caught.value, LookupError)


def test_unknown_territories_suggest_the_closest() -> None:
    with pytest.raises(rp.TerritoryNotFound, match="did you mean 'Côte-Nord'") as caught:
        DS.territory("cote nrd")
    assert "valid ids: bas-saint-laurent" in str(caught.value)
    with pytest.raises(rp.TerritoryNotFound):
        DS.territory(2)  # Saguenay–Lac-Saint-Jean is not a member in 2014-2015
    with pytest.raises(rp.InvalidArgument, match="not NoneType"):
        DS.territory(None)  # type: ignore[arg-type]


def test_by_region_validates() -> None:
    assert DS.by_region(2) == ()
    for bad in (0, 18, "abc", None, True):
        with pytest.raises(rp.InvalidArgument):
            DS.by_region(bad)  # type: ignore[arg-type]


def test_initiatives() -> None:
    assert DS.initiative("laval-03").label == "CRÉ de Laval, A.V.E.C. (Avenir, viable, école, communauté)"
    assert [i.id for i in DS.initiatives_in("Nord-du-Québec")] == ["nord-du-quebec-01"]
    with pytest.raises(rp.InitiativeNotFound, match="did you mean .*'laval-03'"):
        DS.initiative("laval-3")


def test_repr() -> None:
    assert repr(DS).startswith("<Dataset 2014-2015 revision 1 sha256=")
