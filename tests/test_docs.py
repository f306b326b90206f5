"""The documentation tells the truth: every example runs, generated files are fresh, citations are right.

- Python examples are doctests (```python fences with ``>>>`` prompts): each page runs as one
  ``doctest.testfile``, from a scratch working folder so examples that write files stay out of the checkout.
- Command-line examples are ```console fences: ``$ rqds-portraits …`` lines, each followed by its expected
  output. They run through ``rqds_portraits.cli.main`` (stdout and stderr captured together, as a terminal
  shows them). A line that is exactly ``...`` matches any number of lines; ``...`` inside a line matches any
  text; trailing spaces do not count. An example whose output shows ``rqds-portraits: error:`` must exit
  with status 2, every other with 0. ``python -m rqds_build`` and ``python scripts/charts.py``
  lines run their own ``main``.
- The charts and the ambiguities page are what ``scripts/charts.py`` generates from the data.
"""

from __future__ import annotations

import doctest
import importlib.util
import io
import json
import re
import shlex
import sys
from collections.abc import Callable, Sequence
from contextlib import redirect_stderr, redirect_stdout
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import pytest

import rqds_portraits as rp
from rqds_build.__main__ import installed_copy
from rqds_build.__main__ import main as build_main
from rqds_build.curated import read_toml, todos
from rqds_portraits import _cli as cli
from rqds_portraits._cli.commands import COMMANDS
from rqds_portraits.exports import TABLES

from .conftest import CURATION, EDITION

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# "Adding an edition" is a walk-through whose steps depend on each other: one test runs it in order.
WALKTHROUGH = DOCS / "adding-an-edition.md"
PAGES = sorted(DOCS.glob("*.md"))
EXAMPLE_PAGES = [page for page in PAGES if page != WALKTHROUGH]
README = ROOT / "README.md"
OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

FENCE = re.compile(
    r"^(?P<indent> *)```(?P<lang>[\w-]*)(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.M | re.S
)
# Fences whose content is not an example of the package: set-up commands, diagrams, file formats.
NOT_RUN = {"sh", "toml", "yaml", "text", "bibtex", "json", "sql"}
AUTHORS = ("Véronique Larose", "Emily Mack", "Joël Nadeau", "Anne-Sophie Thomas", "Gédéon Verreault")
URL = "https://praxis.encommun.io/n/d0RRgtI3PGexUN1nIKbFGJPrn74/"


