"""``ictgov action done``: close a decision's follow-up action through the safe editor.

The same path as ``update``: find the file, plan operations from the validated model,
apply them exactly (comments and layout kept), re-read, refuse a change lint would call
an error, write atomically. An item with several actions and no number given changes
nothing: the error lists them, so the secretary picks one (or gives ``--all``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ictgov.config import Config
from ictgov.edit.locate import find_meeting_file
from ictgov.edit.measure import Plan
from ictgov.edit.ops import SetValue
from ictgov.edit.service import apply_edit
from ictgov.edit.transaction import FileEdit
from ictgov.errors import InvalidEditError
from ictgov.i18n.speak import _, ngettext
from ictgov.load import Document
from ictgov.model import Action, Meeting
from ictgov.views.text import plain

ACTION_ORDER = tuple(Action.model_fields)


class ActionChoiceError(InvalidEditError):
    """The command does not say which action: the message lists them."""


@dataclass(frozen=True)
class CloseActions:
    """Which actions to close, when, and with what note."""

    meeting_id: str
    section: int
    number: int | None = None
    every_open: bool = False
    done_date: date | None = None
    note: str | None = None


def plan_close(meeting: Meeting, data: dict[str, Any], request: CloseActions) -> Plan:
    """The operations that mark the chosen actions done, and the changes in words."""
    found = [i for i, item in enumerate(meeting.items) if item.section == request.section]
    if not found:
        sections = ", ".join(f"§ {item.section}" for item in meeting.items) or "none"
        raise InvalidEditError(
            _("{meeting} has no § {section}; its sections are: {sections}").format(
                meeting=meeting.id, section=request.section, sections=sections
            )
        )
    index = found[0]
    actions = meeting.items[index].actions
    chosen = _choose(meeting, request, actions)
    when = request.done_date
    plan = Plan()
    for number in chosen:
        action = actions[number - 1]
        path = ("items", index, "actions", number - 1)
        if action.done:
            continue
        plan.ops.append(SetValue((*path, "done"), True, ACTION_ORDER))
        if when is not None:
            plan.ops.append(SetValue((*path, "done_date"), when, ACTION_ORDER))
        if request.note:
            plan.ops.append(SetValue((*path, "note"), _noted(action, request.note), ACTION_ORDER))
        day = f" {when.isoformat()}" if when else ""
        plan.changes.append(f"§ {request.section} action {number}: open -> done{day}")
    return plan


def _choose(meeting: Meeting, request: CloseActions, actions: list[Action]) -> list[int]:
    """Action numbers (from 1) to close; ActionChoiceError when that is not clear."""
    where = f"{meeting.id} § {request.section}"
    if not actions:
        raise InvalidEditError(_("{where} has no follow-up actions").format(where=where))
    if request.number is not None:
        if not 1 <= request.number <= len(actions):
            raise ActionChoiceError(
                ngettext(
                    "{where} has {n} action; there is no action {number}",
                    "{where} has {n} actions; there is no action {number}",
                    len(actions),
                ).format(where=where, n=len(actions), number=request.number)
                + f"\n{_listing(actions)}"
            )
        if actions[request.number - 1].done:
            raise InvalidEditError(
                _("{where} action {number} is already done").format(
                    where=where, number=request.number
                )
            )
        return [request.number]
    open_numbers = [n for n, a in enumerate(actions, start=1) if not a.done]
    if not open_numbers:
        raise InvalidEditError(_("every action of {where} is already done").format(where=where))
    if request.every_open or len(actions) == 1:
        return open_numbers
    raise ActionChoiceError(
        _(
            "{where} has {n} actions; give the number of the one that is done "
            "(or --all for every open one), nothing was changed:"
        ).format(where=where, n=len(actions))
        + f"\n{_listing(actions)}"
    )


def _noted(action: Action, note: str) -> str:
    """The action's note with *note* added below it: an earlier note is never lost."""
    if action.note is None:
        return note
    if isinstance(action.note, str):
        return f"{action.note.rstrip()}\n{note}"
    raise InvalidEditError(
        _(
            "the action already has a note in several languages; add to it in the file "
            "instead of --note"
        )
    )


def _listing(actions: list[Action]) -> str:
    lines = []
    for number, action in enumerate(actions, start=1):
        state = "done" if action.done else "open"
        lines.append(f"  {number}. [{state}] {plain(action.what)}")
    return "\n".join(lines)


def close_actions(
    root: Path,
    config: Config,
    request: CloseActions,
    today: date,
    *,
    dry_run: bool = False,
) -> tuple[FileEdit, bool]:
    """Mark actions done in the meeting's file; (the edit, whether it was written)."""
    if request.done_date is not None and request.done_date > today:
        raise InvalidEditError(
            _(
                "--date {date} is after today ({today}); an action is closed when it has been done"
            ).format(date=request.done_date.isoformat(), today=today.isoformat())
        )
    path = find_meeting_file(root, request.meeting_id)

    def planner(doc: Document) -> Plan:
        model = doc.model
        if not isinstance(model, Meeting) or model.id != request.meeting_id:
            raise InvalidEditError(
                _("{file} does not hold meeting {id!r}").format(
                    file=doc.path, id=request.meeting_id
                )
            )
        data: dict[str, Any] = doc.data if isinstance(doc.data, dict) else {}
        return plan_close(model, data, request)

    return apply_edit(root, config, path, planner, today, dry_run=dry_run)
