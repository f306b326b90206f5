"""The build step: reproducible bundled files, an edition-agnostic pipeline, and a build that names
every problem at once and refuses what it cannot read."""

from __future__ import annotations

import datetime
import gzip
import hashlib
import re
import shutil
from pathlib import Path

import pytest

import rqds_portraits as rp
from rqds_build.__main__ import main as build_main
from rqds_build.builder import build_outputs, write
from rqds_build.ententes import status_from_period
from rqds_build.problems import BuildFailed
from rqds_portraits import Period

from .conftest import CURATION, DATA, EDITION
from .synthetic import edition_folder, scratch_data, texts

SYNTHETIC = "2012-2013"


@pytest.fixture()
def synthetic_data(tmp_path: Path) -> Path:
    """A data folder with one made-up edition and the real partner registry."""
    edition_folder(tmp_path, 2012)
    shutil.copy(CURATION / "partners.toml", tmp_path / "partners.toml")
    return tmp_path


@pytest.fixture()
def real_data(tmp_path: Path) -> Path:
    """A copy of the package's data folder, with the curated files and the registry laid in it."""
    return scratch_data(DATA, tmp_path / "data")


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(BuildFailed) as caught:
        build_outputs(data_dir)
    return [str(problem) for problem in caught.value.problems]


def test_the_bundled_files_are_what_the_build_writes() -> None:
    outputs = build_outputs(DATA, CURATION)
    assert {path.name for path in outputs} >= {"dataset.json", "editions.json", "dataset.schema.json"}
    for path, content in outputs.items():
        assert path.read_bytes() == content, f"{path} differs from a fresh build: run python -m rqds_build"


def test_a_new_edition_needs_only_its_source_and_curated_file(synthetic_data: Path) -> None:
    written = write(synthetic_data)
    assert synthetic_data / SYNTHETIC / "dataset.json" in written
    assert build_outputs(synthetic_data) == {path: path.read_bytes() for path in written}  # reproducible too

    ds = rp.load_file(synthetic_data / SYNTHETIC / "dataset.json")
    assert (ds.edition, ds.revision, str(ds.revision_date), str(ds.as_of)) == (SYNTHETIC, 3, "2025-03-03", "2012-10-01")
    assert [(t.id, t.region_number, t.name) for t in ds.territories] == [
        ("laval", "13", "Laval"),
        ("cote-nord", "09", "Côte-Nord"),
    ]
    assert ds.territory("CÔTE NORD").websites[0].url == "http://www.crecotenord.qc.ca"
    assert ds.territory("laval").notes[0].text == "Site Internet : http://www.crelaval.qc.ca."
    assert [i.id for i in ds.initiatives] == ["laval-01", "cote-nord-01"]
    intentions = ds.initiatives[1].sections[1]
    assert [(e.kind, e.level, e.number) for e in intentions.elements] == [
        ("bullet", 1, None),
        ("bullet", 2, None),
        ("numbered", 1, "1."),
    ]
    assert [(p.text, p.territory_id) for p in ds.periods] == [("2010-2013", "laval"), ("2010-2015", "cote-nord")]
    (amount,) = ds.amounts
    assert (amount.text, str(amount.value), amount.per_years, str(amount.period)) == (
        "600 000 $ / 3 ans",
        "600000",
        3,
        "2010-2013",
    )
    culture, parsis = ds.ententes
    # Statuses follow from the periods against as_of (2012-10-01): computed by the build.
    assert (culture.status, culture.status_basis, parsis.status) == ("in_progress", "period", "in_progress")
    assert {(m.text, m.partner_id, m.roles) for m in ds.mentions} >= {
        ("CRÉ DE LAVAL", "cre-laval", ("leader",)),
        ("FJL", "fjl", ("member",)),
        ("MCC", "mcc", ("member",)),
        ("CRÉ", "cre-cote-nord", ("mentioned",)),
    }
    assert ds.source.authors == ("Ann Autrice", "Bob Auteur")
    assert ds.render() == texts(2012)[0]


