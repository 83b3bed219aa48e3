"""``ictgov show ID``: every kind of item, its sections, JSON, and unknown ids."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tests.cli.conftest import assert_plain, run

TODAY = "2024-11-01"


@pytest.fixture(autouse=True)
def _language_from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ICTGOV_LANG: the views speak the fixtures' language (Finnish) unless --lang says."""
    monkeypatch.delenv("ICTGOV_LANG", raising=False)


def show(root: Path, *args: str, today: str = TODAY) -> str:
    result = run("show", *args, "--root", str(root), "--today", today)
    assert result.exit_code == 0, result.output
    assert_plain(result.stdout)
    return result.stdout


def test_measure_has_facts_update_log_newest_first_dependencies_and_decisions(
    minimal_root: Path,
) -> None:
    text = show(minimal_root, "m-alpha")  # the strategy's language: Finnish
    assert text.startswith(
        "Toimenpide 1.1 Alfa\nid: m-alpha\ntiedosto: data/measures/m-alpha.yaml\n"
    )
    log = text[text.index("PÄIVITYSLOKI (2, UUSIN ENSIN)") :]
    assert log.index("15.10.2024") < log.index("1.3.2024")
    assert "Eteni. (Palvelupäällikkö)" in log
    assert re.search(r"big-procurement\s+hanke: Perustietotekniikan\s+hankinta", text)
    assert re.search(r"SIITÄ RIIPPUVAT TOIMENPITEET\n.*\n2\.1\s+Beeta\s+\+ valmis", text)
    assert re.search(r"31\.12\.2024\s+30\xa0%\s+Raportti", text)  # indicator series
    assert (
        "Lähtötaso 0\xa0% (1.1.2024), tavoitetaso 100\xa0% (30.6.2026), suurempi on parempi."
        in text
    )
    decisions = text[text.index("PÄÄTÖKSET (2)") :]
    assert "mgmt-2024-03-01 §1" in decisions and "mgmt-2024-09-01 §2" in decisions
    assert re.search(r"suunniteltu loppu\s+30\.6\.2026", text)  # all fields, as a person reads them


def test_measure_can_be_found_by_its_code(minimal_root: Path) -> None:
    assert show(minimal_root, "2.1").startswith("Toimenpide 2.1 Beeta\n")
    assert "PÄÄTÖKSET (2)" in show(minimal_root, "1.1")  # looked up by the id, not the code


def test_measure_attention_is_explained(minimal_root: Path) -> None:
    text = show(minimal_root, "m-alpha", today="2026-08-01")
    assert (
        "Vaatii huomiota: 32 päivää myöhässä (suunniteltu päättyminen 30.6.2026); ei\n"
        "  päivitystä 655 päivään (raja 120)." in text
    )
    english = show(minimal_root, "m-alpha", "--lang", "en", today="2026-08-01")
    assert "Needs attention: overdue by 32 days (planned end 30 Jun 2026); no update for" in english


def test_goal_shows_its_rollup_and_measures(minimal_root: Path) -> None:
    text = show(minimal_root, "g1")
    assert "KOOSTE\n[###-----]  40\xa0%  1 toimenpide: 1 käynnissä" in text
    assert re.search(r"1\.1\s+Alfa\s+> käynnissä\s+\+ etenee hyvin", text)


def test_body_shows_members_tasks_cadence_and_measures(minimal_root: Path) -> None:
    text = show(minimal_root, "mgmt", "--lang", "en")
    assert re.search(r"Tietohallintojohtaja,\s+Tampere\s+chair\s+Maija", text)
    assert "- Seuraa strategiaa" in text
    assert "Cadence: at least 2 meetings a year; held 2024: 2." in text
    assert "Bodies reporting to it: steering" in text
    responsible = text[text.index("RESPONSIBLE FOR (1)") : text.index("FOLLOWS UP (2)")]
    assert "Beeta" in responsible and "Alpha" not in responsible
    assert "MEETINGS (2)" in text
    finnish = show(minimal_root, "mgmt")
    assert re.search(r"Tietohallintojohtaja,\s+Tampere\s+puheenjohtaja\s+Maija", finnish)
    assert "Kokoustahti: vähintään 2 kokousta vuodessa; pidetty 2024: 2." in finnish
    assert "VASTAA (1)" in finnish and "SEURAA (2)" in finnish and "KOKOUKSET (2)" in finnish


def test_organisation_takes_part_by_default_in_every_measure(minimal_root: Path) -> None:
    text = show(minimal_root, "orivesi")
    assert "OSALLISTUU (2)" in text
    assert "Toimielimet: board, mgmt" in text


