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

from ictgov.model import Body, Goal, Health, Measure, Meeting, Organisation, Status
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
from ictgov.views.detail import Detail
from ictgov.views.overview import GoalView, MeasureView, Reason
from ictgov.views.status import StatusReport, unassigned
from ictgov.views.text import plain

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

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
        [
            Column(width=2),
            Column(width=max(len(v.measure.code) for v in views)),
            Column(ratio=2, min_width=12),
            Column(ratio=3, min_width=20, wrap=True),
        ],
        show_header=False,
    )
    for view in views:
        glyph, ascii_, style = REASON_LOOK[view.reasons[0]]
        table.add(
            (look.span(ascii_ if look.plain else glyph, style),),
            view.measure.code,
            report.text(view.measure.title),
            reasons_text(view, report.overview.stale_after_days, look),
        )
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
    table.add((look.span(breakdown(goal), "dim"),), "")
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
    table = Table(
        [Column(width=14), Column(ratio=3, min_width=16, wrap=True), Column(ratio=2, min_width=16)],
        show_header=False,
    )
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
        table.add((state,), report.text(a.what), f"{decided}\nto do: {who}")
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


def status_text(report: StatusReport, width: int = 80) -> str:
    """The plain text of the status view, as a pipe gets it."""
    return to_plain(status_blocks(report, Look(plain=True, width=width, lang=report.lang)), width)


# --- drawing ----------------------------------------------------------------


def _rich_text(value: Cell) -> Any:
    from rich.text import Text

    text = Text()
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
            for row in block.rows:
                table.add_row(*(_rich_text(value) for value in row))
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


def print_status(console: Console, report: StatusReport) -> None:
    """Print the status view on a rich console."""
    look = terminal_look(console, report.lang)
    print_blocks(console, status_blocks(report, look), look)


# --- show -------------------------------------------------------------------


def _mini_measures(detail: Detail, views: Sequence[MeasureView], look: Look) -> Table:
    code_width = max([4, *(len(v.measure.code) for v in views)])
    table = Table(
        [
            Column("Code", width=code_width),
            Column("Measure", min_width=16),
            Column("Status", width=14),
            Column("Health", width=12),
            Column("Progress", width=15),
        ]
    )
    for view in views:
        m = view.measure
        table.add(
            m.code,
            _text(detail, m.title, look),
            look.status(m.status),
            look.health(m.health, m.status),
            look.bar(m.progress),
        )
    return table


def _text(detail: Detail, value: Any, look: Look) -> str:
    return plain(value, look.lang, detail.content_lang)


def _fields(detail: Detail) -> list[Block]:
    if not detail.fields:
        return []
    table = Table([Column(width=26, wrap=True), Column(min_width=20, wrap=True)], show_header=False)
    for path, value in detail.fields:
        table.add(path, value)
    return [Line(()), Heading("Fields"), table]


