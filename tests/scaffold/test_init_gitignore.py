"""What ``init``'s ``.gitignore`` keeps out of the strategy's history."""

from __future__ import annotations

import subprocess
from pathlib import Path

from typer.testing import CliRunner

from ictgov.cli.main import app


def _ignored(repo: Path, path: str) -> bool:
    done = subprocess.run(
        ["git", "-C", str(repo), "check-ignore", "-q", "--no-index", path], check=False
    )
    return done.returncode == 0


def test_round_outbox_is_ignored_and_round_state_is_kept(tmp_path: Path) -> None:
    dest = tmp_path / "strategia"
    result = CliRunner().invoke(app, ["init", str(dest), "--today", "2025-01-15"])
    assert result.exit_code == 0, result.output
    subprocess.run(["git", "init", "-q", str(dest)], check=True)
    # Workbooks and messages carry owners' e-mail addresses: never committed by accident.
    assert _ignored(dest, "rounds/2025-kevat/tampere.xlsx")
    assert _ignored(dest, "rounds/2025-kevat/tampere.eml")
    # The round's own state is data and belongs in git.
    assert not _ignored(dest, "data/rounds/2025-kevat.yaml")
    assert _ignored(dest, ".ictgov-cache/x.json")
