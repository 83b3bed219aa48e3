"""The status renderer on odd trees: no strategy, measures of unknown goals, nothing."""

from __future__ import annotations

from datetime import date

from ictgov.load import Tree
from ictgov.model import Goal, Measure
from ictgov.render.terminal import Look, reason_text, status_text
from ictgov.views.overview import Reason, build_overview, measure_view
from ictgov.views.status import Filters, status_data, status_report

TODAY = date(2024, 11, 1)


def report(t: Tree, filters: Filters | None = None) -> str:
    return status_text(status_report(t, build_overview(t, TODAY), filters=filters), width=80)


def test_without_a_strategy_and_with_an_unknown_goal() -> None:
    t = Tree()
    t.goals = [Goal(id="g1", code="1", title="Yksi")]
    t.measures = [
        Measure(id="a", code="1", title="Alfa", goals=["g1"]),
        Measure(id="b", code="2", title="Beeta", goals=["ghost"]),
    ]
    text = report(t)
    assert text.startswith("(The strategy file did not load.) Today 1.11.2024.\n")
    assert "MEASURES OF NO KNOWN GOAL (1)" in text
    data = status_data(status_report(t, build_overview(t, TODAY)))
    assert data["strategy"] is None
    assert data["unassigned"] == ["b"]


def test_an_empty_tree_and_a_filter_that_matches_nothing() -> None:
    assert "No measures yet." in report(Tree())
    t = Tree()
    t.measures = [Measure(id="a", code="1", title="Alfa", goals=["g1"])]
    assert "No measures match the filters." in report(t, Filters(owner="nobody"))


def test_reason_words() -> None:
    m = Measure(id="a", code="1", title="A", goals=["g"], status="in_progress", health="at_risk")
    view = measure_view(m, TODAY, 120)
    look = Look(plain=True, lang="en")
    assert reason_text(view, Reason.STALE, 120, look) == "no update recorded (limit 120 days)"
    assert reason_text(view, Reason.AT_RISK, 120, look) == "at risk"


def test_bars_and_dates() -> None:
    plain, fancy = Look(plain=True), Look(plain=False)
    assert plain.bar(40)[0].text == "[###-----]  40%"
    assert "".join(s.text for s in fancy.bar(100)) == "████████ 100%"
    assert plain.bar(None)[0].text == "-"
    assert plain.date(date(2024, 3, 5)) == "5.3.2024"
    assert Look(plain=True, lang="sv").date(date(2024, 3, 5)) == "2024-03-05"
