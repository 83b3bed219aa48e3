"""A measure taken back to a past day: never a later value, never an invented one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ictgov.exchange.values import parse_category
from ictgov.model import Category, Measure, Status
from ictgov.verdicts.asof import StateSource, measure_at

STATUSES = [s.value for s in Status]


def entries() -> st.SearchStrategy[list[dict[str, object]]]:
    entry = st.fixed_dictionaries(
        {"date": st.dates(date(2023, 1, 1), date(2027, 12, 31))},
        optional={
            "status": st.sampled_from(["in_progress", "on_hold"]),
            "progress": st.integers(0, 99),
            "health": st.sampled_from(["on_track", "at_risk", "off_track"]),
        },
    )
    return st.lists(entry, max_size=8)


@given(entries(), st.dates(date(2023, 1, 1), date(2027, 12, 31)))
def test_the_state_is_the_newest_logged_on_or_before_the_day(
    updates: list[dict[str, object]], day: date
) -> None:
    m = Measure.model_validate(
        {
            "id": "m",
            "code": "1",
            "title": "M",
            "goals": ["g"],
            "status": "in_progress",
            "health": "off_track",
            "progress": 77,
            "schedule": {"actual_start": "2023-01-01"},
            "updates": updates,
        }
    )
    state = measure_at(m, day)
    assert all(u.date <= day for u in state.measure.updates)
    before = sorted((u for u in m.updates if u.date <= day), key=lambda u: u.date)
    if not before:
        assert state.source is StateSource.DATES
        assert state.measure.status is Status.IN_PROGRESS  # the actual start says so
        assert not state.progress_known  # ... but not how far
        return
    assert state.source is StateSource.LOG
    progress = [u.progress for u in before if u.progress is not None]
    if progress:
        assert state.measure.progress == progress[-1]
    else:
        assert not state.progress_known
    statuses = [u.status for u in before if u.status is not None]
    assert state.measure.status == (statuses[-1] if statuses else Status.IN_PROGRESS)


def test_an_actual_end_after_the_day_is_not_yet_an_end() -> None:
    m = Measure.model_validate(
        {
            "id": "m",
            "code": "1",
            "title": "M",
            "goals": ["g"],
            "status": "completed",
            "progress": 100,
            "schedule": {"actual_start": "2024-02-01", "actual_end": "2026-03-01"},
        }
    )
    state = measure_at(m, date(2025, 12, 31))
    assert state.measure.status is Status.IN_PROGRESS
    assert state.measure.schedule.actual_end is None
    assert state.measure.schedule.actual_start == date(2024, 2, 1)
    done = measure_at(m, date(2026, 3, 1) + timedelta(days=1))
    assert done.measure.status is Status.COMPLETED and done.measure.progress == 100


CATEGORIES = {
    c.id: c
    for c in (
        Category(id="infra", name={"fi": "Infrastruktuuri", "sv": "Infrastruktur"}),
        Category(id="osaaminen", name="Osaaminen"),
    )
}


@given(st.text(max_size=30))
def test_any_cell_is_a_declared_id_or_a_clear_refusal(text: str) -> None:
    try:
        found = parse_category(text, CATEGORIES)
    except ValueError as exc:
        assert "categories: infra, osaaminen" in str(exc)
    else:
        assert found in CATEGORIES


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("infra", "infra"),
        (" Infrastruktur ", "infra"),
        ("osaaminen", "osaaminen"),
        ("OSAAMINEN", "osaaminen"),
    ],
)
def test_an_id_or_a_name_in_any_language(cell: str, expected: str) -> None:
    assert parse_category(cell, CATEGORIES) == expected
