"""What changed in one calendar year: written for a municipal council.

Only the current tree is read: the year is reconstructed from dates in the data
(actual start and end, update-log entries, indicator values, meetings), so the
report needs no git history and reads the same from a file share.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ictgov.load import Tree
from ictgov.model import Goal, Indicator, Measure, Observation, Status, UpdateEntry
from ictgov.verdicts.measures import days_finished_late, is_overdue
from ictgov.views.decisions import DecisionRef
from ictgov.views.governance import CadenceYear, cadence_status
from ictgov.views.overview import MeasureView, Overview


@dataclass(frozen=True, slots=True)
class Slip:
    """A measure whose planned end fell in the year and that was not done by then."""

    view: MeasureView
    planned_end: date
    actual_end: date | None
    days_late: int


@dataclass(frozen=True, slots=True)
class NewValue:
    """An indicator value measured during the year, on a measure or a goal."""

    owner: Measure | Goal
    kind: str  # "measure" or "goal"
    indicator: Indicator
    observation: Observation


@dataclass(frozen=True, slots=True)
class YearEnd:
    """A measure's state at the end of the year as told by its update log."""

    view: MeasureView
    entry: UpdateEntry | None
    progress: int | None


@dataclass(frozen=True)
class AnnualReport:
    """The year's completions, starts, slips, new values, decisions and cadence."""

    year: int
    start: date
    end: date
    #: True while the year is not over (today falls in it): the report is provisional.
    partial: bool
    completed: tuple[MeasureView, ...]
    started: tuple[MeasureView, ...]
    slipped: tuple[Slip, ...]
    new_values: tuple[NewValue, ...]
    decisions: tuple[DecisionRef, ...]
    updates: int
    progress_at_end: tuple[YearEnd, ...]
    cadence: tuple[CadenceYear, ...]


def default_year(today: date) -> int:
    """The last full calendar year before today."""
    return today.year - 1


@dataclass(frozen=True, slots=True)
class Span:
    """The days a report covers: the calendar year, cut at today while it runs."""

    first: date
    last: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


def year_span(year: int, today: date) -> Span:
    """The year up to today: what has not happened yet is not reported."""
    return Span(date(year, 1, 1), min(date(year, 12, 31), today))


def completed_in(measure: Measure, span: Span) -> bool:
    """Finished in the span: actual end in it, or a 'completed' update dated in it."""
    if measure.status != Status.COMPLETED:
        return False
    if measure.schedule.actual_end is not None:
        return measure.schedule.actual_end in span
    return any(u.status == Status.COMPLETED and u.date in span for u in measure.updates)


def started_in(measure: Measure, span: Span) -> bool:
    """Started in the span: actual start in it, or the first 'in progress' update."""
    if measure.schedule.actual_start is not None:
        return measure.schedule.actual_start in span
    starts = sorted(u.date for u in measure.updates if u.status == Status.IN_PROGRESS)
    return bool(starts) and starts[0] in span


def slip(view: MeasureView, year: int, today: date) -> Slip | None:
    """The slip of a measure whose planned end is in *year*, if it missed that date.

    Completed late, or still overdue (as status and lint FU02 judge it): a measure
    not finished by its planned end slipped until today, or the year's end.
    """
    m = view.measure
    planned = m.schedule.planned_end
    if planned is None or planned.year != year or planned >= today:
        return None
    late = days_finished_late(m)
    if late:
        return Slip(view, planned, m.schedule.actual_end, late)
    if is_overdue(m, today):
        until = min(today, date(year, 12, 31))
        return Slip(view, planned, None, (until - planned).days)
    return None


def year_end(view: MeasureView, end: date) -> YearEnd:
    """The newest update-log entry on or before *end*, and the progress it reported."""
    entries = sorted((u for u in view.measure.updates if u.date <= end), key=lambda u: u.date)
    progress = next((u.progress for u in reversed(entries) if u.progress is not None), None)
    return YearEnd(view, entries[-1] if entries else None, progress)


def build_annual(tree: Tree, overview: Overview, year: int) -> AnnualReport:
    """The annual report of *year* relative to the overview's today."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    today = overview.today
    span = year_span(year, today)
    views = overview.measures
    values: list[NewValue] = []
    for goal in sorted(tree.goals, key=lambda g: g.code):
        if goal.indicator is not None:
            values.extend(
                NewValue(goal, "goal", goal.indicator, o)
                for o in sorted(goal.indicator.values, key=lambda o: o.date)
                if o.date in span
            )
    for view in views:
        ind = view.measure.indicator
        if ind is not None:
            values.extend(
                NewValue(view.measure, "measure", ind, o)
                for o in sorted(ind.values, key=lambda o: o.date)
                if o.date in span
            )
    decisions = tuple(
        DecisionRef(m, item)
        for m in sorted(tree.meetings, key=lambda m: (m.date, m.id))
        if m.date in span
        for item in sorted(m.items, key=lambda i: i.section)
    )
    slips = tuple(s for s in (slip(v, year, today) for v in views) if s is not None)
    cadence = tuple(years[0] for years in cadence_status(tree, today, [year]).values() if years)
    return AnnualReport(
        year=year,
        start=start,
        end=end,
        partial=today <= end,
        completed=tuple(v for v in views if completed_in(v.measure, span)),
        started=tuple(v for v in views if started_in(v.measure, span)),
        slipped=slips,
        new_values=tuple(values),
        decisions=decisions,
        updates=sum(1 for v in views for u in v.measure.updates if u.date in span),
        progress_at_end=tuple(
            ye for ye in (year_end(v, span.last) for v in views) if ye.entry is not None
        ),
        cadence=cadence,
    )