def _load_script(name: str, path: Path) -> ModuleType:
    """The Python file *path* (a script, not a module of a package) imported as *name*."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


charts: Any = _load_script("rqds_docs_charts", ROOT / "scripts" / "charts.py")


def fences(path: Path) -> list[tuple[str, str]]:
    """The ``(language, content)`` of every fenced block of a Markdown file, content dedented."""
    found = []
    for match in FENCE.finditer(path.read_text(encoding="utf-8")):
        indent = len(match["indent"])
        body = "\n".join(line[indent:] for line in match["body"].split("\n"))
        found.append((match["lang"], body))
    return found


def page_id(path: Path) -> str:
    return path.name


# -- Python examples ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", EXAMPLE_PAGES, ids=page_id)
def test_python_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    python_blocks = [body for lang, body in fences(page) if lang in ("python", "pycon", "py")]
    for body in python_blocks:
        assert ">>>" in body, f"{page.name}: a python example without >>> prompts is never run"
        assert body.endswith("\n\n"), f"{page.name}: leave a blank line before the closing fence of a doctest"
    result = doctest.testfile(str(page), module_relative=False, optionflags=OPTIONS, encoding="utf-8")
    assert result.failed == 0, f"{result.failed} failing example(s) in {page.name} (see the captured output)"
    if python_blocks:
        assert result.attempted >= len(python_blocks), page.name


def test_fenced_blocks_are_examples_or_set_up() -> None:
    for page in PAGES:
        for lang, body in fences(page):
            assert lang in {"python", "console", *NOT_RUN}, f"{page.name}: unknown fence language {lang!r}"
            if lang == "sh":
                # A command of the package belongs in a console fence, with its output, where it is tested.
                for line in body.splitlines():
                    assert not line.lstrip().startswith("rqds-portraits"), (page.name, line)


# -- Command-line examples -----------------------------------------------------------------------------------


def console_examples_of(body: str) -> list[tuple[str, list[str]]]:
    """The ``(command, expected output lines)`` of every ``$ …`` line of one console fence."""
    examples: list[tuple[str, list[str]]] = []
    for line in body.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            examples.append((line[2:], []))
        else:
            assert examples, f"console output before any $ command: {line!r}"
            examples[-1][1].append(line)
    return examples


def console_examples(path: Path) -> list[tuple[str, list[str]]]:
    """The ``(command, expected output lines)`` of every ``$ …`` line of the console fences of *path*."""
    return [example for lang, body in fences(path) if lang == "console" for example in console_examples_of(body)]


def _runner(argv: list[str]) -> tuple[Callable[[list[str]], int], list[str]]:
    if argv[:3] == ["python", "-m", "rqds_build"]:
        return build_main, argv[3:]
    if argv[:3] == ["python", "-m", "rqds_portraits"]:
        return cli.main, argv[3:]
    if argv[:1] == ["rqds-portraits"]:
        return cli.main, argv[1:]
    if argv[:2] == ["python", "scripts/charts.py"]:
        return cast("Callable[[list[str]], int]", charts.main), argv[2:]
    raise AssertionError(f"a console example runs rqds-portraits, the build or the charts script, not {argv!r}")


def run_command(command: str) -> tuple[int, str]:
    """Run one example command line in this process; its exit status and what it printed."""
    run, args = _runner(shlex.split(command, comments=True))
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        try:
            status = run(args)
        except SystemExit as exit:  # --help and --version exit through argparse
            status = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    return status, out.getvalue()


def _builds_the_checkout(command: str) -> bool:
    """Whether *command* runs the build on the checkout's data folder (no DATA_DIR, no --data)."""
    argv = shlex.split(command, comments=True)
    if argv[:3] != ["python", "-m", "rqds_build"] or "--help" in argv:
        return False
    rest = argv[3:]
    if rest[:1] == ["new"]:
        return "--data" not in rest
    return not [arg for arg in rest if not arg.startswith("-")]


def _line_matches(expected: str, actual: str) -> bool:
    pattern = ".*".join(re.escape(part) for part in expected.rstrip().split("..."))
    return re.fullmatch(pattern, actual.rstrip()) is not None


def output_matches(expected: Sequence[str], actual: Sequence[str]) -> bool:
    """Whether *actual* lines match *expected* ones, where a ``...`` line stands for any number of lines."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head.strip() == "...":
        return any(output_matches(rest, actual[start:]) for start in range(len(actual) + 1))
    return bool(actual) and _line_matches(head, actual[0]) and output_matches(rest, actual[1:])


def _trimmed(lines: Sequence[str]) -> list[str]:
    kept = [line.rstrip() for line in lines]
    while kept and not kept[-1]:
        kept.pop()
    return kept


def test_output_matching_rules() -> None:
    assert output_matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert output_matches(["a", "...", "b"], ["a", "b"])
    assert not output_matches(["a", "...", "d"], ["a", "b", "c"])
    assert output_matches(["sha256  ...", "x"], ["sha256  0123abcd", "x"])
    assert not output_matches(["total  18 168 394 $"], ["total  18 168 395 $"])
    assert not output_matches(["a"], ["a", "b"])


CONSOLE_PAGES = [page for page in [*EXAMPLE_PAGES, README] if console_examples(page)]


@pytest.mark.parametrize("page", CONSOLE_PAGES, ids=page_id)
def test_console_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")  # argparse wraps --help to the terminal's width
    for command, expected in console_examples(page):
        status, printed = run_command(command)
        if installed_copy() and _builds_the_checkout(command):
            # A maintainer's command on the checkout's own data refuses an installed copy, and says why.
            assert status == 2 and "install the checkout editable" in printed.lower(), printed
            continue
        wanted = _trimmed(expected)
        assert output_matches(wanted, _trimmed(printed.split("\n"))), (
            f"{page.name}: $ {command}\n--- expected\n" + "\n".join(wanted) + "\n--- got\n" + printed
        )
        fails = any(line.startswith("rqds-portraits: error:") for line in wanted)
        assert status == (2 if fails else 0), f"{page.name}: $ {command} exited with status {status}"


# -- The walk-through of "Adding an edition" --------------------------------------------------------------


def fill_in(curated: str, decisions: str) -> str:
    """*curated* with the decisions of a TOML block of the walk-through, as a maintainer makes them:
    a ``key = value`` line replaces the file's line of that key; a ``[[kind]]`` entry replaces the
    scaffold's entry of the same kind and ``at`` (with the comment above it), or is added."""
    for chunk in decisions.strip("\n").split("\n\n"):
        first = chunk.split("\n", 1)[0]
        if first.startswith("[["):
            at = re.search(r"^at = .*$", chunk, re.M)
            assert at is not None, f"an entry of the walk-through has no 'at': {chunk!r}"
            pattern = (
                rf"(?:^# TODO[^\n]*\n)?^{re.escape(first)}\n(?:^[^\n]+\n)*?^{re.escape(at[0])}\n(?:^[^\n]+(?:\n|\Z))*"
            )
            curated, found = re.subn(pattern, chunk + "\n", curated, count=1, flags=re.M)
            if not found:
                curated = curated.rstrip("\n") + "\n\n" + chunk + "\n"
        else:
            for line in chunk.split("\n"):
                key = line.split("=", 1)[0].strip()
                curated, found = re.subn(rf"^{re.escape(key)} = .*$", line, curated, count=1, flags=re.M)
                assert found, f"no line of key {key!r} to fill in"
    return curated


