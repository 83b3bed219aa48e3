"""Terminal rendering of the status and show views.

Views are laid out once as blocks (:mod:`ictgov.render.blocks`) and drawn two ways:
with rich in a terminal (colour, glyphs, a header rule), or as plain aligned text
when the output is piped (ASCII markers, ``[###---]`` bars, no box drawing, no
escape codes), so ``grep`` and e-mail see clean text. Status is always written in
words with a symbol, never told by colour alone. Everything fits the console width
(80 columns at least): long titles end in an ellipsis. rich is imported only when
drawing for a terminal.

Labels speak the report's language through the gettext catalogues of
:mod:`ictgov.i18n` (compiled ``.mo`` files read by the standard library, so the
status path never imports Babel); the data's own texts come in that language too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ictgov.i18n import translations
from ictgov.i18n.formats import formats
from ictgov.i18n.labels import label_id
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

    # --- words in the reader's language ---------------------------------------

    def _(self, message: str, **values: object) -> str:
        """*message* in the reader's language, its ``%(name)s`` placeholders filled in."""
        text = translations(self.lang).gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        """The singular or plural form for *n*, with ``%(n)s`` and the other values filled in."""
        return translations(self.lang).ngettext(singular, plural, n) % {"n": n, **values}

    def pgettext(self, context: str, message: str) -> str:
        """*message* as translated for *context* (a shorter word for a narrow column)."""
        return translations(self.lang).pgettext(context, message)

    def label(self, group: str, value: object) -> str:
        """A fixed value of the data (status, role, resolution ...) in words."""
        return translations(self.lang).gettext(label_id(group, value))

    def status_word(self, status: Status) -> str:
        """A lifecycle status in words."""
        return self.label("status", status)

    def health_word(self, health: Health) -> str:
        """Health in a word that fits a table column (the reports' Finnish is longer)."""
        if health is Health.ON_TRACK:
            return self.pgettext("terminal", "on track")
        if health is Health.AT_RISK:
            return self.pgettext("terminal", "at risk")
        return self.pgettext("terminal", "off track")

    # --- drawing -------------------------------------------------------------

    def styled(self, look: tuple[str, str, str], word: str) -> Cell:
        """Symbol and word, coloured in a terminal."""
        symbol = look[1] if self.plain else look[0]
        return (Span(f"{symbol} {word}", "" if self.plain else look[2]),)

    def status(self, status: Status) -> Cell:
        """A lifecycle status in words with its symbol."""
        return self.styled(STATUS_LOOK[status], self.status_word(status))

    def health(self, health: Health | None, status: Status = Status.IN_PROGRESS) -> Cell:
        """Health in words, or nothing when it does not apply (not in progress)."""
        if health is None or status != Status.IN_PROGRESS:
            return ()
        return self.styled(HEALTH_LOOK[health], self.health_word(health))

    def status_width(self, header: str = "") -> int:
        """Characters a status cell needs in this language (symbol, space, longest word)."""
        words = (len(STATUS_LOOK[s][1]) + 1 + len(self.status_word(s)) for s in Status)
        return max(len(header), *words)

    def health_width(self, header: str = "") -> int:
        """Characters a health cell needs in this language."""
        words = (len(HEALTH_LOOK[h][1]) + 1 + len(self.health_word(h)) for h in Health)
        return max(len(header), *words)

    def bar(self, percent: float | None, cells: int = 8) -> Cell:
        """``[####----]  40%`` when plain, a block bar in a terminal; a dash if unknown."""
        if percent is None:
            return (Span("-", "dim"),)
        filled = max(0, min(cells, round(percent * cells / 100)))
        label = " " + self.percent(percent).rjust(len(self.percent(100)))
        if self.plain:
            return (Span(f"[{'#' * filled}{'-' * (cells - filled)}]{label}"),)
        style = "green" if percent >= 100 else "cyan"
        return (Span("█" * filled, style), Span("░" * (cells - filled), "dim"), Span(label))

    def date(self, value: date | None) -> str:
        """A date as the reports write it (15.10.2024); a dash for no date."""
        if value is None:
            return "-"
        return formats(self.lang).date(value)

    @property
    def bar_width(self) -> int:
        """Characters a progress bar with its label needs: ``[########] 100 %``."""
        return 11 + len(self.percent(100))

    @property
    def date_width(self) -> int:
        """Characters the longest date of this language needs (30.12.2024, 30 Sept 2024)."""
        return max(len(self.date(date(2024, 9, 30))), len(self.date(date(2024, 12, 31))))

    def quantity(self, value: float, unit: str | None) -> str:
        """An indicator value with its unit, as the reports write it (250 000 €)."""
        return formats(self.lang).quantity(value, unit)

    def percent(self, value: float | None) -> str:
        """A whole per cent as the reports write it (57 %); a dash when unknown."""
        if value is None:
            return "-"
        return formats(self.lang).percent(value)

    def span(self, text: str, style: str) -> Span:
        """Text with a style that only a terminal shows."""
        return Span(text, "" if self.plain else style)