def _measure_sections(detail: Detail, look: Look) -> list[Block]:
    out: list[Block] = []
    view = detail.measure
    m = detail.entity
    assert isinstance(m, Measure)
    if view is not None:
        facts: list[Span] = [
            *look.status(m.status),
            Span("  "),
            *look.health(m.health, m.status),
            Span("  " if m.status == Status.IN_PROGRESS and m.health else ""),
            *look.bar(m.progress),
        ]
        out += [Line(tuple(facts))]
        updated = "never" if view.last_update is None else look.date(view.last_update)
        out.append(
            Line(
                cell(
                    f"Last update {updated}; planned {look.date(m.schedule.planned_start)} - "
                    f"{look.date(m.schedule.planned_end)}."
                )
            )
        )
        if view.reasons:
            reasons = reasons_text(view, detail.stale_after_days, look)
            out.append(Line((look.span(f"Needs attention: {reasons}.", "bold red"),)))
    if detail.goals:
        out.append(
            Line(
                cell(
                    "Goals: "
                    + "; ".join(
                        f"{g.code} {_text(detail, g.title, look)} ({g.id})" for g in detail.goals
                    )
                )
            )
        )
    if detail.dependencies:
        table = Table(
            [
                Column("Depends on", width=min(24, max(len(d.id) for d in detail.dependencies))),
                Column("What", min_width=16, wrap=True),
                Column("Status", width=14),
                Column("Progress", width=15),
            ]
        )
        for dep in detail.dependencies:
            if dep.measure is not None:
                dm = dep.measure.measure
                table.add(
                    dep.id,
                    f"{dm.code} {_text(detail, dm.title, look)}",
                    look.status(dm.status),
                    look.bar(dm.progress),
                )
            elif dep.project is not None:
                p = dep.project
                span = f" ({look.date(p.start)} - {look.date(p.end)})" if p.start or p.end else ""
                table.add(dep.id, f"project: {_text(detail, p.name, look)}{span}", "", "")
            else:
                table.add(
                    dep.id, (look.span("unknown id: 'ictgov lint' reports it", "red"),), "", ""
                )
        out += [Line(()), Heading("Dependencies"), table]
    if detail.dependents:
        out += [
            Line(()),
            Heading("Measures that depend on it"),
            _mini_measures(detail, detail.dependents, look),
        ]
    indicator = m.indicator
    if indicator is not None:
        out += [
            Line(()),
            Heading("Indicator"),
            Line(cell(_text(detail, indicator.description, look))),
        ]
        unit = f" {indicator.unit}" if indicator.unit else ""
        refs = []
        if indicator.baseline is not None:
            refs.append(
                f"baseline {indicator.baseline.value:g}{unit} "
                f"({look.date(indicator.baseline.date)})"
            )
        if indicator.target is not None:
            refs.append(
                f"target {indicator.target.value:g}{unit} ({look.date(indicator.target.date)})"
            )
        if indicator.direction is not None:
            refs.append(f"{indicator.direction.value} is better")
        if refs:
            out.append(Line(cell(", ".join(refs).capitalize() + ".")))
        if indicator.values:
            table = Table(
                [
                    Column("Date", width=10),
                    Column("Value", width=12, justify="right"),
                    Column("Source", min_width=16),
                ]
            )
            for obs in sorted(indicator.values, key=lambda o: o.date):
                table.add(
                    look.date(obs.date),
                    f"{obs.value:g}{unit}",
                    _text(detail, obs.source, look) or "-",
                )
            out.append(table)
    out += [Line(()), Heading(f"Update log ({len(detail.updates)}, newest first)")]
    if detail.updates:
        table = Table(
            [
                Column("Date", width=10),
                Column("Status", width=14),
                Column("Health", width=12),
                Column("%", width=4, justify="right"),
                Column("Note", min_width=16, wrap=True),
            ]
        )
        for u in detail.updates:
            note = _text(detail, u.note, look)
            if u.by:
                note = f"{note} ({u.by})" if note else f"({u.by})"
            table.add(
                look.date(u.date),
                look.status(u.status) if u.status else "",
                look.health(u.health) if u.health else "",
                "" if u.progress is None else str(u.progress),
                note,
            )
        out.append(table)
    else:
        out.append(Line(cell("No updates recorded yet.")))
    return out


def _decisions(detail: Detail, look: Look) -> list[Block]:
    out: list[Block] = [Line(()), Heading(f"Decisions ({len(detail.decisions)})")]
    if not detail.decisions:
        out.append(Line(cell("No decision concerns it.")))
        return out
    table = Table(
        [
            Column("Date", width=10),
            Column("Meeting, section", width=28),
            Column("Decision", min_width=20, wrap=True),
        ]
    )
    for d in detail.decisions:
        item = d.ref.item
        resolution = item.resolution.value.replace("_", " ") if item.resolution else "no resolution"
        what = f"{_text(detail, item.title, look)}: {resolution}"
        if item.record_number:
            what += f" (record {item.record_number})"
        late = sum(a.overdue for a in d.actions)
        if d.actions:
            what += f"; {len(d.actions)} open action(s), {late} overdue"
        table.add(look.date(d.ref.meeting.date), f"{d.ref.meeting.id} §{item.section}", what)
    out.append(table)
    return out


