"""Views: staleness, overdue, attention order, roll-ups, filters, the status report."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ictgov.load import Tree
from ictgov.model import Goal, Measure, Status, Strategy
from ictgov.views import build_overview, filter_measures, measure_view, rollup
from ictgov.views.detail import field_list, item_detail, participants, suggest
from ictgov.views.overview import Reason, code_key
from ictgov.views.status import Filters, status_report
from ictgov.views.status_json import status_data

TODAY = date(2024, 11, 1)


def m(mid: str, code: str, **fields: Any) -> Measure:
    return Measure.model_validate(
        {"id": mid, "code": code, "title": mid, "goals": ["g1"], **fields}
    )


def tree(*measures: Measure, goals: tuple[str, ...] = ("g1", "g2")) -> Tree:
    t = Tree()
    t.strategy = Strategy.model_validate(
        {
            "id": "s",
            "title": {"fi": "Strategia", "en": "Strategy"},
            "language": "fi",
            "period": {"start": 2023, "end": 2027},
            "vision": {"text": "V", "horizon": 2040},
        }
    )
    t.goals = [Goal(id=g, code=str(i + 1), title=g) for i, g in enumerate(goals)]
    t.measures = list(measures)
    return t


def test_code_key_sorts_numerically() -> None:
    assert sorted(["1.10", "1.2", "2", "10", "1.1"], key=code_key) == [
        "1.1",
        "1.2",
        "1.10",
        "2",
        "10",
    ]


def test_stale_counts_from_the_last_update_then_the_start() -> None:
    active = {"status": "in_progress"}
    fresh = m("a", "1", **active, updates=[{"date": "2024-10-01"}])
    old = m("b", "2", **active, updates=[{"date": "2024-06-01"}])
    never = m("c", "3", **active, schedule={"planned_start": "2024-01-01"})
    planned = m("d", "4", updates=[{"date": "2020-01-01"}])
    views = [measure_view(x, TODAY, 120) for x in (fresh, old, never, planned)]
    assert [v.stale for v in views] == [False, True, True, False]
    assert views[1].days_since_update == 153
    assert views[2].days_since_update is None
    assert measure_view(old, TODAY, 200).stale is False


def test_overdue_only_while_not_closed() -> None:
    late = m("a", "1", status="in_progress", schedule={"planned_end": "2024-10-01"})
    done = m("b", "2", status="completed", progress=100, schedule={"planned_end": "2024-10-01"})
    view = measure_view(late, TODAY, 120)
    assert (view.overdue, view.days_overdue) == (True, 31)
    assert measure_view(done, TODAY, 120).overdue is False


def test_attention_order_off_track_overdue_at_risk_stale() -> None:
    fresh = [{"date": "2024-10-30"}]
    t = tree(
        m("stale", "1", status="in_progress", updates=[{"date": "2024-01-01"}]),
        m("risk", "2", status="in_progress", health="at_risk", updates=fresh),
        m("late", "3", status="on_hold", schedule={"planned_end": "2024-09-01"}),
        m("later", "4", status="planned", schedule={"planned_end": "2024-01-01"}),
        m("off", "5", status="in_progress", health="off_track", updates=fresh),
        m("fine", "6", status="in_progress", health="on_track", updates=fresh),
    )
    overview = build_overview(t, TODAY)
    assert [v.id for v in overview.attention] == ["off", "later", "late", "risk", "stale"]
    assert overview.attention[0].reasons == (Reason.OFF_TRACK,)


def test_rollup_ignores_discontinued_and_counts_per_goal() -> None:
    t = tree(
        m("a", "1", progress=40),
        m("b", "2", progress=100, status="completed"),
        m("c", "3", progress=0, status="discontinued"),
        m("d", "4", progress=10, goals=["g2"]),
        m("e", "5", progress=20, goals=["g1", "g2"]),
    )
    overview = build_overview(t, TODAY)
    g1, g2 = overview.goals
    assert [v.id for v in g1.measures] == ["a", "b", "c", "e"]
    assert g1.progress == pytest.approx((40 + 100 + 20) / 3)
    assert g2.progress == 15
    assert g1.by_status[Status.DISCONTINUED] == 1
    assert rollup([]) is None


def test_filters_keep_code_order_and_combine() -> None:
    t = tree(
        m("x10", "1.10", responsible="board"),
        m("x2", "1.2", followed_by="board", status="in_progress"),
        m("x1", "1.1", goals=["g2"], responsible="board"),
    )
    views = build_overview(t, TODAY).measures
    assert [v.id for v in views] == ["x1", "x2", "x10"]
    assert [v.id for v in filter_measures(views, owner="board")] == ["x1", "x2", "x10"]
    assert [v.id for v in filter_measures(views, owner="board", goal="g1")] == ["x2", "x10"]
    assert [v.id for v in filter_measures(views, status=Status.IN_PROGRESS)] == ["x2"]


def test_status_report_recounts_what_is_shown() -> None:
    t = tree(m("a", "1", progress=50), m("b", "2", progress=100, status="completed", goals=["g2"]))
    overview = build_overview(t, TODAY)
    full = status_report(t, overview)
    assert full.progress == 75 and len(full.goals) == 2
    only = status_report(t, overview, filters=Filters(status=Status.COMPLETED))
    assert [g.goal.id for g in only.goals] == ["g2"]
    assert only.progress == 100
    data = status_data(only)
    assert data["summary"]["measures"] == 1
    assert data["measures"][0]["goal"] == "g2"


def test_detail_of_a_measure_and_suggestions() -> None:
    t = tree(m("a", "1", depends_on={"measures": ["b", "ghost"]}), m("b", "2"))
    detail = item_detail(t, "a", TODAY)
    assert detail is not None and detail.kind == "measure"
    assert [(d.id, d.measure is not None) for d in detail.dependencies] == [
        ("b", True),
        ("ghost", False),
    ]
    assert item_detail(t, "nope", TODAY) is None
    assert suggest(t, "g11") == ["g1"]
    b = item_detail(t, "b", TODAY)
    assert b is not None and [v.id for v in b.dependents] == ["a"]


def test_field_list_flattens_set_fields_in_the_readers_language() -> None:
    x = m("a", "1", title={"fi": "Alfa", "en": "Alpha"}, schedule={"planned_end": "2025-01-01"})
    fields = dict(field_list(x, "en", "fi"))
    assert fields["title"] == "Alpha"
    assert fields["schedule.planned_end"] == date(2025, 1, 1)  # typed: the renderer formats it
    assert "notes" not in fields and "illustrative" not in fields


def test_participants_default_to_members() -> None:
    from ictgov.model import Organisation

    t = tree(m("a", "1"), m("b", "2", participants=["p"]))
    t.organisations = [
        Organisation(id="lead", name="L", role="lead"),
        Organisation(id="mem", name="M"),
        Organisation(id="p", name="P", role="partner"),
    ]
    assert participants(t, t.measures[0]) == ["lead", "mem"]
    assert participants(t, t.measures[1]) == ["p"]
