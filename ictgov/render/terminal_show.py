"""Terminal rendering of ``ictgov show``: everything about one item.

Laid out as blocks like the status view (see :mod:`ictgov.render.terminal`), kept in
its own module so that ``ictgov status`` does not load it. Labels speak the reader's
language through :class:`~ictgov.render.terminal.Look`, as in the status view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ictgov.i18n.months import MONTHS
from ictgov.model import Body, Budget, Cadence, Goal, Measure, Meeting, Organisation
from ictgov.render.attention_blocks import counted
from ictgov.render.blocks import Block, Column, Heading, Line, Span, Table, cell, fit, to_plain
from ictgov.render.look import Look
from ictgov.render.money_text import budget_blocks
from ictgov.render.show_measure import fields_of, measure_sections, mini_measures, text_of
from ictgov.render.show_meeting import meeting_sections
from ictgov.render.status_blocks import (
    action_state,
    breakdown,
    decided_by,
    state_width,
)
from ictgov.render.terminal import print_blocks, terminal_look
from ictgov.views.detail import Detail

if TYPE_CHECKING:
    from rich.console import Console


def cadence_words(cadence: Cadence, look: Look, detail: Detail) -> str:
    """``at least 2 meetings a year`` or ``2-4 meetings a year``, and when in the year."""
    if cadence.most is None:
        words = look.ngettext(
            "at least %(n)s meeting a year", "at least %(n)s meetings a year", cadence.least
        )
    else:
        words = look._("%(least)s-%(most)s meetings a year", least=cadence.least, most=cadence.most)
    for window in cadence.timing:
        months = ", ".join(look._(MONTHS[m - 1]) for m in window.months)
        label = text_of(detail, window.label, look) if window.label is not None else None
        words += f"; {label}: {months}" if label else f"; {months}"
    return words


def _resolution(look: Look, resolution: object | None) -> str:
    return look.label("resolution", resolution) if resolution else look._("no resolution")


def _decisions(detail: Detail, look: Look) -> list[Block]:
    heading = counted(look._("Decisions"), len(detail.decisions))
    out: list[Block] = [Line(()), Heading(heading)]
    if not detail.decisions:
        out.append(Line(cell(look._("No decision concerns it."))))
        return out
    day = look._("Date")
    table = Table(
        [
            Column(day, width=max(look.date_width, len(day))),
            Column(look._("Meeting, section"), width=28),
            Column(look._("Decision"), min_width=20, wrap=True),
        ]
    )
    for d in detail.decisions:
        item = d.ref.item
        what = f"{text_of(detail, item.title, look)}: {_resolution(look, item.resolution)}"
        if item.record_number:
            record = look._("record %(number)s", number=item.record_number)
            what += f" ({record})"
        late = sum(a.overdue for a in d.actions)
        if d.actions:
            what += "; " + look.ngettext(
                "%(n)s open action, %(late)s overdue",
                "%(n)s open actions, %(late)s overdue",
                len(d.actions),
                late=late,
            )
        table.add(look.date(d.ref.meeting.date), f"{d.ref.meeting.id} §{item.section}", what)
    out.append(table)
    return out


def _body_sections(detail: Detail, look: Look) -> list[Block]:
    body = detail.entity
    assert isinstance(body, Body)
    out: list[Block] = []
    out += [Line(()), Heading(counted(look._("Members by post"), len(body.members)))]
    if body.members:
        role = look._("Role")
        roles = [look.label("member_role", member.role) for member in body.members]
        table = Table(
            [
                Column(look._("Post"), min_width=20),
                Column(look._("Organisation"), width=16),
                Column(role, width=min(20, max(10, len(role), *(len(r) for r in roles)))),
                Column(look._("Person"), width=20),
            ]
        )
        for member, role_word in zip(body.members, roles, strict=True):
            org = detail.names.get(member.organisation or "", member.organisation or "-")
            table.add(text_of(detail, member.post, look), org, role_word, member.person or "-")
        out.append(table)
    if body.tasks:
        out += [Line(()), Heading(look._("Tasks"))]
        out += [Line(cell(f"- {text_of(detail, t, look)}")) for t in body.tasks]
    if body.cadence is not None:
        by_year: dict[int, int] = {}
        for meeting in detail.meetings:
            by_year[meeting.date.year] = by_year.get(meeting.date.year, 0) + 1
        held = ", ".join(f"{y}: {n}" for y, n in sorted(by_year.items()))
        at_least = cadence_words(body.cadence, look, detail)
        held_text = look._("held %(years)s", years=held) if held else look._("none recorded")
        cadence = look._("Cadence")
        out += [Line(()), Line(cell(f"{cadence}: {at_least}; {held_text}."))]
    if detail.bodies:
        reporting = ", ".join(b.id for b in detail.bodies)
        out.append(Line(cell(look._("Bodies reporting to it") + ": " + reporting)))
    out += [Line(()), Heading(counted(look._("Responsible for"), len(detail.measures)))]
    if detail.measures:
        out.append(mini_measures(detail, detail.measures, look))
    out += [Line(()), Heading(counted(look._("Follows up"), len(detail.following)))]
    if detail.following:
        out.append(mini_measures(detail, detail.following, look))
    if detail.meetings:
        out += [Line(()), Heading(counted(look._("Meetings"), len(detail.meetings)))]
        day, items = look._("Date"), look._("Items")
        table = Table(
            [
                Column(day, width=max(look.date_width, len(day))),
                Column(look._("Meeting"), min_width=20),
                Column(items, width=max(6, len(items)), justify="right"),
            ]
        )
        for meeting in reversed(detail.meetings):
            table.add(look.date(meeting.date), meeting.id, str(len(meeting.items)))
        out.append(table)
    return out


def _actions_table(detail: Detail, look: Look) -> list[Block]:
    if not detail.actions:
        return []
    rows: list[tuple[Span, str, str]] = []
    for a in detail.actions:
        who = a.action.responsible
        body = detail.names.get(a.meeting.body, a.meeting.body)
        rows.append(
            (
                action_state(look, a.overdue, a.days_overdue, a.action.due),
                text_of(detail, a.action.what, look),
                decided_by(
                    look,
                    body,
                    a.meeting.date,
                    a.item.section,
                    detail.names.get(who, who) if who else None,
                ),
            )
        )
    columns = [Column(width=state_width(r[0] for r in rows)), Column(min_width=16, wrap=True)]
    table = Table(columns, show_header=False)
    for state, what, decided in rows:
        table.add((state,), what)
        table.add("", (look.span(decided, "dim"),))
    heading = counted(look._("Open follow-up actions"), len(detail.actions))
    return [Line(()), Heading(heading), table]


def detail_blocks(detail: Detail, look: Look) -> list[Block]:
    """Everything about one item: heading, fields, then the sections of its kind."""
    entity = detail.entity
    named = getattr(entity, "title", None) or getattr(entity, "name", None)
    title = text_of(detail, named or getattr(entity, "post", None), look)
    code = getattr(entity, "code", None)
    kind = look.label("kind", detail.kind)
    label = f"{kind[:1].upper()}{kind[1:]} {code + ' ' if code else ''}{title}"
    if isinstance(entity, Meeting):
        body = detail.names.get(entity.body, entity.body)
        label = look._("Meeting of %(body)s on %(date)s", body=body, date=look.date(entity.date))
    out: list[Block] = [
        Line((look.span(label if look.plain else fit(label, look.width), "bold"),)),
        Line(cell(f"id: {getattr(entity, 'id', '-')}")),
        Line(cell(look._("file: %(file)s", file=detail.file or "-"))),
    ]
    if isinstance(entity, Measure):
        out += measure_sections(detail, look)
    out += fields_of(detail, look)
    budget = getattr(entity, "budget", None)
    if isinstance(budget, Budget):
        out += budget_blocks(budget, look, text_of(detail, budget.funder, look) or None)
    if isinstance(entity, Goal) and detail.goal is not None:
        out += [
            Line(()),
            Heading(look._("Roll-up")),
            Line((*look.bar(detail.goal.progress), Span("  " + breakdown(detail.goal, look)))),
        ]
        if detail.goal.measures:
            out.append(mini_measures(detail, detail.goal.measures, look))
    elif isinstance(entity, Body):
        out += _body_sections(detail, look)
    elif isinstance(entity, Organisation):
        out += [Line(()), Heading(counted(look._("Takes part in"), len(detail.measures)))]
        if detail.measures:
            out.append(mini_measures(detail, detail.measures, look))
        if detail.following:
            out += [
                Line(()),
                Heading(counted(look._("Responsible for"), len(detail.following))),
                mini_measures(detail, detail.following, look),
            ]
        if detail.bodies:
            bodies = ", ".join(b.id for b in detail.bodies)
            out.append(Line(cell(look._("Bodies") + ": " + bodies)))
    elif isinstance(entity, Meeting):
        out += meeting_sections(detail, look)
    elif detail.measures:
        category = detail.kind == "category"
        title = look._("Measures") if category else look._("Measures depending on it")
        out += [
            Line(()),
            Heading(counted(title, len(detail.measures))),
            mini_measures(detail, detail.measures, look),
        ]
    if detail.goals and not isinstance(entity, Measure):
        out += [Line(()), Heading(counted(look._("Goals"), len(detail.goals)))]
        out += [
            Line(cell(f"{g.code} {text_of(detail, g.title, look)} ({g.id})")) for g in detail.goals
        ]
    if not isinstance(entity, Meeting):
        out += _decisions(detail, look)
    out += _actions_table(detail, look)
    return out


def detail_text(detail: Detail, width: int = 80) -> str:
    """The plain text of the show view, as a pipe gets it: wrapped, never cut short."""
    look = Look(plain=True, width=width, lang=detail.lang)
    return to_plain(detail_blocks(detail, look), width, cut=False)


def print_detail(console: Console, detail: Detail) -> None:
    """Print the show view on a rich console."""
    look = terminal_look(console, detail.lang)
    print_blocks(console, detail_blocks(detail, look), look)
