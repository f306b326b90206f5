from __future__ import annotations

import pytest

from rqds_build.extract import french_title_case, parse_element


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("BAS-SAINT-LAURENT", "Bas-Saint-Laurent"),
        ("NORD-DU-QUÉBEC", "Nord-du-Québec"),
        ("GASPÉSIE-ÎLES-DE-LA-MADELEINE", "Gaspésie-Îles-de-la-Madeleine"),
        ("MONTÉRÉGIE EST", "Montérégie Est"),
        ("CÔTE-NORD", "Côte-Nord"),
    ],
)
def test_french_title_case(heading: str, name: str) -> None:
    assert french_title_case(heading) == name


@pytest.mark.parametrize(
    ("line", "kind", "level", "number", "text"),
    [
        ("  • Habitation", "bullet", 1, None, "Habitation"),
        ("    • Transport", "bullet", 2, None, "Transport"),
        ("1.1 Soutenir la concertation", "numbered", 1, "1.1", "Soutenir la concertation"),
        ("2.1 \u00a0Permettre aux acteurs", "numbered", 1, "2.1", "Permettre aux acteurs"),
        ("  10. CRC Ressources naturelles", "numbered", 1, "10.", "CRC Ressources naturelles"),
        ("B) Programme Solidarité", "numbered", 1, "B)", "Programme Solidarité"),
        ("Orientation 2 : Soutenir le développement", "numbered", 1, "Orientation 2", "Soutenir le développement"),
        ("Enjeu 8 : Famille", "numbered", 1, "Enjeu 8", "Famille"),
        ("3 ententes régionales : 2005-2014 | 3 740 000 $ / 9 ans", "paragraph", 0, None, None),
        ("2013-2014", "paragraph", 0, None, None),
        ("8 MRC", "paragraph", 0, None, None),
    ],
)
def test_parse_element(line: str, kind: str, level: int, number: str | None, text: str | None) -> None:
    element = parse_element(line, 7, ["Orientation", "Enjeu"])
    assert (element.kind, element.level, element.number) == (kind, level, number)
    assert element.text == (text if text is not None else line)
    assert element.prefix + element.text == line
    assert element.lines == (7, 7)
