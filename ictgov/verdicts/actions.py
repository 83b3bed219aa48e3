"""Verdicts about a decision's follow-up action: open, and how late."""

from __future__ import annotations

from datetime import date

from ictgov.model import Action


def days_late(action: Action, today: date) -> int:
    """Days past the due date of an action not done; 0 when done, undated or not yet due."""
    if action.done or action.due is None or action.due >= today:
        return 0
    return (today - action.due).days


def is_action_overdue(action: Action, today: date) -> bool:
    """Not done and its due date is before *today* (due today is not late yet)."""
    return days_late(action, today) > 0


def open_on(action: Action, decided: date, day: date) -> bool:
    """Assigned on or before *day* and not known to be done by then.

    An action marked done without a ``done_date`` is taken as done: when it was done is
    unknown, and a report must not claim it was still open.
    """
    if decided > day:
        return False
    if not action.done:
        return True
    return action.done_date is not None and action.done_date > day
