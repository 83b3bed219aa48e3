"""``ictgov update``, ``new`` and ``init`` through the command line, on copies of real trees."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.load import FsSource, load_tree

TODAY = "2024-11-01"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def measure_path(root: Path, measure_id: str) -> Path:
    return root / "data" / "measures" / f"{measure_id}.yaml"


def lint_output(root: Path, today: str = TODAY) -> str:
    code, out, err = run("lint", "--root", str(root), "--today", today)
    assert code in (0, 1), out + err
    return out + err


# --- update ---------------------------------------------------------------------------


def test_update_changes_only_the_intended_lines(minimal_root: Path) -> None:
    path = measure_path(minimal_root, "m-alpha")
    before = path.read_text(encoding="utf-8")
    code, out, err = run(
        "update", "m-alpha", "--progress", "55", "--note", "Eteni: 55 %",
        "--by", "Palvelupäällikkö", "--root", str(minimal_root), "--today", TODAY,
    )  # fmt: skip
    assert code == 0, err
    assert "updated data/measures/m-alpha.yaml" in out
    assert "progress: 40 -> 55" in out
    expected = before.replace("progress: 40\nschedule", "progress: 55\nschedule") + (
        "  - date: 2024-11-01\n"
        "    progress: 55\n"
        '    note: "Eteni: 55 %"\n'
        "    by: Palvelupäällikkö\n"
    )
    assert path.read_text(encoding="utf-8") == expected


def test_update_finds_a_measure_by_its_code_as_status_shows_it(minimal_root: Path) -> None:
    code, out, err = run(
        "update", "1.1", "--progress", "45", "--root", str(minimal_root), "--today", TODAY
    )  # fmt: skip
    assert code == 0, err
    assert "updated data/measures/m-alpha.yaml" in out
    assert "progress: 45" in measure_path(minimal_root, "m-alpha").read_text(encoding="utf-8")


def test_a_code_two_measures_declare_is_ambiguous(minimal_root: Path) -> None:
    beta = measure_path(minimal_root, "m-beta")
    beta.write_text(beta.read_text(encoding="utf-8").replace('code: "2.1"', 'code: "1.1"'))
    code, _out, err = run("update", "1.1", "--progress", "45", "--root", str(minimal_root))
    assert code == 2
    assert "code '1.1' is ambiguous" in err and "m-alpha, m-beta" in err


def test_an_existing_error_does_not_block_a_report(minimal_root: Path) -> None:
    """m-alpha already has a value dated after TODAY (DT04); reporting progress is fine."""
    assert re.search(r"m-alpha\.yaml:\d+:\d+: error DT04", lint_output(minimal_root))
    code, _, err = run(
        "update", "m-alpha", "--progress", "45", "--root", str(minimal_root), "--today", TODAY
    )
    assert code == 0, err


def test_dry_run_prints_the_diff_and_writes_nothing(minimal_root: Path) -> None:
    path = measure_path(minimal_root, "m-alpha")
    before = path.read_bytes()
    code, out, err = run(
        "update", "m-alpha", "--status", "completed", "--dry-run",
        "--root", str(minimal_root), "--today", TODAY,
    )  # fmt: skip
    assert code == 0, err
    assert "--- a/data/measures/m-alpha.yaml" in out
    assert "-status: in_progress" in out and "+status: completed" in out
    assert "-health: on_track" in out and "+progress: 100" in out
    assert "+  actual_end: 2024-11-01" in out
    assert "was not written" in err
    assert path.read_bytes() == before


def test_indicator_value_by_period_with_decimal_comma(minimal_root: Path) -> None:
    code, _, err = run(
        "update", "m-alpha", "--indicator-value", "2024-Q3=12,5", "--source", "Kysely",
        "--root", str(minimal_root), "--today", TODAY,
    )  # fmt: skip
    assert code == 0, err
    text = measure_path(minimal_root, "m-alpha").read_text(encoding="utf-8")
    assert (
        "    - {date: 2024-09-30, value: 12.5, source: Kysely}\n"
        "    - {date: 2024-12-31, value: 30, source: Raportti}\n"
    ) in text


def test_same_values_write_nothing(minimal_root: Path) -> None:
    path = measure_path(minimal_root, "m-alpha")
    stat = path.stat()
    code, out, _ = run(
        "update", "m-alpha", "--progress", "40", "--root", str(minimal_root), "--today", TODAY
    )
    assert code == 0
    assert "nothing to change" in out
    assert path.stat().st_mtime_ns == stat.st_mtime_ns


def test_invalid_id_is_refused_before_touching_files(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    code, _, err = run("update", "../m-alpha", "--progress", "5", "--root", str(missing))
    assert code == 2
    assert "is not a measure id" in err


def test_unknown_id_suggests_a_close_one(minimal_root: Path) -> None:
    code, _, err = run("update", "m-alpah", "--progress", "5", "--root", str(minimal_root))
    assert code == 2
    assert "did you mean m-alpha" in err


def test_change_that_lint_flags_is_refused_with_the_diagnostic(minimal_root: Path) -> None:
    path = measure_path(minimal_root, "m-alpha")
    before = path.read_bytes()
    code, _, err = run(
        "update", "m-alpha", "--status", "completed", "--progress", "60",
        "--root", str(minimal_root), "--today", TODAY,
    )  # fmt: skip
    assert code == 2
    assert "ST01" in err and "data/measures/m-alpha.yaml:9:" in err
    assert path.read_bytes() == before


def test_future_date_is_refused(minimal_root: Path) -> None:
    code, _, err = run(
        "update", "m-alpha", "--progress", "60", "--date", "2025-01-01",
        "--root", str(minimal_root), "--today", TODAY,
    )  # fmt: skip
    assert code == 2
    assert "DT04" in err


def test_health_only_while_in_progress(minimal_root: Path) -> None:
    code, _, err = run(
        "update", "m-beta", "--health", "at_risk", "--root", str(minimal_root), "--today", TODAY
    )
    assert code == 2
    assert "only while a measure is in progress" in err


def test_unparseable_file_is_never_rewritten(minimal_root: Path) -> None:
    path = measure_path(minimal_root, "m-beta")
    broken = path.read_bytes().replace(b"goals: [g2]", b"goals: [g2")
    path.write_bytes(broken)
    code, _, err = run("update", "m-beta", "--note", "x", "--root", str(minimal_root))
    assert code == 2
    assert "cannot be read" in err and "YM01" in err
    assert path.read_bytes() == broken


def test_nothing_to_update_is_a_usage_error(minimal_root: Path) -> None:
    code, _, err = run("update", "m-alpha", "--root", str(minimal_root))
    assert code == 2
    assert "nothing to update" in err


def in_progress_measure(root: Path) -> tuple[str, int]:
    tree = load_tree(FsSource(root))
    for m in tree.measures:
        if m.status.value == "in_progress" and m.progress < 99:
            return m.id, m.progress
    pytest.fail("the bundled data must have a measure in progress below 99 % for this test")


def test_update_on_the_bundled_data(bundled_root: Path) -> None:
    measure_id, progress = in_progress_measure(bundled_root)
    path = next((bundled_root / "data" / "measures").rglob(f"{measure_id}.yaml"))
    before = path.read_text(encoding="utf-8").splitlines()
    today = "2026-11-21"
    code, _, err = run(
        "update", measure_id, "--progress", str(progress + 1), "--note", "Testi",
        "--root", str(bundled_root), "--today", today,
    )  # fmt: skip
    assert code == 0, err
    after = path.read_text(encoding="utf-8").splitlines()
    removed = [line for line in before if line not in after]
    assert removed == [f"progress: {progress}"]
    assert len(after) == len(before) + 3  # the new entry: date, progress, note
    added = [line for line in after if line not in before]
    assert added == [
        f"progress: {progress + 1}",
        f"  - date: {today}",
        f"    progress: {progress + 1}",
        "    note: Testi",
    ]
    rel = path.relative_to(bundled_root).as_posix()
    assert not [ln for ln in lint_output(bundled_root, today).splitlines() if ln.startswith(rel)]


# --- new ------------------------------------------------------------------------------


def test_new_measure_gets_the_next_code_and_lint_asks_for_the_placeholders(
    minimal_root: Path,
) -> None:
    code, out, err = run(
        "new", "measure", "--goal", "g1", "--title", "Yhteinen tietoalusta & Åland",
        "--root", str(minimal_root), "--today", TODAY,
    )  # fmt: skip
    assert code == 0, err
    path = measure_path(minimal_root, "yhteinen-tietoalusta-aland")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/measure.schema.json\n")
    assert 'code: "1.2"' in text
    assert "fill in: responsible, indicator" in out
    tree = load_tree(FsSource(minimal_root))
    assert "yhteinen-tietoalusta-aland" in tree.measure_by_id
    assert not [d for d in tree.diagnostics if d.file.endswith("aland.yaml")]
    report = lint_output(minimal_root)
    assert re.search(r"yhteinen-tietoalusta-aland\.yaml.*CM01", report)
    assert re.search(r"yhteinen-tietoalusta-aland\.yaml.*CM02", report)


def test_new_measure_never_overwrites(minimal_root: Path) -> None:
    code, _, err = run(
        "new", "measure", "--goal", "g1", "--title", "X", "--id", "m-alpha",
        "--root", str(minimal_root),
    )  # fmt: skip
    assert code == 2 and "already used" in err
    code, _, err = run(
        "new", "measure", "--goal", "g7", "--title", "X", "--root", str(minimal_root)
    )
    assert code == 2 and "no goal 'g7'" in err


def test_new_measure_in_the_bundled_data(bundled_root: Path) -> None:
    tree = load_tree(FsSource(bundled_root))
    goal = tree.goals[0]
    codes = [
        int(m.code.split(".")[1])
        for m in tree.measures
        if m.code.startswith(goal.code + ".") and m.code.split(".")[1].isdigit()
    ]
    code, out, err = run(
        "new", "measure", "--goal", goal.id, "--title", "Uusi toimenpide",
        "--root", str(bundled_root), "--today", "2026-11-21",
    )  # fmt: skip
    assert code == 0, err
    assert f"code {goal.code}.{max(codes, default=0) + 1}" in out


def test_update_a_running_period_is_dated_on_the_report_date(minimal_root: Path) -> None:
    path = measure_path(minimal_root, "m-alpha")
    code, out, err = run(
        "update", "m-alpha", "--indicator-value", "2026-11=9",
        "--root", str(minimal_root), "--today", "2026-11-21",
    )  # fmt: skip
    assert code == 0, err
    assert "indicator value 2026-11-21: 9" in out
    assert "    - {date: 2026-11-21, value: 9}\n" in path.read_text("utf-8")
    result = CliRunner().invoke(
        app,
        ["update", "m-alpha", "--indicator-value", "2026-Q4=11", "--date", "2026-11-10",
         "--root", str(minimal_root)],
        env={"ICTGOV_TODAY": "2026-11-21"},
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "    - {date: 2026-11-10, value: 11}\n" in path.read_text("utf-8")
    # After the month has ended, the same period means its last day again.
    code, _, err = run(
        "update", "m-alpha", "--indicator-value", "2026-11=10",
        "--root", str(minimal_root), "--today", "2026-12-02",
    )  # fmt: skip
    assert code == 0, err
    assert "    - {date: 2026-11-30, value: 10}\n" in path.read_text("utf-8")
    assert lint_output(minimal_root, "2026-12-02").count("DT04") == 0


def test_update_refuses_a_future_day_and_a_period_not_begun(minimal_root: Path) -> None:
    path = measure_path(minimal_root, "m-alpha")
    before = path.read_text("utf-8")
    code, _, err = run(
        "update", "m-alpha", "--indicator-value", "2026-11-30=9",
        "--root", str(minimal_root), "--today", "2026-11-21",
    )  # fmt: skip
    assert code == 2 and "DT04" in err and "dated 2026-11-30, after today (2026-11-21)" in err
    code, _, err = run(
        "update", "m-alpha", "--indicator-value", "2026-12=9",
        "--root", str(minimal_root), "--today", "2026-11-21",
    )  # fmt: skip
    assert code == 2
    assert "'2026-12' has not begun by the reporting date 2026-11-21" in err
    assert path.read_text("utf-8") == before


def test_new_meeting_continues_the_section_numbers(minimal_root: Path) -> None:
    code, out, err = run(
        "new", "meeting", "--body", "mgmt", "--date", "2024-12-10",
        "--item", "Tilannekatsaus", "--item", "Talousarvio", "--root", str(minimal_root),
    )  # fmt: skip
    assert code == 0, err
    text = (minimal_root / "data" / "meetings" / "mgmt-2024-12-10.yaml").read_text("utf-8")
    assert "  - section: 3\n    title: Tilannekatsaus\n  - section: 4\n" in text
    assert "Continue from § 5" in text
    code, _, err = run(
        "new", "meeting", "--body", "mgmt", "--date", "2024-12-10", "--root", str(minimal_root)
    )
    assert code == 2 and "already exists" in err
    code, out, _ = run(
        "new", "meeting", "--body", "board", "--date", "2025-01-10", "--root", str(minimal_root)
    )
    assert "sections from § 1" in out


def test_new_meeting_without_date_is_todays(minimal_root: Path) -> None:
    code, out, err = run(
        "new", "meeting", "--body", "mgmt", "--today", "2024-12-11", "--root", str(minimal_root)
    )
    assert code == 0, err
    assert "meeting mgmt-2024-12-11" in out
    text = (minimal_root / "data" / "meetings" / "mgmt-2024-12-11.yaml").read_text("utf-8")
    assert "date: 2024-12-11" in text
    result = CliRunner().invoke(
        app,
        ["new", "meeting", "--body", "board", "--root", str(minimal_root)],
        env={"ICTGOV_TODAY": "2025-02-03"},
    )
    assert result.exit_code == 0, result.stderr
    assert (minimal_root / "data" / "meetings" / "board-2025-02-03.yaml").is_file()
    # An explicit --date wins over today.
    code, out, _ = run(
        "new", "meeting", "--body", "board", "--date", "2025-03-04", "--today", "2025-02-03",
        "--root", str(minimal_root),
    )  # fmt: skip
    assert code == 0 and "board-2025-03-04" in out
    code, _, err = run("new", "meeting", "--body", "board", "--today", "3.2.2025",
                       "--root", str(minimal_root))  # fmt: skip
    assert code == 2 and "--today" in err


def test_new_goal_is_appended_keeping_the_file(minimal_root: Path) -> None:
    path = minimal_root / "data" / "strategy" / "goals.yaml"
    before = path.read_text(encoding="utf-8")
    code, out, err = run(
        "new", "goal", "--title", "Kolmas: tavoite", "--root", str(minimal_root), "--today", TODAY
    )
    assert code == 0, err
    assert "added goal g3 (code 3)" in out
    assert path.read_text(encoding="utf-8") == before + (
        '  - id: g3\n    code: "3"\n    title: "Kolmas: tavoite"\n'
    )


def test_new_meeting_and_goal_in_the_bundled_data(bundled_root: Path) -> None:
    tree = load_tree(FsSource(bundled_root))
    body = tree.bodies[0].id
    code, _, err = run(
        "new", "meeting", "--body", body, "--date", "2026-11-20", "--root", str(bundled_root)
    )
    assert code == 0, err
    assert (bundled_root / "data" / "meetings" / f"{body}-2026-11-20.yaml").is_file()
    goals = bundled_root / "data" / "strategy" / "goals.yaml"
    before = goals.read_text(encoding="utf-8")
    code, _, err = run(
        "new", "goal", "--title", "Uusi tavoite", "--root", str(bundled_root),
        "--today", "2026-11-21",
    )  # fmt: skip
    assert code == 0, err
    after = goals.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))
    assert "title: Uusi tavoite" in after[len(before.rstrip("\n")) :]
    assert len(load_tree(FsSource(bundled_root)).goals) == len(tree.goals) + 1


# --- init -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_init_creates_a_repository_that_lint_accepts(tmp_path: Path, language: str) -> None:
    dest = tmp_path / "strategia"
    code, out, err = run(
        "init", str(dest), "--language", language, "--name", "Kuntien ICT-strategia 2025–2029",
        "--today", "2025-01-15",
    )  # fmt: skip
    assert code == 0, err
    for name in ("ictgov.toml", "README.md", ".gitignore", ".pre-commit-config.yaml"):
        assert (dest / name).is_file(), name
    assert (dest / "schemas" / "measure.schema.json").is_file()
    measures = list((dest / "data" / "measures").glob("*.yaml"))
    assert len(measures) == 1
    assert measures[0].read_text("utf-8").startswith("# yaml-language-server: $schema=")
    tree = load_tree(FsSource(dest))
    assert tree.diagnostics == []
    assert len(tree.goals) == len(tree.bodies) == len(tree.organisations) == 1
    code, out, err = run("lint", "--root", str(dest), "--today", "2025-01-15")
    assert code == 0, out + err


def test_init_refuses_a_non_empty_folder_and_force_keeps_files(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    code, _, err = run("init", str(tmp_path))
    assert code == 2 and "not empty" in err
    code, out, err = run("init", str(tmp_path), "--force", "--ci", "github")
    assert code == 0, err
    assert (tmp_path / "README.md").read_text("utf-8") == "mine\n"
    assert "kept README.md (already there)" in out
    assert (tmp_path / "ictgov.toml").is_file()
    assert "ictgov lint" in (tmp_path / ".github" / "workflows" / "ictgov.yml").read_text("utf-8")


def test_commands_are_listed_in_help() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for command in ("update", "new", "init", "export", "import"):
        assert re.search(rf"\b{command}\b", out), command
    assert os.environ.get("ICTGOV_TODAY") is None


# --- dates are never invented (issue 12) ----------------------------------------------


def test_a_back_filled_completion_sets_no_actual_end(minimal_root: Path) -> None:
    code, out, err = run(
        "update", "m-alpha", "--status", "completed", "--date", "2024-10-31",
        "--root", str(minimal_root), "--today", TODAY,
    )  # fmt: skip
    assert code == 0, err
    text = measure_path(minimal_root, "m-alpha").read_text(encoding="utf-8")
    assert "actual_end" not in text
    assert "schedule.actual_end: not set" in out and "give --ended DATE" in out


def test_ended_states_the_real_date(minimal_root: Path) -> None:
    code, out, err = run(
        "update", "m-alpha", "--status", "completed", "--ended", "2023-12-15",
        "--root", str(minimal_root), "--today", TODAY,
    )  # fmt: skip
    assert code == 0, err
    assert "actual_end: 2023-12-15" in measure_path(minimal_root, "m-alpha").read_text()
    assert "schedule.actual_end: 2023-12-15" in out


def test_a_completion_reported_today_is_dated_today(minimal_root: Path) -> None:
    code, _out, err = run(
        "update", "m-alpha", "--status", "completed", "--root", str(minimal_root), "--today", TODAY
    )  # fmt: skip
    assert code == 0, err
    assert f"actual_end: {TODAY}" in measure_path(minimal_root, "m-alpha").read_text()


def test_an_end_before_the_start_or_in_the_future_is_refused(minimal_root: Path) -> None:
    args = ("update", "m-alpha", "--root", str(minimal_root), "--today", TODAY)
    code, _out, err = run(*args, "--started", "2024-05-01", "--ended", "2024-04-01")
    assert code == 2 and "before the actual start" in err
    code, _out, err = run(*args, "--ended", "2025-01-01")
    assert code == 2 and "after the report date" in err
