"""Stale, overdue, effective health and attention: the rules every output shares."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ictgov.model import Health, Status
from ictgov.verdicts.measures import (
    News,
    NewsSource,
    Reason,
    attention_reasons,
    days_finished_late,
    days_overdue,
    days_since_update,
    effective_health,
    is_overdue,
    is_stale,
    news,
)
from tests.verdicts.helpers import TODAY, measure

LIMIT = 120


def _updated(days_ago: int, **fields: object) -> dict[str, object]:
    return {"updates": [{"date": TODAY - timedelta(days=days_ago), "progress": 50}], **fields}


def test_stale_only_after_more_than_the_limit() -> None:
    assert not is_stale(measure(**_updated(LIMIT)), TODAY, LIMIT)
    assert is_stale(measure(**_updated(LIMIT + 1)), TODAY, LIMIT)


def test_stale_counts_from_the_newest_update_whatever_the_log_order() -> None:
    old, new = TODAY - timedelta(days=400), TODAY - timedelta(days=10)
    m = measure(updates=[{"date": new, "progress": 50}, {"date": old, "progress": 10}])
    assert news(m) == News(new, NewsSource.UPDATE)
    assert not is_stale(m, TODAY, LIMIT)


@pytest.mark.parametrize("status", [s for s in Status if s is not Status.IN_PROGRESS])
def test_only_a_measure_in_progress_is_ever_stale(status: Status) -> None:
    progress = 100 if status is Status.COMPLETED else 0
    m = measure(status=status.value, progress=progress, **_updated(1000))
    assert not is_stale(m, TODAY, LIMIT)


def test_no_update_ever_counts_from_the_actual_start_then_the_planned_start() -> None:
    planned = date(2024, 1, 1)
    actual = TODAY - timedelta(days=30)
    both = measure(schedule={"planned_start": planned, "actual_start": actual})
    assert news(both) == News(actual, NewsSource.ACTUAL_START)
    assert not is_stale(both, TODAY, LIMIT)
    only_planned = measure(schedule={"planned_start": planned})
    assert news(only_planned) == News(planned, NewsSource.PLANNED_START)
    assert is_stale(only_planned, TODAY, LIMIT)


def test_no_update_and_no_start_is_not_stale_nothing_to_count_from() -> None:
    m = measure()
    assert news(m) is None
    assert days_since_update(m, TODAY) is None
    assert not is_stale(m, TODAY, LIMIT)


def test_days_since_update_is_from_the_newest_entry_only() -> None:
    assert days_since_update(measure(**_updated(42)), TODAY) == 42
    assert days_since_update(measure(schedule={"actual_start": date(2025, 1, 1)}), TODAY) is None


@pytest.mark.parametrize(
    ("status", "progress", "overdue"),
    [
        (Status.PLANNED, 0, True),
        (Status.IN_PROGRESS, 50, True),
        (Status.ON_HOLD, 50, True),  # on hold past its end: the plan no longer holds
        (Status.COMPLETED, 100, False),  # completed is never overdue
        (Status.DISCONTINUED, 50, False),
    ],
)
def test_overdue_past_the_planned_end_unless_closed(
    status: Status, progress: int, overdue: bool
) -> None:
    m = measure(status=status.value, progress=progress, schedule={"planned_end": date(2025, 6, 1)})
    assert is_overdue(m, TODAY) is overdue
    assert days_overdue(m, TODAY) == (29 if overdue else 0)


def test_not_overdue_on_the_planned_end_day_nor_without_one() -> None:
    assert not is_overdue(measure(schedule={"planned_end": TODAY}), TODAY)
    assert days_overdue(measure(), TODAY) == 0


def test_health_counts_only_while_in_progress() -> None:
    assert effective_health(measure(health="at_risk")) is Health.AT_RISK
    on_hold = measure(status="on_hold", health="off_track")
    assert effective_health(on_hold) is None
    assert attention_reasons(on_hold, TODAY, LIMIT) == ()


def test_attention_reasons_most_serious_first() -> None:
    m = measure(health="off_track", schedule={"planned_end": date(2025, 1, 1)}, **_updated(500))
    assert attention_reasons(m, TODAY, LIMIT) == (Reason.OFF_TRACK, Reason.OVERDUE, Reason.STALE)
    at_risk = measure(health="at_risk", **_updated(1))
    assert attention_reasons(at_risk, TODAY, LIMIT) == (Reason.AT_RISK,)


def test_a_completed_measure_needs_no_attention_however_old() -> None:
    plan = {"planned_end": date(2020, 1, 1)}
    m = measure(status="completed", progress=100, schedule=plan, **_updated(900))
    assert attention_reasons(m, TODAY, LIMIT) == ()


def test_finished_late_only_when_completed_after_the_planned_end() -> None:
    plan = {"planned_end": date(2025, 3, 31), "actual_end": date(2025, 4, 10)}
    assert days_finished_late(measure(status="completed", progress=100, schedule=plan)) == 10
    on_time = {"planned_end": date(2025, 3, 31), "actual_end": date(2025, 3, 31)}
    assert days_finished_late(measure(status="completed", progress=100, schedule=on_time)) == 0
    assert days_finished_late(measure(status="discontinued", schedule=plan)) == 0
