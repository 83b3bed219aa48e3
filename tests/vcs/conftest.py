"""Git isolation for every test here: no global or system git configuration applies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from vcs_repos import GitTree, minimal_repo, story_repo


@pytest.fixture(autouse=True)
def _isolated_git(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    home = tmp_path_factory.mktemp("git-home")
    (home / "gitconfig").write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(home))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "ICTGOV_TODAY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def story(tmp_path: Path) -> Iterator[GitTree]:
    tree = story_repo(tmp_path / "story")
    yield tree
    tree.close()


@pytest.fixture
def minimal_git(tmp_path: Path) -> Iterator[GitTree]:
    tree = minimal_repo(tmp_path / "minimal")
    yield tree
    tree.close()
