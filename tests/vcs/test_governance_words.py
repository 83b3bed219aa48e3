"""Issue 11: diff and history say what changed in a decision and a cadence in words.

Actions read as transitions (``§ 145 action 1: open -> done 2025-11-15``); lists of
mappings (attachments, dissents, timing windows) change element by element, and no
structure is ever shown as a JSON dump.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from ictgov.cli.main import app
from tests.conftest import FIXTURES

MEETING = "data/meetings/city-board-2025-09-01.yaml"


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Sihteeri", "-c", "user.email=s@example.fi", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def _edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


def _repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "cooperation-gov", root)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "Pöytäkirja")
    _edit(
        root,
        MEETING,
        "        due: 2025-10-31\n",
        "        due: 2025-10-31\n        done: true\n        done_date: 2025-11-15\n",
    )
    _edit(
        root,
        MEETING,
        "      - {title: Liite 2 Kustannusjako}",
        "      - {title: Liite 2 Kustannusjako, url: 'https://example.fi/l2.pdf'}\n"
        "      - {title: Liite 3 Aikataulu}",
    )
    _edit(
        root,
        MEETING,
        "Olisi hyväksynyt sopimuksen.}]",
        "Olisi hyväksynyt sopimuksen.}, {post: Varajäsen}]",
    )
    _edit(
        root, "data/strategy/bodies.yaml", "        - months: [6]\n", "        - months: [5, 6]\n"
    )
    _git(root, "commit", "-qam", "Jatkotoimi tehty")
    return root


def test_diff_says_actions_and_nested_lists_in_words(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    args = ["diff", "HEAD~1", "HEAD", "--root", str(root), "--today", "2025-11-20"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    for line in (
        "§ 145 action 1: open -> done 2025-11-15",
        "items[section=145].attachments 2: url (not set) → “https://example.fi/l2.pdf”",
        "items[section=145].attachments 3 added: title “Liite 3 Aikataulu”",
        "items[section=145].vote.dissents 2 added: post “Varajäsen”",
        "cadence.timing 2: months 6 → 5, 6",
    ):
        assert line in result.output, result.output
    assert '{"' not in result.output and "[{" not in result.output
    data = json.loads(CliRunner().invoke(app, [*args, "--format", "json"]).output)
    events = [e["text"] for item in data["items"] for e in item["events"]]
    assert not [e for e in events if '{"' in e or "[{" in e]


def test_history_of_a_meeting_says_the_action_was_done(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    args = ["history", "city-board-2025-09-01", "--root", str(root), "--today", "2025-11-20"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "§ 145 action 1: open -> done 2025-11-15" in result.output
    assert '{"' not in result.output
