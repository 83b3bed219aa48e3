"""Issue 11: a cooperation model encodes without workarounds and shows everywhere.

The fixture ``tests/fixtures/cooperation-model`` is a service-provider city and a
customer town: a unit of the city is responsible for a measure, a steering group of
four posts, an operational coordinator and an account manager (roles), persons with
name, post, e-mail and phone, short- and long-term goals, budgets, and neither a
strategy period nor a vision. Golden files: ``tests/golden/cooperation/``
(``ICTGOV_UPDATE_GOLDEN=1 python -m pytest tests/cli/test_cooperation_model.py``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import assert_plain, check_golden, run
from tests.conftest import FIXTURES


@pytest.fixture(autouse=True)
def _language_from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ICTGOV_LANG: the views speak the fixture's language (Finnish) unless --lang says."""
    monkeypatch.delenv("ICTGOV_LANG", raising=False)


TODAY = "2024-11-01"
PEOPLE = (
    "Kaisa Koordinaattori",
    "Antti Asiakas",
    "kaisa.koordinaattori@harjula.example",
    "antti.asiakas@harjula.example",
    "040 111 2222",
    "050 333 4444",
)
POSTS = ("ICT-asiakkuuspäällikkö", "Operatiivinen koordinaattori")


@pytest.fixture
def coop_root(tmp_path: Path) -> Path:
    dest = tmp_path / "coop"
    shutil.copytree(FIXTURES / "cooperation-model", dest)
    return dest


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The full and the public site of the fixture, rendered once by the CLI."""
    base = tmp_path_factory.mktemp("coop-site")
    root = base / "coop"
    shutil.copytree(FIXTURES / "cooperation-model", root)
    out = {}
    for name, extra in (("full", []), ("public", ["--public"])):
        dest = base / name
        result = run("render", "--root", str(root), "--today", TODAY, "--out", str(dest), *extra)
        assert result.exit_code == 0, result.output
        out[name] = dest
    return out


def test_it_lints_clean(coop_root: Path) -> None:
    result = run("lint", "--root", str(coop_root), "--today", TODAY, "--no-cache", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "No problems found" in result.stdout


def test_status_text_shows_terms_and_money(coop_root: Path) -> None:
    result = run("status", "--root", str(coop_root), "--today", TODAY, "--lang", "fi")
    assert result.exit_code == 0, result.output
    assert_plain(result.stdout)
    assert "lyhyen aikavälin tavoite" in result.stdout
    assert "Budjetti: suunniteltu 310\u00a0000,50\u00a0€" in result.stdout
    check_golden("cooperation/status.txt", result.stdout)


def test_status_json_sums_money_per_goal_and_for_the_strategy(coop_root: Path) -> None:
    result = run("status", "--root", str(coop_root), "--today", TODAY, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["strategy"]["period"] is None and data["strategy"]["vision_horizon"] is None
    goals = {g["id"]: g for g in data["goals"]}
    assert goals["g-services"]["term"] == "short" and goals["g-architecture"]["term"] == "long"
    # 2.1 serves both goals: counted in each goal, once for the strategy.
    assert goals["g-architecture"]["budget"]["planned"] == 250000.5
    assert goals["g-services"]["budget"]["planned"] == 310000.5
    summary = data["summary"]["budget"]
    assert (summary["planned"], summary["decided"], summary["spent"]) == (310000.5, 160000, 25000)
    assert summary["by_year"]["2024"] == {"planned": 40000, "decided": 40000, "spent": 25000}
    measures = {m["id"]: m for m in data["measures"]}
    assert measures["service-level-reporting"]["owner"] == "harjula-ict"
    assert measures["service-level-reporting"]["owner_name"] == "Harjulan ICT-yksikkö"
    check_golden("cooperation/status.json", result.stdout)


def test_status_filtered_by_goal_sums_only_that_goal(coop_root: Path) -> None:
    result = run(
        "status", "--root", str(coop_root), "--today", TODAY, "--format", "json",
        "--goal", "g-architecture",
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert data["summary"]["budget"]["planned"] == 250000.5


@pytest.mark.parametrize("item", ["account-manager-jarvela", "shared-identity-management"])
def test_show_a_role_and_a_measure_with_its_budget(coop_root: Path, item: str) -> None:
    result = run("show", item, "--root", str(coop_root), "--today", TODAY, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert_plain(result.stdout)
    check_golden(f"cooperation/show-{item}.txt", result.stdout)


def test_show_budget_is_formatted_money(coop_root: Path) -> None:
    result = run("show", "2.1", "--root", str(coop_root), "--today", TODAY, "--lang", "fi")
    assert "2025: suunniteltu 150\u00a0000\u00a0€, päätetty 120\u00a0000\u00a0€" in result.stdout


GOLDEN_PAGES = (
    "fi/index.html",
    "fi/governance.html",
    "fi/goals/g-architecture.html",
    "fi/measures/shared-identity-management.html",
    "fi/organisations/harjula.html",
    "fi/organisations/harjula-ict.html",
    "fi/meetings.html",
    "en/md/index.md",
    "sv/md/governance.md",
    "fi/md/measures/service-level-reporting.md",
    "fi/md/organisations/jarvela.md",
)


@pytest.mark.parametrize("page", GOLDEN_PAGES)
def test_pages_match_golden(site: dict[str, Path], page: str) -> None:
    check_golden(f"cooperation/render/{page}", (site["full"] / page).read_text(encoding="utf-8"))


def test_pages_show_roles_units_agreements_and_money(site: dict[str, Path]) -> None:
    fi = site["full"] / "fi"
    governance = (fi / "governance.html").read_text(encoding="utf-8")
    assert 'id="role-account-manager-jarvela"' in governance
    assert "Vastaa Järvelän palvelupyynnöistä" in governance
    harjula = (fi / "organisations" / "harjula.html").read_text(encoding="utf-8")
    assert "ICT-palvelusopimus 2025–2028" in harjula and "harjula-ict.html" in harjula
    unit = (fi / "organisations" / "harjula-ict.html").read_text(encoding="utf-8")
    assert "Palvelutasoraportointi" in unit  # the unit is responsible for a measure
    overview = (fi / "index.html").read_text(encoding="utf-8")
    assert "310\u00a0000,50\u00a0€" in overview and "Strategiakausi" not in overview
    assert "Visio" not in overview


def test_public_pages_keep_posts_and_drop_names_emails_and_phones(
    site: dict[str, Path],
) -> None:
    texts = {
        p.relative_to(site["public"]).as_posix(): p.read_text(encoding="utf-8")
        for p in site["public"].rglob("*")
        if p.suffix in (".html", ".md")
    }
    leaks = [(page, who) for page, text in texts.items() for who in PEOPLE if who in text]
    assert leaks == []
    for post in POSTS:
        assert post in texts["fi/governance.html"]
    assert "ICT-asiakkuuspäällikkö" in texts["fi/measures/service-level-reporting.html"]
    full = (site["full"] / "fi" / "governance.html").read_text(encoding="utf-8")
    assert "Antti Asiakas" in full and "050 333 4444" in full  # the full site has them
