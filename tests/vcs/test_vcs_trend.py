"""Progress over time from git history: per commit and per month, counts and means."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from vcs_repos import ALPHA, C1, C2, C3, GitTree

from ictgov.errors import RevisionError
from ictgov.history.trend import progress_over_time
from ictgov.project import Project
from ictgov.views.trend import format_trend


def _where(root: Path) -> tuple[Path, int]:
    project = Project.open(root)
    return project.root, project.config.max_file_bytes


def test_per_commit(story: GitTree) -> None:
    points = progress_over_time(*_where(story.root), by="commit")
    assert [p.label for p in points] == [story.short(C1), story.short(C2), story.short(C3)]
    first, _, last = points
    assert first.by_status["in_progress"] == 1 and first.by_status["completed"] == 1
    assert first.mean_progress == {"g1": 40.0, "g2": 100.0}
    assert first.overall_progress == 70.0
    assert last.by_status == {
        "planned": 0,
        "in_progress": 0,
        "completed": 2,
        "on_hold": 0,
        "discontinued": 0,
    }
    assert last.mean_progress == {"g1": 100.0, "g2": 90.0}  # beta moved: counted once
    assert last.measures == 2 and last.date == date(2024, 6, 1)
    assert last.as_dict()["date"] == "2024-06-01"


def test_per_month_fills_quiet_months(story: GitTree) -> None:
    points = progress_over_time(*_where(story.root))
    assert [p.label for p in points] == [
        "2024-01",
        "2024-02",
        "2024-03",
        "2024-04",
        "2024-05",
        "2024-06",
    ]
    assert [p.overall_progress for p in points] == [70.0, 70.0, 80.0, 80.0, 80.0, 95.0]
    text = format_trend(points)
    assert text.splitlines()[0].startswith("when  measures  planned")
    assert "2024-06  2  0  0  2  0  0  95" in text


def test_since_starts_from_the_state_that_day(story: GitTree) -> None:
    points = progress_over_time(*_where(story.root), since=date(2024, 2, 15))
    assert points[0].label == "2024-02" and points[0].overall_progress == 70.0
    later = progress_over_time(*_where(story.root), by="commit", since=date(2024, 3, 6))
    assert [p.label for p in later] == [story.short(C2), story.short(C3)]


def test_invalid_and_removed_measures(story: GitTree) -> None:
    story.replace(ALPHA, "progress: 100\n", "progress: lots\n")
    story.commit("Broken", "2024-07-01")
    story.remove("data/measures/beta-renamed.yaml")
    story.commit("Drop beta", "2024-08-01")
    last_two = progress_over_time(*_where(story.root), by="commit")[-2:]
    assert [p.measures for p in last_two] == [1, 0]
    assert last_two[-1].overall_progress is None and last_two[-1].mean_progress == {}


def test_no_commits_and_bad_arguments(tmp_path: object, minimal_git: GitTree) -> None:
    with pytest.raises(ValueError):
        progress_over_time(*_where(minimal_git.root), by="week")  # type: ignore[arg-type]
    empty = GitTree(minimal_git.root.parent / "empty")
    (empty.root / "ictgov.toml").write_text("", encoding="utf-8")
    try:
        with pytest.raises(RevisionError, match="no commits yet"):
            progress_over_time(*_where(empty.root))
    finally:
        empty.close()


def test_discontinued_measures_do_not_count_towards_mean_progress() -> None:
    """As in the status roll-up (views.rollup): the trend and `status` must agree."""
    from ictgov.views.trend import Facts, Tally

    tally = Tally()
    tally.set("a.yaml", Facts("in_progress", 60, ("g1",)))
    tally.set("b.yaml", Facts("discontinued", 10, ("g1",)))
    point = tally.point("2024-11", date(2024, 11, 30), "abc")
    assert point.measures == 2 and point.by_status["discontinued"] == 1
    assert point.overall_progress == 60 and point.mean_progress == {"g1": 60}
    tally.set("b.yaml", Facts("in_progress", 10, ("g1",)))  # resumed: counts again
    assert tally.point("2024-12", date(2024, 12, 31), "def").overall_progress == 35
