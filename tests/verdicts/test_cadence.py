"""A body meets as often and when its cadence says, judged from its start."""

from __future__ import annotations

from datetime import date

from ictgov.model import Body, Period
from ictgov.verdicts.cadence import (
    CadenceState,
    Concern,
    cadence_status,
    cadence_years,
    concerns,
    judge,
    meetings_per_year,
    never_met_since,
)
from tests.verdicts.helpers import TODAY, meeting

PERIOD = Period(start=2022, end=2027)


def body(per_year: int | str | None = 2, body_id: str = "mgmt", **extra: object) -> Body:
    cadence = {"meetings_per_year": per_year} if per_year else None
    if cadence is not None and "timing" in extra:
        cadence["timing"] = extra.pop("timing")
    return Body.model_validate(
        {"id": body_id, "name": "Johtoryhmä", "level": "tactical", "cadence": cadence, **extra}
    )


def test_a_year_is_met_missed_or_pending_while_it_runs() -> None:
    assert judge("b", 2024, 2, 2, TODAY).state is CadenceState.MET
    assert judge("b", 2024, 2, 1, TODAY).state is CadenceState.MISSED
    assert judge("b", 2025, 2, 0, TODAY).state is CadenceState.PENDING
    assert judge("b", 2024, 4, 1, TODAY).missing == 3


def test_judged_from_the_period_start_when_not_established() -> None:
    meetings = [meeting("mgmt", date(2024, 3, 1))]
    years = cadence_status([body()], meetings, PERIOD, TODAY)["mgmt"]
    assert [(y.year, y.held, y.state) for y in years] == [
        (2022, 0, CadenceState.MISSED),
        (2023, 0, CadenceState.MISSED),
        (2024, 1, CadenceState.MISSED),
        # 30.6.2025 is a day short of half the year: 2 a year asks for none yet.
        (2025, 0, CadenceState.PENDING),
    ]


def test_judged_from_established_with_a_share_of_the_first_year() -> None:
    established = body(4, established="2024-07-01")
    meetings = [meeting("mgmt", date(2024, 9, 1)), meeting("mgmt", date(2024, 11, 1))]
    years = cadence_status([established], meetings, PERIOD, TODAY)["mgmt"]
    # Half of 2024 is left: 2 of 4; by 30.6.2025 half a year: 1 of 4 (rounded down).
    assert [(y.year, y.required, y.held, y.state) for y in years] == [
        (2024, 2, 2, CadenceState.MET),
        (2025, 4, 0, CadenceState.BEHIND),
    ]
    assert years[1].expected == 1


def test_without_a_period_judged_from_the_first_meeting_and_never_met_not_at_all() -> None:
    meetings = [meeting("mgmt", date(2024, 3, 1))]
    years = cadence_status([body(1)], meetings, None, TODAY)["mgmt"]
    assert [(y.year, y.state) for y in years] == [
        (2024, CadenceState.MET),
        (2025, CadenceState.PENDING),
    ]
    assert cadence_status([body()], [], None, TODAY) == {"mgmt": ()}
    assert never_met_since(body(), [], None, TODAY) is None


def test_one_without_cadence_is_not_listed() -> None:
    status = cadence_status([body(), body(None, "board")], [], PERIOD, TODAY)
    assert list(status) == ["mgmt"]


def test_a_range_sets_the_least_and_notes_more_than_the_most() -> None:
    ranged = body("2-4")
    assert ranged.cadence is not None
    assert (ranged.cadence.least, ranged.cadence.most) == (2, 4)
    assert body("2–3").cadence is not None  # an en dash, as copied from a document
    meetings = [meeting("mgmt", date(2024, m, 1)) for m in (1, 3, 5, 7, 9)]
    years = cadence_status([ranged], meetings, PERIOD, TODAY, years=[2024])["mgmt"]
    assert (years[0].state, years[0].over) == (CadenceState.MET, True)


def test_a_range_out_of_order_is_refused_with_the_fix() -> None:
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=r"the least comes first, e.g. 2-4"):
        body("4-2")


def test_a_timing_window_that_ended_without_a_meeting_is_missed() -> None:
    timed = body(
        2,
        timing=[
            {"months": [2, 3], "label": "Tilinpäätös"},
            {"months": [6], "label": "Talousarvio"},
            {"months": [10]},
        ],
    )
    meetings = [meeting("mgmt", date(2024, 2, 10)), meeting("mgmt", date(2024, 8, 1))]
    years = cadence_status([timed], meetings, PERIOD, TODAY, years=[2024, 2025])["mgmt"]
    assert [w.label for w in years[0].missed_windows] == ["Talousarvio", None]
    # 30.6.2025: June has not ended yet; February-March has.
    assert [w.label for w in years[1].missed_windows] == ["Tilinpäätös"]


def test_concerns_list_never_met_first_then_last_year_missed_windows_and_behind() -> None:
    never = body(2, "never", established="2024-01-15")
    late = body(4, "late", timing=[{"months": [3], "label": "Tilinpäätös"}])
    fresh = body(2, "fresh", established="2025-05-01")
    meetings = [meeting("late", date(2024, 3, 5))]
    found = concerns([late, never, fresh], meetings, PERIOD, TODAY)
    assert [(c.body_id, c.concern, c.year) for c in found] == [
        ("never", Concern.NEVER_MET, 2025),
        ("late", Concern.MISSED, 2024),
        ("late", Concern.MISSED_WINDOW, 2025),
        ("late", Concern.BEHIND, 2025),
    ]
    assert found[0].since == date(2024, 1, 15)


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


def test_a_cadence_since_a_later_day_is_judged_from_then() -> None:
    later = Body.model_validate(
        {
            "id": "mgmt",
            "name": "Johtoryhmä",
            "level": "tactical",
            "cadence": {"meetings_per_year": 2, "since": "2024-01-01"},
        }
    )
    meetings = [meeting("mgmt", date(2024, 3, 1)), meeting("mgmt", date(2024, 9, 1))]
    years = cadence_status([later], meetings, PERIOD, TODAY)["mgmt"]
    assert [y.year for y in years] == [2024, 2025]  # not 2022 or 2023 of the period
