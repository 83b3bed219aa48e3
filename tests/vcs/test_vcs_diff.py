"""``ictgov diff`` on real git repositories: defaults, every format, golden Markdown.

Regenerate the golden files with ``ICTGOV_UPDATE_GOLDEN=1 python -m pytest tests/vcs``.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner
from vcs_repos import ALPHA, C1, C2, FIXTURES, MEETING, OUTSIDER, GitTree

from ictgov.cli.main import app
from ictgov.diff.formats import MARKER, render_markdown
from ictgov.history.compare import choose_sides, diff_sides
from ictgov.project import Project
from ictgov.vcs.repo import GitRepo

GOLDEN = Path(__file__).resolve().parent.parent / "diff" / "golden"
runner = CliRunner()


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--root", str(root)])
    return result.exit_code, result.stdout, result.stderr


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("ICTGOV_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{name} differs; see module docstring"


def test_default_base_is_merge_base_with_main(story: GitTree) -> None:
    code, out, _ = run(story.root, "diff")
    assert code == 0
    assert f"Changes from {story.short(C2)} (2024-03-05) to working tree" in out
    assert "(BASE is the merge-base of HEAD and main)" in out
    assert "status: in progress → completed" in out
    assert "progress: 60 % → 100 %" in out
    assert "planned end: 2026-06-30 → 2026-09-30 (slips 92 days)" in out
    assert "indicator value for 2025-06-30 added: 100 %" in out
    assert "moved from data/measures/m-beta.yaml to data/measures/beta-renamed.yaml" in out
    assert "agenda item added: §3 “Alfan päättäminen”: passed" in out


def test_review_hints(story: GitTree) -> None:
    code, out, _ = run(story.root, "diff", "main", "feature")
    assert code == 0
    alpha, beta, meeting = out.split("\n\n")[1:4]
    assert "RV01" in alpha and "RV03" in alpha and "RV04 changed by Olli Outsider" in alpha
    assert "RV02 progress went down (100 % → 90 %)" in beta
    assert "members of mgmt" in beta
    assert "!" not in meeting


def test_signed_change_has_no_rv04(story: GitTree) -> None:
    story.checkout("main")
    story.replace(ALPHA, "progress: 60\nschedule:", "progress: 70\nschedule:")
    story.commit("Alpha progress", "2024-04-01")  # by Maija, a contact of the measure
    code, out, _ = run(story.root, "diff", "HEAD~1", "HEAD")
    assert code == 0
    assert "progress: 60 % → 70 %" in out
    assert "RV04" not in out


def test_dirty_working_tree_compares_with_head(story: GitTree) -> None:
    story.replace(MEETING, "resolution: passed\n", "resolution: tabled\n")
    code, out, _ = run(story.root, "diff")
    assert code == 0
    assert "(BASE is HEAD: the working tree has uncommitted changes)" in out
    assert "decision recorded: §3 “Alfan päättäminen”: tabled" in out
    assert "m-alpha" not in out  # committed changes are not in this diff


def test_exit_code(story: GitTree) -> None:
    assert run(story.root, "diff", "main", "feature", "--exit-code")[0] == 1
    assert run(story.root, "diff", "HEAD", "HEAD", "--exit-code")[0] == 0
    code, out, _ = run(story.root, "diff", "HEAD", "HEAD")
    assert code == 0 and "No changes to the strategy." in out


def test_dates_as_revisions(story: GitTree) -> None:
    code, out, _ = run(story.root, "diff", "2024-02-01", "2024-03-31")
    assert code == 0
    c1, c2 = story.short(C1), story.short(C2)
    assert f"Changes from {c1} (2024-01-10) to {c2} (2024-03-05)" in out
    assert "update-log entry 2024-03-05 added: “Pilotti valmis.”" in out


def test_json_format(story: GitTree) -> None:
    code, out, _ = run(story.root, "diff", "main", "feature", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["summary"] == {
        "added": 0,
        "removed": 0,
        "modified": 3,
        "unreadable": 0,
        "hints": 5,
    }
    alpha = data["items"][0]
    assert alpha["id"] == "m-alpha"
    paths = {c["path"]: c for c in alpha["changes"]}
    assert paths["measures[id=m-alpha].status"] == {
        "path": "measures[id=m-alpha].status",
        "parts": ["measures", "m-alpha", "status"],
        "change": "changed",
        "old": "in_progress",
        "new": "completed",
    }
    added = paths["measures[id=m-alpha].indicator.values[date=2025-06-30]"]
    assert added["change"] == "added" and added["new"] == {"date": "2025-06-30", "value": 100.0}
    assert "old" not in added
    assert data["items"][1]["moved"] is True
    assert {h["code"] for h in alpha["hints"]} == {"RV01", "RV03", "RV04"}


@pytest.mark.parametrize(
    ("fmt", "name"), [("markdown", "story.md"), ("text", "story.txt"), ("json", "story.json")]
)
def test_diff_golden(story: GitTree, fmt: str, name: str) -> None:
    code, out, _ = run(story.root, "diff", "main", "feature", "--format", fmt)
    assert code == 0
    if fmt == "markdown":
        assert out.startswith(MARKER + "\n")
    check_golden(name, out)


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("m-alpha", "-f", "markdown"), "story-history-alpha.md"),
        (("m-beta", "-f", "text"), "story-history-beta.txt"),
        (("--since", "2024-02-01", "-f", "json"), "story-history.json"),
    ],
)
def test_history_golden(story: GitTree, args: tuple[str, ...], name: str) -> None:
    code, out, _ = run(story.root, "history", *args)
    assert code == 0
    check_golden(name, out)


def test_markdown_summarises_when_large(story: GitTree) -> None:
    project = Project.open(story.root)
    with GitRepo.open(story.root) as repo:
        result = diff_sides(repo, choose_sides(repo, project, "main", "feature"))
    full = render_markdown(result)
    sizes = {}
    for limit in (len(full.encode()), 3000, 2200, 1100):
        text = render_markdown(result, max_bytes=limit)
        assert len(text.encode()) <= limit
        sizes[limit] = text
    assert "| Field | Before | After |" in full
    assert "<details>" in sizes[3000] and "| Field |" not in sizes[3000]
    assert "<details>" not in sizes[2200] and "Details left out" in sizes[2200]
    assert "| ✏️ modified | measure `m-alpha` Alfa |" in sizes[2200]
    assert "more items" in sizes[1100] and "m-alpha" in sizes[1100]
    cli = run(story.root, "diff", "main", "feature", "-f", "markdown", "--max-size", "4096")[1]
    assert cli == full  # it fits: nothing left out


def test_only_changed_blobs_are_parsed(story: GitTree) -> None:
    project = Project.open(story.root)
    with GitRepo.open(story.root) as repo:
        sides = choose_sides(repo, project, "main", "feature")
        result = diff_sides(repo, sides)
        # 3 files changed (beta moved = 2 paths): alpha x2, beta old, beta new, meeting x2,
        # plus bodies.yaml for the review hints. The other 8 files are never parsed.
        assert repo.cache.parsed == 7
        assert len(result.items) == 3
        again = diff_sides(repo, sides)
        assert repo.cache.parsed == 7  # everything came from the blob cache
        assert again.changes() == result.changes()


def test_working_tree_reuses_committed_parse(story: GitTree) -> None:
    story.replace(ALPHA, "title: {fi: Alfa, en: Alpha}", "title: {fi: Alfa 2, en: Alpha}")
    project = Project.open(story.root)
    with GitRepo.open(story.root) as repo:
        result = diff_sides(repo, choose_sides(repo, project, None, None))
        assert [i.id for i in result.items] == ["m-alpha"]
        assert result.items[0].events[0].text == "title.fi: “Alfa” → “Alfa 2”"
        assert repo.cache.parsed <= 3  # alpha twice and bodies.yaml at most


def test_detached_head(story: GitTree) -> None:
    story.checkout(story.repo.head.commit.hexsha)
    assert story.repo.head.is_detached
    code, out, _ = run(story.root, "diff")
    assert code == 0
    assert "(BASE is the merge-base of HEAD and main)" in out
    assert "m-alpha" in out


def test_default_branch_from_config_and_fallbacks(story: GitTree) -> None:
    story.repo.git.branch("-m", "main", "trunk")
    code, _, err = run(story.root, "diff")
    assert code == 2
    assert "cannot find the default branch" in err and "default_branch" in err
    story.write("ictgov.toml", 'default_branch = "trunk"\n')
    code, out, _ = run(story.root, "diff")
    assert code == 0 and "merge-base of HEAD and trunk" in out
    story.write("ictgov.toml", "")
    story.repo.git.branch("-m", "trunk", "master")
    code, out, _ = run(story.root, "diff")
    assert code == 0 and "merge-base of HEAD and master" in out


def test_project_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    tree = GitTree(tmp_path / "repo")
    try:
        shutil.copytree(FIXTURES / "minimal", tmp_path / "repo" / "strategy")
        tree.commit("Add strategy", "2024-01-10")
        tree.replace("strategy/" + ALPHA, "progress: 40\nschedule:", "progress: 45\nschedule:")
        tree.commit("Progress", "2024-02-10", OUTSIDER)
        code, out, _ = run(tmp_path / "repo" / "strategy", "diff", "HEAD~1", "HEAD")
        assert code == 0, out
        assert "progress: 40 % → 45 %" in out
        assert "(data/measures/m-alpha.yaml)" in out
    finally:
        tree.close()


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_unreadable_side_still_diffs(story: GitTree, fmt: str) -> None:
    story.replace(ALPHA, "progress: 100\n", "progress: lots\n")
    story.write(MEETING, "id: [unclosed\n")
    code, out, _ = run(story.root, "diff", "HEAD", "--format", fmt)
    assert code == 0
    if fmt == "json":
        data = json.loads(out)
        head = data["problems"]["head"]
        assert {p["file"] for p in head} == {ALPHA, MEETING}
        assert {i["unreadable"] for i in data["items"]} == {"head"}
        assert data["summary"]["unreadable"] == 2 and data["summary"]["removed"] == 0
    else:
        assert "Could not be read at HEAD" in out
        assert "data/measures/m-alpha.yaml:4:11" in out.replace("\\", "") or ALPHA in out
        assert "could not be read at HEAD" in out
