from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rqds_portraits._text import closest, lookup_key, slug


def test_lookup_key_forgives_case_accents_and_punctuation() -> None:
    assert lookup_key("Côte-Nord") == lookup_key("cote nord") == lookup_key("  CÔTE–NORD. ") == "cote nord"
    assert lookup_key("Gaspésie-Îles-de-la-Madeleine") == "gaspesie iles de la madeleine"
    assert lookup_key("Mise en œuvre") == "mise en oeuvre"
    assert lookup_key("Québec en Forme") == lookup_key("quebec-en-forme")


def test_slug() -> None:
    assert slug("Vallée-du-Haut-Saint-Laurent") == "vallee-du-haut-saint-laurent"
    assert slug("Montérégie Est") == "monteregie-est"


@given(st.text())
def test_lookup_key_is_idempotent_and_plain(text: str) -> None:
    key = lookup_key(text)
    assert lookup_key(key) == key
    assert key == key.strip()
    assert all(ch.isascii() and (ch.isalnum() or ch == " ") for ch in key)
    assert "  " not in key


@given(st.text(alphabet="abcdeéèêàçôîABCDEÉÈ -'’.", min_size=1))
def test_lookup_key_ignores_case_and_surrounding_space(text: str) -> None:
    assert lookup_key(f"  {text.upper()} ") == lookup_key(text.lower()) == lookup_key(text)


def test_closest_ranks_near_names_first() -> None:
    names = ["Côte-Nord", "Nord-du-Québec", "Laval", "Laurentides"]
    assert closest("cote nrd", names)[0] == "Côte-Nord"
    assert closest("lava", names)[0] == "Laval"
    assert closest("zzzz", names) == []
