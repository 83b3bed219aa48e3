"""Decisions indexed by what they concern, and follow-up actions that are overdue."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from ictgov.load import Tree
from ictgov.model import Action, AgendaItem, Meeting
from ictgov.verdicts.actions import days_late


@dataclass(frozen=True, slots=True)
class DecisionRef:
    """One agenda item of one meeting."""

    meeting: Meeting
    item: AgendaItem


@dataclass(frozen=True, slots=True)
class OpenAction:
    """A follow-up action not yet done, with the decision that assigned it."""

    meeting: Meeting
    item: AgendaItem
    action: Action
    overdue: bool
    days_overdue: int


def decisions_by_concern(tree: Tree) -> dict[str, list[DecisionRef]]:
    """Strategy item id -> decisions that concern it, oldest first."""
    index: dict[str, list[DecisionRef]] = defaultdict(list)
    for meeting in sorted(tree.meetings, key=lambda m: (m.date, m.id)):
        for item in meeting.items:
            for concerned in item.concerns:
                index[concerned].append(DecisionRef(meeting, item))
    return dict(index)


def open_actions(tree: Tree, today: date) -> list[OpenAction]:
    """Actions not done, most overdue first: a decision nobody carries out is a failure."""
    out: list[OpenAction] = []
    for meeting in tree.meetings:
        for item in meeting.items:
            for action in item.actions:
                if action.done:
                    continue
                days = days_late(action, today)
                out.append(OpenAction(meeting, item, action, days > 0, days))
    out.sort(key=lambda a: (not a.overdue, -a.days_overdue, a.meeting.date, a.item.section))
    return out
