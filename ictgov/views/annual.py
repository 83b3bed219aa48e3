"""What changed in one calendar year, as it stood on 31 December: for a municipal council.

Every figure is as of the end of the year (or today, while the year runs): each measure
is taken back to that day by :func:`ictgov.verdicts.asof.measure_at` (the update log,
else the repository's history, else the dates in the data), so the report of 2025 never
shows a 2026 status, and it says where each state came from. The report also lists the
follow-up actions still open at the year's end and each body's meeting cadence that year.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ictgov.errors import IctgovError
from ictgov.i18n import N_
from ictgov.load import Tree
from ictgov.model import Goal, Indicator, Measure, Observation, Status, UpdateEntry
from ictgov.verdicts.actions import open_on
from ictgov.verdicts.asof import MeasureAt, StateSource, measure_at
from ictgov.verdicts.measures import CLOSED
from ictgov.views.decisions import DecisionRef, OpenAction
from ictgov.views.governance import CadenceYear, cadence_status
from ictgov.views.overview import MeasureView, Overview, measure_view


@dataclass(frozen=True, slots=True)
class Slip:
    """A measure whose planned end fell in the year and that was not done by then."""

    view: MeasureView
    planned_end: date
    actual_end: date | None
    #: Days late on the report's day: to the actual end, or to the year's end if still open.
    days_late: int

    @property
    def open_at_end(self) -> bool:
        """Still not done when the year ended (``days_late`` runs to the year's end)."""
        return self.actual_end is None

    @property
    def due_on_last_day(self) -> bool:
        """Due on the year's last day and open then: missed, but not a day late yet."""
        return self.actual_end is None and self.days_late == 0


@dataclass(frozen=True, slots=True)
class NewValue:
    """An indicator value measured during the year, on a measure or a goal."""

    owner: Measure | Goal
    kind: str  # "measure" or "goal"
    indicator: Indicator
    observation: Observation


@dataclass(frozen=True, slots=True)
class YearEnd:
    """A measure's state at the end of the year, and where it was read from."""

    view: MeasureView
    entry: UpdateEntry | None
    progress: int | None
    source: StateSource


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
    #: The day every figure is as of: 31 December, or today while the year runs.
    as_of: date = date.min
    #: How many measures' states came from the log, the history and the dates.
    sources: dict[StateSource, int] | None = None
    #: Follow-up actions of decisions still open on ``as_of``, most overdue first.
    open_actions: tuple[OpenAction, ...] = ()

    @property
    def source_counts(self) -> dict[str, int]:
        """Measures per source of their year-end state, every source present."""
        found = self.sources or {}
        return {s.value: found.get(s, 0) for s in StateSource}


class YearNotReportable(IctgovError):
    """The asked year has no annual report: outside the period, or no data in it.

    ``message_id`` and ``values`` let the command say it in the reader's language.
    """

    def __init__(self, message_id: str, **values: object) -> None:
        self.message_id = message_id
        self.values = values
        super().__init__(message_id % values)


#: Message ids of :class:`YearNotReportable` (translated by the command).
OUTSIDE_PERIOD = N_(
    "there is no annual report for %(year)s: the strategy period is %(start)s-%(end)s; "
    "choose a year in it with --year"
)
NO_DATA = N_(
    "there is no annual report for %(year)s: nothing is dated in that year (no update, "
    "start, end, indicator value or meeting); choose another year with --year"
)
NOT_YET = N_(
    "there is no annual report for %(year)s yet: the year has not begun (today is "
    "%(today)s); choose an earlier year with --year"
)
NO_YEAR = N_(
    "there is no full year with data to report yet (today is %(today)s); the first annual "
    "report can be made after the first year with updates, with --year for a provisional one"
)


def dated_years(tree: Tree) -> set[int]:
    """The years something is dated in: updates, actual dates, indicator values, meetings."""
    years: set[int] = {m.date.year for m in tree.meetings}
    for m in tree.measures:
        years.update(u.date.year for u in m.updates)
        for day in (m.schedule.actual_start, m.schedule.actual_end):
            if day is not None:
                years.add(day.year)
        if m.indicator is not None:
            years.update(o.date.year for o in m.indicator.values)
    for g in tree.goals:
        if g.indicator is not None:
            years.update(o.date.year for o in g.indicator.values)
    return years


def _period(tree: Tree) -> tuple[int, int] | None:
    period = getattr(tree.strategy, "period", None) if tree.strategy else None
    return (period.start, period.end) if period is not None else None


def default_year(today: date, tree: Tree | None = None) -> int:
    """The last full year inside the strategy period that has data (without a tree: last year).

    Raises :class:`YearNotReportable` when the tree has no such year.
    """
    if tree is None:
        return today.year - 1
    period = _period(tree)
    years = [
        y
        for y in dated_years(tree)
        if y < today.year and (period is None or period[0] <= y <= period[1])
    ]
    if not years:
        raise YearNotReportable(NO_YEAR, today=today.isoformat())
    return max(years)


def choose_year(tree: Tree, today: date, requested: int | None) -> int:
    """``--year`` checked against the period, today and the data; else the default year."""
    if requested is None:
        return default_year(today, tree)
    period = _period(tree)
    if period is not None and not period[0] <= requested <= period[1]:
        raise YearNotReportable(OUTSIDE_PERIOD, year=requested, start=period[0], end=period[1])
    if requested > today.year:
        raise YearNotReportable(NOT_YET, year=requested, today=today.isoformat())
    if requested not in dated_years(tree):
        raise YearNotReportable(NO_DATA, year=requested)
    return requested


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


def slip(view: MeasureView, span: Span) -> Slip | None:
    """The slip of a measure (as of the span's last day) whose planned end is in the span.

    Completed after its planned end, or still open at the span's last day: then the days
    run to that day, so a measure due on 31.12. and open then shows as missed, 0 days late.
    """
    m = view.measure
    planned = m.schedule.planned_end
    if planned is None or planned not in span:
        return None
    actual = m.schedule.actual_end
    if m.status is Status.COMPLETED and actual is not None:
        return Slip(view, planned, actual, (actual - planned).days) if actual > planned else None
    if m.status in CLOSED:
        return None
    return Slip(view, planned, None, (span.last - planned).days)


def year_end(state: MeasureAt, view: MeasureView) -> YearEnd:
    """The state of a measure on the report's day, and the log entry that told it."""
    progress = state.measure.progress if state.progress_known else None
    return YearEnd(view, state.entry, progress, state.source)


def open_actions_on(tree: Tree, day: date) -> tuple[OpenAction, ...]:
    """Actions decided by *day* and not done by then, most overdue first (as of *day*)."""
    out = []
    for meeting in tree.meetings:
        for item in meeting.items:
            for action in item.actions:
                if open_on(action, meeting.date, day):
                    late = (day - action.due).days if action.due and action.due < day else 0
                    out.append(OpenAction(meeting, item, action, late > 0, late))
    out.sort(key=lambda a: (not a.overdue, -a.days_overdue, a.meeting.date, a.item.section))
    return tuple(out)


def build_annual(
    tree: Tree, overview: Overview, year: int, past: Tree | None = None
) -> AnnualReport:
    """The annual report of *year*, every measure taken back to the year's end.

    *past* is the tree as committed on that day (``--at``), if the repository has it:
    it answers for measures whose update log is silent.
    """
    start, end = date(year, 1, 1), date(year, 12, 31)
    today = overview.today
    span = year_span(year, today)
    before = past.measure_by_id if past is not None else {}
    states = [measure_at(v.measure, span.last, before.get(v.id)) for v in overview.measures]
    views = [measure_view(s.measure, span.last, overview.stale_after_days) for s in states]
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
    cadence = tuple(years[0] for years in cadence_status(tree, today, [year]).values() if years)
    return AnnualReport(
        year=year,
        start=start,
        end=end,
        partial=today <= end,
        completed=tuple(v for v in views if completed_in(v.measure, span)),
        started=tuple(v for v in views if started_in(v.measure, span)),
        slipped=tuple(s for s in (slip(v, span) for v in views) if s is not None),
        new_values=tuple(values),
        decisions=decisions,
        updates=sum(1 for v in views for u in v.measure.updates if u.date in span),
        progress_at_end=tuple(
            year_end(s, v)
            for s, v in zip(states, views, strict=True)
            if s.measure.updates or s.measure.status is not Status.PLANNED
        ),
        cadence=cadence,
        as_of=span.last,
        sources=dict(Counter(s.source for s in states)),
        open_actions=open_actions_on(tree, span.last),
    )


def annual_for(
    tree: Tree,
    overview: Overview,
    requested: int | None,
    history: Callable[[date], Tree | None] | None = None,
) -> AnnualReport | None:
    """The annual report of ``--year``, or of the default year; None when there is none.

    An asked year that cannot be reported raises ``YearNotReportable``; without
    ``--year`` a repository with no full year of data yet renders without the page.
    *history* gives the tree as committed on the year's last day, if git has it.
    """
    try:
        year = choose_year(tree, overview.today, requested)
    except YearNotReportable:
        if requested is not None:
            raise
        return None
    as_of = min(date(year, 12, 31), overview.today)
    past = history(as_of) if history is not None else None
    return build_annual(tree, overview, year, past)
