"""The roll-up and the counts: what a goal's progress and a summary's numbers mean."""

from __future__ import annotations

import pytest

from ictgov.model import Health, Status
from ictgov.verdicts.progress import (
    count_by_health,
    count_by_status,
    counts_towards_progress,
    mean,
    rollup,
)
from tests.verdicts.helpers import measure


def test_discontinued_measures_are_left_out_of_the_mean() -> None:
    measures = [
        measure(progress=80),
        measure(status="completed", progress=100),
        measure(status="discontinued", progress=0),
    ]
    assert rollup(measures) == pytest.approx(90.0)
    assert not counts_towards_progress(Status.DISCONTINUED)


@pytest.mark.parametrize("status", [s for s in Status if s is not Status.DISCONTINUED])
def test_every_other_status_counts_on_hold_and_planned_too(status: Status) -> None:
    assert counts_towards_progress(status)


def test_no_counted_measure_has_no_progress_not_zero() -> None:
    assert rollup([]) is None
    assert rollup([measure(status="discontinued", progress=30)]) is None
    assert mean(0, 0) is None
    assert mean(150, 2) == 75


def test_counts_by_status_has_every_status_in_order() -> None:
    counts = count_by_status([measure(), measure(), measure(status="planned", progress=0)])
    assert list(counts) == list(Status)
    assert counts[Status.IN_PROGRESS] == 2 and counts[Status.PLANNED] == 1
    assert counts[Status.COMPLETED] == 0


def test_counts_by_health_only_counts_measures_in_progress() -> None:
    measures = [
        measure(health="at_risk"),
        measure(health="on_track"),
        measure(status="on_hold", health="off_track"),  # a stale health does not count
        measure(),  # in progress without a health
    ]
    counts = count_by_health(measures)
    assert list(counts) == list(Health)
    assert counts == {Health.ON_TRACK: 1, Health.AT_RISK: 1, Health.OFF_TRACK: 0}
