"""The build step: reproducible bundled files, an edition-agnostic pipeline, clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import rqds_portraits as rp
from rqds_portraits.build.__main__ import main as build_main
from rqds_portraits.build.builder import build_outputs, write

from .conftest import DATA

SYNTHETIC_SOURCE = """Tour du Québec 2012/2013 - Portrait synthétique

INTRODUCTION

En 2012-2013, le Réseau québécois de développement social (RQDS) regroupe 2 régions membres sur une possibilité de 19.


13 | LAVAL

Site Internet : http://www.crelaval.qc.ca.

Leadership
CRÉ DE LAVAL - Culture

Intentions
Démocratisation de la culture

Membres du comité
CRÉ DE LAVAL; FJL; MCC

Particularité(s)
Entente spécifique 2010-2013 | 600 000 $ / 3 ans


09 | CÔTE-NORD

TABLE DES PARTENAIRES

DESCRIPTION ET/OU OBJECTIFS | Une table. Site Internet : http://www.crecotenord.qc.ca.

Intentions
  • Alimenter la CRÉ
    • Suivre le PARSIS 2010-2015
  1. Premier chantier

pdf Tour du Québec 2012-2013

Publication

1 octobre 2012

Modification

2 novembre 2012 09:30

Licence

Attention : une partie de ce contenu pourrait ne pas être la propriété des auteurs.

Pour citer cette note

Ann Autrice, Bob Auteur. (2012). Tour du Québec 2012/2013 - Portrait synthétique. Praxis (consulté le 3 mars 2025), https://example.org/n/abc/.
shareCopier"""

SYNTHETIC_CURATED = """
edition = "2012-2013"
revision = 3

[format]
introduction_heading = "INTRODUCTION"
footer_start = "pdf Tour du Québec 2012-2013"
website_labels = ["Site Internet"]
numbered_labels = []

[format.section_headings]
"DESCRIPTION ET/OU OBJECTIFS" = "description"
"Leadership" = "leadership"
"Intentions" = "intentions"
"Membres du comité" = "members"
"Particularité(s)" = "particularities"

[source]
publisher = "Réseau québécois de développement social"
publisher_acronym = "RQDS"
introduction_figures = "regroupe (?P<member_regions>\\\\d+) régions membres sur une possibilité de (?P<possible_regions>\\\\d+)"

[footer]
fields = { "Publication" = "published", "Modification" = "modified", "Licence" = "reuse_caveat", "Pour citer cette note" = "citation" }
platform_labels = ["pdf Tour du Québec 2012-2013", "shareCopier"]
"""


@pytest.fixture()
def synthetic_data(tmp_path: Path) -> Path:
    """A data folder with one made-up edition and the real partner registry."""
    folder = tmp_path / "2012-2013"
    folder.mkdir()
    (folder / "source.txt").write_text(SYNTHETIC_SOURCE, encoding="utf-8")
    (folder / "curated.toml").write_text(SYNTHETIC_CURATED, encoding="utf-8")
    shutil.copy(DATA / "partners.toml", tmp_path / "partners.toml")
    return tmp_path


def test_the_bundled_files_are_what_the_build_writes() -> None:
    outputs = build_outputs(DATA)
    assert set(outputs) == {DATA / "2014-2015" / "dataset.json", DATA / "editions.json", DATA / "dataset.schema.json"}
    for path, content in outputs.items():
        assert path.read_bytes() == content, f"{path} differs from a fresh build: run python -m rqds_portraits.build"


def test_a_new_edition_needs_only_its_source_and_curated_file(synthetic_data: Path) -> None:
    written = write(synthetic_data)
    assert synthetic_data / "2012-2013" / "dataset.json" in written
    assert build_outputs(synthetic_data) == {path: path.read_bytes() for path in written}  # reproducible too

    ds = rp.load_file(synthetic_data / "2012-2013" / "dataset.json")
    assert (ds.edition, ds.revision) == ("2012-2013", 3)
    assert [(t.id, t.region_number, t.name) for t in ds.territories] == [
        ("laval", "13", "Laval"),
        ("cote-nord", "09", "Côte-Nord"),
    ]
    assert ds.territory("CÔTE NORD").websites[0].url == "http://www.crecotenord.qc.ca"
    assert ds.territory("laval").notes[0].text == "Site Internet : http://www.crelaval.qc.ca."
    assert [i.id for i in ds.initiatives] == ["laval-01", "cote-nord-01"]
    assert ds.initiatives[1].title == "TABLE DES PARTENAIRES"
    intentions = ds.initiatives[1].sections[1]
    assert [(e.kind, e.level, e.number) for e in intentions.elements] == [
        ("bullet", 1, None),
        ("bullet", 2, None),
        ("numbered", 1, "1."),
    ]
    assert [(p.text, p.territory_id) for p in ds.periods] == [("2010-2013", "laval"), ("2010-2015", "cote-nord")]
    (amount,) = ds.amounts
    assert (amount.text, str(amount.value), amount.per_years, str(amount.period)) == ("600 000 $ / 3 ans", "600000", 3, "2010-2013")
    assert {(m.text, m.partner_id, m.role) for m in ds.mentions} >= {
        ("CRÉ DE LAVAL", "cre-laval", "leader"),
        ("FJL", "fjl", "member"),
        ("MCC", "mcc", "member"),
        ("CRÉ", "cre-cote-nord", "mentioned"),
    }
    assert ds.source.authors == ("Ann Autrice", "Bob Auteur")
    assert str(ds.source.published) == "2012-10-01" and ds.source.consulted.isoformat() == "2025-03-03"
    assert ds.render() == SYNTHETIC_SOURCE


def test_build_errors_name_the_problem(synthetic_data: Path) -> None:
    curated = synthetic_data / "2012-2013" / "curated.toml"
    curated.write_text(SYNTHETIC_CURATED.replace('"DESCRIPTION ET/OU OBJECTIFS" = "description"\n', ""), encoding="utf-8")
    with pytest.raises(rp.BuildError, match="text after a block title and before any section heading"):
        build_outputs(synthetic_data)

    curated.write_text(
        SYNTHETIC_CURATED + '\n[[amount]]\nterritory = "laval"\nat = "999 $"\ntext = "999 $"\nnote = "x"\n', encoding="utf-8"
    )
    with pytest.raises(rp.BuildError, match="'999 \\$' must occur on exactly one line of 'laval'"):
        build_outputs(synthetic_data)

    curated.write_text(SYNTHETIC_CURATED.replace("revision = 3", "revision = 0"), encoding="utf-8")
    with pytest.raises(rp.BuildError, match="revision must be a positive integer"):
        build_outputs(synthetic_data)


def test_build_command_checks_and_writes(synthetic_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build_main([str(synthetic_data), "--check"]) == 1  # nothing built yet
    assert "not reproducible" in capsys.readouterr().err
    assert build_main([str(synthetic_data)]) == 0
    assert build_main([str(synthetic_data), "--check"]) == 0
    (synthetic_data / "2012-2013" / "curated.toml").write_text("edition = 1", encoding="utf-8")
    assert build_main([str(synthetic_data)]) == 2
    assert capsys.readouterr().err.startswith("build error:")
