"""``ictgov status``: golden output, filters, languages, JSON shape and failure modes.

The minimal tree's strategy is in Finnish, so the default view speaks Finnish; tests of
layout and wording in English pass ``--lang en``. Regenerate the golden files with
``ICTGOV_UPDATE_GOLDEN=1 python -m pytest tests/cli`` and review the diff.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from tests.cli.conftest import assert_plain, check_golden, run

TODAY = "2024-11-01"
LATE = "2026-08-01"  # m-alpha is overdue and stale by then


@pytest.fixture(autouse=True)
def _language_from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ICTGOV_LANG: the views speak the fixtures' language (Finnish) unless --lang says."""
    monkeypatch.delenv("ICTGOV_LANG", raising=False)


def status(root: Path, *args: str, today: str = TODAY) -> str:
    result = run("status", "--root", str(root), "--today", today, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_golden_text_minimal(minimal_root: Path) -> None:
    text = status(minimal_root)
    assert_plain(text)
    check_golden("status/minimal.txt", text)


def test_golden_text_with_attention(minimal_root: Path) -> None:
    text = status(minimal_root, today=LATE)
    assert_plain(text)
    check_golden("status/minimal-late.txt", text)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_golden_text_in_other_languages(minimal_root: Path, lang: str) -> None:
    text = status(minimal_root, "--lang", lang, today=LATE)
    assert_plain(text)
    check_golden(f"status/minimal-late-{lang}.txt", text)


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        (
            "fi",
            [
                "Strategiakausi 2023-2027, visio 2040. Tänään 1.8.2026.",
                "2 toimenpidettä, kokonaisedistyminen 70\xa0%, 3 vaatii huomiota.",
                "VAATII HUOMIOTA (3)",
                "kokoontui 0 kertaa vuonna 2025, vähintään 2 vaaditaan",
                "32 päivää myöhässä (suunniteltu päättyminen 30.6.2026)",
                "Tavoite 1: Ensimmäinen tavoite",
                "Koodi  Vastuutaho",
                "> käynnissä",
                "+ etenee hyvin",
                "PÄÄTÖSTEN JATKOTOIMET: 0 AVOINNA, 0 MYÖHÄSSÄ",
                "YHTEENVETO",
                "Tila: suunniteltu 0, käynnissä 1, valmis 1, keskeytetty 0, lopetettu 0.",
            ],
        ),
        (
            "sv",
            [
                "Strategiperiod 2023-2027, vision 2040. I dag 1.8.2026.",
                "2 åtgärder, framsteg totalt 70\xa0%, 3 kräver uppmärksamhet.",
                "KRÄVER UPPMÄRKSAMHET (3)",
                "sammanträdde 0 gånger 2025, minst 2 krävs",
                "32 dagar försenad (planerat slut 30.6.2026)",
                "Mål 1: Ensimmäinen tavoite",
                "Kod   Ansvarig",
                "> pågår",
                "+ enligt plan",
                "UPPFÖLJNING AV BESLUT: 0 ÖPPNA, 0 FÖRSENADE",
                "SAMMANFATTNING",
                "Status: planerad 0, pågår 1, slutförd 1, vilande 0, avbruten 0.",
            ],
        ),
        (
            "en",
            [
                "Period 2023-2027, vision 2040. Today 1 Aug 2026.",
                "2 measures, overall progress 70%, 3 need attention.",
                "NEEDS ATTENTION (3)",
                "met 0 times in 2025, at least 2 required",
                "overdue by 32 days (planned end 30 Jun 2026)",
                "Goal 1: First goal",
                "Code  Responsible",
                "> in progress",
                "+ on track",
                "DECISION FOLLOW-UP: 0 OPEN, 0 OVERDUE",
                "SUMMARY",
                "Status: planned 0, in progress 1, completed 1, on hold 0, discontinued 0.",
            ],
        ),
    ],
)
def test_labels_speak_the_language(minimal_root: Path, lang: str, labels: list[str]) -> None:
    text = status(minimal_root, "--lang", lang, today=LATE)
    missing = [label for label in labels if label not in text]
    assert not missing, text