def test_statuses_follow_from_the_period() -> None:
    as_of = datetime.date(2014, 10, 1)
    assert status_from_period(Period(2013, 2014), as_of) == "ended"  # April 2013 - March 2014
    assert status_from_period(Period(2014, 2015), as_of) == "in_progress"
    assert status_from_period(Period(2015, 2020), as_of) == "planned"
    assert status_from_period(Period.parse(2014), as_of) == "in_progress"


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_a_stale_curated_file_on_a_changed_source_fails_once_with_every_problem(
    real_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = real_data / EDITION / "source.txt"
    # A next edition's text, as a maintainer would first try it: years moved on, amounts changed.
    changed = re.sub(r"\b(20[01][0-9])\b", lambda m: str(int(m[1]) + 1), source.read_text(encoding="utf-8"))
    changed = changed.replace("870 000 $/3 ans", "900 000 $/3 ans").replace("app. - 1 600 000", "app. - 1 700 000")
    source.write_text(changed, encoding="utf-8")
    (real_data / EDITION / "dataset.r1.json.gz").unlink()  # and a revision's archive went missing
    curated = real_data / EDITION / "curated.toml"
    _replace(
        curated, 'text = "870 000 $/3 ans"\n', 'text = "870 000 $/3 ans"\nvalue = "87000"\n'
    )  # wrong, and its `at` fails
    problems = problems_of(real_data)
    assert len(problems) > 20
    assert problems == sorted(problems, key=lambda p: (p.split(":")[0], int(p.split(":")[1])))  # by file and line
    text = "\n".join(problems)
    assert "no line of 'laval' contains" in text and "the source may have changed. Closest: line" in text
    assert "[[amount]] '870 000 $/3 ans'" in text and "[[entente]]" in text
    # Named in the same run: the stale header date, the missing archive, every field of a failing entry.
    assert "as_of 2014-10-01 is not the publication date the source writes (2015-10-01)" in text
    assert "cannot read 2014-2015/dataset.r1.json.gz" in text
    assert "[[amount]] '870 000 $/3 ans' (laval): value 87000 is not a reading of the digits written (870000)" in text
    assert "[[amount]] '870 000 $/3 ans' (laval): no line of 'laval' contains '870 000 $/3 ans'" in text
    # A hint ranks lines by the whole entry, and says when it is not sure.
    assert "Closest: line 734: 'Entente spécifique 2014-2019 | 3 125 000 $ / 4 ans'" in text
    assert "contains '870 000 $/3 ans'; the source may have changed. Closest: line 722: '900 000 $/3 ans'" in text
    assert "contains 'Entente 2013-2015 : 248 402 $'; the source may have changed. Closest (not sure: the two" in text
    assert build_main([str(real_data)]) == 2  # one run, every problem, no traceback
    err = capsys.readouterr().err
    assert err.startswith(f"build failed: {len(problems)} problem(s), by file and line:") and "Traceback" not in err


def test_an_amount_needs_an_explicit_reading(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    text = curated.read_text(encoding="utf-8")
    # Delete every curated reading of an amount: cuts, impacts, shares and negotiations must not pass as funding.
    without = re.sub(r"(?ms)^\[\[amount\]\]\n.*?(?=^\[\[|^# ---)", "", text)
    curated.write_text(without, encoding="utf-8")
    problems = "\n".join(problems_of(real_data))
    for words in ("'retombées'", "'app.'", "'négociation'", "'mise de fonds'"):
        assert words in problems
    assert "cannot read the amount '200 000 00$': curate its value" in problems  # the cut of line 578
    assert "'1 685 907$'" not in problems  # plain, in its agreement: no reading needed
    curated.write_text(text.replace('kind = "cut"\n', ""), encoding="utf-8")
    assert "'kind' must be a non-empty string" in "\n".join(problems_of(real_data))  # an explicit kind, never a default


def test_a_value_must_have_the_digits_written(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    _replace(curated, 'value = "200000.00"', 'value = "20000.00"')
    assert "value 20000.00 is not a reading of the digits written (20000000)" in "\n".join(problems_of(real_data))
    _replace(curated, 'value = "20000.00"', 'value = "20000.00"\nreading = "a made-up reading for the test"')
    assert "value 20000.00 is not a reading" in "\n".join(problems_of(real_data))  # a reading gives no other digits


def test_every_agreement_like_phrase_is_read(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    _replace(curated, 'why = "A generic plural: no one agreement is named."', 'why = ""')
    _replace(curated, '[[not_an_entente]]\nterritory = "outaouais"', '[[not_really]]\nterritory = "outaouais"')
    problems = "\n".join(problems_of(real_data))
    assert "'why' must be a non-empty string" in problems
    assert "unknown keys or kinds ['not_really']" in problems
    assert "'plans d’action' in" in problems and "is named by no [[entente]] (at or also_at)" in problems


def test_a_status_that_follows_from_the_period_is_computed(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    _replace(curated, 'id = "laval-culture-2013-2016"', 'id = "laval-culture-2013-2016"\nstatus = "ended"')
    assert "status follows from the period (2013-2016 against as_of 2014-10-01: in_progress)" in "\n".join(
        problems_of(real_data)
    )


def test_curated_anchors_name_their_lines(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    _replace(curated, 'at = "Entente Ville – MAMROT 2012-2015 | 567 000 $ / 3 ans"', 'at = "Entente"')
    problems = "\n".join(problems_of(real_data))
    assert "'Entente' is on several lines of 'laval': [" in problems and "add line = N to say which" in problems


def test_revisions_are_archived_and_checked(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    text = curated.read_text(encoding="utf-8")
    current_revision = int(re.search(r"^revision = ([0-9]+)$", text, re.MULTILINE)[1])  # type: ignore[index]
    bumped = current_revision + 1
    _replace(curated, f"revision = {current_revision}\n", f"revision = {bumped}\n")
    current = (real_data / EDITION / "dataset.json").read_bytes()
    with pytest.raises(
        BuildFailed, match=f"dataset.r{current_revision}.json.gz keeps a published revision: list it in"
    ):
        write(real_data)
    archived = real_data / EDITION / f"dataset.r{current_revision}.json.gz"
    assert gzip.decompress(archived.read_bytes()) == current  # kept byte for byte before anything else
    digest = hashlib.sha256(current).hexdigest()
    _replace(
        curated,
        "[[published]]\n",
        f'[[published]]\nrevision = {current_revision}\ndate = 2026-11-25\nsha256 = "{digest}"\n\n[[published]]\n',
    )
    write(real_data)
    revisions = [
        (r["revision"], r["file"])
        for r in __import__("json").loads((real_data / "editions.json").read_text())["editions"][0]["revisions"]
    ]
    assert revisions[-2:] == [(current_revision, archived.name), (bumped, "dataset.json")]
    assert [r for r, _ in revisions] == list(range(1, bumped + 1))
    archived.write_bytes(gzip.compress(current.replace(b'"revision":', b'"revision":9')))
    assert "a published revision never changes" in "\n".join(problems_of(real_data))


def test_the_registry_keeps_proper_names_to_one_body(real_data: Path) -> None:
    registry = real_data / "partners.toml"
    _replace(registry, 'acronyms = ["FJL"]', 'acronyms = ["FJL", "QEF"]')
    assert "'QEF' names several partners (quebec-en-forme too)" in "\n".join(problems_of(real_data))


def test_todo_is_refused(synthetic_data: Path) -> None:
    _replace(synthetic_data / SYNTHETIC / "curated.toml", 'title = "PARSIS"', 'title = "TODO"')
    assert any("entente[1].title is still TODO" in p for p in problems_of(synthetic_data))


def test_the_scaffold_writes_every_decision_as_todo(
    real_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "tour.txt"
    source.write_text(texts(2015)[0], encoding="utf-8")
    assert build_main(["new", "2015-2016", str(source), "--data", str(real_data)]) == 0
    assert re.match(
        r"wrote .*2015-2016/source\.txt and .*curated\.toml: \d+ decisions marked TODO", capsys.readouterr().out
    )
    curated = (real_data / "2015-2016" / "curated.toml").read_text(encoding="utf-8")
    assert 'footer_start = "pdf Tour du Québec 2015-2016"' in curated
    # A plain amount on an agreement's line needs no reading: the agreement's entry lists it, with its period.
    assert "how to read '600 000 $ / 3 ans'" not in curated
    laval = curated[curated.index("# TODO line 22 (phrase 'Entente'): an agreement (fill in") :].split("\n\n")[0]
    assert 'period = "2013-2016"' in laval and 'amounts = ["600 000 $ / 3 ans"]' in laval
    assert "# TODO line 33 (phrase 'PARSIS'): an agreement (fill in" in curated
    assert (
        'fields = { Publication = "published", Modification = "modified", Licence = "reuse_caveat", "Pour citer cette note" = "citation" }'
        in curated
    )
    assert build_main([str(real_data)]) == 2
    err = capsys.readouterr().err
    assert (
        "2015-2016/curated.toml:10: revision_date is still TODO" in err
        and "2015-2016/curated.toml:12: as_of is still TODO" in err
    )
    assert "is not written there" not in err  # an entry still TODO is reported once, not read
    assert build_main(["new", "2015-2016", str(source), "--data", str(real_data)]) == 2  # never overwrites
    assert "exists already" in capsys.readouterr().err
    assert build_main(["new", "2015", str(source), "--data", str(real_data)]) == 2


def test_build_command_checks_and_writes(synthetic_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build_main([str(synthetic_data), "--check"]) == 1  # nothing built yet
    assert "not reproducible" in capsys.readouterr().err
    assert build_main([str(synthetic_data)]) == 0
    assert build_main([str(synthetic_data), "--check"]) == 0
    (synthetic_data / SYNTHETIC / "curated.toml").write_text("edition = 1", encoding="utf-8")
    assert build_main([str(synthetic_data)]) == 2
    assert capsys.readouterr().err.startswith("build failed:")


# Readings the text contradicts (issue 18): each fails the build with one problem, at its entry's line.


def _line_of(path: Path, marker: str) -> int:
    """The line of the ``[[kind]]`` entry (or key) of *path* whose text holds *marker*."""
    lines = path.read_text(encoding="utf-8").split("\n")
    found = next(n for n, line in enumerate(lines) if marker in line)
    header = next((n for n in range(found, -1, -1) if lines[n].startswith("[[")), found)
    return header + 1 if lines[header].startswith("[[") else found + 1


def the_problem(data_dir: Path, file: str, line: int) -> str:
    """The one problem of the build of *data_dir*, which must be at *file*:*line*."""
    problems = problems_of(data_dir)
    assert len(problems) == 1, "\n".join(problems)
    assert problems[0].startswith(f"{file}:{line}: "), problems[0]
    return problems[0]


CURATED = f"{EDITION}/curated.toml"


@pytest.mark.parametrize(
    ("written", "marker", "expected"),
    [
        (
            'kind = "cut"',
            'at = "Les compressions budgétaires',
            "'compressions' is written near it: its kind is 'cut', not 'funding'",
        ),
        (
            'kind = "impact"',
            'at = "retombées 2 300 000$"',
            "'retombées' is written near it: its kind is 'impact', not 'funding'",
        ),
    ],
)
def test_a_word_decides_the_kind_of_its_amount(real_data: Path, written: str, marker: str, expected: str) -> None:
    curated = real_data / EDITION / "curated.toml"
    text = curated.read_text(encoding="utf-8")
    start = text.index(marker)
    curated.write_text(text[:start] + text[start:].replace(written, 'kind = "funding"', 1), encoding="utf-8")
    assert expected in the_problem(real_data, CURATED, _line_of(curated, marker))


def test_an_approximate_share_says_whose_share_it_is(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    _replace(curated, 'share_of = "3 740 000 $ / 9 ans"\n', "")
    problem = the_problem(real_data, CURATED, _line_of(curated, 'at = "MELS : app. - 1 600 000 $/9 ans"'))
    assert "'app.' is written near it and its block writes a larger amount over the same years" in problem
    assert "give share_of" in problem


def test_a_reading_chooses_between_the_digits_written_never_others(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    _replace(curated, 'value = "200000.00"', 'value = "400000.00"\nreading = "any reading at all"')
    problem = the_problem(real_data, CURATED, _line_of(curated, 'at = "Les compressions budgétaires'))
    assert "value 400000.00 is not a reading of the digits written (20000000): it can be 20000000 or 200000;" in problem
    _replace(curated, 'value = "400000.00"', 'value = "20000000"')
    write(real_data)  # the other interpretation of the same digits is a reading


def test_a_status_written_by_hand_says_what_its_words_say(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    marker = 'id = "capitale-nationale-aines-adaptation"'
    text = curated.read_text(encoding="utf-8")
    start = text.index(marker)
    curated.write_text(
        text[:start] + text[start:].replace('status = "in_progress"', 'status = "ended"', 1), encoding="utf-8"
    )
    problem = the_problem(real_data, CURATED, _line_of(curated, marker))
    assert (
        "status 'ended' is not what status_text 'Mise en œuvre' says" in problem and "it says 'in_progress'" in problem
    )


def test_signatories_are_the_number_written(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    _replace(curated, "signatories = 5\n", "signatories = 50\n")
    problem = the_problem(real_data, CURATED, _line_of(curated, 'id = "mauricie-entente-ds-2014-2017"'))
    assert "signatories = 50, but signatories_text '5 partenaires signataires' writes 5" in problem


def test_as_of_is_the_publication_date_the_source_writes(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    _replace(curated, "as_of = 2014-10-01\n", "as_of = 2013-10-01\n")
    problem = the_problem(real_data, CURATED, _line_of(curated, "as_of = 2013-10-01"))
    assert "as_of 2013-10-01 is not the publication date the source writes (2014-10-01)" in problem
    _replace(curated, "as_of = 2013-10-01\n", 'as_of = 2013-10-01\nas_of_why = "a made-up reason for the test"\n')
    write(real_data)  # declared, with its reason


def test_a_period_reading_never_contradicts_a_written_period(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    marker = 'id = "laval-culture-2013-2016"'
    text = curated.read_text(encoding="utf-8")
    start = text.index(marker)
    curated.write_text(
        text[:start] + marker + '\nperiod_reading = "2012-2016"' + text[start + len(marker) :], encoding="utf-8"
    )
    problem = the_problem(real_data, CURATED, _line_of(curated, marker))
    assert "period_reading '2012-2016' contradicts the period written '2013-2016'" in problem


def test_an_amount_is_read_once(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    text = curated.read_text(encoding="utf-8")
    entry = re.search(r"(?ms)^\[\[amount\]\]\nterritory = \"[^\"]+\"\nat = \"retombées 2 300 000\$\".*?(?=^\[\[)", text)
    assert entry is not None
    again = entry[0].replace('qualifier = "exact"', 'qualifier = "approximate"')
    curated.write_text(text.replace(entry[0], entry[0] + again), encoding="utf-8")
    problem = the_problem(real_data, CURATED, _line_of(curated, entry[0].split("\n")[2]) + entry[0].count("\n"))
    assert "'2 300 000$' of line" in problem and "is read twice" in problem


def test_an_amount_belongs_to_one_agreement(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    marker = 'at = "Entente Ville – MAMROT 2012-2015 | 567 000 $ / 3 ans"'
    text = curated.read_text(encoding="utf-8")
    entry = re.search(rf"(?ms)^\[\[entente\]\]\n(?:(?!^\[\[).)*?{re.escape(marker)}.*?(?=^\[\[)", text)
    assert entry is not None
    copy = re.sub(r'(?m)^id = "([^"]+)"', r'id = "\1-copy"', entry[0]).replace(
        marker, 'at = "MAMROT 2012-2015 | 567 000 $ / 3 ans"'
    )
    copy = re.sub(r"(?m)^(also_at|partners_at|partners_line|line) = .*\n", "", copy)
    curated.write_text(text.replace(entry[0], entry[0] + copy), encoding="utf-8")
    problem = the_problem(real_data, CURATED, _line_of(curated, 'at = "MAMROT 2012-2015 | 567 000 $ / 3 ans"'))
    assert "already belong to another agreement: an amount is counted once" in problem


def test_an_entry_is_given_once(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    text = curated.read_text(encoding="utf-8")
    entry = re.search(r"(?ms)^\[\[source_note\]\]\n.*?(?=^\[\[|\Z)", text)
    assert entry is not None
    block = entry[0].rstrip("\n") + "\n\n"
    curated.write_text(text.replace(entry[0], block + block, 1), encoding="utf-8")
    problem = the_problem(real_data, CURATED, _line_of(curated, block.split("\n")[2]) + block.count("\n"))
    assert "the same entry is on line" in problem


def test_a_curated_mention_resolves_in_its_own_territory(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    _replace(curated, 'partner = "institutions-museales-laval"', 'partner = "cre-estrie"')
    problem = the_problem(real_data, CURATED, _line_of(curated, 'at = "Appui financier aux institutions muséales"'))
    assert "partner 'cre-estrie' is a regional body of estrie, not of 'laval'" in problem


# Published revisions are frozen (issue 18).


def _publish_current(real_data: Path) -> tuple[Path, int]:
    """List the current revision in [[published]], as a maintainer does when it is released."""
    curated = real_data / EDITION / "curated.toml"
    current = (real_data / EDITION / "dataset.json").read_bytes()
    revision = int(re.search(r"^revision = ([0-9]+)$", curated.read_text(encoding="utf-8"), re.MULTILINE)[1])  # type: ignore[index]
    _replace(
        curated,
        "[[published]]\n",
        f'[[published]]\nrevision = {revision}\ndate = 2026-12-03\nsha256 = "{hashlib.sha256(current).hexdigest()}"\n\n[[published]]\n',
    )
    return curated, revision


def test_a_registry_change_never_changes_a_published_revision(real_data: Path) -> None:
    curated, revision = _publish_current(real_data)
    assert build_outputs(real_data)  # listed, and the build gives its bytes: it builds
    _replace(real_data / "partners.toml", 'name = "Forum jeunesse de Laval"', 'name = "Forum Jeunesse de Laval"')
    digest = hashlib.sha256((real_data / EDITION / "dataset.json").read_bytes()).hexdigest()
    problem = the_problem(real_data, CURATED, _line_of(curated, f'sha256 = "{digest}"'))
    assert (
        f"revision {revision} of {EDITION} is published" in problem and "this build would change its bytes" in problem
    )
    assert "records that would change: partners fjl" in problem and f"make it revision {revision + 1}" in problem


def test_a_released_revision_must_be_listed_as_published(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    revision = int(re.search(r"^revision = ([0-9]+)$", curated.read_text(encoding="utf-8"), re.MULTILINE)[1])  # type: ignore[index]
    changelog = real_data.parent / "CHANGELOG.md"
    changelog.write_text(f"## [Unreleased]\n\n## [9.9.0] - 2027-01-01\n\n#### {EDITION} revision {revision} (x)\n")
    with pytest.raises(BuildFailed) as caught:
        build_outputs(real_data, changelog=changelog)
    (problem,) = caught.value.problems
    assert f"revision {revision} was released in 9.9.0 (CHANGELOG.md): list it in [[published]]" in str(problem)


# Maintainer commands act on the checkout (issue 18).


def test_the_build_refuses_to_check_the_checkout_with_an_installed_copy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import rqds_build.__main__ as command

    monkeypatch.setattr(command, "PACKAGE", tmp_path / "site-packages" / "rqds_portraits")
    assert build_main(["--check"]) == 2
    err = capsys.readouterr().err
    assert f"rqds_portraits is imported from {tmp_path / 'site-packages' / 'rqds_portraits'}, an installed copy" in err
    assert 'pip install -e ".[test]"' in err
    assert build_main(["new", "2015-2016", str(tmp_path / "tour.txt")]) == 2  # nor starts an edition in it


def test_check_says_which_folder_it_checks(synthetic_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_main([str(synthetic_data)])
    capsys.readouterr()
    assert build_main(["--check", str(synthetic_data)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"checking {synthetic_data} (curated files and registry from {synthetic_data}, code from ")


def test_build_help_lists_new(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_main(["--help"])
    assert "python -m rqds_build new EDITION SOURCE.txt" in capsys.readouterr().out


def test_the_scaffold_asks_for_every_decision(real_data: Path, tmp_path: Path) -> None:
    source = tmp_path / "tour.txt"
    extra = (
        "  1. Premier chantier\n"
        "    • Suivre l’entente régionale de la table, l’entente spécifique et le programme des aînés du territoire\n"
        "    • Plan de lutte à la pauvreté 2014-2017\n"
        "    • Démarche 2014-2017 en cours\n"
        "    • Compressions de 400 000 00$ annoncées"
    )
    source.write_text(texts(2015)[0].replace("  1. Premier chantier", extra), encoding="utf-8")
    assert build_main(["new", "2015-2016", str(source), "--data", str(real_data)]) == 0
    curated = (real_data / "2015-2016" / "curated.toml").read_text(encoding="utf-8")
    # One TODO per agreement phrase, even on one line.
    for phrase in ("entente", "programme"):
        assert f"# TODO line 35 (phrase '{phrase}', one of 3 on the line)" in curated
    assert curated.count("# TODO line 35 (phrase") == 3
    # An agreement-like noun the edition's words miss, and a line with a year range but no agreement word.
    assert re.search(r"# TODO line 36: 'Plan de lutte à la[^']*' is no word of entente_words", curated)
    assert "# TODO line 37: '2014-2017' but no word of entente_words" in curated
    # The malformed amount: its value is asked for.
    malformed = curated[curated.index("# TODO line 38: how to read '400 000 00$'") :].split("\n\n")[0]
    assert "its digits cannot be read as written" in malformed and 'value = "TODO"' in malformed
    # A mention whose role is only a default.
    assert "# TODO line 32: the role of 'CRÉ'" in curated and 'text = "CRÉ"\nrole = "TODO"' in curated
    # No `at` is cut mid-word: each starts and ends a word of its line.
    lines = source.read_text(encoding="utf-8").split("\n")
    for match in re.finditer(r'^at = "(.*)"$', curated, re.MULTILINE):
        at = match[1]
        line = next(line for line in lines if at in line)
        start = line.index(at)
        assert start == 0 or not line[start - 1].isalnum(), at
        assert start + len(at) == len(line) or not line[start + len(at)].isalnum(), at


def test_a_code_change_never_changes_a_published_revision(real_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import attrs

    import rqds_build.builder as builder
    from rqds_build.mentions import find_mentions as found

    curated, revision = _publish_current(real_data)

    def changed_code(*args: object, **kwargs: object) -> tuple[rp.Mention, ...]:
        first, *rest = found(*args, **kwargs)  # type: ignore[arg-type]
        return (attrs.evolve(first, note="a note the code now adds"), *rest)

    monkeypatch.setattr(builder, "find_mentions", changed_code)
    digest = hashlib.sha256((real_data / EDITION / "dataset.json").read_bytes()).hexdigest()
    problem = the_problem(real_data, CURATED, _line_of(curated, f'sha256 = "{digest}"'))
    first = rp.load_file(real_data / EDITION / "dataset.json").mentions[0].id
    assert f"revision {revision} of {EDITION} is published" in problem and f"mentions {first}" in problem


def test_a_word_of_negotiation_needs_an_agreement_under_negotiation(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    marker = 'id = "laval-culture-scientifique-2013-2016"'
    text = curated.read_text(encoding="utf-8")
    start = text.index(marker)
    entry = text[start : text.index("\n[[", start)]
    curated.write_text(text.replace(entry, re.sub(r"(?m)^amounts = \[.*\]\n", "", entry)), encoding="utf-8")
    problems = "\n".join(problems_of(real_data))
    assert (
        "'négociation' is written near it: it belongs to an agreement whose status is 'under_negotiation'" in problems
    )


def test_a_mention_role_passage_is_given_once(real_data: Path) -> None:
    curated = real_data / EDITION / "curated.toml"
    entry = (
        '[[mention_role]]\nterritory = "mauricie"\n'
        'at = "La Conférence régionale des élus (CRÉ) est fiduciaire de l’entente"\nrole = "manager"\n'
    )
    text = curated.read_text(encoding="utf-8")
    assert entry in text
    again = entry + 'why = "the same passage, read a second time"\n\n'
    curated.write_text(text + "\n" + again, encoding="utf-8")
    lines = curated.read_text(encoding="utf-8").split("\n")
    second = max(n for n, line in enumerate(lines, start=1) if line == "[[mention_role]]")
    problem = the_problem(real_data, CURATED, second)
    assert "is given twice" in problem