def test_fill_in_replaces_the_todo_entries_and_keys() -> None:
    scaffold = 'as_of = "TODO"\n\n# TODO line 3: x\n[[entente]]\nid = "TODO"\nat = "A b"\nnote = "TODO"\n\n[[entente]]\nid = "TODO"\nat = "C"\n'
    filled = fill_in(scaffold, 'as_of = 2015-10-01\n\n[[entente]]\nid = "a"\nat = "A b"\nnote = "n"\n')
    assert (
        filled
        == 'as_of = 2015-10-01\n\n[[entente]]\nid = "a"\nat = "A b"\nnote = "n"\n\n[[entente]]\nid = "TODO"\nat = "C"\n'
    )


def test_adding_an_edition_walkthrough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from .synthetic import scratch_data, texts

    monkeypatch.chdir(tmp_path)
    steps = [match for match in FENCE.finditer(WALKTHROUGH.read_text(encoding="utf-8"))]
    python = []
    ran = {"sh": 0, "text": 0, "console": 0, "toml": 0}
    for step in steps:
        lang, info, body = step["lang"], step["info"], step["body"]
        title = re.search(r'title="([^"]+)"', info)
        if lang == "sh" and ran["console"] == 0:
            assert (
                body.strip() == 'pip install -e ".[test]"\ncp -r src/rqds_portraits/data data\ncp -r curation/. data'
            ), body  # the only set-up step (the editable install is the suite's own)
            scratch_data(Path(rp.__file__).parent / "data", Path("data"))
        elif lang == "text" and title:
            assert body.rstrip("\n") == texts(2015)[0]  # the made-up edition the tests use
            Path(title[1]).write_text(body.rstrip("\n"), encoding="utf-8")
        elif lang == "console":
            for command, expected in console_examples_of(body):
                status, printed = run_command(command)
                wanted = _trimmed(expected)
                assert output_matches(wanted, _trimmed(printed.split("\n"))), (
                    f"$ {command}\n--- expected\n" + "\n".join(wanted) + "\n--- got\n" + printed
                )
                assert status == (2 if printed.startswith("build failed:") else 0), command
        elif lang == "toml" and title:
            path = Path(title[1])
            path.write_text(fill_in(path.read_text(encoding="utf-8"), body), encoding="utf-8")
        elif lang == "python":
            python.append(body)
            continue
        else:
            continue
        ran[lang] += 1
    assert ran == {"sh": 1, "text": 1, "console": 3, "toml": 3}, ran
    assert todos(read_toml(Path("data/2015-2016/curated.toml"))) == []
    examples = doctest.DocTestParser().get_doctest("\n".join(python), {}, WALKTHROUGH.name, str(WALKTHROUGH), 0)
    runner = doctest.DocTestRunner(optionflags=OPTIONS)
    runner.run(examples)
    assert runner.summarize(verbose=False).failed == 0 and len(examples.examples) >= 5


def test_every_subcommand_is_documented_with_an_example() -> None:
    documented = {
        shlex.split(command)[1] for command, _ in console_examples(DOCS / "cli.md") if len(shlex.split(command)) > 1
    }
    assert set(COMMANDS) <= documented
    assert {"--help", "--version"} <= documented