def test_language_from_config_then_strategy(minimal_root: Path) -> None:
    assert "VAATII HUOMIOTA (0)" in status(minimal_root)  # the strategy's language
    (minimal_root / "ictgov.toml").write_text('language = "sv"\n', encoding="utf-8")
    assert "KRÄVER UPPMÄRKSAMHET (0)" in status(minimal_root)
    assert "NEEDS ATTENTION (0)" in status(minimal_root, "--lang", "en")  # the option wins


def test_golden_json_minimal(minimal_root: Path) -> None:
    text = status(minimal_root, "--format", "json")
    check_golden("status/minimal.json", text)


def test_attention_comes_first_with_reasons_and_days(minimal_root: Path) -> None:
    text = status(minimal_root, "--lang", "en", today=LATE)
    attention = text.index("NEEDS ATTENTION (3)")
    assert attention < text.index("Goal 1")
    block = text[attention : text.index("Goal 1")]
    assert "1.1" in block
    assert "overdue by 32 days" in block
    assert "no update for 655 days" in block


def test_measure_rows_show_owner_status_health_bar_and_dates(minimal_root: Path) -> None:
    text = status(minimal_root)
    assert re.search(r"1\.1\s+Alfa\s+> käynnissä\s+\[###-----\]\s+40\xa0%\s+15\.10\.2024", text)
    assert re.search(r"Ohjausryhmä\s+\+ etenee hyvin\s+30\.6\.2026", text)
    assert "Tavoite 2: Toinen tavoite" in text
    assert "Tila: suunniteltu 0, käynnissä 1, valmis 1" in text


def test_long_titles_end_in_an_ellipsis_at_80_columns(minimal_root: Path) -> None:
    path = minimal_root / "data" / "measures" / "m-beta.yaml"
    text = path.read_text(encoding="utf-8").replace("title: Beeta", "title: " + "Pitkä " * 30)
    path.write_text(text, encoding="utf-8")
    out = status(minimal_root)
    assert_plain(out)
    assert re.search(r"2\.1\s+(Pitkä ?)+\S*…  ", out), out


def test_wider_terminal_uses_one_line_per_measure(minimal_root: Path) -> None:
    result = run("status", "--root", str(minimal_root), "--today", TODAY, env={"COLUMNS": "150"})
    assert_plain(result.stdout, width=150)
    assert re.search(r"1\.1\s+Alfa\s+Ohjausryhmä\s+> käynnissä\s+\+ etenee hyvin", result.stdout)


def test_rich_terminal_output_has_colour_glyphs_and_fits_80(minimal_root: Path) -> None:
    from rich.console import Console

    from ictgov.project import Project
    from ictgov.render.terminal import print_status
    from ictgov.views.overview import build_overview
    from ictgov.views.status import status_report

    tree = Project.open(minimal_root).tree()
    report = status_report(tree, build_overview(tree, __import__("datetime").date(2026, 8, 1)))
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=80, color_system="standard")
    print_status(console, report)
    out = buffer.getvalue()
    assert "\x1b[" in out
    assert "▶ käynnissä" in out and "✓ etenee hyvin" in out
    visible = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert max(len(line) for line in visible.splitlines()) <= 80


@pytest.mark.parametrize(
    ("option", "value", "shown", "hidden"),
    [
        ("--goal", "g1", "Alfa", "Beeta"),
        ("--status", "completed", "Beeta", "Alfa"),
        ("--owner", "steering", "Alfa", "Beeta"),
    ],
)
def test_filters(minimal_root: Path, option: str, value: str, shown: str, hidden: str) -> None:
    text = status(minimal_root, option, value)
    assert shown in text
    assert hidden not in text
    assert "luvut koskevat näytettyjä toimenpiteitä" in text


def test_owner_matches_the_body_that_follows_up(minimal_root: Path) -> None:
    data = json.loads(status(minimal_root, "--owner", "mgmt", "-f", "json"))
    assert [m["id"] for m in data["measures"]] == ["m-alpha", "m-beta"]
    assert data["filters"] == {
        "goal": None,
        "owner": "mgmt",
        "status": None,
        "category": None,
        "tags": [],
    }


