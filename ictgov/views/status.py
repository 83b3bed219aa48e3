"""The status view: the overview narrowed by filters, and its stable JSON form.

``ictgov status`` renders this in a terminal and prints :func:`status_data` for
scripts; both read the same numbers, so the text and the JSON never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ictgov.load import Tree
from ictgov.model import Health, Status, Strategy
from ictgov.verdicts.cadence import BodyConcern
from ictgov.verdicts.money import MoneyTotals
from ictgov.views.categories import CategoryView, category_views, uncategorised
from ictgov.views.decisions import OpenAction
from ictgov.views.money import Money, build_money
from ictgov.views.overview import (
    GoalView,
    MeasureView,
    Overview,
    Reason,
    counts,
    filter_measures,
    rollup,
)
from ictgov.views.text import plain

#: Bumped when a key of the JSON output changes meaning or disappears. 2: ``attention``
#: lists bodies and overdue actions before measures, each entry with a ``kind``, and
#: ``summary.attention`` counts them all; ``unread`` entries say ``message`` (was
#: ``problem``) and ``kind``.
FORMAT_VERSION = 2


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


def choose_language(
    requested: str | None, configured: str | None, strategy: Strategy | None
) -> str:
    """``--lang``, else the configured language, else the strategy's, else Finnish."""
    for candidate in (requested, configured, strategy.language if strategy else None):
        if candidate:
            return candidate
    return "fi"


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


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def reason_detail(view: MeasureView, reason: Reason) -> dict[str, Any]:
    """One reason as data: the code and the number of days behind it, if any."""
    out: dict[str, Any] = {"reason": reason.value, "days": None}
    if reason in (Reason.OVERDUE, Reason.ON_TRACK_BUT_LATE):
        out["days"] = view.days_overdue
        out["planned_end"] = _iso(view.measure.schedule.planned_end)
    elif reason is Reason.STALE:
        out["days"] = view.days_since_update
        out["last_update"] = _iso(view.last_update)
    return out


def measure_data(report: StatusReport, view: MeasureView) -> dict[str, Any]:
    """One measure as the JSON output shows it."""
    m = view.measure
    return {
        "id": m.id,
        "code": m.code,
        "title": report.text(m.title),
        "goal": m.goals[0] if m.goals else None,
        "goals": list(m.goals),
        "status": m.status.value,
        "health": m.health.value if m.health else None,
        "progress": m.progress,
        "owner": m.responsible,
        "owner_name": report.names.get(m.responsible) if m.responsible else None,
        "followed_by": m.followed_by,
        "last_update": _iso(view.last_update),
        "days_since_update": view.days_since_update,
        "planned_start": _iso(m.schedule.planned_start),
        "planned_end": _iso(m.schedule.planned_end),
        "actual_end": _iso(m.schedule.actual_end),
        "stale": view.stale,
        "overdue": view.overdue,
        "days_overdue": view.days_overdue,
        "attention": [r.value for r in view.reasons],
        "budget": _budget(report.money.measures.get(m.id)),
        "category": m.category,
        "tags": list(m.tags),
    }


def category_data(report: StatusReport, view: CategoryView) -> dict[str, Any]:
    """One category's roll-up, with the same figures the text shows."""
    return {
        "id": view.id,
        "name": report.text(view.category.name),
        "order": view.category.order,
        "measures": [v.id for v in view.measures],
        "count": len(view.measures),
        "progress": _pct(view.progress),
        **_counts_data(view.by_status, view.by_health),
        "overdue": view.overdue,
        "attention": view.attention,
    }


def _budget(money: MoneyTotals | None) -> dict[str, Any] | None:
    """Euros planned, decided and spent, in all and by year; None without any amount."""
    return None if money is None or money.empty else money.as_dict()


def _counts_data(statuses: dict[Status, int], healths: dict[Health, int]) -> dict[str, Any]:
    return {
        "by_status": {s.value: n for s, n in statuses.items()},
        "by_health": {h.value: n for h, n in healths.items()},
    }


