"""Issue 11: the morning view sees governance (fixture ``cooperation-gov``).

A steering group of four posts meeting twice a year (financial statements and budget)
met once in 2024; a development group meets 2-4 times a year and keeps it; a
security working group has not met since it was appointed; a city board item was
returned for further preparation with three follow-up actions, one overdue. The
tree lints clean of errors, and ``status`` lists the bodies and the overdue action
before any measure, in text and JSON; a file that cannot be read is said first.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.cli.conftest import assert_plain, check_golden, run
from tests.conftest import FIXTURES


@pytest.fixture(autouse=True)
def _language_from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ICTGOV_LANG: the views speak the fixture's language (Finnish) unless --lang says."""
    monkeypatch.delenv("ICTGOV_LANG", raising=False)


TODAY = "2025-11-20"


@pytest.fixture
def gov_root(tmp_path: Path) -> Path:
    dest = tmp_path / "repo"
    shutil.copytree(FIXTURES / "cooperation-gov", dest)
    return dest


def status(root: Path, *args: str) -> str:
    result = run("status", "--root", str(root), "--today", TODAY, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_fixture_lints_clean_of_errors_with_the_governance_warnings(gov_root: Path) -> None:
    result = run("lint", "--root", str(gov_root), "--today", TODAY, "--format", "json")
    found = json.loads(result.stdout)
    problems = found["diagnostics"]
    assert not [p for p in problems if p["severity"] == "error"]
    assert sorted(p["code"] for p in problems) == ["FU03", "FU04", "FU04", "FU04"]


def test_status_lists_never_met_missed_cadence_and_the_overdue_action_first(
    gov_root: Path,
) -> None:
    text = status(gov_root)
    assert_plain(text)
    check_golden("status/cooperation-gov.txt", text)
    attention = text[text.index("VAATII HUOMIOTA (4)") : text.index("Tavoite 1")]
    order = [
        "Tietoturvatyöryhmä",
        "ei kirjattuja kokouksia 15.1.2025 jälkeen",
        "Ohjausryhmä",
        "kokoontui 1 kerran vuonna 2024, vähintään 2 vaaditaan",
        "ei kokousta: Talousarvio (kesäkuu) 2024",
        "§145  Selvitetään kustannusjako kunnittain.",
        "20 päivää myöhässä (määräpäivä 31.10.2025)",
    ]
    places = [attention.index(words) for words in order]
    assert places == sorted(places), attention
    assert "Kehittämisryhmä" not in attention  # on pace: 2 of 2-4 so far


def test_status_in_swedish_and_english(gov_root: Path) -> None:
    sv = status(gov_root, "--lang", "sv")
    assert "inga möten antecknade sedan 15.1.2025" in sv
    assert "inget möte: Budget (juni) 2024" in sv
    en = status(gov_root, "--lang", "en")
    assert "no meeting recorded since 15 Jan 2025" in en
    assert "met 1 time in 2024, at least 2 required" in en


def test_json_attention_has_a_kind_and_bodies_and_actions_come_first(gov_root: Path) -> None:
    data = json.loads(status(gov_root, "--format", "json"))
    check_golden("status/cooperation-gov.json", json.dumps(data, indent=2, sort_keys=True) + "\n")
    kinds = [
        (e["kind"], e["id"] if e["kind"] != "action" else e["section"]) for e in data["attention"]
    ]
    assert kinds == [
        ("body", "security"),
        ("body", "steering"),
        ("body", "steering"),
        ("action", 145),
    ]
    never, missed, window, action = data["attention"][:4]
    assert (never["reason"], never["since"]) == ("never_met", "2025-01-15")
    assert (missed["reason"], missed["year"], missed["held"], missed["required"]) == (
        "missed",
        2024,
        1,
        2,
    )
    assert window["reason"] == "missed_window"
    assert window["window"] == {"months": [6], "label": "Talousarvio"}
    assert (action["number"], action["days_overdue"], action["due"]) == (1, 20, "2025-10-31")
    assert data["summary"]["attention_bodies"] == 3
    assert data["unread"] == []


def test_owner_filter_keeps_that_bodys_concerns(gov_root: Path) -> None:
    data = json.loads(status(gov_root, "--format", "json", "--owner", "steering"))
    bodies = [e["id"] for e in data["attention"] if e["kind"] == "body"]
    assert bodies == ["steering", "steering"]


def test_a_meeting_date_written_the_finnish_way_is_said_first_and_exits_1(
    gov_root: Path,
) -> None:
    meeting = gov_root / "data" / "meetings" / "city-board-2025-09-01.yaml"
    meeting.write_text(
        meeting.read_text(encoding="utf-8").replace("date: 2025-09-01", "date: 1.9.2025"),
        encoding="utf-8",
    )
    result = run("status", "--root", str(gov_root), "--today", TODAY)
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "LUKEMATTA JÄÄNEET TIEDOSTOT (1)\n"
        "1 kokoustiedostoa ei luettu: sen päätökset ja jatkotoimet puuttuvat alta.\n"
        "  data/meetings/city-board-2025-09-01.yaml:4:7: date: kirjoita päivämäärä\n"
    )
    assert "'1.9.2025' on '2025-09-01'" in result.stdout
    assert "PÄÄTÖSTEN JATKOTOIMET: 0 AVOINNA, 0 MYÖHÄSSÄ" in result.stdout  # what was read
    data = json.loads(
        run("status", "--root", str(gov_root), "--today", TODAY, "--format", "json").stdout
    )
    assert [(u["file"], u["line"], u["column"], u["kind"]) for u in data["unread"]] == [
        ("data/meetings/city-board-2025-09-01.yaml", 4, 7, "meeting")
    ]
    assert data["summary"]["unread"] == 1


def test_nothing_needs_attention_is_not_said_over_files_not_read(gov_root: Path) -> None:
    for name in ("bodies.yaml",):
        (gov_root / "data" / "strategy" / name).write_text("bodies: [oops\n", encoding="utf-8")
    meeting = gov_root / "data" / "meetings" / "city-board-2025-09-01.yaml"
    meeting.write_text("id: city-board-2025-09-01\nbody: city-board\ndate: 1.9.2025\n")
    result = run("status", "--root", str(gov_root), "--today", TODAY, "--lang", "en")
    assert result.exit_code == 1
    assert "The bodies file was not read" in result.stdout
    assert "Nothing needs attention: no measure" not in result.stdout
    assert "Nothing needs attention in the files that were read" in result.stdout


def test_the_overview_and_governance_pages_show_the_bodies(gov_root: Path) -> None:
    from tests.render.conftest import render

    pages = render(gov_root, date(2025, 11, 20))
    overview = pages["fi/index.html"]
    bodies = overview.index("Toimielimet, jotka eivät ole kokoontuneet sovitusti")
    actions = overview.index("Selvitetään kustannusjako kunnittain.")
    assert bodies < actions
    assert "ei kirjattuja kokouksia 15.1.2025 jälkeen" in overview
    governance = pages["fi/governance.html"]
    security = governance[governance.index('id="body-security"') :]
    assert "Tietoturvatyöryhmä" in security and "<caption" in security  # never met: a table
    assert "vähintään 4 kokousta vuodessa" in security
    steering = governance[
        governance.index('id="body-steering"') : governance.index('id="body-development"')
    ]
    assert "Tilinpäätös: maaliskuu, huhtikuu; Talousarvio: kesäkuu" in steering
    assert "ei kokousta: Talousarvio (kesäkuu)" in steering
    md = pages["fi/md/index.md"]
    assert "### Toimielimet, jotka eivät ole kokoontuneet sovitusti" in md