def test_filtered_counts_cover_what_is_shown(minimal_root: Path) -> None:
    data = json.loads(status(minimal_root, "--status", "in_progress", "-f", "json"))
    assert data["summary"]["measures"] == 1
    assert data["summary"]["by_status"]["in_progress"] == 1
    assert data["summary"]["by_status"]["completed"] == 0
    assert [g["id"] for g in data["goals"]] == ["g1"]


@pytest.mark.parametrize(
    ("option", "value", "hint"),
    [
        ("--goal", "g3", "(goals: g1, g2)"),
        ("--goal", "g11", "did you mean 'g1'"),
        ("--owner", "mgnt", "did you mean 'mgmt'"),
    ],
)
def test_unknown_filter_values_exit_2(
    minimal_root: Path, option: str, value: str, hint: str
) -> None:
    result = run("status", "--root", str(minimal_root), option, value, "--lang", "en")
    assert result.exit_code == 2
    assert hint in result.stderr


def test_bad_status_value_is_a_usage_error(minimal_root: Path) -> None:
    result = run("status", "--root", str(minimal_root), "--status", "done")
    assert result.exit_code == 2


def test_language_option_picks_texts(minimal_root: Path) -> None:
    text = status(minimal_root, "--lang", "en")
    assert text.startswith("Test strategy\n")
    assert "Alpha" in text and "Goal 1: First goal" in text
    assert "15 Oct 2024" in text  # dates as the English report writes them
    assert status(minimal_root, "--lang", "sv").startswith("Teststrategi\n")


def test_configured_language_wins_over_the_strategy(minimal_root: Path) -> None:
    (minimal_root / "ictgov.toml").write_text('language = "en"\n', encoding="utf-8")
    assert status(minimal_root).startswith("Test strategy\n")


def test_json_is_stable_sorted_and_complete(minimal_root: Path) -> None:
    first = status(minimal_root, "-f", "json")
    assert first == status(minimal_root, "-f", "json")
    data = json.loads(first)
    assert list(data) == sorted(data)
    assert data["today"] == TODAY
    assert data["strategy"]["period"] == {"start": 2023, "end": 2027}
    alpha = data["measures"][0]
    for key in ("id", "code", "title", "goal", "goals", "status", "health", "progress"):
        assert key in alpha
    assert alpha["owner"] == "steering"
    assert alpha["last_update"] == "2024-10-15"
    assert alpha["planned_end"] == "2026-06-30"
    assert (alpha["stale"], alpha["overdue"], alpha["attention"]) == (False, False, [])
    assert data["measures"][1]["health"] is None
    assert [m["code"] for m in data["measures"]] == ["1.1", "2.1"]


def test_json_attention_has_reasons_and_days(minimal_root: Path) -> None:
    data = json.loads(status(minimal_root, "-f", "json", today=LATE))
    bodies = [e for e in data["attention"] if e["kind"] == "body"]
    measures = [e for e in data["attention"] if e["kind"] == "measure"]
    assert [e["kind"] for e in data["attention"]] == ["body", "body", "measure"]  # bodies first
    assert [(b["id"], b["reason"], b["year"], b["held"], b["required"]) for b in bodies] == [
        ("mgmt", "missed", 2025, 0, 2),
        ("mgmt", "behind", 2026, 0, 1),
    ]
    assert measures == [
        {
            "code": "1.1",
            "id": "m-alpha",
            "kind": "measure",
            "reasons": [
                {"days": 32, "planned_end": "2026-06-30", "reason": "overdue"},
                {"days": 655, "last_update": "2024-10-15", "reason": "stale"},
            ],
            "title": "Alfa",
        }
    ]
    assert data["summary"]["stale"] == data["summary"]["overdue"] == 1
    assert data["summary"]["attention"] == 3 and data["summary"]["attention_bodies"] == 2


