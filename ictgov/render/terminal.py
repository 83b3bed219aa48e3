"""Terminal rendering of the status and show views.

Views are laid out once as blocks (:mod:`ictgov.render.blocks`) and drawn two ways:
with rich in a terminal (colour, glyphs, a header rule), or as plain aligned text
when the output is piped (ASCII markers, ``[###---]`` bars, no box drawing, no
escape codes), so ``grep`` and e-mail see clean text. Status is always written in
words with a symbol, never told by colour alone. Everything fits the console width
(80 columns at least): long titles end in an ellipsis. rich is imported only when
drawing for a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ictgov.model import Health, Status
from ictgov.render.blocks import (
    Block,
    Cell,
    Column,
    Heading,
    Line,
    Span,
    Table,
    cell,
    fit,
    to_plain,
)
from ictgov.views.overview import GoalView, MeasureView, Reason
from ictgov.views.status import StatusReport, unassigned

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ictgov.views.trend import TrendPoint

#: From this width on a measure takes one line; below it two (title over owner ...).
WIDE = 140

STATUS_WORDS: dict[Status, str] = {
    Status.PLANNED: "planned",
    Status.IN_PROGRESS: "in progress",
    Status.COMPLETED: "completed",
    Status.ON_HOLD: "on hold",
    Status.DISCONTINUED: "discontinued",
}
HEALTH_WORDS: dict[Health, str] = {
    Health.ON_TRACK: "on track",
    Health.AT_RISK: "at risk",
    Health.OFF_TRACK: "off track",
}
REASON_WORDS: dict[Reason, str] = {
    Reason.OFF_TRACK: "off track",
    Reason.OVERDUE: "overdue",
    Reason.AT_RISK: "at risk",
    Reason.STALE: "stale",
}
#: (terminal glyph, ASCII marker, rich style). Glyphs are one cell wide in any font.
STATUS_LOOK: dict[Status, tuple[str, str, str]] = {
    Status.PLANNED: ("○", "o", "dim"),
    Status.IN_PROGRESS: ("▶", ">", "cyan"),
    Status.COMPLETED: ("✔", "+", "green"),
    Status.ON_HOLD: ("‖", "=", "yellow"),
    Status.DISCONTINUED: ("✖", "x", "dim"),
}
HEALTH_LOOK: dict[Health, tuple[str, str, str]] = {
    Health.ON_TRACK: ("✓", "+", "green"),
    Health.AT_RISK: ("▲", "!", "yellow"),
    Health.OFF_TRACK: ("✗", "!!", "bold red"),
}
REASON_LOOK: dict[Reason, tuple[str, str, str]] = {
    Reason.OFF_TRACK: ("✗", "!!", "bold red"),
    Reason.OVERDUE: ("◷", "!", "red"),
    Reason.AT_RISK: ("▲", "!", "yellow"),
    Reason.STALE: ("…", "?", "magenta"),
}


@dataclass(frozen=True)
class Look:
    """How to draw: ASCII for pipes, or glyphs and colour for a terminal."""

    plain: bool
    width: int = 80
    lang: str = "fi"

    def styled(self, look: tuple[str, str, str], word: str) -> Cell:
        """Symbol and word, coloured in a terminal."""
        symbol = look[1] if self.plain else look[0]
        return (Span(f"{symbol} {word}", "" if self.plain else look[2]),)

    def status(self, status: Status) -> Cell:
        """A lifecycle status in words with its symbol."""
        return self.styled(STATUS_LOOK[status], STATUS_WORDS[status])

    def health(self, health: Health | None, status: Status = Status.IN_PROGRESS) -> Cell:
        """Health in words, or nothing when it does not apply (not in progress)."""
        if health is None or status != Status.IN_PROGRESS:
            return ()
        return self.styled(HEALTH_LOOK[health], HEALTH_WORDS[health])

    def bar(self, percent: float | None, cells: int = 8) -> Cell:
        """``[####----]  40%`` when plain, a block bar in a terminal; a dash if unknown."""
        if percent is None:
            return (Span("-", "dim"),)
        filled = max(0, min(cells, round(percent * cells / 100)))
        label = f" {round(percent):>3d}%"
        if self.plain:
            return (Span(f"[{'#' * filled}{'-' * (cells - filled)}]{label}"),)
        style = "green" if percent >= 100 else "cyan"
        return (Span("█" * filled, style), Span("░" * (cells - filled), "dim"), Span(label))

    def date(self, value: date | None) -> str:
        """A date in the reader's convention: 15.10.2024 in Finnish, ISO otherwise."""
        if value is None:
            return "-"
        if self.lang == "fi":
            return f"{value.day}.{value.month}.{value.year}"
        return value.isoformat()

    def span(self, text: str, style: str) -> Span:
        """Text with a style that only a terminal shows."""
        return Span(text, "" if self.plain else style)


def _days(n: int | None) -> str:
    return "" if n is None else ("1 day" if n == 1 else f"{n} days")


def reason_text(view: MeasureView, reason: Reason, stale_after_days: int, look: Look) -> str:
    """Why a measure needs attention, in words with the days behind it."""
    since = view.days_since_update
    if reason is Reason.OVERDUE:
        end = look.date(view.measure.schedule.planned_end)
        return f"overdue by {_days(view.days_overdue)} (planned end {end})"
    if reason is Reason.STALE:
        if since is None:
            return f"no update recorded (limit {stale_after_days} days)"
        return f"no update for {_days(since)} (limit {stale_after_days})"
    words = REASON_WORDS[reason]
    return f"{words}, reported {_days(since)} ago" if since is not None else words


def reasons_text(view: MeasureView, stale_after_days: int, look: Look) -> str:
    """All reasons of a measure, most serious first."""
    return "; ".join(reason_text(view, r, stale_after_days, look) for r in view.reasons)


# --- status -----------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _header(report: StatusReport, look: Look) -> list[Block]:
    strategy = report.strategy
    out: list[Block] = []
    today = look.date(report.today)
    if strategy is not None:
        title = report.text(strategy.title)
        out.append(Line((look.span(fit(title, look.width), "bold"),)))
        out.append(
            Line(
                cell(
                    f"Period {strategy.period.start}-{strategy.period.end}, "
                    f"vision {strategy.vision.horizon}. Today {today}."
                )
            )
        )
    else:
        out.append(Line(cell(f"(The strategy file did not load.) Today {today}.")))
    filters = report.filters
    if filters.active:
        parts = [
            f"{name} {value}"
            for name, value in (
                ("goal", filters.goal),
                ("owner", filters.owner),
                ("status", filters.status.value if filters.status else None),
            )
            if value is not None
        ]
        out.append(Line(cell(f"Only {', '.join(parts)}: counts cover the measures shown.")))
    progress = "-" if report.progress is None else f"{round(report.progress)}%"
    attention = len(report.attention)
    out.append(
        Line(
            cell(
                f"{_plural(len(report.measures), 'measure')}, overall progress {progress}, "
                f"{attention} need{'s' if attention == 1 else ''} attention."
            )
        )
    )
    return out


def _attention(report: StatusReport, look: Look) -> list[Block]:
    views = report.attention
    out: list[Block] = [Line(()), Heading(f"Needs attention ({len(views)})")]
    if not views:
        text = "Nothing needs attention: no measure is off track, overdue, at risk or stale."
        out.append(Line(cell(text)))
        return out
    table = Table(
        [Column(width=2), Column(width=max(len(v.measure.code) for v in views)), Column()],
        show_header=False,
    )
    for view in views:
        glyph, ascii_, style = REASON_LOOK[view.reasons[0]]
        marker = (look.span(ascii_ if look.plain else glyph, style),)
        table.add(marker, view.measure.code, report.text(view.measure.title), wrap=False)
        reasons = reasons_text(view, report.overview.stale_after_days, look)
        table.add("", "", (look.span(reasons, style.replace("bold ", "")),), wrap=True)
    out.append(table)
    return out


def breakdown(goal: GoalView) -> str:
    """``3 measures: 2 in progress, 1 completed (1 at risk)``."""
    parts = [f"{c} {STATUS_WORDS[s]}" for s, c in goal.by_status.items() if c]
    risky = [
        f"{c} {HEALTH_WORDS[h]}" for h, c in goal.by_health.items() if c and h != Health.ON_TRACK
    ]
    text = _plural(len(goal.measures), "measure")
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
    code = Column("Code", width=code_width)
    if wide:
        columns = [
            code,
            Column("Measure", ratio=2),
            Column("Responsible", ratio=1, min_width=14),
            Column("Status", width=14),
            Column("Health", width=12),
            Column("Progress", width=15),
            Column("Updated", width=10),
            Column("Ends", width=10),
        ]
    else:
        columns = [
            code,
            Column("Measure\nResponsible", min_width=16),
            Column("Status\nHealth", width=14),
            Column("Progress", width=15),
            Column("Updated\nEnds", width=10),
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
    table = Table([Column(min_width=20), Column(width=15)], show_header=False)
    label = f"Goal {goal.goal.code}: {report.text(goal.goal.title)}"
    table.add((look.span(label, "bold"),), look.bar(goal.progress))
    table.add((look.span(breakdown(goal), "dim"),), "", wrap=True)
    return table


def _goals(report: StatusReport, look: Look) -> list[Block]:
    rest = unassigned(report)
    every = [v for g in report.goals for v in g.measures] + list(rest)
    code_width = max([4, *(len(v.measure.code) for v in every)])
    out: list[Block] = []
    for goal in report.goals:
        out += [Line(()), _goal_heading(report, look, goal)]
        if goal.measures:
            out.append(measure_table(report, look, goal.measures, code_width))
    if rest:
        out += [Line(()), Heading(f"Measures of no known goal ({len(rest)})")]
        out.append(measure_table(report, look, rest, code_width))
    if not report.measures:
        none = "No measures match the filters." if report.filters.active else "No measures yet."
        out += [Line(()), Line(cell(none))]
    return out


def _actions(report: StatusReport, look: Look) -> list[Block]:
    actions = report.actions
    late = sum(a.overdue for a in actions)
    out: list[Block] = [
        Line(()),
        Heading(f"Decision follow-up: {len(actions)} open, {late} overdue"),
    ]
    if not actions:
        return out
    table = Table([Column(width=14), Column(wrap=True)], show_header=False)
    for action in actions:
        a = action.action
        if action.overdue:
            state = look.span(f"late {action.days_overdue} d", "bold red")
        elif a.due is not None:
            state = Span(f"due {look.date(a.due)}")
        else:
            state = look.span("no due date", "dim")
        who = report.names.get(a.responsible, a.responsible) if a.responsible else "nobody named"
        meeting = action.meeting
        body = report.names.get(meeting.body, meeting.body)
        decided = f"{body} {look.date(meeting.date)} §{action.item.section}"
        table.add((state,), report.text(a.what))
        table.add("", (look.span(f"decided by {decided}; to do: {who}", "dim"),))
    out.append(table)
    return out


def _summary(report: StatusReport) -> list[Block]:
    statuses = ", ".join(f"{STATUS_WORDS[s]} {n}" for s, n in report.by_status.items())
    healths = ", ".join(f"{HEALTH_WORDS[h]} {n}" for h, n in report.by_health.items())
    stale = sum(v.stale for v in report.measures)
    overdue = sum(v.overdue for v in report.measures)
    return [
        Line(()),
        Heading("Summary"),
        Line(cell(f"Status: {statuses}.")),
        Line(cell(f"Health of those in progress: {healths}.")),
        Line(
            cell(
                f"Stale (no update for over {report.overview.stale_after_days} days): {stale}; "
                f"overdue: {overdue}."
            )
        ),
    ]


def status_blocks(report: StatusReport, look: Look) -> list[Block]:
    """The whole status view, what needs attention first."""
    return [
        *_header(report, look),
        *_attention(report, look),
        *_goals(report, look),
        *_actions(report, look),
        *_summary(report),
    ]


def status_text(
    report: StatusReport, width: int = 80, trend: Sequence[TrendPoint] | None = None
) -> str:
    """The plain text of the status view, as a pipe gets it."""
    blocks = status_blocks(report, Look(plain=True, width=width, lang=report.lang))
    if trend is not None:
        blocks += trend_blocks(trend)
    return to_plain(blocks, width)


#: Status headers that fit a 9-character column.
TREND_HEADERS: dict[Status, str] = {
    Status.PLANNED: "Planned",
    Status.IN_PROGRESS: "In\nprogress",
    Status.COMPLETED: "Completed",
    Status.ON_HOLD: "On hold",
    Status.DISCONTINUED: "Discon-\ntinued",
}


def trend_blocks(points: Sequence[TrendPoint]) -> list[Block]:
    """Measures by status and mean progress, one row per month (from git history)."""
    out: list[Block] = [Line(()), Heading(f"Trend by month ({len(points)})")]
    if not points:
        out.append(Line(cell("No history yet: the measures have no commits.")))
        return out
    table = Table(
        [
            Column("Month", width=7),
            Column("Measures", width=8, justify="right"),
            *(Column(TREND_HEADERS[s], width=9, justify="right") for s in Status),
            Column("Mean", width=5, justify="right"),
        ]
    )
    for point in points:
        mean = "-" if point.overall_progress is None else f"{round(point.overall_progress)}%"
        counts = (str(point.by_status.get(s.value, 0)) for s in Status)
        table.add(point.label, str(point.measures), *counts, mean)
    out.append(table)
    return out


def trend_text(points: Sequence[TrendPoint], width: int = 80) -> str:
    """The plain text of the trend table."""
    return to_plain(trend_blocks(points), width)


# --- drawing ----------------------------------------------------------------


def _rich_text(value: Cell, wrap: bool | None = None) -> Any:
    from rich.text import Text

    text = Text()
    if wrap is not None:
        text.no_wrap = not wrap
        text.overflow = "fold" if wrap else "ellipsis"
    for span in value:
        text.append(span.text, style=span.style or None)
    return text


def to_rich(blocks: Sequence[Block]) -> RenderableType:
    """Blocks as one rich renderable."""
    from rich import box
    from rich.console import Group
    from rich.table import Table as RichTable
    from rich.text import Text

    parts: list[RenderableType] = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append(Text(block.text, style="bold underline"))
        elif isinstance(block, Line):
            parts.append(_rich_text(block.content))
        else:
            table = RichTable(
                box=box.SIMPLE_HEAD if block.show_header else None,
                show_header=block.show_header,
                show_edge=False,
                padding=(0, 1),
                pad_edge=False,
                expand=True,
                header_style="bold",
            )
            for column in block.columns:
                table.add_column(
                    column.header,
                    width=column.width,
                    ratio=None if column.width is not None else column.ratio,
                    min_width=column.min_width if column.width is None else None,
                    no_wrap=not column.wrap,
                    overflow="fold" if column.wrap else "ellipsis",
                    justify="right" if column.justify == "right" else "left",
                )
            for index, row in enumerate(block.rows):
                table.add_row(
                    *(
                        _rich_text(value, block.wraps(index, column))
                        for value, column in zip(row, block.columns, strict=True)
                    )
                )
            parts.append(table)
    return Group(*parts)


def terminal_look(console: Console, lang: str) -> Look:
    """Glyphs and colour for a real terminal, ASCII otherwise."""
    plain = not console.is_terminal or console.is_dumb_terminal
    return Look(plain=plain, width=console.width, lang=lang)


def print_blocks(console: Console, blocks: Sequence[Block], look: Look) -> None:
    """Draw blocks with rich in a terminal, as plain text anywhere else."""
    if look.plain:
        console.file.write(to_plain(blocks, look.width))
    else:
        console.print(to_rich(blocks))


def print_status(
    console: Console, report: StatusReport, trend: Sequence[TrendPoint] | None = None
) -> None:
    """Print the status view on a rich console, with the trend table when given."""
    look = terminal_look(console, report.lang)
    blocks = status_blocks(report, look)
    if trend is not None:
        blocks += trend_blocks(trend)
    print_blocks(console, blocks, look)
