"""``ictgov history``: one item through commits and file moves, or the whole tree."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner
from vcs_repos import ALPHA, BETA, C1, C2, C3, OUTSIDER, GitTree

from ictgov.cli.main import app

runner = CliRunner()


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--root", str(root)])
    return result.exit_code, result.stdout, result.stderr


def test_item_history_text(story: GitTree) -> None:
    code, out, err = run(story.root, "history", "m-alpha")
    assert code == 0, err
    blocks = out.split("\n\n")
    assert blocks[0] == "History of m-alpha (data/measures/m-alpha.yaml)"
    assert blocks[1].startswith(f"2024-06-01  {story.short(C3)}  Olli Outsider  {C3}")
    assert "status: in progress → completed" in blocks[1]
    assert "! RV04 changed by Olli Outsider" in blocks[1]
    assert blocks[2].startswith(f"2024-03-05  {story.short(C2)}  Maija Meikäläinen  {C2}")
    assert "progress: 40 % → 60 %" in blocks[2]
    assert blocks[3].startswith(f"2024-01-10  {story.short(C1)}  Maija Meikäläinen  {C1}")
    assert "measure 1.1 added: in progress, 40 %" in blocks[3]
    assert len(blocks) == 4


def test_item_history_follows_a_move(story: GitTree) -> None:
    code, out, _ = run(story.root, "history", "m-beta", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["files"] == ["data/measures/beta-renamed.yaml", BETA]
    assert [e["commit"][:7] for e in data["entries"]] == [story.short(C3), story.short(C1)]
    moved = data["entries"][0]["items"][0]
    assert moved["moved"] is True and moved["old_file"] == BETA
    assert data["entries"][0]["author"] == OUTSIDER[0]
    assert data["entries"][0]["email"] == OUTSIDER[1]
    assert data["entries"][1]["items"][0]["change"] == "added"


def test_item_moved_into_a_list_file_and_back(minimal_git: GitTree) -> None:
    """An item can move between any files: history continues across each move."""
    goals = "data/strategy/goals.yaml"
    minimal_git.replace(goals, "    title: Toinen tavoite\n", "    title: Toinen tavoite!\n")
    minimal_git.commit("Goal 2 title", "2024-02-01")
    text = minimal_git.read(goals)
    minimal_git.write(goals, text.replace("\n  - id: g2\n", "\n  - id: g2x\n"))
    minimal_git.commit("Rename goal", "2024-03-01")
    code, out, err = run(minimal_git.root, "history", "g2")
    assert code == 0, err
    assert "2024-03-01" in out and "goal removed" in out  # the removal is the newest change
    assert "title: “Toinen tavoite” → “Toinen tavoite!”" in out
    assert "goal added" in out


def test_history_of_a_removed_item(story: GitTree) -> None:
    story.remove(ALPHA)
    story.commit("Drop alpha", "2024-07-01")
    code, out, _ = run(story.root, "history", "m-alpha", "--limit", "2")
    assert code == 0
    blocks = out.split("\n\n")
    assert "2024-07-01" in blocks[1] and "measure removed" in blocks[1]
    assert "2024-06-01" in blocks[2]
    assert len(blocks) == 3


def test_unknown_item(story: GitTree) -> None:
    code, _, err = run(story.root, "history", "no-such-item")
    assert code == 2
    assert "no item with id 'no-such-item'" in err


def test_tree_history_newest_first_with_dates_and_limit(story: GitTree) -> None:
    code, out, _ = run(story.root, "history")
    assert code == 0
    days = [line[:10] for line in out.splitlines() if line[:4] == "2024"]
    assert days == ["2024-06-01", "2024-03-05", "2024-01-10"]
    code, out, _ = run(story.root, "history", "--since", "2024-02-01", "--until", "2024-05-31")
    assert [line[:10] for line in out.splitlines() if line[:4] == "2024"] == ["2024-03-05"]
    code, out, _ = run(story.root, "history", "--limit", "1")
    assert [line[:10] for line in out.splitlines() if line[:4] == "2024"] == ["2024-06-01"]
    assert "~ meeting mgmt-2024-09-01" in out


def test_history_of_a_file(story: GitTree) -> None:
    code, out, _ = run(story.root, "history", ALPHA, "--format", "markdown")
    assert code == 0
    assert out.startswith("## History of data/measures/m-alpha.yaml\n")
    assert f"### 2024-06-01 · `{story.short(C3)}` · Olli Outsider" in out
    assert "- **~ measure m-alpha “Alfa”**" in out
    assert "  - status: in progress → completed" in out


def test_history_markdown_and_json_of_item(story: GitTree) -> None:
    code, out, _ = run(story.root, "history", "m-alpha", "-f", "markdown")
    assert code == 0
    assert out.count("### 2024-") == 3
    assert "- ⚠️ **RV01**" in out
    code, out, _ = run(story.root, "history", "m-alpha", "-f", "json")
    entries = json.loads(out)["entries"]
    assert [e["date"][:10] for e in entries] == ["2024-06-01", "2024-03-05", "2024-01-10"]
    assert entries[1]["subject"] == "Alpha: pilot done"


def test_history_bad_dates(story: GitTree) -> None:
    code, _, err = run(story.root, "history", "--since", "yesterday")
    assert code == 2 and "--since: 'yesterday' is not a date; use YYYY-MM-DD" in err
    code, _, err = run(story.root, "history", "--until", "2024-02-30")
    assert code == 2 and "not a real date" in err