def test_readme_shell_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    commands = [
        line.strip()
        for lang, body in fences(README)
        if lang in ("sh", "bash", "shell")
        for line in body.splitlines()
        if line.strip().startswith("rqds-portraits")
    ]
    for command in commands:
        status, printed = run_command(command)
        assert status == 0 and printed.strip(), f"README: $ {command} exited with {status}:\n{printed}"


# -- Generated files -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ds() -> rp.Dataset:
    return rp.load(EDITION)


def test_generated_files_are_committed_fresh(ds: rp.Dataset) -> None:
    fresh = cast("dict[Path, str]", charts.outputs(ds))
    assert set(fresh) == {
        DOCS / "charts" / "data-model.svg",
        DOCS / "charts" / "pipeline.svg",
        DOCS / "charts" / "funding-by-territory.svg",
        DOCS / "charts" / "partners-by-territory.svg",
        DOCS / "ambiguities.md",
    }
    for path, text in fresh.items():
        assert path.read_bytes() == text.encode("utf-8"), f"{path.name} is stale: run python scripts/charts.py"
    assert cast("dict[Path, str]", charts.outputs(ds)) == fresh  # the same text on every run


def test_charts_check_exits_1_when_a_file_differs(
    ds: rp.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "charts" / "funding.svg"
    monkeypatch.setattr(charts, "GENERATORS", {target: charts.funding_chart})
    assert charts.main(["--check"]) == 1  # missing
    assert charts.main([]) == 0
    assert target.read_text(encoding="utf-8") == charts.funding_chart(ds)
    assert charts.main(["--check"]) == 0
    target.write_text(target.read_text(encoding="utf-8").replace("18 168 394 $", "18 168 395 $"), encoding="utf-8")
    assert charts.main(["--check"]) == 1
    assert "out of date:" in capsys.readouterr().out


def _bars(svg: str) -> dict[str, str]:
    """The value label written after each territory's name in a chart."""
    texts = re.findall(r"<text [^>]*>([^<]*)</text>", svg)
    names = [t.name for t in rp.load(EDITION).territories]
    return {texts[i]: texts[i + 1] for i in range(len(texts) - 1) if texts[i] in names}


def test_funding_chart_shows_the_exact_totals(ds: rp.Dataset) -> None:
    svg = (DOCS / "charts" / "funding-by-territory.svg").read_text(encoding="utf-8")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and svg.endswith("</svg>\n")
    totals = ds.funding_by_territory()
    bars = _bars(svg)
    assert bars == {t.name: charts.dollars(totals[t.id].total) for t in ds.territories}
    assert bars["Laval"] == "18 168 394 $" and bars["Nord-du-Québec"] == "130 558 $" and bars["Estrie"] == "0 $"
    widths = {
        title.split(":")[0]: float(width)
        for width, title in re.findall(r'<rect x="\d+" y="\d+" width="([\d.]+)"[^>]*><title>([^<]*)</title>', svg)
    }
    assert set(widths) == {t.name for t in ds.territories if totals[t.id].total > 0}
    assert widths["Laval"] == charts.BAR_MAX  # the largest total has the longest bar
    assert widths["Centre-du-Québec"] == pytest.approx(charts.BAR_MAX * 1086570 / 18168394, abs=0.05)


def test_partners_chart_counts_distinct_partners(ds: rp.Dataset) -> None:
    svg = (DOCS / "charts" / "partners-by-territory.svg").read_text(encoding="utf-8")
    expected = {
        t.name: len({m.partner_id for m in ds.mentions if m.territory_id == t.id and m.partner_id})
        for t in ds.territories
    }
    bars = _bars(svg)
    assert {name: int(label.split()[0]) for name, label in bars.items()} == expected
    assert bars["Laval"] == "48 partners" and bars["Gaspésie-Îles-de-la-Madeleine"] == "5 partners"


def test_dollars_are_written_the_french_canadian_way() -> None:
    assert charts.dollars(Decimal("18168394")) == "18 168 394 $"
    assert charts.dollars(Decimal("4825396.47")) == "4 825 396,47 $"
    assert charts.dollars(Decimal("0")) == "0 $"
    assert charts.dollars(Decimal("200000.00")) == "200 000,00 $"


def test_the_charts_are_shown_in_the_docs() -> None:
    shown = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)
    for chart in ("funding-by-territory", "partners-by-territory", "data-model", "pipeline"):
        assert f"](charts/{chart}.svg)" in shown, chart


