"""The annual report reads the repository's history where a measure's update log is silent."""

from __future__ import annotations

from datetime import date

from vcs_repos import GitTree

from ictgov.project import Project
from ictgov.verdicts.asof import StateSource
from ictgov.views.annual import annual_for
from ictgov.views.overview import build_overview

GAMMA = "data/measures/m-gamma.yaml"
GAMMA_TEXT = """\
id: m-gamma
code: "2.2"
title: Gamma
goals: [g2]
responsible: mgmt
indicator: {description: Seurataan.}
status: in_progress
health: on_track
progress: 30
schedule: {planned_start: 2024-01-01, planned_end: 2026-12-31, actual_start: 2024-02-01}
"""


def test_a_silent_log_is_answered_by_the_commit_of_the_year_end(minimal_git: GitTree) -> None:
    minimal_git.write(GAMMA, GAMMA_TEXT)
    minimal_git.commit("Gamma started", "2024-06-01")
    minimal_git.replace(GAMMA, "progress: 30", "progress: 80")
    minimal_git.replace(GAMMA, "health: on_track", "health: at_risk")
    minimal_git.commit("Gamma moved on", "2025-03-01")
    project = Project.open(minimal_git.root)
    today = date(2025, 6, 1)
    tree = project.tree()
    report = annual_for(tree, build_overview(tree, today), 2024, project.tree_on)
    assert report is not None
    ends = {ye.view.id: ye for ye in report.progress_at_end}
    gamma = ends["m-gamma"]
    assert gamma.source is StateSource.HISTORY
    assert gamma.progress == 30  # as committed in 2024, not the 80 of 2025
    assert gamma.view.measure.health is not None
    assert gamma.view.measure.health.value == "on_track"
    assert ends["m-alpha"].source is StateSource.LOG
    assert report.source_counts["history"] == 1


def test_without_history_the_dates_answer_and_progress_is_unknown(minimal_git: GitTree) -> None:
    minimal_git.write(GAMMA, GAMMA_TEXT)
    minimal_git.commit("Gamma started late in the books", "2025-03-01")
    project = Project.open(minimal_git.root)
    today = date(2025, 6, 1)
    tree = project.tree()
    report = annual_for(tree, build_overview(tree, today), 2024, project.tree_on)
    assert report is not None
    gamma = {ye.view.id: ye for ye in report.progress_at_end}["m-gamma"]
    assert gamma.source is StateSource.DATES
    assert gamma.progress is None  # started by then (actual start), how far is not known
    assert gamma.view.measure.status.value == "in_progress"