def test_participants_limit_the_organisations_measures(minimal_root: Path) -> None:
    path = minimal_root / "data" / "measures" / "m-beta.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "participants: [tampere]\n", encoding="utf-8"
    )
    assert "OSALLISTUU (1)" in show(minimal_root, "orivesi")
    assert "OSALLISTUU (2)" in show(minimal_root, "tampere")


def test_meeting_shows_items_decisions_and_actions(minimal_root: Path) -> None:
    text = show(minimal_root, "board-2023-11-20", "--lang", "en")
    assert text.startswith("Meeting of Hallitus on 20 Nov 2023\n")
    assert "§12 Strategian hyväksyminen [passed] record 553/00.04.01/2023" in text
    assert "Decision: Hyväksyttiin." in text
    assert "  1. [done] Päivitetään sopimus. (Management group)" in text
    finnish = show(minimal_root, "board-2023-11-20")
    assert finnish.startswith("Kokous: Hallitus 20.11.2023\n")
    assert "§12 Strategian hyväksyminen [hyväksyttiin] dnro 553/00.04.01/2023" in finnish
    assert "Päätös: Hyväksyttiin." in finnish
    assert "  1. [tehty] Päivitetään sopimus. (Johtoryhmä)" in finnish


def test_meeting_shows_each_decision_whole(tmp_path: Path) -> None:
    import shutil

    from tests.conftest import FIXTURES

    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "cooperation-gov", root)
    text = show(root, "city-board-2025-09-01", today="2025-11-20")
    expected = [
        "§145 ICT-yhteistyösopimuksen päivittäminen [palautettiin valmisteluun] dnro\n"
        "  310/00.04.01/2025",
        "Valmistelija: Talous- ja hallintojohtaja",
        "Esittelijä: Kaupunginjohtaja",
        "Asian valmistelu:\n  Ohjausryhmä on valmistellut yhteistyösopimuksen päivityksen.\n"
        "  Sopimusluonnos on liitteenä.",
        "Ehdotus: Kaupunginhallitus hyväksyy sopimuksen liitteen mukaisena.",
        "Äänestys: 7 jaa-ääntä, 4 ei-ääntä; Eriävä mielipide: Jäsen - Olisi",
        "Huomautukset:",
        "  - Liite 1 Sopimusluonnos <https://example.fi/liite1.pdf>",
        "  1. [20 päivää myöhässä] Selvitetään kustannusjako kunnittain.",
        "  2. [avoin, määräpäivä 31.1.2026] Tuodaan sopimus uudelleen käsittelyyn.",
        "  3. [tehty 10.9.2025] Tiedotetaan kuntia palauttamisesta. (Orivesi)",
        "§146 Ilmoitusasiat [merkittiin tiedoksi] (lisäpykälä)",
        "Äänestys: yksimielinen",
    ]
    missing = [line for line in expected if line not in text]
    assert not missing, text


def test_meeting_marks_a_late_action(minimal_root: Path) -> None:
    path = minimal_root / "data" / "meetings" / "board-2023-11-20.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("done: true", "done: false"), encoding="utf-8"
    )
    text = show(minimal_root, "board-2023-11-20")
    assert "  1. [124 päivää myöhässä] Päivitetään sopimus. (Johtoryhmä)" in text
    assert "AVOIMET JATKOTOIMET (1)" in text
    english = show(minimal_root, "board-2023-11-20", "--lang", "en")
    assert "  1. [overdue by 124 days] Päivitetään sopimus. (Management group)" in english
    assert re.search(
        r"late 124 d\s+Päivitetään sopimus\.\n\s+decided by Hallitus 20 Nov 2023 §12; "
        r"to do: Management group\n",
        english,
    )


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("test-strategy", "board-2023-11-20 §12"),  # the approval decision
        ("vp1", "1 Ensimmäinen tavoite (g1)"),
        ("big-procurement", "SIITÄ RIIPPUVAT TOIMENPITEET (1)"),
        ("high", "Kuntien hallitukset"),
    ],
)
def test_other_kinds(minimal_root: Path, item: str, expected: str) -> None:
    assert expected in show(minimal_root, item)


def test_json_holds_the_item_and_its_relations(minimal_root: Path) -> None:
    data = json.loads(show(minimal_root, "m-alpha", "--format", "json"))
    assert data["kind"] == "measure"
    assert data["item"]["updates"][0]["date"] == "2024-03-01"
    assert data["facts"]["last_update"] == "2024-10-15"
    assert data["dependencies"] == [{"id": "big-procurement", "kind": "project"}]
    assert data["dependents"] == ["m-beta"]
    assert [d["meeting"] for d in data["decisions"]] == ["mgmt-2024-03-01", "mgmt-2024-09-01"]
    goal = json.loads(show(minimal_root, "g1", "-f", "json"))
    assert goal["rollup"]["progress"] == 40.0