def test_diagrams_render_offline() -> None:
    # Mermaid is drawn by a script from a CDN: offline readers saw its source text.
    for page in PAGES:
        assert "mermaid" not in page.read_text(encoding="utf-8"), page.name
    for chart in (DOCS / "charts").glob("*.svg"):
        text = chart.read_text(encoding="utf-8")
        assert "http" not in text.replace('xmlns="http://www.w3.org/2000/svg"', ""), chart.name  # nothing to fetch


def test_the_data_model_diagram_draws_every_table_and_reference(ds: rp.Dataset) -> None:
    svg = (DOCS / "charts" / "data-model.svg").read_text(encoding="utf-8")
    headings = re.findall(r'<text [^>]*font-weight="bold"[^>]*>([^<]*)</text>', svg)
    assert headings[1:] == [t.name for t in TABLES]  # after the title
    for table in TABLES:
        for key in table.foreign_keys:
            assert f"{', '.join(key.columns)} → {key.table}" in svg, (table.name, key)
    links = sum(1 for t in TABLES for key in t.foreign_keys if key.table != t.name)
    assert svg.count('marker-end="url(#model-arrow)"') == links
    levels = charts.table_levels(TABLES)
    assert levels["territories"] == 0 and levels["initiatives"] == 1 and levels["entente_amounts"] > levels["amounts"]


def test_the_pipeline_diagram_names_the_real_files(ds: rp.Dataset) -> None:
    svg = (DOCS / "charts" / "pipeline.svg").read_text(encoding="utf-8")
    for name in (
        "source.txt",
        "curated.toml",
        "partners.toml",
        "dataset.json",
        "editions.json",
        "rp.load(edition, revision, sha256)",
    ):
        assert f">{name}" in svg or f" {name}" in svg, name
    data = Path(rp.__file__).parent / "data"
    assert (
        (data / EDITION / "source.txt").is_file()
        and (CURATION / EDITION / "curated.toml").is_file()
        and (CURATION / "partners.toml").is_file()
    )
    assert f"{ds.source.line_count} lines" in svg and f"revision {ds.revision} ({ds.revision_date})" in svg


def test_ambiguities_page_lists_every_note_with_its_lines(ds: rp.Dataset) -> None:
    page = (DOCS / "ambiguities.md").read_text(encoding="utf-8")
    noted: list[tuple[str, tuple[int, int], str]] = [(n.id, n.lines, n.note) for n in ds.source_notes]
    noted += [(a.id, a.lines, a.note) for a in ds.amounts if a.note]
    noted += [(m.id, m.lines, m.note) for m in ds.mentions if m.note]
    noted += [(e.id, e.lines, e.note) for e in ds.ententes if e.note]
    assert len(noted) >= len(ds.source_notes) + 9
    entries = [line for line in page.splitlines() if line.startswith("- **Line")]
    assert len(entries) == len(noted)
    for ident, (first, last), note in noted:
        entry = next(line for line in entries if f"(`{ident}`" in line)
        where = f"Line {first}" if first == last else f"Lines {first}–{last}"
        assert entry.startswith(f"- **{where}**"), entry
        assert entry.endswith(charts.markdown_text(note)), ident
    assert "laval-05-n1" in page and "\\| 3 ans" in page  # a pipe in the source is escaped, not a table


def test_the_mkdocs_hook_writes_sphinx_roles_as_references() -> None:
    on_page_content = cast(
        "Callable[..., str]", _load_script("rqds_docs_hook", DOCS / "hooks" / "sphinx_roles.py").on_page_content
    )
    html = "<p>Raises :class:<code>~rqds_portraits.TerritoryNotFound</code> or :exc:<code>ValueError</code>.</p>"
    assert on_page_content(html) == (
        '<p>Raises <autoref identifier="rqds_portraits.TerritoryNotFound" optional><code>TerritoryNotFound</code>'
        "</autoref> or <code>ValueError</code>.</p>"
    )
    assert on_page_content("<p>See :mod:<code>.tables</code>.</p>") == "<p>See <code>tables</code>.</p>"
    assert on_page_content("<p>.. versionadded:: 0.1.0</p>") == "<p><em>Added in version 0.1.0.</em></p>"


