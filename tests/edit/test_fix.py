"""``ictgov lint --fix``: Finnish and Swedish words, Finnish dates and number-like codes."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.edit.fix import apply_fixes, fix_tree, plan_fixes
from ictgov.load import load_document
from ictgov.model import Measure
from tests.conftest import REPO

MINIMAL = REPO / "tests" / "fixtures" / "minimal"
TODAY = "2024-12-31"


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(MINIMAL, root)
    alpha = root / "data/measures/m-alpha.yaml"
    text = alpha.read_text(encoding="utf-8")
    text = text.replace('code: "1.1"', "code: 1.10  # as in the plan")
    text = text.replace("status: in_progress\nhealth: on_track", "tila: käynnissä  # kommentti\n"
                        'health: "etenee hyvin"')  # fmt: skip
    alpha.write_text(text.replace("  - date: 2024-03-01", "  - date: 1.3.2024"), "utf-8")
    board = root / "data/meetings/board-2023-11-20.yaml"
    text = board.read_text(encoding="utf-8").replace("done: true", "done: kyllä")
    board.write_text(text.replace("resolution: passed", "resolution: hyväksyttiin"), "utf-8")
    return root


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_fix_turns_the_usual_mistakes_into_valid_data_and_keeps_comments(
    tmp_path: Path,
) -> None:
    root = _tree(tmp_path)
    code, _out, _err = run("lint", "--root", str(root), "--today", TODAY)
    assert code == 1
    code, out, err = run("lint", "--fix", "--root", str(root), "--today", TODAY)
    assert code == 0, out + err
    assert "fixed 7 problems" in err and "8:1 key 'tila' -> 'status'" in err
    alpha = (root / "data/measures/m-alpha.yaml").read_text(encoding="utf-8")
    assert 'code: "1.10"  # as in the plan' in alpha
    assert "status: in_progress  # kommentti" in alpha and "health: on_track" in alpha
    assert "  - date: 2024-03-01" in alpha
    board = (root / "data/meetings/board-2023-11-20.yaml").read_text(encoding="utf-8")
    assert "done: true" in board and "resolution: passed" in board


def test_fix_diff_shows_and_writes_nothing(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    before = (root / "data/measures/m-alpha.yaml").read_bytes()
    code, out, err = run("lint", "--fix", "--diff", "--root", str(root), "--today", TODAY)
    assert code == 0, err
    assert "-tila: käynnissä  # kommentti" in out and "+status: in_progress  # kommentti" in out
    assert (root / "data/measures/m-alpha.yaml").read_bytes() == before


def test_a_file_that_does_not_parse_is_left_untouched_and_named(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    broken = root / "data/measures/m-beta.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "status: [unclosed\n", "utf-8")
    before = broken.read_bytes()
    _code, _out, err = run("lint", "--fix", "--root", str(root), "--today", TODAY)
    assert "left data/measures/m-beta.yaml as it was: it does not parse as YAML" in err
    assert broken.read_bytes() == before


def test_never_a_guess() -> None:
    text = "id: m\ncode: '1'\ntitle: T\ngoals: [g]\nstatus: planned\ntila: valmis\nhealth: huono\n"
    doc = load_document("data/measures/m.yaml", text.encode())
    fixes = plan_fixes(doc, Measure)
    # 'tila' would become a second 'status'; 'huono' means no one value: both stay.
    assert fixes == []


def test_a_key_and_its_value_are_fixed_together() -> None:
    text = "id: m\ncode: '1'\ntitle: T\ngoals: [g]\ntila: 'pågår'\n"
    doc = load_document("data/measures/m.yaml", text.encode())
    fixed = apply_fixes(doc.text, plan_fixes(doc, Measure))
    assert fixed.endswith("status: in_progress\n")
    assert load_document("data/measures/m.yaml", fixed.encode()).model is not None


@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)), st.sampled_from(["# huom", ""]))
def test_any_finnish_date_becomes_the_same_iso_date(day: date, comment: str) -> None:
    finnish = f"{day.day}.{day.month}.{day.year}"
    text = f"id: m\ncode: '1'\ntitle: T\ngoals: [g]\nupdates:\n  - date: {finnish} {comment}\n"
    doc = load_document("data/measures/m.yaml", text.encode())
    fixed = apply_fixes(doc.text, plan_fixes(doc, Measure))
    assert f"  - date: {day.isoformat()} {comment}\n" in fixed


def test_fix_tree_without_write_changes_no_file(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    before = {p: p.read_bytes() for p in (root / "data").rglob("*.yaml")}
    report = fix_tree(root, write=False)
    assert report.fixed == 7
    assert {p: p.read_bytes() for p in (root / "data").rglob("*.yaml")} == before
