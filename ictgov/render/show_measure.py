"""``ictgov show`` of a measure (and the small tables other items share): as blocks.

Split from :mod:`ictgov.render.terminal_show` to keep each module to one job and a
readable size; laid out with :class:`~ictgov.render.look.Look` like every terminal view.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ictgov.i18n.headers import COLUMN_HEADERS, pgettext
from ictgov.i18n.labels import LABELS
from ictgov.model import Measure, Status
from ictgov.render.blocks import Block, Column, Heading, Line, Span, Table, cell
from ictgov.render.look import Look, reasons_text
from ictgov.views.detail import Detail
from ictgov.views.overview import MeasureView
from ictgov.views.text import plain

if TYPE_CHECKING:
    pass


def mini_measures(detail: Detail, views: Sequence[MeasureView], look: Look) -> Table:
    """A short table of measures (dependencies, a goal's measures) with status and bar."""
    code = look._("Code")
    code_width = max([4, len(code), *(len(v.measure.code) for v in views)])
    status, health = look._("Status"), look._("Health")
    table = Table(
        [
            Column(code, width=code_width),
            Column(look._("Measure"), min_width=16),
            Column(status, width=look.status_width(status)),
            Column(health, width=look.health_width(health)),
            Column(look._("Progress"), width=max(look.bar_width, len(look._("Progress")))),
        ]
    )
    for view in views:
        m = view.measure
        table.add(
            m.code,
            text_of(detail, m.title, look),
            look.status(m.status),
            look.health(m.health, m.status),
            look.bar(m.progress),
        )
    return table


def text_of(detail: Detail, value: Any, look: Look) -> str:
    """A text of the data in the reader's language, falling back to the content's."""
    return plain(value, look.lang, detail.content_lang)


def fields_of(detail: Detail, look: Look) -> list[Block]:
    """Every field of the item as written, last: nothing in the file goes unseen."""
    if not detail.fields:
        return []
    table = Table([Column(width=26, wrap=True), Column(min_width=20, wrap=True)], show_header=False)
    for path, value in detail.fields:
        table.add(field_label(path, look), field_text(path, value, detail, look))
    return [Line(()), Heading(look._("Fields")), table]


#: Fields whose values are ids of other items: shown with the item's name.
ID_FIELDS = frozenset(
    {"goals", "responsible", "followed_by", "participants", "measures", "projects", "body",
     "concerns", "organisations", "value_promises", "owner", "organisation", "members"}
)  # fmt: skip


def _segment(path: str) -> str:
    return path.rsplit(".", 1)[-1].split("[", 1)[0]


#: Words for fields that have no column header of the exports.
FIELD_WORDS: dict[str, tuple[str, str]] = {
    "name": pgettext("field", "name"),
    "short_name": pgettext("field", "short name"),
    "level": pgettext("field", "level"),
    "description": pgettext("field", "description"),
    "organisation": pgettext("field", "organisation"),
    "tags": pgettext("field", "tags"),
    "illustrative": pgettext("field", "example data"),
    "body": pgettext("field", "body"),
    "date": pgettext("field", "date"),
    "language": pgettext("field", "language"),
    "vision": pgettext("field", "vision"),
    "period": pgettext("field", "period"),
    "cadence": pgettext("field", "meetings a year"),
}


def field_label(path: str, look: Look) -> str:
    """A field's name in the reader's language (its column header), else its path."""
    name = _segment(path)
    found = COLUMN_HEADERS.get(name) or FIELD_WORDS.get(name)
    if found is None or "[" in path:  # an item of a list keeps its path: which one it is
        return path
    return look.pgettext(*found)


def field_text(path: str, value: Any, detail: Detail, look: Look) -> str:
    """A field's value for the reader: local dates, words for fixed values, names by ids."""
    name = _segment(path)
    if isinstance(value, list):
        return ", ".join(field_text(path, v, detail, look) for v in value)
    if isinstance(value, bool):
        return look._("yes") if value else look._("no")
    if isinstance(value, date):
        return look.date(value)
    raw = getattr(value, "value", None)
    if isinstance(raw, str):  # an enum: its word, from the group the field names
        group = name if name in LABELS else next((g for g, w in LABELS.items() if raw in w), "")
        return look.label(group, raw) if group else raw
    if name in ID_FIELDS and isinstance(value, str) and value in detail.names:
        return f"{detail.names[value]} ({value})"
    return str(value)


def sentence(parts: list[str]) -> str:
    """Parts joined with commas, the first letter upper case, a full stop at the end."""
    text = ", ".join(parts)
    return text[:1].upper() + text[1:] + "."


def _dates_line(look: Look, updated: str, start: date | None, end: date | None) -> str:
    """The last update and the planned dates, saying so when none are planned."""
    if start and end:
        return look._(
            "Last update %(date)s; planned %(start)s - %(end)s.",
            date=updated,
            start=look.date(start),
            end=look.date(end),
        )
    if start:
        return look._(
            "Last update %(date)s; planned to start %(start)s.",
            date=updated,
            start=look.date(start),
        )
    if end:
        return look._(
            "Last update %(date)s; planned to end %(end)s.", date=updated, end=look.date(end)
        )
    return look._("Last update %(date)s; no planned dates yet.", date=updated)


def measure_sections(detail: Detail, look: Look) -> list[Block]:
    """What ``show`` tells of a measure: state, dates, goals, dependencies, indicator, log."""
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
        updated = look._("never") if view.last_update is None else look.date(view.last_update)
        dates = _dates_line(look, updated, m.schedule.planned_start, m.schedule.planned_end)
        out.append(Line(cell(dates)))
        if view.reasons:
            reasons = reasons_text(view, detail.stale_after_days, look)
            attention = look._("Needs attention: %(reasons)s.", reasons=reasons)
            out.append(Line((look.span(attention, "bold red"),)))
    if detail.goals:
        goals = "; ".join(
            f"{g.code} {text_of(detail, g.title, look)} ({g.id})" for g in detail.goals
        )
        out.append(Line(cell(look._("Goals") + ": " + goals)))
    if detail.dependencies:
        depends, status = look._("Depends on"), look._("Status")
        ids = max(len(d.id) for d in detail.dependencies)
        table = Table(
            [
                Column(depends, width=min(24, max(ids, len(depends)))),
                Column(look._("What"), min_width=16, wrap=True),
                Column(status, width=look.status_width(status)),
                Column(look._("Progress"), width=max(look.bar_width, len(look._("Progress")))),
            ]
        )
        for dep in detail.dependencies:
            if dep.measure is not None:
                dm = dep.measure.measure
                table.add(
                    dep.id,
                    f"{dm.code} {text_of(detail, dm.title, look)}",
                    look.status(dm.status),
                    look.bar(dm.progress),
                )
            elif dep.project is not None:
                p = dep.project
                span = f" ({look.date(p.start)} - {look.date(p.end)})" if p.start or p.end else ""
                name = text_of(detail, p.name, look)
                table.add(dep.id, look._("project: %(name)s", name=name) + span, "", "")
            else:
                unknown = look._("unknown id: 'ictgov lint' reports it")
                table.add(dep.id, (look.span(unknown, "red"),), "", "")
        out += [Line(()), Heading(look._("Dependencies")), table]
    if detail.dependents:
        out += [
            Line(()),
            Heading(look._("Measures depending on it")),
            mini_measures(detail, detail.dependents, look),
        ]
    indicator = m.indicator
    if indicator is not None:
        out += [
            Line(()),
            Heading(look._("Indicator")),
            Line(cell(text_of(detail, indicator.description, look))),
        ]
        unit = indicator.unit
        refs = []
        if indicator.baseline is not None:
            refs.append(
                look._(
                    "baseline %(value)s (%(date)s)",
                    value=look.quantity(indicator.baseline.value, unit),
                    date=look.date(indicator.baseline.date),
                )
            )
        if indicator.target is not None:
            refs.append(
                look._(
                    "target %(value)s (%(date)s)",
                    value=look.quantity(indicator.target.value, unit),
                    date=look.date(indicator.target.date),
                )
            )
        if indicator.direction is not None:
            refs.append(look.label("direction", indicator.direction))
        if refs:
            out.append(Line(cell(sentence(refs))))
        if indicator.values:
            day = look._("Date")
            table = Table(
                [
                    Column(day, width=max(look.date_width, len(day))),
                    Column(look._("Value"), width=12, justify="right"),
                    Column(look._("Source"), min_width=16),
                ]
            )
            for obs in sorted(indicator.values, key=lambda o: o.date):
                table.add(
                    look.date(obs.date),
                    look.quantity(obs.value, unit),
                    text_of(detail, obs.source, look) or "-",
                )
            out.append(table)
    log = look._("Update log (%(n)s, newest first)", n=len(detail.updates))
    out += [Line(()), Heading(log)]
    if detail.updates:
        day, status, health = look._("Date"), look._("Status"), look._("Health")
        table = Table(
            [
                Column(day, width=max(look.date_width, len(day))),
                Column(status, width=look.status_width(status)),
                Column(health, width=look.health_width(health)),
                Column("%", width=4, justify="right"),
                Column(look._("Note"), min_width=16, wrap=True),
            ]
        )
        for u in detail.updates:
            note = text_of(detail, u.note, look)
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
        out.append(Line(cell(look._("No updates have been recorded."))))
    return out
