"""The data model: strict keys, texts, ISO dates, business ids, measure defaults."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from ictgov.model import (
    Health,
    Measure,
    Organisation,
    Period,
    Status,
    Strategy,
    business_id_check_digit,
    business_id_is_valid,
    is_valid_id,
)

MEASURE: dict[str, Any] = {"id": "m1", "code": "1.1", "title": "T", "goals": ["g1"]}


def measure(**changes: Any) -> Measure:
    return Measure.model_validate({**MEASURE, **changes})


def errors(exc: pytest.ExceptionInfo[ValidationError]) -> list[tuple[tuple[Any, ...], str]]:
    return [(e["loc"], e["type"]) for e in exc.value.errors()]


def test_measure_defaults() -> None:
    m = measure()
    assert (m.status, m.health, m.progress, m.participants) == (Status.PLANNED, None, 0, None)
    assert m.last_update is None


def test_unknown_keys_are_rejected_everywhere() -> None:
    with pytest.raises(ValidationError) as top:
        measure(staus="planned")
    assert errors(top) == [(("staus",), "extra_forbidden")]
    with pytest.raises(ValidationError) as nested:
        measure(schedule={"planned_ned": "2024-01-01"})
    assert errors(nested) == [(("schedule", "planned_ned"), "extra_forbidden")]


@pytest.mark.parametrize("progress", [-1, 101, "half"])
def test_progress_is_a_percentage(progress: object) -> None:
    with pytest.raises(ValidationError):
        measure(progress=progress)


def test_a_measure_needs_a_goal() -> None:
    with pytest.raises(ValidationError) as exc:
        measure(goals=[])
    assert errors(exc)[0][0] == ("goals",)


def test_texts_are_strings_or_language_maps() -> None:
    assert measure(title={"fi": "Alfa", "en": "Alpha"}).title == {"fi": "Alfa", "en": "Alpha"}
    for bad, kind in (
        ({"de": "x"}, "text_language"),
        ({}, "text_empty"),
        ({"fi": 1}, "text_type"),
        (3, "text_type"),
    ):
        with pytest.raises(ValidationError) as exc:
            measure(title=bad)
        assert errors(exc) == [(("title",), kind)]


def test_dates_are_iso_only() -> None:
    m = measure(schedule={"planned_start": "2024-01-31", "planned_end": date(2024, 2, 1)})
    assert m.schedule.planned_start == date(2024, 1, 31)
    for bad in ("31.1.2024", 20240131, "2024-02-30", "2024-1-5"):
        with pytest.raises(ValidationError) as exc:
            measure(schedule={"planned_end": bad})
        assert errors(exc)[0][1] in {"date_format", "date_type"}


def test_update_log_last_entry_is_the_newest_by_date() -> None:
    m = measure(
        updates=[
            {"date": "2024-05-01", "progress": 50},
            {"date": "2024-01-01", "progress": 10, "health": "at_risk"},
        ]
    )
    assert m.last_update is not None and m.last_update.progress == 50
    assert m.updates[1].health is Health.AT_RISK


def test_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValidationError, match="ends"):
        Period(start=2027, end=2023)


def test_strategy_language_is_checked() -> None:
    base = {
        "id": "s",
        "title": "S",
        "period": {"start": 2023, "end": 2027},
        "vision": {"text": "V", "horizon": 2040},
    }
    assert Strategy.model_validate(base).language == "fi"
    with pytest.raises(ValidationError):
        Strategy.model_validate({**base, "language": "de"})


def test_municipality_code_keeps_leading_zeros() -> None:
    org = Organisation.model_validate({"id": "akaa", "name": "Akaa", "municipality_code": "020"})
    assert org.municipality_code == "020"
    with pytest.raises(ValidationError):
        Organisation.model_validate({"id": "akaa", "name": "Akaa", "municipality_code": 20})


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("0211675-2", True),
        ("0211675-3", False),
        ("2011675-2", False),
        ("0211675", False),
        ("021167a-2", False),
        ("1572860-0", True),
    ],
)
def test_business_id_check_digit(value: str, valid: bool) -> None:
    assert business_id_is_valid(value) is valid


def test_business_id_remainder_one_has_no_valid_digit() -> None:
    # 7*0 + 9*0 + 10*0 + 5*0 + 8*0 + 4*0 + 2*6 = 12 -> remainder 1: no business id exists.
    assert business_id_check_digit("0000006") is None
    assert not any(business_id_is_valid(f"0000006-{d}") for d in range(10))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_every_computed_check_digit_validates(first7: str) -> None:
    digit = business_id_check_digit(first7)
    if digit is None:
        return
    assert business_id_is_valid(f"{first7}-{digit}")
    assert not business_id_is_valid(f"{first7}-{(digit + 1) % 10}")


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("m-1.2_x", True),
        ("1-1", True),
        ("M1", False),
        ("-m", False),
        ("a b", False),
        ("../x", False),
        ("x" * 81, False),
        ("", False),
    ],
)
def test_is_valid_id(value: str, valid: bool) -> None:
    assert is_valid_id(value) is valid


@pytest.mark.parametrize("code", [" ", "", "-rf", "../../etc/passwd", "{{7*7}}", "1 2", "x" * 21])
def test_a_measure_code_must_be_letters_digits_and_dots(code: str) -> None:
    from ictgov.load import load_document

    raw = f"id: m1\ncode: {code!r}\ntitle: T\ngoals: [g1]\n".encode()
    (problem,) = load_document("data/measures/m1.yaml", raw).diagnostics
    assert (problem.code, problem.line) == ("SC02", 2)
    assert "e.g. '1.10'" in problem.message


@pytest.mark.parametrize("code", ["1", "1.10", "A2", "Ä-3", "2024_1"])
def test_codes_in_use_stay_valid(code: str) -> None:
    from ictgov.load import load_document

    raw = f"id: m1\ncode: {code!r}\ntitle: T\ngoals: [g1]\n".encode()
    assert load_document("data/measures/m1.yaml", raw).diagnostics == []
