"""``--at REV|DATE``: the tree as it was, read from git objects, in status and lint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner
from vcs_repos import ALPHA, C1, C2, GitTree

from ictgov.cli.main import app
from ictgov.project import Project

runner = CliRunner()


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--root", str(root), "--today", "2024-11-01"])
    return result.exit_code, result.stdout, result.stderr


def progress(out: str, measure: str) -> int:
    data = json.loads(out)
    return int(next(m["progress"] for m in data["measures"] if m["id"] == measure))


def test_tree_at_revision_and_date(story: GitTree) -> None:
    project = Project.open(story.root)
    assert project.tree(at="main").measure_by_id["m-alpha"].progress == 60
    assert project.tree(at=story.short(C1)).measure_by_id["m-alpha"].progress == 40
    assert project.tree(at="2024-03-04").label == f"{story.short(C1)} (2024-01-10)"
    assert (
        project.tree(at="2024-03-05").label == f"{story.short(C2)} (2024-03-05)"
    )  # end of that day
    head = project.tree(at="HEAD")
    assert head.measure_by_id["m-alpha"].progress == 100
    assert set(head.documents) == set(project.tree().documents)
    assert "data/measures/beta-renamed.yaml" in head.documents
    assert head.diagnostics == []


def test_tree_at_ignores_the_working_tree(story: GitTree) -> None:
    story.write(ALPHA, "id: [broken\n")
    story.write("data/measures/new.yaml", "id: new\n")
    project = Project.open(story.root)
    tree = project.tree(at="HEAD")
    assert tree.measure_by_id["m-alpha"].progress == 100
    assert "data/measures/new.yaml" not in tree.documents
    assert project.tree().diagnostics  # the working tree is broken; HEAD is not


def test_status_at(story: GitTree) -> None:
    code, out, err = run(story.root, "status", "--format", "json")
    assert code == 0, err
    assert progress(out, "m-alpha") == 100
    code, out, err = run(story.root, "status", "--format", "json", "--at", "2024-02-01")
    assert code == 0, err
    assert progress(out, "m-alpha") == 40
    code, out, _ = run(story.root, "status", "--format", "json", "--at", "main")
    assert progress(out, "m-alpha") == 60


def test_lint_at_reports_the_old_tree(story: GitTree) -> None:
    story.replace(ALPHA, "progress: 100\n", "progress: 1000\n")
    story.commit("Typo", "2024-07-01")
    code, now, _ = run(story.root, "lint", "--format", "json")
    assert code == 1 and "SC02" in now
    code, before, err = run(story.root, "lint", "--format", "json", "--at", "2024-06-30")
    assert "SC02" not in before, err
    code, out, _ = run(story.root, "lint", "--at", "HEAD")
    assert code == 1
    assert "data/measures/m-alpha.yaml:" in out and "(it says 1000)" in out


def test_symlink_in_a_revision_is_reported(minimal_git: GitTree) -> None:
    link = minimal_git.path("data/measures/link.yaml")
    link.symlink_to(minimal_git.path(ALPHA))
    minimal_git.commit("Link", "2024-02-01")
    tree = Project.open(minimal_git.root).tree(at="HEAD")
    assert [d.file for d in tree.diagnostics] == ["data/measures/link.yaml"]
    assert "symlinks are not followed" in tree.diagnostics[0].message


@pytest.mark.parametrize(
    ("command", "fmt"),
    [
        ("status", "text"),
        ("status", "json"),
        ("lint", "text"),
        ("lint", "json"),
        ("lint", "github"),
    ],
)
def test_at_in_every_format(story: GitTree, command: str, fmt: str) -> None:
    """The output at a revision equals the output of a checkout of that revision."""
    code_at, out_at, _ = run(story.root, command, "--format", fmt, "--at", story.short(C2))
    story.checkout("main")
    code, out, _ = run(story.root, command, "--format", fmt)
    assert (code_at, out_at) == (code, out)
    assert out
