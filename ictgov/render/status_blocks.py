"""``ictgov status`` as blocks: attention first, then goals, actions, summary and trend.

Laid out once with a :class:`~ictgov.render.look.Look` and drawn by
:mod:`ictgov.render.terminal` (rich in a terminal, plain text when piped).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from ictgov.model import Health, Status, Strategy
from ictgov.render.attention_blocks import attention_blocks, counted
from ictgov.render.blocks import (
    Block,
    Column,
    Heading,
    Line,
    Span,
    Table,
    cell,
    fit,
    to_plain,
)
from ictgov.views.overview import GoalView, MeasureView
from ictgov.views.status import StatusReport, unassigned

if TYPE_CHECKING:
    from ictgov.views.trend import TrendPoint

from ictgov.render.category_blocks import category_blocks
from ictgov.render.look import WIDE, Look
from ictgov.render.money_text import budget_line, term_text

# --- status -----------------------------------------------------------------


def measures_count(n: int, look: Look) -> str:
    """``1 measure`` / ``3 measures`` in the reader's language."""
    return look.ngettext("%(n)s measure", "%(n)s measures", n)


def _period_line(strategy: Strategy, today: str, look: Look) -> str:
    """Period, vision and today; a cooperation model may have no period or no vision."""
    period, vision = strategy.period, strategy.vision
    if period is not None and vision is not None:
        return look._(
            "Period %(start)s-%(end)s, vision %(horizon)s. Today %(today)s.",
            start=period.start,
            end=period.end,
            horizon=vision.horizon,
            today=today,
        )
    parts = []
    if period is not None:
        parts.append(look._("Period %(start)s-%(end)s.", start=period.start, end=period.end))
    if vision is not None:
        parts.append(look._("Vision %(horizon)s.", horizon=vision.horizon))
    parts.append(look._("Today %(today)s.", today=today))
    return " ".join(parts)


def _header(report: StatusReport, look: Look) -> list[Block]:
    strategy = report.strategy
    out: list[Block] = []
    today = look.date(report.today)
    if strategy is not None:
        title = report.text(strategy.title)
        out.append(Line((look.span(fit(title, look.width), "bold"),)))
        out.append(Line(cell(_period_line(strategy, today, look))))
    else:
        out.append(
            Line(cell(look._("(The strategy file did not load.) Today %(today)s.", today=today)))
        )
    filters = report.filters
    if filters.active:
        parts = []
        if filters.goal is not None:
            parts.append(look._("goal %(value)s", value=filters.goal))
        if filters.owner is not None:
            parts.append(look._("owner %(value)s", value=filters.owner))
        if filters.status is not None:
            parts.append(look._("status %(value)s", value=filters.status.value))
        if filters.category is not None:
            parts.append(look._("category %(value)s", value=filters.category))
        parts += [look._("tag %(value)s", value=tag) for tag in filters.tags]
        only = look._(
            "Only %(filters)s: counts cover the measures shown.", filters=", ".join(parts)
        )
        out.append(Line(cell(only)))
    progress = look.percent(report.progress)
    out.append(
        Line(
            cell(
                look.ngettext(
                    "%(measures)s, overall progress %(progress)s, %(n)s needs attention.",
                    "%(measures)s, overall progress %(progress)s, %(n)s need attention.",
                    report.attention_count,
                    measures=measures_count(len(report.measures), look),
                    progress=progress,
                )
            )
        )
    )
    return out


def breakdown(goal: GoalView, look: Look) -> str:
    """``3 measures: 2 in progress, 1 completed (1 at risk)``."""
    parts = [f"{c} {look.status_word(s)}" for s, c in goal.by_status.items() if c]
    risky = [
        f"{c} {look.health_word(h)}"
        for h, c in goal.by_health.items()
        if c and h != Health.ON_TRACK
    ]
    text = measures_count(len(goal.measures), look)
    if parts:
        text += ": " + ", ".join(parts)
    if risky:
        text += " (" + ", ".join(risky) + ")"
    return text


