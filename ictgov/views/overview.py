"""What every report shows, computed once: per-measure facts, goal roll-ups, attention.

Terminal, Markdown and HTML renderers read these views; none of them recomputes
progress or staleness, so all outputs agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ictgov.load import Tree
from ictgov.model import Goal, Health, Measure, Status, Strategy
from ictgov.verdicts.cadence import BodyConcern
from ictgov.verdicts.cadence import concerns as cadence_concerns
from ictgov.verdicts.measures import (
    CLOSED,
    ON_TRACK_LATE_AFTER_DAYS,
    REASON_ORDER,
    Reason,
    attention_reasons,
    days_overdue,
    days_since_update,
    is_overdue,
    is_stale,
    last_update_date,
)
from ictgov.verdicts.progress import count_by_health, count_by_status
from ictgov.verdicts.progress import rollup as rollup_measures
from ictgov.views.decisions import OpenAction, open_actions

__all__ = [
    "CLOSED",
    "REASON_ORDER",
    "GoalView",
    "MeasureView",
    "Overview",
    "Reason",
    "build_overview",
    "code_key",
    "counts",
    "filter_measures",
    "last_update_date",
    "measure_view",
    "rollup",
]


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
    #: Bodies that missed, are behind or never kept their cadence (``verdicts.cadence``).
    bodies: tuple[BodyConcern, ...] = field(default=())

    @property
    def overdue_actions(self) -> tuple[OpenAction, ...]:
        """Follow-up actions past their due date."""
        return tuple(a for a in self.open_actions if a.overdue)

    @property
    def anything_needs_attention(self) -> bool:
        """Whether a body, an overdue action or a measure is listed first."""
        return bool(self.bodies or self.overdue_actions or self.attention)


def code_key(code: str) -> tuple[Any, ...]:
    """Sort ``1.2`` before ``1.10``: numeric parts as numbers."""
    parts: list[tuple[int, Any]] = []
    for part in code.replace("-", ".").split("."):
        parts.append((0, int(part)) if part.isdigit() else (1, part))
    return tuple(parts)


def measure_view(
    measure: Measure,
    today: date,
    stale_after_days: int,
    on_track_late_after_days: int = ON_TRACK_LATE_AFTER_DAYS,
) -> MeasureView:
    """Facts about one measure relative to today, as ``ictgov.verdicts`` judges them."""
    return MeasureView(
        measure=measure,
        last_update=last_update_date(measure),
        days_since_update=days_since_update(measure, today),
        stale=is_stale(measure, today, stale_after_days),
        overdue=is_overdue(measure, today),
        days_overdue=days_overdue(measure, today),
        reasons=attention_reasons(measure, today, stale_after_days, on_track_late_after_days),
    )


def rollup(views: list[MeasureView] | tuple[MeasureView, ...]) -> float | None:
    """Mean progress of the measures shown (discontinued ones do not count)."""
    return rollup_measures(v.measure for v in views)


def counts(
    views: list[MeasureView] | tuple[MeasureView, ...],
) -> tuple[dict[Status, int], dict[Health, int]]:
    """Measures per status, and in-progress measures per health (every key present)."""
    measures = [v.measure for v in views]
    return count_by_status(measures), count_by_health(measures)


def build_overview(
    tree: Tree,
    today: date,
    stale_after_days: int = 120,
    on_track_late_after_days: int = ON_TRACK_LATE_AFTER_DAYS,
) -> Overview:
    """Compute the overview of a tree. Measures are ordered by code."""
    measures = sorted(tree.measures, key=lambda m: (code_key(m.code), m.id))
    views = tuple(
        measure_view(m, today, stale_after_days, on_track_late_after_days) for m in measures
    )
    goal_views = []
    known_goals = {g.id for g in tree.goals}
    for goal in sorted(tree.goals, key=lambda g: (code_key(g.code), g.id)):
        mine = tuple(v for v in views if goal.id in v.measure.goals)
        statuses, healths = counts(mine)
        goal_views.append(GoalView(goal, mine, rollup(mine), statuses, healths))
    unassigned = tuple(v for v in views if not known_goals.intersection(v.measure.goals))
    statuses, healths = counts(views)
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
        bodies=cadence_concerns(
            tree.bodies, tree.meetings, tree.strategy.period if tree.strategy else None, today
        ),
    )


def filter_measures(
    views: tuple[MeasureView, ...],
    *,
    goal: str | None = None,
    owner: str | None = None,
    status: Status | None = None,
    category: str | None = None,
    tags: tuple[str, ...] = (),
) -> tuple[MeasureView, ...]:
    """Measures matching every given filter (owner matches responsible or followed_by).

    Several *tags* narrow together: a measure must carry each of them.
    """
    out = []
    for view in views:
        m = view.measure
        if goal is not None and goal not in m.goals:
            continue
        if owner is not None and owner not in (m.responsible, m.followed_by):
            continue
        if status is not None and m.status != status:
            continue
        if category is not None and m.category != category:
            continue
        if tags and not set(tags).issubset(m.tags):
            continue
        out.append(view)
    return tuple(out)
