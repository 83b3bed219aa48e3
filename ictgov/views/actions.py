"""Every follow-up action of every decision, numbered as the minutes number them.

``ictgov action list`` shows them and ``ictgov action done MEETING § N`` closes one: both
count an item's actions from 1 in the order the file lists them, so the number a
secretary reads is the number she types.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from ictgov.load import Tree
from ictgov.model import Action, AgendaItem, Meeting
from ictgov.verdicts.actions import days_late


class ActionState(StrEnum):
    """Where an action stands today."""

    OPEN = "open"
    OVERDUE = "overdue"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class ActionRow:
    """One action with its decision, its number within the item and its state today."""

    meeting: Meeting
    item: AgendaItem
    number: int
    action: Action
    state: ActionState
    days_overdue: int

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``--format json``."""
        action = self.action
        return {
            "meeting": self.meeting.id,
            "body": self.meeting.body,
            "date": self.meeting.date.isoformat(),
            "section": self.item.section,
            "number": self.number,
            "what": action.what,
            "responsible": action.responsible,
            "due": action.due.isoformat() if action.due else None,
            "state": self.state.value,
            "days_overdue": self.days_overdue,
            "done_date": action.done_date.isoformat() if action.done_date else None,
        }


def action_state(action: Action, today: date) -> tuple[ActionState, int]:
    """Done, overdue by N days (the verdict ``days_late``), or open."""
    if action.done:
        return ActionState.DONE, 0
    days = days_late(action, today)
    return (ActionState.OVERDUE, days) if days else (ActionState.OPEN, 0)


def list_actions(
    tree: Tree,
    today: date,
    *,
    states: frozenset[ActionState] | None = None,
    responsible: str | None = None,
) -> list[ActionRow]:
    """The actions in meeting order (date, §, number), filtered by state and responsible."""
    rows: list[ActionRow] = []
    for meeting in sorted(tree.meetings, key=lambda m: (m.date, m.id)):
        for item in sorted(meeting.items, key=lambda i: i.section):
            for number, action in enumerate(item.actions, start=1):
                state, days = action_state(action, today)
                if states is not None and state not in states:
                    continue
                if responsible is not None and action.responsible != responsible:
                    continue
                rows.append(ActionRow(meeting, item, number, action, state, days))
    return rows