def measure_table(
    report: StatusReport, look: Look, views: Sequence[MeasureView], code_width: int
) -> Table:
    """Measures in rows: one line each when wide, two lines each at 80 columns."""
    wide = look.width >= WIDE
    code = Column(look._("Code"), width=code_width)
    h_measure, h_owner = look._("Measure"), look._("Responsible")
    h_status, h_health = look._("Status"), look._("Health")
    h_updated, h_ends = look._("Updated"), look._("Ends")
    progress = Column(look._("Progress"), width=max(look.bar_width, len(look._("Progress"))))
    status_width, health_width = look.status_width(h_status), look.health_width(h_health)
    if wide:
        columns = [
            code,
            Column(h_measure, ratio=2),
            Column(h_owner, ratio=1, min_width=14),
            Column(h_status, width=status_width),
            Column(h_health, width=health_width),
            progress,
            Column(h_updated, width=max(look.date_width, len(h_updated))),
            Column(h_ends, width=max(look.date_width, len(h_ends))),
        ]
    else:
        columns = [
            code,
            Column(f"{h_measure}\n{h_owner}", min_width=16),
            Column(f"{h_status}\n{h_health}", width=max(status_width, health_width)),
            progress,
            Column(
                f"{h_updated}\n{h_ends}",
                width=max(look.date_width, len(h_updated), len(h_ends)),
            ),
        ]
    table = Table(columns)
    for view in views:
        m = view.measure
        owner = report.names.get(m.responsible, m.responsible) if m.responsible else "-"
        title = report.text(m.title)
        updated = look.span(look.date(view.last_update), "magenta" if view.stale else "")
        ends = look.span(look.date(m.schedule.planned_end), "red" if view.overdue else "")
        status, health = look.status(m.status), look.health(m.health, m.status)
        if wide:
            bar = look.bar(m.progress)
            table.add(m.code, title, owner, status, health, bar, (updated,), (ends,))
        else:
            table.add(
                m.code,
                cell(f"{title}\n{owner}"),
                (*status, Span("\n"), *health),
                look.bar(m.progress),
                (updated, Span("\n"), ends),
            )
    return table


def _goal_heading(report: StatusReport, look: Look, goal: GoalView) -> Table:
    table = Table([Column(min_width=20), Column(width=look.bar_width)], show_header=False)
    goal_code = look._("Goal %(code)s", code=goal.goal.code)
    label = f"{goal_code}: {report.text(goal.goal.title)}"
    table.add((look.span(label, "bold"),), look.bar(goal.progress))
    term = term_text(goal.goal.term, look)
    counts = breakdown(goal, look)
    table.add((look.span(f"{term} · {counts}" if term else counts, "dim"),), "", wrap=True)
    money = report.money.goals.get(goal.goal.id)
    budget = budget_line(money.total, look) if money is not None else None
    if budget:
        table.add((look.span(budget, "dim"),), "", wrap=True)
    return table


def _goals(report: StatusReport, look: Look) -> list[Block]:
    rest = unassigned(report)
    every = [v for g in report.goals for v in g.measures] + list(rest)
    code_width = max([4, len(look._("Code")), *(len(v.measure.code) for v in every)])
    out: list[Block] = []
    for goal in report.goals:
        out += [Line(()), _goal_heading(report, look, goal)]
        if goal.measures:
            out.append(measure_table(report, look, goal.measures, code_width))
    if rest:
        title = look._("Measures not linked to a known goal")
        out += [Line(()), Heading(counted(title, len(rest)))]
        out.append(measure_table(report, look, rest, code_width))
    if not report.measures:
        none = (
            look._("No measures match the filters.")
            if report.filters.active
            else look._("No measures yet.")
        )
        out += [Line(()), Line(cell(none))]
    return out


def _actions(report: StatusReport, look: Look) -> list[Block]:
    actions = report.actions
    late = sum(a.overdue for a in actions)
    heading = look._(
        "Decision follow-up: %(open)s open, %(late)s overdue", open=len(actions), late=late
    )
    out: list[Block] = [Line(()), Heading(heading)]
    if not actions:
        return out
    rows: list[tuple[Span, str, str]] = []
    for action in actions:
        a = action.action
        who = report.names.get(a.responsible, a.responsible) if a.responsible else None
        meeting = action.meeting
        body = report.names.get(meeting.body, meeting.body)
        rows.append(
            (
                action_state(look, action.overdue, action.days_overdue, a.due),
                report.text(a.what),
                decided_by(look, body, meeting.date, action.item.section, who),
            )
        )
    table = Table(
        [Column(width=state_width(r[0] for r in rows)), Column(wrap=True)], show_header=False
    )
    for state, what, decided in rows:
        table.add((state,), what)
        table.add("", (look.span(decided, "dim"),))
    out.append(table)
    return out


