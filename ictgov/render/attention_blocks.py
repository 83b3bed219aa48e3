"""The first block of ``ictgov status``: what needs attention, most serious first.

Bodies that never met, missed or are behind their cadence (``verdicts.cadence``), then
overdue follow-up actions, then measures with their reasons. Kept apart from
:mod:`ictgov.render.status_blocks` so each module stays short.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ictgov.i18n.months import MONTHS
from ictgov.model import Text
from ictgov.model.body import Window
from ictgov.render.blocks import Block, Column, Heading, Line, Table, cell, to_plain
from ictgov.render.look import REASON_LOOK, Look, reasons_text
from ictgov.verdicts.cadence import BodyConcern, Concern
from ictgov.views.status import StatusReport
from ictgov.visible import visible

if TYPE_CHECKING:
    from ictgov.project import UnreadFile


def counted(title: str, n: int) -> str:
    """A heading with its count: ``Needs attention (3)``."""
    return f"{title} ({n})"


def attention_blocks(report: StatusReport, look: Look) -> list[Block]:
    """Bodies out of cadence, overdue follow-up actions, then measures: most serious first."""
    views = report.attention
    count = report.attention_count
    out: list[Block] = [Line(()), Heading(counted(look._("Needs attention"), count))]
    if not count:
        if report.unread:
            text = look._(
                "Nothing needs attention in the files that were read; the files not read "
                "(above) may hide what does."
            )
        else:
            text = look._(
                "Nothing needs attention: no measure is off track, at risk, stale or overdue, "
                "no body is behind its meeting cadence and no follow-up action is overdue."
            )
        out.append(Line(cell(text)))
        return out
    codes = [v.measure.code for v in views] + ["§000"]
    table = Table(
        [Column(width=2), Column(width=max(len(c) for c in codes)), Column()],
        show_header=False,
    )
    for concern in report.bodies:
        glyph, ascii_, style = CONCERN_LOOK[concern.concern]
        marker = (look.span(ascii_ if look.plain else glyph, style),)
        name = report.names.get(concern.body_id, concern.body_id)
        table.add(marker, "", name, wrap=False)
        words = concern_text(concern, look, report.text)
        table.add("", "", (look.span(words, style.replace("bold ", "")),), wrap=True)
    for action in report.late_actions:
        marker = (look.span("!" if look.plain else "◷", "red"),)
        table.add(marker, f"§{action.item.section}", report.text(action.action.what), wrap=False)
        who = report.names.get(action.meeting.body, action.meeting.body)
        late = look.ngettext(
            "%(n)s day late (due %(date)s)",
            "%(n)s days late (due %(date)s)",
            action.days_overdue,
            date=look.date(action.action.due),
        )
        decided = f"{who} {look.date(action.meeting.date)} §{action.item.section}"
        table.add("", "", (look.span(f"{late}; {decided}", "red"),), wrap=True)
    for view in views:
        glyph, ascii_, style = REASON_LOOK[view.reasons[0]]
        marker = (look.span(ascii_ if look.plain else glyph, style),)
        table.add(marker, view.measure.code, report.text(view.measure.title), wrap=False)
        reasons = reasons_text(view, report.overview.stale_after_days, look)
        table.add("", "", (look.span(reasons, style.replace("bold ", "")),), wrap=True)
    out.append(table)
    return out


#: How a body's cadence concern is marked: glyph, ASCII marker, style.
CONCERN_LOOK: dict[Concern, tuple[str, str, str]] = {
    Concern.NEVER_MET: ("✗", "!!", "bold red"),
    Concern.MISSED: ("✗", "!!", "bold red"),
    Concern.MISSED_WINDOW: ("◷", "!", "red"),
    Concern.BEHIND: ("▲", "!", "yellow"),
}


def window_text(window: Window, look: Look, text: Callable[[Text], str]) -> str:
    """``Talousarvio (kesäkuu)``: a timing window in words."""
    months = ", ".join(look._(MONTHS[m - 1]) for m in window.months)
    return f"{text(window.label)} ({months})" if window.label is not None else months


def concern_text(concern: BodyConcern, look: Look, text: Callable[[Text], str]) -> str:
    """What is wrong with a body's meetings, in a sentence of the reader's language."""
    if concern.concern is Concern.NEVER_MET:
        return look._("no meeting recorded since %(date)s", date=look.date(concern.since))
    if concern.concern is Concern.MISSED:
        return look.ngettext(
            "met %(n)s time in %(year)s, at least %(required)s required",
            "met %(n)s times in %(year)s, at least %(required)s required",
            concern.held,
            year=concern.year,
            required=concern.required,
        )
    if concern.concern is Concern.MISSED_WINDOW and concern.window is not None:
        return look._(
            "no meeting in %(window)s %(year)s",
            window=window_text(concern.window, look, text),
            year=concern.year,
        )
    return look.ngettext(
        "%(n)s meeting so far in %(year)s, %(expected)s expected by now",
        "%(n)s meetings so far in %(year)s, %(expected)s expected by now",
        concern.held,
        year=concern.year,
        expected=concern.required,
    )


#: Kinds of file with their own sentence, in the order they are listed.
UNREAD_KINDS: tuple[str, ...] = (
    "meeting",
    "measure",
    "strategy",
    "goals",
    "bodies",
    "organisations",
    "other",
)


def unread_sentence(kind: str, n: int, look: Look) -> str:
    """What *n* unread files of one kind leave out of the report below."""
    if kind == "meeting":
        return look.ngettext(
            "%(n)s meeting file was not read: its decisions and actions are missing below.",
            "%(n)s meeting files were not read: their decisions and actions are missing below.",
            n,
        )
    if kind == "measure":
        return look.ngettext(
            "%(n)s measure file was not read: the measure is missing below.",
            "%(n)s measure files were not read: the measures are missing below.",
            n,
        )
    if kind == "strategy":
        return look._("The strategy file was not read: the period and vision are missing below.")
    if kind == "goals":
        return look._("The goals file was not read: the goals are missing below.")
    if kind == "bodies":
        return look._(
            "The bodies file was not read: the bodies and their meeting cadence are missing below."
        )
    if kind == "organisations":
        return look._("The organisations file was not read: the organisations are missing below.")
    return look.ngettext(
        "%(n)s file was not read: what it holds is missing below.",
        "%(n)s files were not read: what they hold is missing below.",
        n,
    )


def unread_blocks(unread: Sequence[UnreadFile], look: Look) -> list[Block]:
    """Which files were not read, what that leaves out of the report, and where to fix."""
    out: list[Block] = [Heading(counted(look._("Files not read"), len(unread)))]
    groups: dict[str, list[UnreadFile]] = {}
    for u in unread:
        groups.setdefault(u.kind if u.kind in UNREAD_KINDS else "other", []).append(u)
    for kind in sorted(groups, key=UNREAD_KINDS.index):
        mine = groups[kind]
        out.append(Line(cell(unread_sentence(kind, len(mine), look))))
        for u in mine:
            out.append(Line(cell(visible(f"  {u.file}:{u.line}:{u.column}: {u.text(look.lang)}"))))
    fix = look._("Fix them: 'ictgov lint' says how, 'ictgov lint --fix' fixes the usual ones.")
    out.append(Line(cell(fix)))
    return out


def unread_text(unread: Sequence[UnreadFile], lang: str, width: int = 80) -> str:
    """The unread files as plain text, printed before the status view."""
    return to_plain(unread_blocks(unread, Look(plain=True, width=width, lang=lang)), width)
