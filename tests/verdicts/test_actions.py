"""A decision's follow-up action is late after its due date until it is done."""

from __future__ import annotations

from datetime import date

from ictgov.verdicts.actions import days_late, is_action_overdue
from tests.verdicts.helpers import TODAY, action


def test_late_after_the_due_date_not_on_it() -> None:
    assert days_late(action(due=date(2025, 6, 20)), TODAY) == 10
    assert is_action_overdue(action(due=date(2025, 6, 29)), TODAY)
    assert not is_action_overdue(action(due=TODAY), TODAY)


def test_done_or_undated_is_never_late() -> None:
    assert days_late(action(due=date(2020, 1, 1), done=True), TODAY) == 0
    assert not is_action_overdue(action(), TODAY)