def action_state(look: Look, overdue: bool, days_overdue: int, due: date | None) -> Span:
    """``late 12 d``, ``due 1.12.2024`` or ``no due date`` for an open action."""
    if overdue:
        return look.span(look._("late %(n)s d", n=days_overdue), "bold red")
    if due is not None:
        return Span(look._("due %(date)s", date=look.date(due)))
    return look.span(look._("no due date"), "dim")


def decided_by(look: Look, body: str, day: date, section: int, who: str | None) -> str:
    """Who decided an action (body, date, section) and who is to do it."""
    return look._(
        "decided by %(decided)s; to do: %(who)s",
        decided=f"{body} {look.date(day)} §{section}",
        who=who or look._("nobody named"),
    )


def state_width(states: Iterable[Span], least: int = 14, most: int = 24) -> int:
    """A column as wide as its longest state text, within *least* and *most*."""
    return max(least, min(most, max((len(s.text) for s in states), default=0)))


def _summary(report: StatusReport, look: Look) -> list[Block]:
    statuses = ", ".join(f"{look.status_word(s)} {n}" for s, n in report.by_status.items())
    healths = ", ".join(f"{look.health_word(h)} {n}" for h, n in report.by_health.items())
    stale = sum(v.stale for v in report.measures)
    overdue = sum(v.overdue for v in report.measures)
    return [
        Line(()),
        Heading(look._("Summary")),
        Line(cell(look._("Status: %(counts)s.", counts=statuses))),
        Line(cell(look._("Health of those in progress: %(counts)s.", counts=healths))),
        Line(
            cell(
                look._(
                    "Stale (no update for over %(days)s days): %(stale)s; overdue: %(overdue)s.",
                    days=report.overview.stale_after_days,
                    stale=stale,
                    overdue=overdue,
                )
            )
        ),
        *(
            [Line(cell(budget))]
            if (budget := budget_line(report.money.strategy.total, look))
            else []
        ),
    ]


def status_blocks(report: StatusReport, look: Look) -> list[Block]:
    """The whole status view, what needs attention first."""
    return [
        *_header(report, look),
        *attention_blocks(report, look),
        *category_blocks(report, look),
        *_goals(report, look),
        *_actions(report, look),
        *_summary(report, look),
    ]


def status_text(
    report: StatusReport, width: int = 80, trend: Sequence[TrendPoint] | None = None
) -> str:
    """The plain text of the status view, as a pipe gets it."""
    look = Look(plain=True, width=width, lang=report.lang)
    blocks = status_blocks(report, look)
    if trend is not None:
        blocks += trend_blocks(trend, look)
    return to_plain(blocks, width)


def trend_headers(look: Look) -> dict[Status, str]:
    """Status headers that fit a 9-character column (split with a hyphen where needed)."""
    return {
        Status.PLANNED: look.pgettext("trend", "Planned"),
        Status.IN_PROGRESS: look.pgettext("trend", "In\nprogress"),
        Status.COMPLETED: look.pgettext("trend", "Completed"),
        Status.ON_HOLD: look.pgettext("trend", "On hold"),
        Status.DISCONTINUED: look.pgettext("trend", "Discon-\ntinued"),
    }


def trend_blocks(points: Sequence[TrendPoint], look: Look) -> list[Block]:
    """Measures by status and mean progress, one row per month (from git history)."""
    title = counted(look._("Trend by month"), len(points))
    out: list[Block] = [Line(()), Heading(title)]
    if not points:
        out.append(Line(cell(look._("No history yet: the measures have no commits."))))
        return out
    headers = trend_headers(look)
    month = look.pgettext("trend", "Month")
    table = Table(
        [
            Column(month, width=max(7, len(month))),
            Column(look.pgettext("trend", "Measures"), width=8, justify="right"),
            *(Column(headers[s], width=9, justify="right") for s in Status),
            Column(look.pgettext("trend", "Mean"), width=5, justify="right"),
        ]
    )
    for point in points:
        mean = look.percent(point.overall_progress)
        counts = (str(point.by_status.get(s.value, 0)) for s in Status)
        table.add(point.label, str(point.measures), *counts, mean)
    out.append(table)
    return out


def trend_text(points: Sequence[TrendPoint], width: int = 80, lang: str = "fi") -> str:
    """The plain text of the trend table."""
    return to_plain(trend_blocks(points, Look(plain=True, width=width, lang=lang)), width)
