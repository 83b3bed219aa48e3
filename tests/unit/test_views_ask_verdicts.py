"""Views show what ``ictgov.verdicts`` decides, so text, HTML and lint agree."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ictgov.model import Meeting, Status
from ictgov.project import Project
from ictgov.views.detail import item_detail
from ictgov.views.report import ScheduleState, schedule_state
from tests.conftest import TODAY


def test_a_body_detail_counts_held_meetings_as_its_cadence_is_judged(minimal_root: Path) -> None:
    tree = Project.open(minimal_root).tree()
    future = Meeting(id="mgmt-2025-02-01", body="mgmt", date=date(2025, 2, 1))
    tree = replace(tree, meetings=[*tree.meetings, future])
    detail = item_detail(tree, "mgmt", TODAY)
    assert detail is not None
    assert detail.held_per_year == {2024: 2}  # the meeting after today is not held yet
    assert len(detail.meetings) == 3


def test_the_measure_page_calls_on_hold_past_its_end_overdue_as_status_does(
    minimal_root: Path,
) -> None:
    tree = Project.open(minimal_root).tree()
    alpha = tree.measure_by_id["m-alpha"]
    late = alpha.model_copy(
        update={
            "status": Status.ON_HOLD,
            "schedule": alpha.schedule.model_copy(update={"planned_end": date(2024, 6, 30)}),
        }
    )
    assert schedule_state(late, TODAY) is ScheduleState.OVERDUE
