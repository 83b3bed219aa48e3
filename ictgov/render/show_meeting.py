"""Terminal rendering of ``ictgov show MEETING``: attendees, then each decision whole.

Each agenda item shows what the minutes hold, in their order: title (and whether it
was an additional item), record number, preparer and presenter, background,
proposal, decision and resolution, vote, remarks, attachments, what it concerns, and
every follow-up action with its state (open, late by N days, done on a date).
"""

from __future__ import annotations

from ictgov.model import Meeting, Text
from ictgov.model.meeting import AgendaItem, Vote
from ictgov.render.attention_blocks import counted
from ictgov.render.blocks import Block, Column, Heading, Line, Table, cell
from ictgov.render.look import Look
from ictgov.render.show_measure import text_of
from ictgov.verdicts.actions import days_late
from ictgov.views.detail import Detail


def _resolution(look: Look, resolution: object | None) -> str:
    return look.label("resolution", resolution) if resolution else look._("no resolution")


def vote_text(vote: Vote, detail: Detail, look: Look) -> str:
    """``unanimous`` or ``voted: 7 for, 4 against``, with any dissenting opinions."""
    if vote.unanimous:
        words = look._("unanimous")
    else:
        words = look._(
            "voted: %(ayes)s for, %(noes)s against", ayes=vote.ayes or 0, noes=vote.noes or 0
        )
        if vote.blank:
            words += ", " + look._("%(n)s blank", n=vote.blank)
    for dissent in vote.dissents:
        who = ", ".join(x for x in (text_of(detail, dissent.post, look), dissent.name) if x)
        what = text_of(detail, dissent.text, look)
        words += f"; {look._('Dissenting opinion')}: {who}{' - ' + what if what else ''}"
    return words


def _long(label: str, value: Text | None, detail: Detail, look: Look) -> list[Block]:
    """A labelled text; paragraphs kept apart and indented so long texts stay readable."""
    text = text_of(detail, value, look)
    if not text:
        return []
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) == 1 and len(text) <= 60:
        return [Line(cell(f"{label}: {text}"))]
    out: list[Block] = [Line(cell(f"{label}:"))]
    return out + [Line(cell(f"  {p}")) for p in paragraphs]


def _actions(item: AgendaItem, detail: Detail, look: Look) -> list[Block]:
    out: list[Block] = []
    for n, action in enumerate(item.actions, 1):
        late = days_late(action, detail.today)
        if action.done:
            state = (
                look._("done %(date)s", date=look.date(action.done_date))
                if action.done_date
                else look._("done")
            )
        elif late:
            state = look.ngettext("overdue by %(n)s day", "overdue by %(n)s days", late)
        elif action.due is not None:
            state = look._("open, due %(date)s", date=look.date(action.due))
        else:
            state = look._("open")
        who = action.responsible or look._("nobody named")
        who = detail.names.get(who, who)
        what = text_of(detail, action.what, look)
        out.append(Line(cell(f"  {n}. [{state}] {what} ({who})")))
    return out


def item_blocks(item: AgendaItem, detail: Detail, look: Look) -> list[Block]:
    """One agenda item, whole."""
    resolution = _resolution(look, item.resolution)
    head = f"§{item.section} {text_of(detail, item.title, look)} [{resolution}]"
    if item.additional:
        head += f" ({look._('additional item')})"
    if item.record_number:
        head += " " + look._("record %(number)s", number=item.record_number)
    out: list[Block] = [Line(()), Line((look.span(head, "bold"),))]
    for label, person in (
        (look._("Preparer"), item.preparer),
        (look._("Presenter"), item.presenter),
    ):
        if person is not None:
            who = ", ".join(x for x in (text_of(detail, person.post, look), person.name) if x)
            out.append(Line(cell(f"{label}: {who}")))
    out += _long(look._("Background"), item.background, detail, look)
    out += _long(look._("Proposal"), item.proposal, detail, look)
    out += _long(look._("Decision"), item.decision, detail, look)
    if item.vote is not None:
        out.append(Line(cell(f"{look._('Vote')}: {vote_text(item.vote, detail, look)}")))
    out += _long(look._("Remarks"), item.remarks, detail, look)
    if item.attachments:
        out.append(Line(cell(f"{look._('Attachments')}:")))
        for att in item.attachments:
            title = text_of(detail, att.title, look)
            out.append(Line(cell(f"  - {title}{' <' + att.url + '>' if att.url else ''}")))
    if item.concerns:
        out.append(Line(cell(look._("Concerns") + ": " + ", ".join(item.concerns))))
    if item.actions:
        out.append(Line(cell(f"{look._('Follow-up actions')}:")))
        out += _actions(item, detail, look)
    return out


def meeting_sections(detail: Detail, look: Look) -> list[Block]:
    """The attendees, then every agenda item whole."""
    meeting = detail.entity
    assert isinstance(meeting, Meeting)
    out: list[Block] = []
    if meeting.attendees:
        role, present = look._("Role"), look._("Present")
        roles = [look.label("attendee_role", person.role) for person in meeting.attendees]
        table = Table(
            [
                Column(look._("Attendee"), min_width=20),
                Column(role, width=min(20, max(12, len(role), *(len(r) for r in roles)))),
                Column(present, width=max(8, len(present))),
            ]
        )
        for person, role_word in zip(meeting.attendees, roles, strict=True):
            who = (
                " - ".join(x for x in (text_of(detail, person.post, look), person.name or "") if x)
                or "-"
            )
            table.add(who, role_word, look._("yes") if person.present else look._("no"))
        out += [Line(()), Heading(counted(look._("Attendees"), len(meeting.attendees))), table]
    out += [Line(()), Heading(counted(look._("Agenda items"), len(meeting.items)))]
    for item in sorted(meeting.items, key=lambda i: i.section):
        out += item_blocks(item, detail, look)
    return out
