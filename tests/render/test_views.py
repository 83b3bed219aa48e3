"""The report views: cadence, timeline, annual report, measure details, helpers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from ictgov.load import Tree
from ictgov.model import Cadence, Meeting, Schedule, Status, UpdateEntry
from ictgov.project import Project
from ictgov.render.charts import gantt, line_chart, nice_step
from ictgov.render.links import safe_url
from ictgov.render.markdown import escape_inline, link_target, tidy
from ictgov.views.annual import build_annual, default_year
from ictgov.views.governance import (
    CadenceState,
    build_governance,
    cadence_status,
    meetings_per_year,
)
from ictgov.views.overview import build_overview
from ictgov.views.report import (
    ScheduleState,
    goal_details,
    measure_details,
    organisation_pages,
    responsibilities,
    schedule_state,
    series_view,
)
from ictgov.views.timeline import build_timeline
from tests.conftest import TODAY


@pytest.fixture
def tree(minimal_root: Path) -> Tree:
    return Project.open(minimal_root).tree()


def _meeting(body: str, day: date) -> Meeting:
    return Meeting(id=f"{body}-{day}", body=body, date=day)


# -- governance ---------------------------------------------------------------------


def test_meetings_per_year_counts_held_meetings(tree: Tree) -> None:
    assert meetings_per_year(tree) == {"board": {2023: 1}, "mgmt": {2024: 2}}
    tree.meetings.append(_meeting("mgmt", date(2024, 12, 1)))
    assert meetings_per_year(tree)["mgmt"] == {2024: 3}
    assert meetings_per_year(tree, TODAY)["mgmt"] == {2024: 2}  # the future one is not held


def test_cadence_is_met_missed_behind_or_pending(tree: Tree) -> None:
    status = cadence_status(tree, TODAY)
    assert set(status) == {"mgmt"}  # only bodies with a cadence
    by_year = {c.year: c for c in status["mgmt"]}
    # Judged from its first recorded meeting (2024) on, not for 2023: as lint FU04 does.
    assert list(by_year) == [2024]
    assert by_year[2024].state == CadenceState.MET and by_year[2024].held == 2
    board = tree.body_by_id["board"]  # met once, in 2023
    tree.bodies[tree.bodies.index(board)] = board.model_copy(
        update={"cadence": Cadence(meetings_per_year=4)}
    )
    board_years = {c.year: c for c in cadence_status(tree, TODAY)["board"]}
    assert board_years[2023].state == CadenceState.MISSED and board_years[2023].missing == 3
    # Without established, from the period start; by November it should have met 3 times.
    assert board_years[2024].state == CadenceState.BEHIND and board_years[2024].held == 0
    assert max(board_years) == 2024  # not judged beyond today's year


def test_governance_groups_bodies_by_level(tree: Tree) -> None:
    gov = build_governance(tree, TODAY)
    assert [(level.value, [b.id for b in bodies]) for level, bodies in gov.levels] == [
        ("strategic", ["board", "mgmt"]),
        ("tactical", ["steering"]),
    ]
    mgmt = next(b for b in gov.bodies if b.id == "mgmt")
    assert mgmt.reports_to is not None and mgmt.reports_to.id == "board"
    assert [b.id for b in mgmt.reporting] == ["steering"]
    assert len(mgmt.meetings) == 2


# -- measure and goal details -------------------------------------------------------


def test_measure_details_resolve_everything(tree: Tree) -> None:
    details = measure_details(tree, build_overview(tree, TODAY))
    alpha, beta = details["m-alpha"], details["m-beta"]
    assert alpha.responsible is not None and alpha.responsible.kind == "body"
    assert alpha.all_members and [p.id for p in alpha.participants] == ["tampere", "orivesi"]
    assert [r.id for r in alpha.projects] == ["big-procurement"]
    assert [m.id for m in alpha.required_by] == ["m-beta"]
    assert [r.id for r in beta.depends_on] == ["m-alpha"]
    assert [d.meeting.id for d in alpha.decisions] == ["mgmt-2024-03-01", "mgmt-2024-09-01"]
    assert [u.date for u in alpha.updates] == [date(2024, 10, 15), date(2024, 3, 1)]
    assert alpha.schedule == ScheduleState.ON_SCHEDULE
    assert alpha.time_elapsed == pytest.approx(305 / 911, abs=0.01)
    assert beta.schedule == ScheduleState.FINISHED_ON_TIME


@pytest.mark.parametrize(
    ("status", "plan", "expected"),
    [
        (Status.PLANNED, Schedule(), ScheduleState.UNSCHEDULED),
        (Status.PLANNED, Schedule(planned_start=date(2025, 1, 1)), ScheduleState.NOT_STARTED),
        (Status.PLANNED, Schedule(planned_start=date(2024, 1, 1)), ScheduleState.LATE_START),
        (Status.IN_PROGRESS, Schedule(planned_end=date(2024, 6, 1)), ScheduleState.OVERDUE),
        # On hold past its planned end is overdue, as status and lint FU02 say it is.
        (Status.ON_HOLD, Schedule(planned_end=date(2024, 6, 1)), ScheduleState.OVERDUE),
        (Status.ON_HOLD, Schedule(planned_end=date(2025, 6, 1)), ScheduleState.ON_HOLD),
        (Status.DISCONTINUED, Schedule(planned_end=date(2024, 6, 1)), ScheduleState.CLOSED),
        (
            Status.COMPLETED,
            Schedule(planned_end=date(2024, 6, 1), actual_end=date(2024, 7, 1)),
            ScheduleState.FINISHED_LATE,
        ),
    ],
)
def test_schedule_state(tree: Tree, status: Status, plan: Schedule, expected: str) -> None:
    m = tree.measure_by_id["m-alpha"].model_copy(update={"status": status, "schedule": plan})
    assert schedule_state(m, TODAY) == expected


def test_series_knows_whether_the_target_was_reached(tree: Tree) -> None:
    indicator = tree.measure_by_id["m-alpha"].indicator
    series = series_view(indicator)
    assert series is not None and series.quantitative
    assert series.latest is not None and series.latest.value == 30
    assert series.target_reached is False
    assert series_view(tree.measure_by_id["m-beta"].indicator).quantitative is False  # type: ignore[union-attr]


def test_goal_details_and_owners(tree: Tree) -> None:
    overview = build_overview(tree, TODAY)
    goals = goal_details(tree, overview)
    assert [vp.id for vp in goals["g1"].value_promises] == ["vp1"]
    owners = responsibilities(tree, overview)
    assert [o.owner.id for o in owners] == ["mgmt", "steering"]
    mgmt = owners[0]
    assert [v.id for v in mgmt.responsible] == ["m-beta"]
    assert [v.id for v in mgmt.follows] == ["m-alpha", "m-beta"]


def test_organisations_take_part_by_default_or_by_name(tree: Tree) -> None:
    beta = tree.measure_by_id["m-beta"]
    tree.measures[tree.measures.index(beta)] = beta.model_copy(update={"participants": ["orivesi"]})
    pages = {p.organisation.id: p for p in organisation_pages(tree, build_overview(tree, TODAY))}
    assert [v.id for v in pages["tampere"].participates] == ["m-alpha"]
    assert [v.id for v in pages["orivesi"].participates] == ["m-alpha", "m-beta"]
    assert [(b.id, s.post) for b, s in pages["tampere"].seats] == [
        ("mgmt", "Tietohallintojohtaja, Tampere")
    ]


# -- timeline -----------------------------------------------------------------------


def test_timeline_spans_the_period_and_every_date(tree: Tree) -> None:
    timeline = build_timeline(tree, build_overview(tree, TODAY))
    assert (timeline.start, timeline.end) == (date(2023, 1, 1), date(2027, 12, 31))
    assert timeline.today_in_range and timeline.years == (2023, 2024, 2025, 2026, 2027)
    assert [b.id for b in timeline.measures] == ["m-alpha", "m-beta"]
    assert timeline.measures[0].projects == ("big-procurement",)
    chart = gantt(timeline)
    assert len(chart.rows) == 3  # the project and two measures
    assert chart.today_x is not None
    xs = [y.pos for y in chart.years]
    assert xs == sorted(xs) and chart.label_width <= xs[0] < chart.width


# -- annual report ------------------------------------------------------------------


def test_annual_report_reconstructs_the_year(tree: Tree) -> None:
    assert default_year(TODAY) == 2023
    report = build_annual(tree, build_overview(tree, TODAY), 2024)
    assert report.partial  # today is in 2024
    assert [v.id for v in report.started] == ["m-alpha"]  # first in-progress update
    assert [v.id for v in report.completed] == []  # m-beta ends 2024-11-30, after today
    assert [d.meeting.id for d in report.decisions] == ["mgmt-2024-03-01", "mgmt-2024-09-01"]
    assert report.new_values == ()  # the 2024-12-31 value is not measured yet
    assert report.updates == 2  # m-beta's update of 2024-11-30 is after today
    assert [(c.body_id, c.state) for c in report.cadence] == [("mgmt", CadenceState.MET)]
    ends = {ye.view.id: ye.progress for ye in report.progress_at_end}
    assert ends == {"m-alpha": 40}


def test_annual_report_finds_completions_and_slips(tree: Tree) -> None:
    alpha = tree.measure_by_id["m-alpha"]
    late = alpha.model_copy(
        update={
            "schedule": Schedule(planned_start=date(2023, 1, 1), planned_end=date(2023, 6, 30)),
            "updates": [
                *alpha.updates,
                UpdateEntry(date=date(2023, 2, 1), status=Status.IN_PROGRESS),
            ],
        }
    )
    tree.measures[tree.measures.index(alpha)] = late
    today = date(2025, 2, 1)
    report = build_annual(tree, build_overview(tree, today), 2023)
    assert not report.partial
    assert [(s.view.id, s.days_late) for s in report.slipped] == [("m-alpha", 184)]
    assert [v.id for v in report.started] == ["m-alpha"]
    done = build_annual(tree, build_overview(tree, today), 2024)
    assert [v.id for v in done.completed] == ["m-beta"]
    assert [(n.owner.id, n.observation.value) for n in done.new_values] == [("m-alpha", 30.0)]


# -- small helpers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.fi/a?b=1", True),
        ("http://example.fi", True),
        ("mailto:kirjaamo@example.fi", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("vbscript:msgbox(1)", False),
        ("//evil.example", False),
        ("/etc/passwd", False),
        ("https:evil", False),
        ("", False),
        (None, False),
    ],
)
def test_only_http_https_and_mailto_are_links(url: str | None, safe: bool) -> None:
    assert (safe_url(url) is not None) is safe


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("- not a list", r"\- not a list"),
        ("12. not a list", r"12\. not a list"),
        ("1.2 code stays", "1.2 code stays"),
        ("# not a heading\nnext", r"\# not a heading next"),
        ("a | b", r"a \| b"),
        ("[x](javascript:y)", r"\[x\](javascript:y)"),
        ("AT&T *bold* _em_ `code`", r"AT\&T \*bold\* \_em\_ \`code\`"),
    ],
)
def test_markdown_escaping(text: str, escaped: str) -> None:
    assert escape_inline(text) == escaped


def test_markdown_link_targets_cannot_break_out() -> None:
    assert link_target("https://x.fi/a b)(<c>") == "<https://x.fi/a%20b%29%28%3Cc%3E>"


def test_tidy_spaces_blocks() -> None:
    assert tidy("text\n# H\nbody\n\n\n\n| a |\n|---|\n---\n\n") == (
        "text\n\n# H\n\nbody\n\n| a |\n|---|\n\n---\n"
    )


def test_nice_steps_and_chart_geometry(tree: Tree) -> None:
    assert [nice_step(s) for s in (100, 7, 0.3, 0)] == [20.0, 2.0, 0.1, 1.0]
    chart = line_chart(series_view(tree.measure_by_id["m-alpha"].indicator))  # type: ignore[arg-type]
    assert chart is not None
    assert chart.baseline is not None and chart.target is not None
    assert chart.target.y < chart.baseline.y  # higher values are drawn higher
    assert chart.top <= chart.points[0].y <= chart.height - chart.bottom
    assert [t.value for t in chart.y_ticks][:2] == [0.0, 20.0]


def test_views_do_not_change_the_tree(tree: Tree) -> None:
    before = [m.model_dump() for m in tree.measures]
    overview = build_overview(tree, TODAY)
    measure_details(tree, overview)
    build_annual(tree, overview, 2024)
    assert [m.model_dump() for m in tree.measures] == before
    assert replace(tree) is not tree
