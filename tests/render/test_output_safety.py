"""``render --out`` never writes through a symlink: a committed site/ is a stranger's input."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner, Result

from ictgov.cli.main import app
from tests.conftest import TODAY


def render(root: Path, out: Path) -> Result:
    args = ["render", "--root", str(root), "--out", str(out), "--today", TODAY.isoformat()]
    return CliRunner().invoke(app, [*args, "--lang", "fi", "--format", "html"])


def test_a_file_symlink_is_replaced_and_its_target_untouched(
    minimal_root: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "bashrc"
    victim.write_text("export PS1=me\n", encoding="utf-8")
    site = minimal_root / "site"
    (site / "fi").mkdir(parents=True)
    os.symlink(victim, site / "fi" / "index.html")
    result = render(minimal_root, site)
    assert result.exit_code == 0, result.output
    assert victim.read_text(encoding="utf-8") == "export PS1=me\n"
    index = site / "fi" / "index.html"
    assert not index.is_symlink() and "<html" in index.read_text(encoding="utf-8")


def test_a_folder_symlink_is_refused_and_nothing_lands_behind_it(
    minimal_root: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    site = minimal_root / "site"
    site.mkdir()
    os.symlink(elsewhere, site / "fi")
    result = render(minimal_root, site)
    assert result.exit_code == 2
    assert "symlink" in result.output and "internal error" not in result.output
    assert list(elsewhere.iterdir()) == []


def test_out_itself_must_be_a_real_folder(minimal_root: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, tmp_path / "site")
    result = render(minimal_root, tmp_path / "site")
    assert result.exit_code == 2 and "symlink" in result.output
    assert list(elsewhere.iterdir()) == []


def test_unchanged_files_keep_their_mtime(minimal_root: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert render(minimal_root, site).exit_code == 0
    index = site / "fi" / "index.html"
    os.utime(index, ns=(1_000_000_000, 1_000_000_000))
    assert render(minimal_root, site).exit_code == 0
    assert index.stat().st_mtime_ns == 1_000_000_000