def action_data(report: StatusReport, action: OpenAction) -> dict[str, Any]:
    """One open follow-up action of a decision."""
    a = action.action
    return {
        "meeting": action.meeting.id,
        "body": action.meeting.body,
        "date": action.meeting.date.isoformat(),
        "section": action.item.section,
        "record_number": action.item.record_number,
        "what": report.text(a.what),
        "responsible": a.responsible,
        "due": _iso(a.due),
        "overdue": action.overdue,
        "days_overdue": action.days_overdue,
        "concerns": list(action.item.concerns),
    }


def action_number(action: OpenAction) -> int:
    """The action's number within its agenda item (1-based), as ``action done`` takes it."""
    return next(i for i, a in enumerate(action.item.actions, 1) if a is action.action)


def body_concern_data(report: StatusReport, concern: BodyConcern) -> dict[str, Any]:
    """One body behind or out of its cadence, as the JSON attention list shows it.

    ``reason`` is ``never_met`` (no meeting since ``since``), ``missed`` (``held`` of
    ``required`` in ``year``), ``missed_window`` (no meeting in ``window`` of ``year``)
    or ``behind`` (``held`` so far in ``year``, ``required`` by today pro rata).
    """
    window = concern.window
    return {
        "kind": "body",
        "id": concern.body_id,
        "title": report.names.get(concern.body_id, concern.body_id),
        "reason": concern.concern.value,
        "year": concern.year,
        "required": concern.required,
        "held": concern.held,
        "since": concern.since.isoformat(),
        "window": (
            {
                "months": list(window.months),
                "label": report.text(window.label) if window.label is not None else None,
            }
            if window is not None
            else None
        ),
    }


def status_data(report: StatusReport) -> dict[str, Any]:
    """The whole status as plain data: stable keys, measures by code, no timestamps."""
    strategy = report.strategy
    strategy_data = (
        {
            "id": strategy.id,
            "title": report.text(strategy.title),
            "period": (
                {"start": strategy.period.start, "end": strategy.period.end}
                if strategy.period is not None
                else None
            ),
            "vision_horizon": strategy.vision.horizon if strategy.vision is not None else None,
            "language": strategy.language,
        }
        if strategy
        else None
    )
    goals = [
        {
            "id": g.goal.id,
            "code": g.goal.code,
            "title": report.text(g.goal.title),
            "term": g.goal.term.value if g.goal.term else None,
            "progress": _pct(g.progress),
            "budget": _budget(report.money.goals.get(g.goal.id)),
            "measures": [v.id for v in g.measures],
            **_counts_data(g.by_status, g.by_health),
        }
        for g in report.goals
    ]
    attention = [body_concern_data(report, c) for c in report.bodies]
    attention += [
        {"kind": "action", **action_data(report, a), "number": action_number(a)}
        for a in report.late_actions
    ]
    attention += [
        {
            "kind": "measure",
            "id": v.id,
            "code": v.measure.code,
            "title": report.text(v.measure.title),
            "reasons": [reason_detail(v, r) for r in v.reasons],
        }
        for v in report.attention
    ]
    return {
        "format": FORMAT_VERSION,
        "today": report.today.isoformat(),
        "language": report.lang,
        "filters": {
            "goal": report.filters.goal,
            "owner": report.filters.owner,
            "status": report.filters.status.value if report.filters.status else None,
            "category": report.filters.category,
            "tags": list(report.filters.tags),
        },
        "strategy": strategy_data,
        "summary": {
            "measures": len(report.measures),
            "progress": _pct(report.progress),
            **_counts_data(report.by_status, report.by_health),
            "attention": report.attention_count,
            "attention_bodies": len(report.bodies),
            "stale": report.stale_count,
            "overdue": report.overdue_count,
            "open_actions": len(report.actions),
            "overdue_actions": report.late_action_count,
            "load_problems": report.load_problems,
            "budget": _budget(report.money.strategy),
            "projects_budget": _budget(report.money.projects),
            "unread": report.unread,
        },
        "attention": attention,
        "goals": goals,
        "measures": [measure_data(report, v) for v in report.measures],
        "unassigned": [v.id for v in unassigned(report)],
        "categories": [category_data(report, c) for c in report.categories],
        "uncategorised": [v.id for v in report.uncategorised],
        "actions": [action_data(report, a) for a in report.actions],
    }
