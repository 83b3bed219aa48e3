"""A measure as it stood on a past day: what an annual report may say about that day.

The current file tells today's state; a report for 2025 must tell the state of
31.12.2025. It is read, in this order, from

1. the update log: the newest status, health and progress logged on or before the day;
2. where the log is silent, the repository's history: the measure as committed on that
   day (``--at``), passed in as *past*;
3. where neither says anything, the dates in the data: an actual end or start on or
   before the day, else "planned". Progress is then unknown, not guessed.

Each state says which of the three it came from, so a report can say so too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from ictgov.model import Measure, Schedule, Status, UpdateEntry

#: Statuses that end a measure's work.
_CLOSED = frozenset({Status.COMPLETED, Status.DISCONTINUED})


class StateSource(StrEnum):
    """Where a past state was read from."""

    LOG = "log"
    HISTORY = "history"
    DATES = "dates"


@dataclass(frozen=True, slots=True)
class MeasureAt:
    """A measure as it stood on *day*: a copy whose values and log end on that day."""

    measure: Measure
    day: date
    source: StateSource
    #: False when nothing recorded the progress by the day (shown as unknown, not 0 %).
    progress_known: bool = True

    @property
    def entry(self) -> UpdateEntry | None:
        """The newest update-log entry on or before the day."""
        return self.measure.last_update


def _last(entries: list[UpdateEntry], field: str) -> Any:
    return next(
        (getattr(u, field) for u in reversed(entries) if getattr(u, field) is not None), None
    )


def _until(value: date | None, day: date) -> date | None:
    return value if value is not None and value <= day else None


def _cut(measure: Measure, day: date, **values: Any) -> Measure:
    """A copy of *measure* with the log and indicator values up to *day* and *values* set."""
    entries = sorted((u for u in measure.updates if u.date <= day), key=lambda u: u.date)
    update: dict[str, Any] = {"updates": entries, **values}
    if measure.indicator is not None:
        values_then = [o for o in measure.indicator.values if o.date <= day]
        update["indicator"] = measure.indicator.model_copy(update={"values": values_then})
    return measure.model_copy(update=update)


def _from_dates(measure: Measure, day: date) -> tuple[Status, int | None]:
    """The status the current dates prove for *day*; progress only where it is certain."""
    s = measure.schedule
    if measure.status in _CLOSED and _until(s.actual_end, day):
        return measure.status, 100 if measure.status is Status.COMPLETED else None
    if _until(s.actual_start, day):
        return Status.IN_PROGRESS, None
    return Status.PLANNED, 0


def measure_at(measure: Measure, day: date, past: Measure | None = None) -> MeasureAt:
    """The measure as it stood on *day* (see the module docstring for the order of sources)."""
    entries = sorted((u for u in measure.updates if u.date <= day), key=lambda u: u.date)
    now = measure.schedule
    if entries or past is None:
        base = past if past is not None else measure
        status = _last(entries, "status")
        progress = _last(entries, "progress")
        source = StateSource.LOG if entries else StateSource.DATES
        if status is None and past is not None:
            status = past.status
            progress = progress if progress is not None else past.progress
        elif status is None:
            status, dated = _from_dates(measure, day)
            progress = progress if progress is not None else dated
        if progress is None and status is Status.COMPLETED:
            progress = 100
        health = _last(entries, "health") if status is Status.IN_PROGRESS else None
        closed = status in _CLOSED
        schedule = Schedule(
            planned_start=base.schedule.planned_start,
            planned_end=base.schedule.planned_end,
            actual_start=_until(now.actual_start, day),
            actual_end=_until(now.actual_end, day) if closed else None,
        )
        copy = _cut(
            measure,
            day,
            status=status,
            health=health,
            progress=progress if progress is not None else 0,
            schedule=schedule,
        )
        return MeasureAt(copy, day, source, progress_known=progress is not None)
    # The log is silent: the repository as it was on the day.
    return MeasureAt(_cut(past, day), day, StateSource.HISTORY)