def test_language_option(minimal_root: Path) -> None:
    assert show(minimal_root, "m-alpha", "--lang", "en").startswith("Measure 1.1 Alpha\n")


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("fi", ["Toimenpide 1.1 Alfa", "tiedosto: ", "RIIPPUVUUDET", "MITTARI", "KENTÄT",
                "Päivämäärä  Tila", "Tilannearvio", "Huomautus", "> käynnissä"]),
        ("sv", ["Åtgärd 1.1 Alfa", "fil: ", "BEROENDEN", "INDIKATOR", "FÄLT",
                "Datum       Status", "Läge", "Anmärkning", "> pågår", "projekt: "]),
        ("en", ["Measure 1.1 Alpha", "file: ", "DEPENDENCIES", "INDICATOR", "FIELDS",
                "Date          Status", "Health", "Note", "> in progress", "project: "]),
    ],
)  # fmt: skip
def test_labels_speak_the_language(minimal_root: Path, lang: str, labels: list[str]) -> None:
    text = show(minimal_root, "m-alpha", "--lang", lang)
    missing = [label for label in labels if label not in text]
    assert not missing, text


def test_unknown_id_exits_2_with_did_you_mean(minimal_root: Path) -> None:
    result = run("show", "m-alfa", "--root", str(minimal_root), "--lang", "en")
    assert result.exit_code == 2
    assert "no item has the id or code 'm-alfa'; did you mean 'm-alpha'?" in result.stderr


def test_malformed_id_is_refused_before_loading(tmp_path: Path) -> None:
    result = run("show", "../etc/passwd", "--root", str(tmp_path))
    assert result.exit_code == 2
    assert "is neither an id nor a code" in result.stderr


def test_every_item_of_the_bundled_tree_renders(bundled_root: Path) -> None:
    from ictgov.project import Project
    from ictgov.render.terminal_show import detail_text
    from ictgov.views.detail import detail_data, item_detail, known_ids
    from ictgov.views.overview import build_overview

    tree = Project.open(bundled_root).tree()
    today = date(2026, 11, 21)
    overview = build_overview(tree, today)
    ids = known_ids(tree)
    assert len(ids) > 30
    for item in ids:
        detail = item_detail(tree, item, today, overview=overview)
        assert detail is not None
        assert_plain(detail_text(detail))
        json.dumps(detail_data(detail))


def test_bundled_show_smoke(bundled_root: Path) -> None:
    text = show(bundled_root, "1.1", today="2026-11-21")
    assert text.startswith("Toimenpide 1.1 ")
    assert "PÄIVITYSLOKI" in text


def test_rich_terminal_show_fits_80_columns(minimal_root: Path) -> None:
    import io

    from rich.console import Console

    from ictgov.project import Project
    from ictgov.render.terminal_show import print_detail
    from ictgov.views.detail import item_detail

    tree = Project.open(minimal_root).tree()
    detail = item_detail(tree, "m-alpha", date(2026, 8, 1))
    assert detail is not None
    buffer = io.StringIO()
    print_detail(Console(file=buffer, force_terminal=True, width=80), detail)
    out = buffer.getvalue()
    assert "\x1b[" in out and "▶ käynnissä" in out and "✓ etenee hyvin" in out
    visible = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert max(len(line) for line in visible.splitlines()) <= 80


def test_a_duplicated_code_is_ambiguous_and_a_letter_code_is_found(minimal_root: Path) -> None:
    from typer.testing import CliRunner

    from ictgov.cli.main import app

    beta = minimal_root / "data" / "measures" / "m-beta.yaml"
    beta.write_text(beta.read_text(encoding="utf-8").replace('code: "2.1"', 'code: "L1.2"'))
    assert show(minimal_root, "L1.2").startswith("Toimenpide L1.2 Beeta")
    assert show(minimal_root, "l1.2").startswith("Toimenpide L1.2 Beeta")  # as typed
    beta.write_text(beta.read_text(encoding="utf-8").replace('code: "L1.2"', 'code: "1.1"'))
    result = CliRunner().invoke(app, ["show", "1.1", "--root", str(minimal_root), "--lang", "en"])
    assert result.exit_code == 2
    assert "code '1.1' is ambiguous: m-alpha, m-beta" in result.stderr
