"""``--today`` in ``diff`` and ``history``: future-dated additions (RV05) and date bounds.

The story's feature branch adds an indicator value for 2025-06-30 (commit of
2024-06-01): it is in the future for a reviewer on 2025-01-01, not on 2025-07-01.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner
from vcs_repos import ALPHA, C3, GitTree

from ictgov.cli.main import app

runner = CliRunner()


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--root", str(root)], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_diff_hints_values_dated_after_today(story: GitTree) -> None:
    code, out, err = run(story.root, "diff", "main", "feature", "--today", "2025-01-01")
    assert code == 0, err
    assert (
        "RV05 dated after today (2025-01-01): indicator value for 2025-06-30; a report "
        "records what has happened" in out
    )
    code, out, _ = run(story.root, "diff", "main", "feature", "--today", "2025-07-01")
    assert code == 0 and "RV05" not in out


def test_diff_today_from_the_environment(story: GitTree) -> None:
    code, out, err = run(
        story.root, "diff", "main", "feature", "--format", "json",
        env={"ICTGOV_TODAY": "2025-01-01"},
    )  # fmt: skip
    assert code == 0, err
    assert '"code": "RV05"' in out
    code, out, _ = run(
        story.root, "diff", "main", "feature", "--format", "json", "--today", "2025-07-01",
        env={"ICTGOV_TODAY": "2025-01-01"},
    )  # fmt: skip
    assert code == 0 and "RV05" not in out  # the option wins over the environment


def test_diff_of_the_working_tree_hints_a_future_update(story: GitTree) -> None:
    story.checkout("main")
    story.write(
        ALPHA,
        story.read(ALPHA) + "  - date: 2026-11-30\n    progress: 65\n    note: Marraskuu.\n",
    )
    code, out, err = run(story.root, "diff", "--today", "2026-11-21", "--format", "markdown")
    assert code == 0, err
    assert "**RV05** dated after today (2026-11-21): update-log entry 2026-11-30" in out
    code, out, _ = run(story.root, "diff", "--today", "2026-11-30")
    assert code == 0 and "RV05" not in out


def test_diff_refuses_a_date_revision_after_today(story: GitTree) -> None:
    code, _, err = run(story.root, "diff", "2024-01-10", "2024-06-02", "--today", "2024-05-01")
    assert code == 2
    assert "HEAD 2024-06-02 is after today (2024-05-01)" in err
    code, _, err = run(story.root, "diff", "2024-01-10", "2024-06-02", "--today", "2024-06-02")
    assert code == 0, err
    code, _, err = run(story.root, "diff", "main", "feature", "--today", "2025-13-01")
    assert code == 2 and "--today" in err and "YYYY-MM-DD" in err


def test_history_hints_against_today(story: GitTree) -> None:
    code, out, err = run(story.root, "history", "m-alpha", "--today", "2025-01-01")
    assert code == 0, err
    newest = out.split("\n\n")[1]
    assert newest.startswith(f"2024-06-01  {story.short(C3)}")
    assert "! RV05 dated after today (2025-01-01): indicator value for 2025-06-30" in newest
    code, out, err = run(
        story.root, "history", "--format", "json", env={"ICTGOV_TODAY": "2025-07-01"}
    )
    assert code == 0, err
    assert "RV05" not in out


def test_history_refuses_since_after_today(story: GitTree) -> None:
    code, _, err = run(story.root, "history", "--since", "2024-07-01", "--today", "2024-06-30")
    assert code == 2
    assert "--since 2024-07-01 is after today (2024-06-30)" in err
    code, _, err = run(story.root, "history", "--since", "2024-05-01", "--until", "2024-04-01")
    assert code == 2 and "is after --until" in err
    code, out, err = run(
        story.root, "history", "--since", "2024-03-01", "--until", "2030-01-01",
        "--today", "2024-06-30",
    )  # fmt: skip
    assert code == 0, err  # a later --until is harmless
    assert story.short(C3) in out