# -- CITATION.cff ----------------------------------------------------------------------------------------------


def test_citation_file_names_the_authors_and_the_address() -> None:
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "cff-version: 1.2.0" in lines
    for key in ("message", "title", "authors", "version", "date-released", "url", "preferred-citation", "license"):
        assert any(line.startswith(f"{key}:") for line in lines), key
    assert f"version: {rp.__version__}" in lines and 'date-released: "2026-11-25"' in lines
    assert f'url: "{URL}"' in lines
    for author in AUTHORS:
        given, _, family = author.rpartition(" ")
        assert text.count(f'family-names: "{family}"') == 2, author  # the software's authors and the note's
        assert text.count(f'given-names: "{given}"') == 2, author
    preferred = [line.strip() for line in text[text.index("preferred-citation:") :].splitlines()]
    for expected in (
        "type: dataset",
        f'url: "{URL}"',
        "year: 2014",
        'name: "Réseau québécois de développement social"',
    ):
        assert expected in preferred, expected
    assert text.index("preferred-citation:") > text.index("date-released:")  # the package's fields come first
    assert "doi:" not in text
    assert "\t" not in text


def test_citation_file_version_is_the_package_version() -> None:
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert f"version: {rp.__version__}" in text.splitlines()


# -- ds.cite ---------------------------------------------------------------------------------------------------


def test_cite_text(ds: rp.Dataset) -> None:
    text = ds.cite("text")
    assert ds.cite() == text
    assert text == (
        "Véronique Larose, Emily Mack, Joël Nadeau, Anne-Sophie Thomas, Gédéon Verreault. (2014). "
        "Tour du Québec 2014/2015 - Portrait des démarches régionales de développement social au Québec. "
        f"Praxis (consulté le 21 juin 2025), {URL}. "
        f"Données : rqds-portraits, édition 2014-2015, révision {ds.revision}, sha256 {ds.sha256}."
    )


def test_cite_bibtex(ds: rp.Dataset) -> None:
    bibtex = ds.cite("bibtex")
    assert bibtex.startswith("@dataset{rqds_tour_du_quebec_2014_2015,\n") and bibtex.endswith("\n}")
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", bibtex, re.M))
    assert (
        fields["author"]
        == "Larose, Véronique and Mack, Emily and Nadeau, Joël and Thomas, Anne-Sophie and Verreault, Gédéon"
    )
    assert (
        fields["title"]
        == "Tour du Québec 2014/2015 - Portrait des démarches régionales de développement social au Québec"
    )
    assert fields["publisher"] == "Réseau québécois de développement social (RQDS)"
    assert (fields["year"], fields["month"], fields["url"], fields["urldate"]) == ("2014", "10", URL, "2025-06-21")
    assert fields["version"] == f"2014-2015 r{ds.revision}"
    assert ds.sha256 in fields["note"] and rp.__version__ in fields["note"]


def test_cite_csl_json(ds: rp.Dataset) -> None:
    items = json.loads(ds.cite("csl-json"))
    assert isinstance(items, list) and len(items) == 1
    item = items[0]
    assert item["type"] == "dataset" and item["URL"] == URL and item["language"] == "fr"
    assert [f"{a['given']} {a['family']}" for a in item["author"]] == list(AUTHORS)
    assert item["issued"] == {"date-parts": [[2014, 10, 1]]}
    assert item["accessed"] == {"date-parts": [[2025, 6, 21]]}
    assert item["publisher"] == "Réseau québécois de développement social"
    assert ds.sha256 in item["note"]


@pytest.mark.parametrize("style", ["apa", "", "BibTeX", None, 3])
def test_cite_rejects_an_unknown_style(ds: rp.Dataset, style: Any) -> None:
    with pytest.raises(rp.InvalidArgument, match="citation style"):
        ds.cite(style)
    with pytest.raises(ValueError):
        ds.cite(style)


def test_project_urls_name_what_they_point_to() -> None:
    urls = read_toml(ROOT / "pyproject.toml")["project"]["urls"]
    assert urls == {"Data source: Tour du Québec 2014-2015 (Praxis note)": URL}
    assert all("," not in label for label in urls)  # core metadata writes "label, url"


def test_the_readme_says_how_to_build_the_docs() -> None:
    text = README.read_text(encoding="utf-8")
    assert 'pip install ".[docs]"' in text and "mkdocs build --strict" in text