def _body_sections(detail: Detail, look: Look) -> list[Block]:
    body = detail.entity
    assert isinstance(body, Body)
    out: list[Block] = []
    out += [Line(()), Heading(f"Members by post ({len(body.members)})")]
    if body.members:
        table = Table(
            [
                Column("Post", min_width=20),
                Column("Organisation", width=16),
                Column("Role", width=10),
                Column("Person", width=20),
            ]
        )
        for member in body.members:
            org = detail.names.get(member.organisation or "", member.organisation or "-")
            table.add(
                _text(detail, member.post, look),
                org,
                member.role.value.replace("_", " "),
                member.person or "-",
            )
        out.append(table)
    if body.tasks:
        out += [Line(()), Heading("Tasks")]
        out += [Line(cell(f"- {_text(detail, t, look)}")) for t in body.tasks]
    if body.cadence is not None:
        by_year: dict[int, int] = {}
        for meeting in detail.meetings:
            by_year[meeting.date.year] = by_year.get(meeting.date.year, 0) + 1
        held = ", ".join(f"{y}: {n}" for y, n in sorted(by_year.items())) or "none recorded"
        out += [
            Line(()),
            Line(
                cell(
                    f"Cadence: at least {body.cadence.meetings_per_year} meetings a year; "
                    f"held {held}."
                )
            ),
        ]
    if detail.bodies:
        out.append(Line(cell("Bodies reporting to it: " + ", ".join(b.id for b in detail.bodies))))
    out += [Line(()), Heading(f"Responsible for ({len(detail.measures)})")]
    if detail.measures:
        out.append(_mini_measures(detail, detail.measures, look))
    out += [Line(()), Heading(f"Follows up ({len(detail.following)})")]
    if detail.following:
        out.append(_mini_measures(detail, detail.following, look))
    if detail.meetings:
        out += [Line(()), Heading(f"Meetings ({len(detail.meetings)})")]
        table = Table(
            [
                Column("Date", width=10),
                Column("Meeting", min_width=20),
                Column("Items", width=6, justify="right"),
            ]
        )
        for meeting in reversed(detail.meetings):
            table.add(look.date(meeting.date), meeting.id, str(len(meeting.items)))
        out.append(table)
    return out


def _actions_table(detail: Detail, look: Look) -> list[Block]:
    if not detail.actions:
        return []
    table = Table(
        [
            Column("State", width=14),
            Column("Action", min_width=16, wrap=True),
            Column("Decided in", width=26),
        ]
    )
    for a in detail.actions:
        due = a.action.due
        state = (
            look.span(f"late {a.days_overdue} d", "bold red")
            if a.overdue
            else Span(f"due {look.date(due)}" if due else "no due date")
        )
        table.add((state,), _text(detail, a.action.what, look), f"{a.meeting.id} §{a.item.section}")
    return [Line(()), Heading(f"Open follow-up actions ({len(detail.actions)})"), table]


