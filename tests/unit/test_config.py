"""Configuration, the repository root and the date taken as today."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ictgov.config import find_root, load_config, resolve_root, resolve_today
from ictgov.errors import ConfigError, RootNotFoundError


def test_defaults_without_a_config_file(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert (config.stale_after_days, config.language, config.source) == (120, "fi", None)


def test_ictgov_toml_and_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.ictgov]\nstale_after_days = 90\n")
    assert load_config(tmp_path).stale_after_days == 90
    (tmp_path / "ictgov.toml").write_text('stale-after-days = 30\nignore = ["RF01"]\n')
    config = load_config(tmp_path)
    assert config.stale_after_days == 30  # ictgov.toml wins, dashes allowed
    assert config.lint.ignore == ["RF01"]
    assert "language" not in config.model_fields_set


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("stale_after_dayz = 3\n", "did you mean 'stale_after_days'"),
        ("stale_after_days = 0\n", "stale_after_days"),
        ('language = "de"\n', "language"),
        ("stale_after_days = [\n", "invalid TOML"),
    ],
)
def test_config_errors_name_the_file_and_the_setting(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "ictgov.toml").write_text(text)
    with pytest.raises(ConfigError, match=r"ictgov\.toml") as exc:
        load_config(tmp_path)
    assert message in str(exc.value)


def test_find_root_walks_up(tmp_path: Path) -> None:
    (tmp_path / "data" / "strategy").mkdir(parents=True)
    deep = tmp_path / "data" / "measures" / "x"
    deep.mkdir(parents=True)
    assert find_root(deep) == tmp_path.resolve()


def test_find_root_ignores_a_pyproject_without_ictgov(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.other]\n")
    with pytest.raises(RootNotFoundError, match="--root"):
        find_root(tmp_path)


def test_resolve_root_checks_the_option(tmp_path: Path) -> None:
    with pytest.raises(RootNotFoundError, match="no such directory"):
        resolve_root(tmp_path / "missing")
    assert resolve_root(tmp_path) == tmp_path.resolve()


def test_resolve_today(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_today("2024-11-01") == date(2024, 11, 1)
    monkeypatch.setenv("ICTGOV_TODAY", "2025-01-02")
    assert resolve_today(None) == date(2025, 1, 2)
    assert resolve_today("2024-11-01") == date(2024, 11, 1)  # the option wins
    monkeypatch.setenv("ICTGOV_TODAY", "tomorrow")
    with pytest.raises(ConfigError, match="ICTGOV_TODAY"):
        resolve_today(None)
    with pytest.raises(ConfigError, match="--today"):
        resolve_today("1.11.2024")
    monkeypatch.delenv("ICTGOV_TODAY")
    assert resolve_today(None) == date.today()


def test_a_config_symlink_leaving_the_repository_is_refused(tmp_path: Path) -> None:
    import os

    outside = tmp_path / "elsewhere.toml"
    outside.write_text("stale_after_days = 7\n", encoding="utf-8")
    root = tmp_path / "repo"
    (root / "data" / "strategy").mkdir(parents=True)
    os.symlink(outside, root / "ictgov.toml")
    with pytest.raises(ConfigError, match="outside the repository"):
        load_config(root)


def test_a_config_symlink_inside_the_repository_is_read(tmp_path: Path) -> None:
    import os

    root = tmp_path / "repo"
    (root / "config").mkdir(parents=True)
    (root / "config" / "ictgov.toml").write_text("stale_after_days = 7\n", encoding="utf-8")
    os.symlink("config/ictgov.toml", root / "ictgov.toml")
    assert load_config(root).stale_after_days == 7


def test_only_a_language_set_on_purpose_outranks_the_strategy() -> None:
    from ictgov.config import Config

    assert Config().language == "fi" and Config().language_set is None
    assert Config(language="sv").language_set == "sv"
