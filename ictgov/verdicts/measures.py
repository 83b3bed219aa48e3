"""Verdicts about one measure on a given day: stale, overdue, attention, health.

Every output (status, reports, exports, lint FU01/FU02) asks these functions, so a
measure is judged stale or overdue in exactly one way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ictgov.model import Health, Measure, Status

#: Statuses after which a measure no longer needs following (never stale or overdue).
CLOSED = frozenset({Status.COMPLETED, Status.DISCONTINUED})


class NewsSource(StrEnum):
    """What the age of a measure's news is counted from."""

    UPDATE = "update"
    ACTUAL_START = "actual_start"
    PLANNED_START = "planned_start"


@dataclass(frozen=True, slots=True)
class News:
    """The newest dated fact about a measure's progress, and where it came from."""

    since: date
    source: NewsSource


class Reason(StrEnum):
    """Why a measure needs attention, most serious first."""

    OFF_TRACK = "off_track"
    OVERDUE = "overdue"
    #: Reported on track although long past its planned end: the report contradicts itself.
    ON_TRACK_BUT_LATE = "on_track_but_late"
    AT_RISK = "at_risk"
    STALE = "stale"


REASON_ORDER = {reason: rank for rank, reason in enumerate(Reason)}

#: Days past the planned end after which "on track" is no longer believable (lint ST05).
ON_TRACK_LATE_AFTER_DAYS = 90


def last_update_date(measure: Measure) -> date | None:
    """Date of the newest update-log entry (None when nothing was ever logged)."""
    entry = measure.last_update
    return entry.date if entry else None


def days_since_update(measure: Measure, today: date) -> int | None:
    """Days from the newest update-log entry to *today*; None with no entry."""
    last = last_update_date(measure)
    return (today - last).days if last else None


def news(measure: Measure) -> News | None:
    """The newest update, else the actual start, else the planned start.

    A measure never updated is judged from the day its work began (or should have):
    without any of the three there is nothing to measure staleness from.
    """
    last = last_update_date(measure)
    if last is not None:
        return News(last, NewsSource.UPDATE)
    if measure.schedule.actual_start is not None:
        return News(measure.schedule.actual_start, NewsSource.ACTUAL_START)
    if measure.schedule.planned_start is not None:
        return News(measure.schedule.planned_start, NewsSource.PLANNED_START)
    return None


def is_stale(measure: Measure, today: date, stale_after_days: int) -> bool:
    """In progress, and its news is more than *stale_after_days* old.

    Only a measure in progress can be stale: a planned one has no news to give, and an
    on-hold or closed one is not expected to report.
    """
    if measure.status != Status.IN_PROGRESS:
        return False
    found = news(measure)
    return found is not None and (today - found.since).days > stale_after_days


def days_overdue(measure: Measure, today: date) -> int:
    """Days past the planned end, for a measure not completed nor discontinued; else 0.

    On hold counts: a measure on hold past its planned end no longer keeps its plan.
    """
    end = measure.schedule.planned_end
    if measure.status in CLOSED or end is None or end >= today:
        return 0
    return (today - end).days


def is_overdue(measure: Measure, today: date) -> bool:
    """Past its planned end and neither completed nor discontinued."""
    return days_overdue(measure, today) > 0


def days_finished_late(measure: Measure) -> int:
    """Days a completed measure's actual end came after its planned end; else 0."""
    end, actual = measure.schedule.planned_end, measure.schedule.actual_end
    if measure.status != Status.COMPLETED or end is None or actual is None or actual <= end:
        return 0
    return (actual - end).days


def on_track_but_late(
    measure: Measure, today: date, after_days: int = ON_TRACK_LATE_AFTER_DAYS
) -> bool:
    """Health ``on_track`` while more than *after_days* past the planned end.

    A portfolio where measures stay "on track" for two years past their end tells the
    board nothing: either the plan moved (move ``planned_end``) or the health is wrong.
    """
    health = effective_health(measure)
    return health == Health.ON_TRACK and days_overdue(measure, today) > after_days


def effective_health(measure: Measure) -> Health | None:
    """The health that counts: only a measure in progress has one."""
    return measure.health if measure.status == Status.IN_PROGRESS else None


def attention_reasons(
    measure: Measure,
    today: date,
    stale_after_days: int,
    on_track_late_after_days: int = ON_TRACK_LATE_AFTER_DAYS,
) -> tuple[Reason, ...]:
    """Why the measure needs attention, most serious first (empty when it does not)."""
    health = effective_health(measure)
    candidates = (
        (Reason.OFF_TRACK, health == Health.OFF_TRACK),
        (Reason.OVERDUE, is_overdue(measure, today)),
        (
            Reason.ON_TRACK_BUT_LATE,
            on_track_but_late(measure, today, on_track_late_after_days),
        ),
        (Reason.AT_RISK, health == Health.AT_RISK),
        (Reason.STALE, is_stale(measure, today, stale_after_days)),
    )
    return tuple(reason for reason, applies in candidates if applies)