def test_open_and_overdue_actions_are_listed(minimal_root: Path) -> None:
    path = minimal_root / "data" / "meetings" / "board-2023-11-20.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("done: true", "done: false"), encoding="utf-8"
    )
    text = status(minimal_root, "--lang", "en")
    assert "DECISION FOLLOW-UP: 1 OPEN, 1 OVERDUE" in text
    assert re.search(
        r"late 124 d\s+Päivitetään sopimus\.\n\s+decided by Hallitus 20 Nov 2023 §12; "
        r"to do: Management group\n",
        text,
    )
    finnish = status(minimal_root)
    assert "PÄÄTÖSTEN JATKOTOIMET: 1 AVOINNA, 1 MYÖHÄSSÄ" in finnish
    assert re.search(
        r"myöhässä 124 pv\s+Päivitetään sopimus\.\n\s+päätös: Hallitus 20\.11\.2023 §12; "
        r"toteuttaa: Johtoryhmä\n",
        finnish,
    )
    data = json.loads(status(minimal_root, "-f", "json"))
    assert data["actions"][0]["days_overdue"] == 124
    assert data["summary"]["overdue_actions"] == 1


def test_today_from_the_environment(minimal_root: Path) -> None:
    result = run("status", "--root", str(minimal_root), "-f", "json", env={"ICTGOV_TODAY": LATE})
    assert json.loads(result.stdout)["today"] == LATE


def test_bad_today_exits_2(minimal_root: Path) -> None:
    result = run("status", "--root", str(minimal_root), "--today", "1.11.2024")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_load_errors_show_what_loaded_and_warn_once(minimal_root: Path) -> None:
    (minimal_root / "data" / "measures" / "m-beta.yaml").write_text(
        "id: m-beta\ncode: '2.1'\ntitle: Beeta\ngoals: [g2]\nstaus: planned\n", encoding="utf-8"
    )
    result = run("status", "--root", str(minimal_root), "--today", TODAY)
    assert result.exit_code == 1  # a report over a tree it could not read is not "fine"
    assert "Alfa" in result.stdout and "Beeta" not in result.stdout
    assert result.stdout.startswith("LUKEMATTA JÄÄNEET TIEDOSTOT (1)\n")
    assert "1 toimenpidetiedostoa ei luettu: toimenpide puuttuu alta." in result.stdout
    assert "data/measures/m-beta.yaml:5:1: tuntematon avain 'staus'" in result.stdout
    assert result.stderr == ""  # said once, first, not again as a warning


def test_nothing_loadable_exits_2(tmp_path: Path) -> None:
    (tmp_path / "ictgov.toml").write_text("", encoding="utf-8")
    (tmp_path / "data" / "strategy").mkdir(parents=True)
    result = run("status", "--root", str(tmp_path))
    assert result.exit_code == 2
    assert "no strategy data could be loaded" in result.stderr
    assert "Traceback" not in result.output


def test_no_repository_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("status")
    assert result.exit_code == 2
    assert "no strategy repository found" in result.stderr


def test_bundled_tree_smoke(bundled_root: Path) -> None:
    text = status(bundled_root, today="2026-11-21")
    assert_plain(text)
    assert "VAATII HUOMIOTA" in text
    data = json.loads(status(bundled_root, "-f", "json", today="2026-11-21"))
    assert data["measures"]
    goal_ids = {g["id"] for g in data["goals"]}
    assert all(m["goal"] in goal_ids for m in data["measures"])
    assert data["summary"]["load_problems"] == 0


def test_at_shows_the_tree_of_a_git_revision(minimal_root: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("needs git")
    git = ["git", "-C", str(minimal_root), "-c", "user.email=t@example.fi", "-c", "user.name=T"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "init"], check=True)
    path = minimal_root / "data" / "measures" / "m-alpha.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("progress: 40", "progress: 90"))
    now = json.loads(status(minimal_root, "-f", "json"))
    then = json.loads(status(minimal_root, "-f", "json", "--at", "HEAD"))
    assert (now["measures"][0]["progress"], then["measures"][0]["progress"]) == (90, 40)
    bad = run("status", "--root", str(minimal_root), "--at", "no-such-rev", "--lang", "en")
    assert bad.exit_code == 2
    assert "unknown revision" in bad.stderr


