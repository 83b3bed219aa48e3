"""The synthetic tree generator writes valid, lint-clean, reproducible trees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.generate import BENCH_TODAY, generate_tree
from tests.lint.helpers import lint_root

REPO = Path(__file__).resolve().parent.parent.parent


def test_generated_tree_is_clean(tmp_path: Path) -> None:
    root = generate_tree(tmp_path / "t", measures=60, meetings=20, municipalities=12)
    assert len(list((root / "data/measures").glob("*.yaml"))) == 60
    assert lint_root(root, BENCH_TODAY) == []
    lengths = [len(p.read_text().splitlines()) for p in (root / "data/measures").glob("*.yaml")]
    assert 30 <= sum(lengths) / len(lengths) <= 45


def test_same_seed_same_tree(tmp_path: Path) -> None:
    a = generate_tree(tmp_path / "a", measures=10, seed=3)
    b = generate_tree(tmp_path / "b", measures=10, seed=3)
    files = sorted(p.relative_to(a) for p in a.rglob("*.yaml"))
    assert files == sorted(p.relative_to(b) for p in b.rglob("*.yaml"))
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


def test_command_line(tmp_path: Path) -> None:
    script = str(REPO / "bench" / "generate.py")
    out = subprocess.run(
        [sys.executable, script, str(tmp_path / "c"), "--measures", "5"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "wrote 5 measures" in out.stdout
    assert len(list((tmp_path / "c/data/measures").glob("*.yaml"))) == 5