def _meeting_sections(detail: Detail, look: Look) -> list[Block]:
    meeting = detail.entity
    assert isinstance(meeting, Meeting)
    out: list[Block] = []
    if meeting.attendees:
        table = Table(
            [Column("Attendee", min_width=20), Column("Role", width=12), Column("Present", width=8)]
        )
        for person in meeting.attendees:
            who = (
                " - ".join(x for x in (_text(detail, person.post, look), person.name or "") if x)
                or "-"
            )
            table.add(who, person.role.value.replace("_", " "), "yes" if person.present else "no")
        out += [Line(()), Heading(f"Attendees ({len(meeting.attendees)})"), table]
    out += [Line(()), Heading(f"Agenda items ({len(meeting.items)})")]
    for item in sorted(meeting.items, key=lambda i: i.section):
        resolution = item.resolution.value.replace("_", " ") if item.resolution else "no resolution"
        head = f"§{item.section} {_text(detail, item.title, look)} [{resolution}]"
        if item.record_number:
            head += f" record {item.record_number}"
        out += [Line(()), Line((look.span(head, "bold"),))]
        for label, value in (
            ("Proposal", item.proposal),
            ("Decision", item.decision),
            ("Remarks", item.remarks),
        ):
            text = _text(detail, value, look)
            if text:
                out.append(Line(cell(f"{label}: {text}")))
        if item.concerns:
            out.append(Line(cell("Concerns: " + ", ".join(item.concerns))))
        for action in item.actions:
            if action.done:
                state = "done" + (f" {look.date(action.done_date)}" if action.done_date else "")
            elif action.due is not None and action.due < detail.today:
                state = f"LATE {(detail.today - action.due).days} d"
            else:
                state = f"open, due {look.date(action.due)}" if action.due else "open"
            who = action.responsible or "nobody named"
            out.append(Line(cell(f"- Action ({state}; {who}): {_text(detail, action.what, look)}")))
    return out


def detail_blocks(detail: Detail, look: Look) -> list[Block]:
    """Everything about one item: heading, fields, then the sections of its kind."""
    entity = detail.entity
    title = _text(detail, getattr(entity, "title", None) or getattr(entity, "name", None), look)
    code = getattr(entity, "code", None)
    label = f"{detail.kind.capitalize()} {code + ' ' if code else ''}{title}"
    if isinstance(entity, Meeting):
        body = detail.names.get(entity.body, entity.body)
        label = f"Meeting of {body} on {look.date(entity.date)}"
    out: list[Block] = [
        Line((look.span(fit(label, look.width), "bold"),)),
        Line(cell(f"id {getattr(entity, 'id', '-')}, file {detail.file or '-'}")),
    ]
    if isinstance(entity, Measure):
        out += _measure_sections(detail, look)
    out += _fields(detail)
    if isinstance(entity, Goal) and detail.goal is not None:
        out += [
            Line(()),
            Heading("Roll-up"),
            Line((*look.bar(detail.goal.progress), Span("  " + breakdown(detail.goal)))),
        ]
        if detail.goal.measures:
            out.append(_mini_measures(detail, detail.goal.measures, look))
    elif isinstance(entity, Body):
        out += _body_sections(detail, look)
    elif isinstance(entity, Organisation):
        out += [Line(()), Heading(f"Takes part in ({len(detail.measures)})")]
        if detail.measures:
            out.append(_mini_measures(detail, detail.measures, look))
        if detail.following:
            out += [
                Line(()),
                Heading(f"Responsible for ({len(detail.following)})"),
                _mini_measures(detail, detail.following, look),
            ]
        if detail.bodies:
            out.append(Line(cell("Bodies: " + ", ".join(b.id for b in detail.bodies))))
    elif isinstance(entity, Meeting):
        out += _meeting_sections(detail, look)
    elif detail.measures:
        out += [
            Line(()),
            Heading(f"Measures that depend on it ({len(detail.measures)})"),
            _mini_measures(detail, detail.measures, look),
        ]
    if detail.goals and not isinstance(entity, Measure):
        out += [Line(()), Heading(f"Goals ({len(detail.goals)})")]
        out += [
            Line(cell(f"{g.code} {_text(detail, g.title, look)} ({g.id})")) for g in detail.goals
        ]
    if not isinstance(entity, Meeting):
        out += _decisions(detail, look)
    out += _actions_table(detail, look)
    return out


def detail_text(detail: Detail, width: int = 80) -> str:
    """The plain text of the show view, as a pipe gets it."""
    return to_plain(detail_blocks(detail, Look(plain=True, width=width, lang=detail.lang)), width)


def print_detail(console: Console, detail: Detail) -> None:
    """Print the show view on a rich console."""
    look = terminal_look(console, detail.lang)
    print_blocks(console, detail_blocks(detail, look), look)
