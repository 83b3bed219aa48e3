"""``ictgov action list|done`` and how ``diff`` words a closed action (issue 11)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from ictgov.cli.main import app

TODAY = "2024-11-01"
MEETING = "data/meetings/board-2023-11-20.yaml"
TWO_OPEN = """      - what: Päivitetään sopimus.
        responsible: mgmt
        due: 2024-06-30
        done: false  # the secretary's comment stays
      - what: Tiedotetaan kunnille.
        responsible: steering
        due: 2025-01-31
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _two_open_actions(root: Path) -> Path:
    path = root / MEETING
    text = path.read_text(encoding="utf-8")
    start = text.index("      - what: Päivitetään sopimus.")
    end = text.index("done: true", start) + len("done: true\n")
    path.write_text(text[:start] + TWO_OPEN + text[end:], encoding="utf-8")
    return path


def test_list_shows_state_and_number(minimal_root: Path) -> None:
    _two_open_actions(minimal_root)
    code, out, err = run("action", "list", "--root", str(minimal_root), "--today", TODAY)
    assert code == 0, err
    assert "board-2023-11-20 § 12 action 1: overdue by 124 days (mgmt)" in out
    assert "board-2023-11-20 § 12 action 2: open, due 2025-01-31 (steering)" in out
    code, out, _ = run(
        "action", "list", "--overdue", "-f", "json", "--root", str(minimal_root), "--today", TODAY
    )
    rows = json.loads(out)
    assert [(r["section"], r["number"], r["state"]) for r in rows] == [(12, 1, "overdue")]


def test_several_actions_without_a_number_change_nothing(minimal_root: Path) -> None:
    path = _two_open_actions(minimal_root)
    before = path.read_bytes()
    code, _out, err = run(
        "action", "done", "board-2023-11-20", "12", "--root", str(minimal_root), "--today", TODAY
    )
    assert code == 2
    assert "has 2 actions" in err and "1. [open] Päivitetään sopimus." in err
    assert path.read_bytes() == before


def test_done_closes_one_action_and_keeps_comments(minimal_root: Path) -> None:
    path = _two_open_actions(minimal_root)
    code, out, err = run(
        "action", "done", "board-2023-11-20", "12", "1", "--date", "2024-09-15",
        "--note", "Allekirjoitettu.", "--root", str(minimal_root), "--today", TODAY,
    )  # fmt: skip
    assert code == 0, err
    assert "§ 12 action 1: open -> done 2024-09-15" in out
    text = path.read_text(encoding="utf-8")
    assert "done: true  # the secretary's comment stays" in text
    assert "done_date: 2024-09-15" in text and "note: Allekirjoitettu." in text
    assert text.count("done: true") == 1  # action 2 is still open


def test_all_closes_every_open_action(minimal_root: Path) -> None:
    path = _two_open_actions(minimal_root)
    code, _out, err = run(
        "action", "done", "board-2023-11-20", "12", "--all", "--root", str(minimal_root),
        "--today", TODAY,
    )  # fmt: skip
    assert code == 0, err
    assert path.read_text(encoding="utf-8").count(f"done_date: {TODAY}") == 2


def test_unknown_section_and_future_date_are_clear_errors(minimal_root: Path) -> None:
    args = ("--root", str(minimal_root), "--today", TODAY)
    code, _out, err = run("action", "done", "board-2023-11-20", "99", *args)
    assert code == 2 and "has no § 99; its sections are: § 12" in err
    code, _out, err = run("action", "done", "board-2023-11-20", "12", "--date", "2025-01-01", *args)
    assert code == 2 and "after today" in err
    code, _out, err = run("action", "done", "bord-2023-11-20", "12", *args)
    assert code == 2 and "did you mean board-2023-11-20" in err


def test_diff_says_in_words_that_an_action_was_done(minimal_root: Path) -> None:
    _two_open_actions(minimal_root)
    git = ["git", "-C", str(minimal_root), "-c", "user.name=t", "-c", "user.email=t@e"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    run("action", "done", "board-2023-11-20", "12", "2", "--date", "2024-10-01",
        "--root", str(minimal_root), "--today", TODAY)  # fmt: skip
    subprocess.run([*git, "commit", "-qam", "done"], check=True)
    code, out, err = run("diff", "HEAD~1", "HEAD", "--root", str(minimal_root), "--today", TODAY)
    assert code == 0, err
    assert "§ 12 action 2: open -> done 2024-10-01" in out
    assert '"done"' not in out  # no nested list shown as a JSON dump
