"""``new`` and ``init`` never write through a symlinked folder out of the repository."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from typer.testing import CliRunner, Result

from ictgov.cli.main import app


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_new_measure_refuses_a_symlinked_measures_folder(
    minimal_root: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.move(minimal_root / "data" / "measures", elsewhere)
    os.symlink(elsewhere, minimal_root / "data" / "measures")
    before = sorted(p.name for p in elsewhere.iterdir())
    result = run("new", "measure", "--goal", "g1", "--title", "X", "--root", str(minimal_root))
    assert result.exit_code == 2, result.output
    assert "symlink" in result.output and "internal error" not in result.output
    assert sorted(p.name for p in elsewhere.iterdir()) == before


def test_init_force_refuses_a_data_symlink_out_of_the_folder(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    dest = tmp_path / "repo"
    dest.mkdir()
    os.symlink(elsewhere, dest / "data")
    result = run("init", str(dest), "--force")
    assert result.exit_code == 2, result.output
    assert "symlink" in result.output and "internal error" not in result.output
    assert list(elsewhere.iterdir()) == []


def test_new_measure_refuses_a_code_that_is_not_a_code(minimal_root: Path) -> None:
    args = ["new", "measure", "--goal", "g1", "--title", "X", "--root", str(minimal_root)]
    result = run(*args, "--code", "-rf")
    assert result.exit_code == 2, result.output
    assert "e.g. '1.10'" in result.output
    assert not list((minimal_root / "data" / "measures").glob("x*.yaml"))
