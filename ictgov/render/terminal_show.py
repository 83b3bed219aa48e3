"""Terminal rendering of ``ictgov show``: everything about one item.

Laid out as blocks like the status view (see :mod:`ictgov.render.terminal`), kept in
its own module so that ``ictgov status`` does not load it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ictgov.model import Body, Goal, Measure, Meeting, Organisation, Status
from ictgov.render.blocks import Block, Column, Heading, Line, Span, Table, cell, fit, to_plain
from ictgov.render.terminal import Look, breakdown, print_blocks, reasons_text, terminal_look
from ictgov.views.detail import Detail
from ictgov.views.overview import MeasureView
from ictgov.views.text import plain

if TYPE_CHECKING:
    from rich.console import Console


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
    table = Table([Column(width=14), Column(min_width=16, wrap=True)], show_header=False)
    for a in detail.actions:
        due = a.action.due
        state = (
            look.span(f"late {a.days_overdue} d", "bold red")
            if a.overdue
            else Span(f"due {look.date(due)}" if due else "no due date")
        )
        who = a.action.responsible
        body = detail.names.get(a.meeting.body, a.meeting.body)
        decided = f"decided by {body} {look.date(a.meeting.date)} §{a.item.section}"
        todo = f"; to do: {detail.names.get(who, who)}" if who else "; nobody named to do it"
        table.add((state,), _text(detail, a.action.what, look))
        table.add("", (look.span(decided + todo, "dim"),))
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
        Line(cell(f"id: {getattr(entity, 'id', '-')}")),
        Line(cell(f"file: {detail.file or '-'}")),
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
