"""A body meets as often as its cadence says, judged from its first recorded meeting."""

from __future__ import annotations

from datetime import date

from ictgov.model import Body, Period
from ictgov.verdicts.cadence import (
    CadenceState,
    cadence_status,
    cadence_years,
    judge,
    meetings_per_year,
)
from tests.verdicts.helpers import TODAY, meeting

PERIOD = Period(start=2022, end=2027)


def body(per_year: int | None = 2, body_id: str = "mgmt") -> Body:
    cadence = {"meetings_per_year": per_year} if per_year else None
    return Body.model_validate(
        {"id": body_id, "name": "Johtoryhmä", "level": "tactical", "cadence": cadence}
    )


def test_a_year_is_met_missed_or_pending_while_it_runs() -> None:
    assert judge("b", 2024, 2, 2, TODAY).state is CadenceState.MET
    assert judge("b", 2024, 2, 1, TODAY).state is CadenceState.MISSED
    assert judge("b", 2025, 2, 0, TODAY).state is CadenceState.PENDING
    assert judge("b", 2024, 4, 1, TODAY).missing == 3


def test_judged_from_the_first_recorded_meeting_not_the_period_start() -> None:
    meetings = [meeting("mgmt", date(2024, 3, 1))]
    years = cadence_status([body()], meetings, PERIOD, TODAY)["mgmt"]
    assert [(y.year, y.state) for y in years] == [
        (2024, CadenceState.MISSED),
        (2025, CadenceState.PENDING),
    ]


def test_a_body_that_never_met_is_not_judged_and_one_without_cadence_not_listed() -> None:
    status = cadence_status([body(), body(None, "board")], [], PERIOD, TODAY)
    assert status == {"mgmt": ()}


def test_future_meetings_do_not_count() -> None:
    meetings = [meeting("mgmt", date(2025, 3, 1)), meeting("mgmt", date(2025, 9, 1))]
    assert meetings_per_year(meetings, TODAY) == {"mgmt": {2025: 1}}
    assert meetings_per_year(meetings) == {"mgmt": {2025: 2}}


def test_years_are_the_period_up_to_this_year_else_from_the_first_meeting() -> None:
    assert cadence_years(PERIOD, [], TODAY) == (2022, 2023, 2024, 2025)
    held = [meeting("mgmt", date(2023, 5, 1)), meeting("mgmt", date(2026, 1, 1))]
    assert cadence_years(None, held, TODAY) == (2023, 2024, 2025)
    assert cadence_years(None, [], TODAY) == ()


def test_explicit_years_are_judged_as_asked() -> None:
    meetings = [meeting("mgmt", date(2023, 2, 1), n) for n in range(2)]
    years = cadence_status([body()], meetings, PERIOD, TODAY, years=[2023])["mgmt"]
    assert [(y.year, y.held, y.state) for y in years] == [(2023, 2, CadenceState.MET)]
