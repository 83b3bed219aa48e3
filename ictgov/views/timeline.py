"""Every measure and major project on one time axis, in dates (not pixels).

The renderers turn this into a Gantt chart and a table; keeping the view in dates
lets both show the same thing and lets a test reason about it without geometry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ictgov.load import Tree
from ictgov.model import Health, MajorProject, Measure, Status, Text
from ictgov.verdicts.measures import effective_health
from ictgov.views.overview import Overview


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of the chart: planned span and, for measures, the actual one."""

    id: str
    kind: str  # "measure" or "project"
    code: str
    title: Text
    start: date | None
    end: date | None
    actual_start: date | None
    actual_end: date | None
    status: Status | None
    health: Health | None
    #: Major projects (ids) a measure waits for.
    projects: tuple[str, ...]

    @property
    def scheduled(self) -> bool:
        """Whether there is anything to draw."""
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class Timeline:
    """The axis (from the period's first day to its last), today, and the rows."""

    start: date
    end: date
    today: date
    period: tuple[int, int] | None
    measures: tuple[Bar, ...]
    projects: tuple[Bar, ...]

    @property
    def years(self) -> tuple[int, ...]:
        """Every calendar year the axis touches."""
        return tuple(range(self.start.year, self.end.year + 1))

    @property
    def today_in_range(self) -> bool:
        """Whether today's line falls on the axis."""
        return self.start <= self.today <= self.end

    @property
    def unscheduled(self) -> tuple[Bar, ...]:
        """Measures with no dates at all."""
        return tuple(b for b in self.measures if not b.scheduled)


def measure_bar(measure: Measure) -> Bar:
    """The bar of a measure: planned dates, falling back to actual ones."""
    plan = measure.schedule
    return Bar(
        id=measure.id,
        kind="measure",
        code=measure.code,
        title=measure.title,
        start=plan.planned_start or plan.actual_start,
        end=plan.planned_end or plan.actual_end,
        actual_start=plan.actual_start,
        actual_end=plan.actual_end,
        status=measure.status,
        health=effective_health(measure),
        projects=tuple(measure.depends_on.projects),
    )


def project_bar(project: MajorProject) -> Bar:
    """The bar of a major project."""
    return Bar(
        id=project.id,
        kind="project",
        code="",
        title=project.name,
        start=project.start,
        end=project.end,
        actual_start=None,
        actual_end=None,
        status=None,
        health=None,
        projects=(),
    )


def build_timeline(tree: Tree, overview: Overview) -> Timeline:
    """The timeline of the tree: the strategy period, widened to fit every dated row."""
    measures = tuple(measure_bar(v.measure) for v in overview.measures)
    projects = tuple(project_bar(p) for p in tree.projects)
    dates = [
        d
        for bar in (*measures, *projects)
        for d in (bar.start, bar.end, bar.actual_start, bar.actual_end)
        if d is not None
    ]
    span = tree.strategy.period if tree.strategy else None
    period = (span.start, span.end) if span is not None else None
    if period is not None:
        dates += [date(period[0], 1, 1), date(period[1], 12, 31)]
    if not dates:
        dates = [date(overview.today.year, 1, 1), date(overview.today.year, 12, 31)]
    first, last = min(dates), max(dates)
    return Timeline(
        start=date(first.year, 1, 1),
        end=date(last.year, 12, 31),
        today=overview.today,
        period=period,
        measures=measures,
        projects=projects,
    )
