"""Helpers for CLI tests: run the app as a pipe at 80 columns, compare golden files.

Regenerate golden files with ``ICTGOV_UPDATE_GOLDEN=1 python -m pytest tests/cli``
and review the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ictgov.cli.main import app

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
#: Box drawing and block elements: a piped view must not depend on them.
BOX_CHARS = {chr(c) for c in range(0x2500, 0x25A0)}


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Invoke ``ictgov`` as a pipe would (not a terminal), 80 columns wide."""
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "80", **(env or {})})


def check_golden(name: str, text: str) -> None:
    """Compare *text* with ``tests/golden/<name>``; rewrite it under ICTGOV_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("ICTGOV_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    if not path.exists():
        pytest.fail(f"{path} is missing; create it with ICTGOV_UPDATE_GOLDEN=1")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


def assert_plain(text: str, width: int = 80) -> None:
    """No escape codes, no box drawing, every line within *width*."""
    assert "\x1b" not in text
    assert not BOX_CHARS.intersection(text), sorted(BOX_CHARS.intersection(text))
    long = [line for line in text.splitlines() if len(line) > width]
    assert not long, long
