"""Bad input through the CLI: a clear message and exit 2, never a traceback, and never an
unchecked argument reaching git."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import git
import pytest
from typer.testing import CliRunner
from vcs_repos import ALPHA, C1, FIXTURES, GitTree

from ictgov.cli.main import app

runner = CliRunner()


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [args[0], "--root", str(root), *args[1:]])
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def git_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[list[str]]]:
    """Every argument vector given to a git process, by ictgov or by GitPython."""
    calls: list[list[str]] = []
    real_run, real_popen = subprocess.run, subprocess.Popen

    def record(args: Any) -> None:
        if isinstance(args, (list, tuple)):
            calls.append([str(a) for a in args])

    def fake_run(args: Any, *a: Any, **kw: Any) -> Any:
        record(args)
        return real_run(args, *a, **kw)

    class FakePopen(real_popen):  # type: ignore[misc, valid-type]
        def __init__(self, args: Any, *a: Any, **kw: Any) -> None:
            record(args)
            super().__init__(args, *a, **kw)

    monkeypatch.setattr(subprocess, "run", fake_run)
    monkeypatch.setattr(subprocess, "Popen", FakePopen)
    monkeypatch.setattr(git.cmd, "Popen", FakePopen)
    yield calls


EVIL = [
    ("--output=/tmp/ictgov-pwned", "looks like an option"),
    ("-p", "looks like an option"),
    ("main..feature", "is a range"),
    ("HEAD:data/measures", "contains ':'"),
    ("HEAD bad", "whitespace"),
    ("HEAD\x1b[2J", "control character"),
    ("^main", "names a set of commits"),
    ("HEAD^!", "names a set of commits"),
    ("refs/*", "contains '*'"),
    ("x" * 300, "longer than 256"),
]


@pytest.mark.parametrize(("rev", "message"), EVIL)
def test_unsafe_revisions_never_reach_git(
    story: GitTree, git_calls: list[list[str]], rev: str, message: str
) -> None:
    for args in (
        ["diff", "--", rev],
        ["diff", "HEAD", "--", rev],
        ["status", f"--at={rev}"],
        ["lint", f"--at={rev}"],
    ):
        code, _, err = run(story.root, *args)
        assert code == 2, args
        assert message in err, (args, err)
    assert not any(arg == rev or (len(rev) > 4 and rev in arg) for c in git_calls for arg in c)
    assert not Path("/tmp/ictgov-pwned").exists()


def test_option_without_double_dash_is_a_usage_error(story: GitTree) -> None:
    code, _, err = run(story.root, "diff", "--output=/tmp/ictgov-pwned")
    assert code == 2
    assert "There is no option" in err
    assert not Path("/tmp/ictgov-pwned").exists()


def test_unknown_revision(story: GitTree) -> None:
    code, _, err = run(story.root, "diff", "no-such-branch")
    assert code == 2
    assert "BASE 'no-such-branch': unknown revision" in err
    code, _, err = run(story.root, "status", "--at", "v9.9")
    assert code == 2 and "--at 'v9.9': unknown revision" in err


def test_revision_that_is_not_a_commit(story: GitTree) -> None:
    blob = story.repo.git.rev_parse(f"HEAD:{ALPHA}")
    code, _, err = run(story.root, "diff", blob)
    assert code == 2 and "unknown revision" in err


def test_date_before_the_first_commit(story: GitTree) -> None:
    code, _, err = run(story.root, "status", "--at", "2023-12-31")
    assert code == 2
    assert "no commit on or before that day" in err and "2024-01-10" in err
    code, _, err = run(story.root, "diff", "2024-02-31")
    assert code == 2 and "not a real date" in err


def test_repository_without_commits(tmp_path: Path) -> None:
    tree = GitTree(tmp_path / "empty", source=FIXTURES / "minimal")
    try:
        for args in (["diff"], ["diff", "HEAD"], ["history"], ["status", "--at", "HEAD"]):
            code, _, err = run(tree.root, *args)
            assert code == 2, args
            assert "has no commits yet" in err, (args, err)
    finally:
        tree.close()


def test_not_a_git_repository(minimal_root: Path) -> None:
    for args in (["diff"], ["history", "m-alpha"], ["lint", "--at", "HEAD"]):
        code, _, err = run(minimal_root, *args)
        assert code == 2, args
        assert "is not inside a git repository" in err and "git init" in err


def test_shallow_clone_lacking_the_base(story: GitTree, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(
        [
            *("git", "clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "feature"),
            *(story.root.as_uri(), str(clone)),
        ],
        check=True,
        capture_output=True,
    )
    code, _, err = run(clone, "diff", story.shas[C1])
    assert code == 2
    assert "shallow" in err and "git fetch --unshallow" in err and "fetch-depth: 0" in err
    code, _, err = run(clone, "diff")  # HEAD and origin/main share no commit in this clone
    assert code == 2
    assert "no common ancestor with origin/main in this shallow clone" in err
    assert "git fetch --unshallow" in err
    code, _, err = run(clone, "status", "--at", "2024-01-15")
    assert code == 2 and "the clone is shallow" in err


def test_path_outside_the_repository(story: GitTree, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("id: x\n", encoding="utf-8")
    for target in (str(outside), "../elsewhere.yaml", "data/../../elsewhere.yaml"):
        code, _, err = run(story.root, "history", target)
        assert code == 2, target
        assert "outside the repository" in err
    code, _, err = run(story.root, "history", "ictgov.toml")
    assert code == 2 and "not a YAML file under data/" in err
    code, _, err = run(story.root, "history", "Not An Id")
    assert code == 2 and "neither an item id" in err


def test_data_symlinked_out_of_the_repository(tmp_path: Path) -> None:
    tree = GitTree(tmp_path / "repo")
    try:
        (tmp_path / "repo" / "ictgov.toml").write_text("", encoding="utf-8")
        tree.commit("config", "2024-01-01")
        import shutil

        shutil.copytree(FIXTURES / "minimal" / "data", tmp_path / "outside-data")
        (tmp_path / "repo" / "data").symlink_to(tmp_path / "outside-data")
        code, _, err = run(tree.root, "diff")
        assert code == 2
        assert "outside the git repository" in err
    finally:
        tree.close()


def test_no_traceback_when_git_is_missing(story: GitTree, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    code, _, err = run(story.root, "diff", "HEAD")
    assert code == 2
    assert err.startswith("error:")


def test_every_git_process_runs_with_fsmonitor_off(
    story: GitTree, git_calls: list[list[str]]
) -> None:
    """ictgov's own processes, and GitPython's (diff asks it for the merge-base)."""
    from ictgov.vcs.repo import GitRepo

    story.checkout("feature")
    before = len(git_calls)  # the test's own checkout is not ictgov's
    for args in (["diff"], ["history", "m-alpha"], ["status", "--at", "main"]):
        code, _, err = run(story.root, *args)
        assert code in (0, 1), (args, err)
    gits = [c for c in git_calls[before:] if c and c[0].endswith("git")]
    assert {"status", "log", "cat-file"} <= {a for c in gits for a in c}
    for argv in gits:
        assert "core.fsmonitor=false" in argv, argv
    with GitRepo.open(story.root) as repo:
        options = repo.repo.git._persistent_git_options
        assert "core.fsmonitor=false" in options and "-c" in options
