"""``ictgov diff`` and ``ictgov history`` in Finnish and Swedish (``--lang``).

The words of a change (transitions, dates, headings, the pull-request comment's table)
come from the catalogues; dates read as 15.11.2025 in Finnish and Swedish. English
stays as the golden tests have it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from tests.vcs.test_governance_words import _edit, _git, _repo

runner = CliRunner()
TODAY = ("--today", "2025-11-20")


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return _repo(tmp_path)


def test_diff_in_finnish(repo: Path) -> None:
    out = _run("diff", "HEAD~1", "HEAD", "--root", str(repo), *TODAY, "--lang", "fi")
    assert "§ 145 jatkotoimi 1: avoin -> tehty 15.11.2025" in out, out
    assert "Muutokset versiosta " in out
    assert "0 lisätty, 0 poistettu, 2 muutettu; 0 tarkistettavaa kohtaa" in out, out
    assert "kokous city-board-2025-09-01" in out
    for english in ("action", "open -> done", "Changes from", "modified", "review hint"):
        assert english not in out, (english, out)


def test_diff_in_swedish(repo: Path) -> None:
    out = _run("diff", "HEAD~1", "HEAD", "--root", str(repo), *TODAY, "--lang", "sv")
    assert "§ 145 uppföljningsåtgärd 1: öppen -> gjord 15.11.2025" in out, out
    assert "Ändringar från " in out


def test_pull_request_comment_in_finnish(repo: Path) -> None:
    args = ("diff", "HEAD~1", "HEAD", "--root", str(repo), *TODAY, "--lang", "fi")
    out = _run(*args, "--format", "markdown")
    assert "## Strategian muutokset" in out
    assert "| Muutos | Kohde | Mitä muuttui | Tarkistettavaa |" in out, out
    assert "✏️ muutettu" in out
    assert "| Kenttä | Ennen | Jälkeen |" in out
    assert "Tiedosto:" in out
    for english in ("Strategy changes", "What changed", "modified", "File:", "Field"):
        assert english not in out, (english, out)
    data = json.loads(_run(*args, "--format", "json"))
    texts = [e["text"] for item in data["items"] for e in item["events"]]
    assert "§ 145 jatkotoimi 1: avoin -> tehty 15.11.2025" in texts


def test_history_in_finnish_and_swedish(repo: Path) -> None:
    args = ("history", "city-board-2025-09-01", "--root", str(repo), *TODAY)
    fi = _run(*args, "--lang", "fi")
    assert fi.startswith("Muutoshistoria: city-board-2025-09-01"), fi
    assert "§ 145 jatkotoimi 1: avoin -> tehty 15.11.2025" in fi
    assert "open -> done" not in fi and "History of" not in fi
    sv = _run(*args, "--lang", "sv")
    assert sv.startswith("Ändringshistorik: city-board-2025-09-01"), sv
    assert "§ 145 uppföljningsåtgärd 1: öppen -> gjord 15.11.2025" in sv
    md = _run(*args, "--lang", "fi", "--format", "markdown")
    assert md.startswith("## Muutoshistoria"), md


def test_english_stays_as_it_was(repo: Path) -> None:
    out = _run("diff", "HEAD~1", "HEAD", "--root", str(repo), *TODAY, "--lang", "en")
    assert "§ 145 action 1: open -> done 2025-11-15" in out
    assert "Changes from " in out


def test_schedule_slip_in_finnish(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    measure = next(
        p
        for p in sorted((root / "data/measures").glob("*.yaml"))
        if "planned_end:" in p.read_text()
    )
    text = measure.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if "planned_end:" in x)
    _edit(
        root,
        f"data/measures/{measure.name}",
        line,
        line.split("planned_end:")[0] + "planned_end: 2031-01-01",
    )
    _git(root, "commit", "-qam", "Aikataulu")
    out = _run("diff", "HEAD~1", "HEAD", "--root", str(root), *TODAY, "--lang", "fi")
    assert "suunniteltu loppu: " in out and "1.1.2031" in out, out
    assert "myöhästyy" in out or "aikaistuu" in out, out


def test_an_unknown_revision_is_refused_in_finnish(repo: Path) -> None:
    args = ["diff", "no-such-branch", "HEAD", "--root", str(repo), *TODAY, "--lang", "fi"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "'no-such-branch': tuntematon versio" in result.output, result.output
