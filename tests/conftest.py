"""Shared fixtures: copies of the bundled and minimal trees, and a fixed today."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

# No deadlines: a loaded two-core machine must not turn slow examples into failures.
# In CI the examples are derandomised, so a run is reproducible and a failure repeats;
# locally every run explores new examples.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The date every date-dependent test takes as today.
TODAY = date(2024, 11, 1)
BUNDLED_TODAY = date(2026, 11, 21)
#: A lint cache left in a source folder must not leak into the copies tests use.
_IGNORE = shutil.ignore_patterns(".ictgov-cache", "__pycache__")


@pytest.fixture(autouse=True)
def _no_env_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ICTGOV_TODAY", raising=False)


@pytest.fixture(autouse=True)
def _english_interface(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages and help in English unless a test asks (the fixtures' strategies are Finnish).

    Tests of other languages pass ``--lang`` or set ``ICTGOV_LANG`` themselves.
    """
    monkeypatch.setenv("ICTGOV_LANG", "en")


@pytest.fixture
def minimal_root(tmp_path: Path) -> Path:
    """A writable copy of ``tests/fixtures/minimal``: a small valid tree."""
    dest = tmp_path / "repo"
    shutil.copytree(FIXTURES / "minimal", dest, ignore=_IGNORE)
    return dest


@pytest.fixture
def bundled_root(tmp_path: Path) -> Path:
    """A writable copy of the bundled example data with its configuration."""
    dest = tmp_path / "bundled"
    shutil.copytree(REPO / "data", dest / "data", ignore=_IGNORE)
    (dest / "ictgov.toml").write_text("stale_after_days = 120\n", encoding="utf-8")
    return dest
