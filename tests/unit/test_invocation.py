"""The repository root and today: decided once for the CLI and the warm lint path."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ictgov.invocation import TODAY_ENV, find_root, is_root, parse_today


def test_root_is_the_nearest_directory_with_config_or_strategy_data(tmp_path: Path) -> None:
    (tmp_path / "data" / "strategy").mkdir(parents=True)
    deep = tmp_path / "data" / "measures" / "x"
    deep.mkdir(parents=True)
    assert find_root(deep) == tmp_path.resolve()
    inner = tmp_path / "sub"
    inner.mkdir()
    (inner / "ictgov.toml").write_text("", encoding="utf-8")
    assert find_root(inner) == inner.resolve()


def test_a_pyproject_is_a_root_only_with_a_tool_ictgov_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    assert is_root(tmp_path) is False
    (tmp_path / "pyproject.toml").write_text("[tool.ictgov]\n", encoding="utf-8")
    assert is_root(tmp_path) is True


def test_an_unreadable_pyproject_is_unsure_not_a_root(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.ictgov\n", encoding="utf-8")
    assert is_root(tmp_path) is None
    assert find_root(tmp_path) != tmp_path.resolve()


def test_a_pyproject_symlinked_out_of_the_directory_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.toml"
    outside.write_text("[tool.ictgov]\n", encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "pyproject.toml").symlink_to(outside)
    assert is_root(repo) is None


def test_today_from_the_option_else_the_environment_else_the_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(TODAY_ENV, "2024-02-29")
    assert parse_today("2025-01-02") == date(2025, 1, 2)
    assert parse_today(None) == date(2024, 2, 29)
    monkeypatch.delenv(TODAY_ENV)
    assert parse_today(None) == date.today()
    assert parse_today("yesterday") is None
