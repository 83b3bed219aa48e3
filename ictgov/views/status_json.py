"""The stable JSON form of the status view (``ictgov status --format json``).

Scripts and dashboards read it, so a key never changes meaning silently: a change that
could break a reader bumps :data:`FORMAT_VERSION`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ictgov.model import Health, Status
from ictgov.verdicts.cadence import BodyConcern
from ictgov.verdicts.money import MoneyTotals
from ictgov.views.categories import CategoryView
from ictgov.views.decisions import OpenAction
from ictgov.views.overview import MeasureView, Reason
from ictgov.views.status import StatusReport, unassigned

#: Bumped when a key of the JSON output changes meaning or disappears. 2: ``attention``
#: lists bodies and overdue actions before measures, each entry with a ``kind``, and
#: ``summary.attention`` counts them all; ``unread`` entries say ``message`` (was
#: ``problem``) and ``kind``.
FORMAT_VERSION = 2


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