@pytest.mark.parametrize(
    ("tty", "term", "plain"), [(False, "xterm", True), (True, "dumb", True), (True, "xterm", False)]
)
def test_plain_output_when_piped_or_dumb(
    monkeypatch: pytest.MonkeyPatch, tty: bool, term: str, plain: bool
) -> None:
    import sys

    from ictgov.cli.status import output_is_plain

    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)
    monkeypatch.setenv("TERM", term)
    monkeypatch.setenv("COLUMNS", "100")
    assert output_is_plain() == (plain, 100)


def _commit_all(root: Path, message: str, when: str) -> None:
    import os
    import subprocess

    git = ["git", "-C", str(root), "-c", "user.email=t@example.fi", "-c", "user.name=T"]
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    if not (root / ".git").exists():
        subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", message], check=True, env=env)


def test_trend_adds_a_month_by_month_table(minimal_root: Path) -> None:
    import shutil

    if shutil.which("git") is None:
        pytest.skip("needs git")
    _commit_all(minimal_root, "start", "2024-09-10T12:00:00")
    path = minimal_root / "data" / "measures" / "m-alpha.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nprogress: 40", "\nprogress: 60"))
    _commit_all(minimal_root, "alpha 60", "2024-10-20T12:00:00")
    text = status(minimal_root, "--trend")
    assert_plain(text)
    table = text[text.index("KEHITYS KUUKAUSITTAIN (2)") :]
    assert "Kuukausi" in table and "Suunni-" in table
    assert re.search(r"2024-09\s+2\s+0\s+1\s+1\s+0\s+0\s+70\xa0%", table)
    assert re.search(r"2024-10\s+2\s+0\s+1\s+1\s+0\s+0\s+80\xa0%", table)
    data = json.loads(status(minimal_root, "--trend", "-f", "json"))
    assert [p["label"] for p in data["trend"]] == ["2024-09", "2024-10"]
    assert data["trend"][1]["mean_progress"] == {"g1": 60.0, "g2": 100.0}


def test_trend_outside_git_exits_2(tmp_path: Path, minimal_root: Path) -> None:
    import shutil

    copy = tmp_path / "nogit"
    shutil.copytree(minimal_root, copy)
    result = run("status", "--root", str(copy), "--trend")
    assert result.exit_code == 2
    assert "git" in result.stderr


def test_piped_status_imports_no_heavy_library(minimal_root: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from ictgov.cli.main import app\n"
        f"r = CliRunner().invoke(app, ['status', '--root', {str(minimal_root)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "heavy = {'rich', 'jinja2', 'git', 'ruamel', 'babel', 'openpyxl'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_files_that_did_not_load_come_first_and_exit_1(minimal_root: Path) -> None:
    from typer.testing import CliRunner

    from ictgov.cli.main import app

    board = minimal_root / "data" / "meetings" / "board-2023-11-20.yaml"
    board.write_text(
        board.read_text(encoding="utf-8").replace("date: 2023-11-20", "date: 20.11.2023")
    )
    args = ["status", "--root", str(minimal_root), "--today", "2026-08-01", "--lang", "fi"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "LUKEMATTA JÄÄNEET TIEDOSTOT (1)\n"
        "1 kokoustiedostoa ei luettu: sen päätökset ja jatkotoimet puuttuvat alta.\n"
    )
    # The load error is said in the reader's language too.
    assert "data/meetings/board-2023-11-20.yaml:4:7: date: " in result.stdout
    assert "2023-11-20" in result.stdout and "expected a date" not in result.stdout
    data = json.loads(CliRunner().invoke(app, [*args, "--format", "json"]).stdout)
    assert data["unread"] == [
        {
            "file": "data/meetings/board-2023-11-20.yaml",
            "line": 4,
            "column": 7,
            "message": data["unread"][0]["message"],
            "kind": "meeting",
            "hides": "this meeting's decisions and follow-up actions (open and overdue ones too)",
        }
    ]
    assert data["unread"][0]["message"].startswith("date: kirjoita päivämäärä")
    assert data["summary"]["unread"] == 1
