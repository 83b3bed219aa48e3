"""The status view: the overview narrowed by filters.

``ictgov status`` renders this in a terminal and prints its JSON form
(:mod:`ictgov.views.status_json`) for scripts; both read the same report, so the text
and the JSON never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ictgov.load import Tree
from ictgov.model import Health, Status, Strategy
from ictgov.verdicts.cadence import BodyConcern
from ictgov.views.categories import CategoryView, category_views, uncategorised
from ictgov.views.decisions import OpenAction
from ictgov.views.money import Money, build_money
from ictgov.views.overview import (
    GoalView,
    MeasureView,
    Overview,
    counts,
    filter_measures,
    rollup,
)
from ictgov.views.text import plain


@dataclass(frozen=True)
class Filters:
    """What ``--goal``, ``--owner``, ``--status``, ``--category`` and ``--tag`` asked for."""

    goal: str | None = None
    owner: str | None = None
    status: Status | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """Whether any filter narrows the view."""
        return bool(self.tags) or any(
            v is not None for v in (self.goal, self.owner, self.status, self.category)
        )


@dataclass(frozen=True)
class StatusReport:
    """What ``ictgov status`` shows: counts and roll-ups cover the measures shown."""

    overview: Overview
    filters: Filters
    lang: str
    content_lang: str
    goals: tuple[GoalView, ...]
    measures: tuple[MeasureView, ...]
    attention: tuple[MeasureView, ...]
    actions: tuple[OpenAction, ...]
    by_status: dict[Status, int]
    by_health: dict[Health, int]
    progress: float | None
    #: Responsible/follow-up party id -> short display name.
    names: dict[str, str]
    #: Budget sums of the measures shown, per goal and in all.
    money: Money
    load_problems: int = 0
    #: Bodies behind or out of their cadence (all, or the one ``--owner`` names).
    bodies: tuple[BodyConcern, ...] = ()
    #: How many files did not load: what they hold is missing from everything above.
    unread: int = 0

    @property
    def late_actions(self) -> tuple[OpenAction, ...]:
        """The follow-up actions shown that are past their due date, most overdue first."""
        return tuple(a for a in self.actions if a.overdue)

    @property
    def attention_count(self) -> int:
        """Everything listed first: bodies, overdue actions and measures."""
        return len(self.bodies) + len(self.late_actions) + len(self.attention)

    #: Roll-up per category of the measures shown (empty when none are declared).
    categories: tuple[CategoryView, ...] = ()
    #: Measures shown that name no declared category (only when categories exist).
    uncategorised: tuple[MeasureView, ...] = ()

    @property
    def strategy(self) -> Strategy | None:
        """The strategy, if its file loaded."""
        return self.overview.strategy

    @property
    def today(self) -> date:
        """The date the view is relative to."""
        return self.overview.today

    @property
    def stale_count(self) -> int:
        """How many measures shown are stale."""
        return sum(v.stale for v in self.measures)

    @property
    def overdue_count(self) -> int:
        """How many measures shown are overdue."""
        return sum(v.overdue for v in self.measures)

    @property
    def late_action_count(self) -> int:
        """How many follow-up actions shown are past their due date."""
        return sum(a.overdue for a in self.actions)

    def text(self, value: str | dict[str, str] | None) -> str:
        """A text of the data in the report's language."""
        return plain(value, self.lang, self.content_lang)


def party_names(tree: Tree, lang: str, content_lang: str) -> dict[str, str]:
    """Body and organisation id -> the short name a table column can hold."""
    names: dict[str, str] = {}
    for org in tree.organisations:
        names.setdefault(org.id, plain(org.name, lang, content_lang))
    for body in tree.bodies:
        names[body.id] = plain(body.short_name or body.name, lang, content_lang)
    return names


def _actions_for(
    actions: tuple[OpenAction, ...], filters: Filters, measures: tuple[MeasureView, ...]
) -> tuple[OpenAction, ...]:
    if not filters.active:
        return actions
    shown = {v.id for v in measures}
    out = []
    for action in actions:
        if filters.owner is not None and action.action.responsible != filters.owner:
            continue
        if filters.goal is not None and not (
            filters.goal in action.item.concerns or shown.intersection(action.item.concerns)
        ):
            continue
        narrowed = filters.status is not None or filters.category is not None or filters.tags
        if narrowed and not shown.intersection(action.item.concerns):
            continue
        out.append(action)
    return tuple(out)


def status_report(
    tree: Tree,
    overview: Overview,
    *,
    filters: Filters | None = None,
    lang: str = "fi",
    load_problems: int | None = None,
) -> StatusReport:
    """Narrow *overview* to the filters and recompute counts for what is shown."""
    filters = filters or Filters()
    content_lang = overview.strategy.language if overview.strategy else lang
    measures = filter_measures(
        overview.measures,
        goal=filters.goal,
        owner=filters.owner,
        status=filters.status,
        category=filters.category,
        tags=filters.tags,
    )
    shown = {v.id for v in measures}
    goals = []
    for goal in overview.goals:
        if filters.goal is not None and goal.goal.id != filters.goal:
            continue
        mine = tuple(v for v in goal.measures if v.id in shown)
        if filters.active and not mine and filters.goal is None:
            continue
        statuses, healths = counts(mine)
        goals.append(GoalView(goal.goal, mine, rollup(mine), statuses, healths))
    statuses, healths = counts(measures)
    return StatusReport(
        overview=overview,
        filters=filters,
        lang=lang,
        content_lang=content_lang,
        goals=tuple(goals),
        measures=measures,
        attention=tuple(v for v in overview.attention if v.id in shown),
        actions=_actions_for(overview.open_actions, filters, measures),
        by_status=statuses,
        by_health=healths,
        progress=rollup(measures),
        names=party_names(tree, lang, content_lang),
        money=build_money(tree, tuple(goals), measures),
        load_problems=len(tree.diagnostics) if load_problems is None else load_problems,
        bodies=_bodies_for(overview.bodies, filters),
        unread=len({d.file for d in tree.diagnostics if d.severity.value == "error"}),
        categories=_categories_shown(tree, measures, filters),
        uncategorised=uncategorised(tree.categories, measures) if tree.categories else (),
    )


def _bodies_for(bodies: tuple[BodyConcern, ...], filters: Filters) -> tuple[BodyConcern, ...]:
    """Every body concern unfiltered; with ``--owner``, that body's; else none (measures)."""
    if not filters.active:
        return bodies
    if filters.owner is not None:
        return tuple(b for b in bodies if b.body_id == filters.owner)
    return ()


def _categories_shown(
    tree: Tree, measures: tuple[MeasureView, ...], filters: Filters
) -> tuple[CategoryView, ...]:
    """Every category's roll-up; with a filter, only categories that still have measures."""
    views = category_views(tree.categories, measures)
    if filters.category is not None:
        return tuple(c for c in views if c.id == filters.category)
    if filters.active:
        return tuple(c for c in views if c.measures)
    return views


def unassigned(report: StatusReport) -> tuple[MeasureView, ...]:
    """Measures shown that belong to no known goal (listed after the goals)."""
    in_goals = {v.id for g in report.goals for v in g.measures}
    return tuple(v for v in report.measures if v.id not in in_goals)


# --- JSON -------------------------------------------------------------------
