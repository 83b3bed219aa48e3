"""What every report shows, computed once: per-measure facts, goal roll-ups, attention.

Terminal, Markdown and HTML renderers read these views; none of them recomputes
progress or staleness, so all outputs agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from ictgov.load import Tree
from ictgov.model import Goal, Health, Measure, Status, Strategy
from ictgov.views.decisions import OpenAction, open_actions

#: Statuses after which a measure no longer needs following.
CLOSED = frozenset({Status.COMPLETED, Status.DISCONTINUED})


class Reason(StrEnum):
    """Why a measure needs attention, most serious first."""

    OFF_TRACK = "off_track"
    OVERDUE = "overdue"
    AT_RISK = "at_risk"
    STALE = "stale"


REASON_ORDER = {reason: rank for rank, reason in enumerate(Reason)}


@dataclass(frozen=True)
class MeasureView:
    """A measure with everything a report row needs, relative to *today*."""

    measure: Measure
    last_update: date | None
    days_since_update: int | None
    stale: bool
    overdue: bool
    days_overdue: int
    reasons: tuple[Reason, ...]

    @property
    def id(self) -> str:
        """The measure's id."""
        return self.measure.id

    @property
    def needs_attention(self) -> bool:
        """Whether any reason applies."""
        return bool(self.reasons)


@dataclass(frozen=True)
class GoalView:
    """A goal with its measures and their roll-up."""

    goal: Goal
    measures: tuple[MeasureView, ...]
    progress: float | None
    by_status: dict[Status, int]
    by_health: dict[Health, int]


@dataclass(frozen=True)
class Overview:
    """The whole strategy at a glance."""

    strategy: Strategy | None
    today: date
    stale_after_days: int
    goals: tuple[GoalView, ...]
    measures: tuple[MeasureView, ...]
    unassigned: tuple[MeasureView, ...]
    by_status: dict[Status, int]
    by_health: dict[Health, int]
    progress: float | None
    attention: tuple[MeasureView, ...]
    open_actions: tuple[OpenAction, ...] = field(default=())

    @property
    def overdue_actions(self) -> tuple[OpenAction, ...]:
        """Follow-up actions past their due date."""
        return tuple(a for a in self.open_actions if a.overdue)


def code_key(code: str) -> tuple[Any, ...]:
    """Sort ``1.2`` before ``1.10``: numeric parts as numbers."""
    parts: list[tuple[int, Any]] = []
    for part in code.replace("-", ".").split("."):
        parts.append((0, int(part)) if part.isdigit() else (1, part))
    return tuple(parts)


def last_update_date(measure: Measure) -> date | None:
    """Date of the newest update-log entry."""
    entry = measure.last_update
    return entry.date if entry else None


def measure_view(measure: Measure, today: date, stale_after_days: int) -> MeasureView:
    """Facts about one measure relative to today."""
    last = last_update_date(measure)
    since = (today - last).days if last else None
    active = measure.status == Status.IN_PROGRESS
    reference = last or measure.schedule.actual_start or measure.schedule.planned_start
    # With no update and no start date there is nothing to measure staleness from.
    stale = active and reference is not None and (today - reference).days > stale_after_days
    end = measure.schedule.planned_end
    overdue = measure.status not in CLOSED and end is not None and end < today
    reasons: list[Reason] = []
    if active and measure.health == Health.OFF_TRACK:
        reasons.append(Reason.OFF_TRACK)
    if overdue:
        reasons.append(Reason.OVERDUE)
    if active and measure.health == Health.AT_RISK:
        reasons.append(Reason.AT_RISK)
    if stale:
        reasons.append(Reason.STALE)
    return MeasureView(
        measure=measure,
        last_update=last,
        days_since_update=since,
        stale=stale,
        overdue=overdue,
        days_overdue=(today - end).days if overdue and end else 0,
        reasons=tuple(reasons),
    )


def rollup(views: list[MeasureView] | tuple[MeasureView, ...]) -> float | None:
    """Mean progress of measures that still count (discontinued ones do not)."""
    counted = [v.measure.progress for v in views if v.measure.status != Status.DISCONTINUED]
    return sum(counted) / len(counted) if counted else None


def _counts(
    views: list[MeasureView] | tuple[MeasureView, ...],
) -> tuple[dict[Status, int], dict[Health, int]]:
    statuses = Counter(v.measure.status for v in views)
    healths = Counter(
        v.measure.health
        for v in views
        if v.measure.health is not None and v.measure.status == Status.IN_PROGRESS
    )
    return {s: statuses.get(s, 0) for s in Status}, {h: healths.get(h, 0) for h in Health}


def build_overview(tree: Tree, today: date, stale_after_days: int = 120) -> Overview:
    """Compute the overview of a tree. Measures are ordered by code."""
    measures = sorted(tree.measures, key=lambda m: (code_key(m.code), m.id))
    views = tuple(measure_view(m, today, stale_after_days) for m in measures)
    goal_views = []
    known_goals = {g.id for g in tree.goals}
    for goal in sorted(tree.goals, key=lambda g: (code_key(g.code), g.id)):
        mine = tuple(v for v in views if goal.id in v.measure.goals)
        statuses, healths = _counts(mine)
        goal_views.append(GoalView(goal, mine, rollup(mine), statuses, healths))
    unassigned = tuple(v for v in views if not known_goals.intersection(v.measure.goals))
    statuses, healths = _counts(views)
    attention = tuple(
        sorted(
            (v for v in views if v.reasons),
            key=lambda v: (REASON_ORDER[v.reasons[0]], -v.days_overdue, code_key(v.measure.code)),
        )
    )
    return Overview(
        strategy=tree.strategy,
        today=today,
        stale_after_days=stale_after_days,
        goals=tuple(goal_views),
        measures=views,
        unassigned=unassigned,
        by_status=statuses,
        by_health=healths,
        progress=rollup(views),
        attention=attention,
        open_actions=tuple(open_actions(tree, today)),
    )


def filter_measures(
    views: tuple[MeasureView, ...],
    *,
    goal: str | None = None,
    owner: str | None = None,
    status: Status | None = None,
) -> tuple[MeasureView, ...]:
    """Measures matching every given filter (owner matches responsible or followed_by)."""
    out = []
    for view in views:
        m = view.measure
        if goal is not None and goal not in m.goals:
            continue
        if owner is not None and owner not in (m.responsible, m.followed_by):
            continue
        if status is not None and m.status != status:
            continue
        out.append(view)
    return tuple(out)
