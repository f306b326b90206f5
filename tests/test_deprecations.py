"""What 0.3.0 renamed still answers, the same, with a DeprecationWarning that names the new name (issue 16)."""

from __future__ import annotations

import importlib
import subprocess
import sys
import warnings

import pytest

import rqds_portraits as rp

from .conftest import EDITION

DS = rp.load(EDITION)


def test_role_is_the_old_name_of_roles() -> None:
    with pytest.deprecated_call(match=r"by_partner\(role=\.\.\.\) .* use roles="):
        old = DS.by_partner("Québec en Forme", role="member")
    assert old == DS.by_partner("Québec en Forme", roles="member") and old
    with pytest.deprecated_call(match="partner_territories"):
        assert DS.partner_territories("MAMOT", role="leader") == DS.partner_territories("MAMOT", roles="leader")
    with pytest.deprecated_call(match="find_ententes"):
        assert DS.find_ententes(partner="QEF", role="member") == DS.find_ententes(partner="QEF", roles="member")
    with pytest.deprecated_call(), pytest.raises(rp.InvalidArgument, match="give one of them, not both"):
        DS.by_partner("QEF", role="member", roles="member")


def test_active_in_is_the_old_name_of_period() -> None:
    with pytest.deprecated_call(match=r"find_ententes\(active_in=\.\.\.\) .* use period="):
        old = DS.find_ententes(active_in=2015, territory="laval")
    assert old == DS.find_ententes(period=2015, territory="laval") and len(old) == 10


@pytest.mark.parametrize("mode", rp.MODES)
def test_by_period_is_find_ententes_with_a_period(mode: str) -> None:
    with pytest.deprecated_call(
        match=r"ds\.by_period\(\.\.\.\) .* use ds\.find_ententes\(period=\.\.\., mode=\.\.\., status=\.\.\.\)"
    ):
        old = DS.by_period("2013-2016", mode=mode)
    assert old == DS.find_ententes(period="2013-2016", mode=mode)


def test_calling_ententes_is_find_ententes() -> None:
    with pytest.deprecated_call(match=r"calling ds\.ententes\(\.\.\.\)"):
        old = DS.ententes(territory="mauricie")
    assert old == DS.find_ententes(territory="mauricie")


def test_revision_format_is_its_layout() -> None:
    first = rp.revisions(EDITION)[0]
    with pytest.deprecated_call(match=r"Revision\.format .* use Revision\.layout"):
        assert first.format == first.layout == 1


@pytest.mark.parametrize(
    ("old", "name", "new"),
    [
        ("agreements", "GRANTED", rp.GRANTED),
        ("agreements", "KINDS", rp.ENTENTE_KINDS),
        ("annotations", "ROLES", rp.ROLES),
        ("funding", "PARTY_ROLES", rp.PARTY_ROLES),
        ("periods", "Period", rp.Period),
        ("loading", "load", rp.load),
        ("errors", "TerritoryNotFound", rp.TerritoryNotFound),
        ("exports.tables", "TABLES", rp.exports.TABLES),
        ("dataset", "EntenteTuple", type(DS.ententes)),
        ("changes", "TABLES", ("edition", "source", *rp.RECORD_TABLES)),
    ],
)
def test_the_module_paths_of_0_2_import_with_a_warning(old: str, name: str, new: object) -> None:
    sys.modules.pop(f"rqds_portraits.{old}", None)
    with pytest.deprecated_call(match=rf"rqds_portraits\.{old} is internal since rqds-portraits 0\.3\.0"):
        module = importlib.import_module(f"rqds_portraits.{old}")
    assert getattr(module, name) == new
    with pytest.raises(AttributeError, match=f"rqds_portraits.{old}"):
        module.no_such_name  # noqa: B018


def test_a_module_that_never_was_is_not_found() -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("rqds_portraits.no_such_module")
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("rqds_portraits.build")  # the build left the package: python -m rqds_build


def test_the_command_line_takes_active_in_and_warns() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [
            sys.executable,
            "-m",
            "rqds_portraits",
            "ententes",
            *args,
            "--territory",
            "laval",
            "--edition",
            EDITION,
            "--json",
        ]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    old, new = run("--active-in", "2015"), run("--period", "2015")
    assert old.returncode == new.returncode == 0 and old.stdout == new.stdout
    assert "warning: --active-in is deprecated" in old.stderr and new.stderr == ""
    both = run("--active-in", "2015", "--period", "2015")
    assert both.returncode == 2 and "give --period alone" in both.stderr


def test_no_deprecated_name_is_used_by_the_package_itself() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        DS.total_funding(partner="MELS", roles="member", period="2013-2016", mode="within")
        DS.funding_by_territory(period=2015)
        rp.exports.to_dataframe(DS, "amounts")