def reason_text(view: MeasureView, reason: Reason, stale_after_days: int, look: Look) -> str:
    """Why a measure needs attention, in words with the days behind it."""
    since = view.days_since_update
    if reason is Reason.OVERDUE:
        return look.ngettext(
            "overdue by %(n)s day (planned end %(date)s)",
            "overdue by %(n)s days (planned end %(date)s)",
            view.days_overdue,
            date=look.date(view.measure.schedule.planned_end),
        )
    if reason is Reason.STALE:
        if since is None:
            return look.ngettext(
                "no update recorded (limit %(n)s day)",
                "no update recorded (limit %(n)s days)",
                stale_after_days,
            )
        return look.ngettext(
            "no update for %(n)s day (limit %(limit)s)",
            "no update for %(n)s days (limit %(limit)s)",
            since,
            limit=stale_after_days,
        )
    words = look.label("reason", reason)
    if since is None:
        return words
    return look.ngettext(
        "%(reason)s, reported %(n)s day ago", "%(reason)s, reported %(n)s days ago", since,
        reason=words,
    )  # fmt: skip


def reasons_text(view: MeasureView, stale_after_days: int, look: Look) -> str:
    """All reasons of a measure, most serious first."""
    return "; ".join(reason_text(view, r, stale_after_days, look) for r in view.reasons)


# --- status -----------------------------------------------------------------


def measures_count(n: int, look: Look) -> str:
    """``1 measure`` / ``3 measures`` in the reader's language."""
    return look.ngettext("%(n)s measure", "%(n)s measures", n)


def _header(report: StatusReport, look: Look) -> list[Block]:
    strategy = report.strategy
    out: list[Block] = []
    today = look.date(report.today)
    if strategy is not None:
        title = report.text(strategy.title)
        out.append(Line((look.span(fit(title, look.width), "bold"),)))
        period = look._(
            "Period %(start)s-%(end)s, vision %(horizon)s. Today %(today)s.",
            start=strategy.period.start,
            end=strategy.period.end,
            horizon=strategy.vision.horizon,
            today=today,
        )
        out.append(Line(cell(period)))
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
                    len(report.attention),
                    measures=measures_count(len(report.measures), look),
                    progress=progress,
                )
            )
        )
    )
    return out


def counted(title: str, n: int) -> str:
    """A heading with its count: ``Needs attention (3)``."""
    return f"{title} ({n})"


def _attention(report: StatusReport, look: Look) -> list[Block]:
    views = report.attention
    out: list[Block] = [Line(()), Heading(counted(look._("Needs attention"), len(views)))]
    if not views:
        text = look._(
            "Nothing needs attention: no measure is off track, overdue, at risk or stale."
        )
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
    table.add((look.span(breakdown(goal, look), "dim"),), "", wrap=True)
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
    ]


def status_blocks(report: StatusReport, look: Look) -> list[Block]:
    """The whole status view, what needs attention first."""
    return [
        *_header(report, look),
        *_attention(report, look),
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
        blocks += trend_blocks(trend, look)
    print_blocks(console, blocks, look)
