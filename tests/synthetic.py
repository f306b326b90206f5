"""A small made-up edition of the Tour du Québec, to test what no bundled edition can show:
the build on a new edition, and "the latest edition" once a second one is bundled."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from rqds_build.builder import build_outputs

SOURCE = """Tour du Québec {first}/{last} - Portrait synthétique

INTRODUCTION

En {first}-{last}, le Réseau québécois de développement social (RQDS) regroupe 2 régions membres sur une possibilité de 19.


13 | LAVAL

Site Internet : http://www.crelaval.qc.ca.

Leadership
CRÉ DE LAVAL - Culture

Intentions
Démocratisation de la culture

Membres du comité
CRÉ DE LAVAL; FJL; MCC

Particularité(s)
Entente spécifique {start}-{last} | 600 000 $ / 3 ans


09 | CÔTE-NORD

TABLE DES PARTENAIRES

DESCRIPTION ET/OU OBJECTIFS | Une table. Site Internet : http://www.crecotenord.qc.ca.

Intentions
  • Alimenter la CRÉ
    • Suivre le PARSIS {start}-{end}
  1. Premier chantier

pdf Tour du Québec {first}-{last}

Publication

1 octobre {first}

Modification

2 novembre {first} 09:30

Licence

Attention : une partie de ce contenu pourrait ne pas être la propriété des auteurs.

Pour citer cette note

Ann Autrice, Bob Auteur. ({first}). Tour du Québec {first}/{last} - Portrait synthétique. Praxis (consulté le 3 mars 2025), https://example.org/n/abc/.
shareCopier"""

CURATED = """
edition = "{first}-{last}"
revision = 3
revision_date = 2025-03-03
as_of = {first}-10-01

[conventions]
introduction_heading = "INTRODUCTION"
footer_start = "pdf Tour du Québec {first}-{last}"
numbered_labels = []
amount_words = ["compressions", "retombées", "app."]
entente_words = ["ententes?", "PARSIS"]

[conventions.not_partners]
PARSIS = "a plan"

[conventions.section_headings]
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
fields = {{ "Publication" = "published", "Modification" = "modified", "Licence" = "reuse_caveat", "Pour citer cette note" = "citation" }}
platform_labels = ["pdf Tour du Québec {first}-{last}", "shareCopier"]

[[entente]]
id = "laval-culture-{start}-{last}"
territory = "laval"
at = "Entente spécifique {start}-{last} | 600 000 $ / 3 ans"
title = "Entente spécifique"
subject = "Culture"
kind = "specific"
period = "{start}-{last}"
amounts = ["600 000 $ / 3 ans"]
partners_at = "CRÉ DE LAVAL; FJL; MCC"

[[entente]]
id = "cote-nord-parsis"
territory = "cote-nord"
at = "Suivre le PARSIS {start}-{end}"
title = "PARSIS"
kind = "plan"
period = "{start}-{end}"
"""


def texts(first: int) -> tuple[str, str]:
    """The source text and curated file of the made-up edition ``first-(first+1)``."""
    years = {"first": first, "last": first + 1, "start": first - 2, "end": first + 3}
    return SOURCE.format(**years), CURATED.format(**years)


def edition_folder(data_dir: Path, first: int) -> Path:
    """Write the made-up edition ``first-(first+1)`` into *data_dir* (its source and curated file)."""
    source, curated = texts(first)
    folder = data_dir / f"{first}-{first + 1}"
    folder.mkdir()
    (folder / "source.txt").write_text(source, encoding="utf-8")
    (folder / "curated.toml").write_text(curated, encoding="utf-8")
    return folder


CURATION = Path(__file__).resolve().parent.parent / "curation"
"""The curated files and the partner registry of the checkout (the build's inputs, not installed)."""


def scratch_data(package_data: Path, target: Path) -> Path:
    """A copy of the package's data folder with the checkout's curated files and registry laid in
    it: one folder that the build reads whole (``python -m rqds_build DATA_DIR``)."""
    shutil.copytree(package_data, target)
    shutil.copytree(CURATION, target, dirs_exist_ok=True)
    return target


def data_with_later_edition(package_data: Path, target: Path, first: int = 2015) -> Path:
    """A copy of the package's data folder with a made-up later edition built and indexed beside
    the bundled ones (the bundled ones are not rebuilt: their bytes stay those shipped)."""
    shutil.copytree(package_data, target)
    alone = target.parent / f"{target.name}-alone"
    alone.mkdir()
    shutil.copy(CURATION / "partners.toml", alone / "partners.toml")
    edition_folder(alone, first)
    built = build_outputs(alone)
    name = f"{first}-{first + 1}"
    (target / name).mkdir()
    for path, content in built.items():
        if path.parent.name == name:
            (target / name / path.name).write_bytes(content)
    index = json.loads((target / "editions.json").read_text(encoding="utf-8"))
    index["editions"] += json.loads(built[alone / "editions.json"])["editions"]
    (target / "editions.json").write_text(json.dumps(index), encoding="utf-8")
    return target
