"""Units of the editor: rendering scalars, periods, planning, locating, the engines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ictgov.edit.engine import EditFailedError, UnparseableFileError, edit_text
from ictgov.edit.locate import UnknownIdError, find_measure_file
from ictgov.edit.measure import IndicatorValue, MeasureChange, plan_measure_update
from ictgov.edit.ops import Delete, InsertItem, SetValue, apply_plain
from ictgov.edit.periods import parse_date, parse_period
from ictgov.edit.render import number, plain_ok, scalar
from ictgov.errors import InvalidEditError
from ictgov.load import load_document
from ictgov.load.yaml12 import parse_yaml
from ictgov.model import Health, Measure, Status

DAY = date(2024, 11, 1)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Eteni hyvin", True),
        ("Edistyi, 75 %.", True),
        ("Tila: hyvä", False),
        ("yes", False),
        ("no", False),
        ("2024-01-01", False),
        ("1.12", False),
        ("#1", False),
        (" lead", False),
        ("a #b", False),
        ("", False),
        ("null", False),
    ],
)
def test_plain_only_when_it_reads_back_the_same(text: str, plain: bool) -> None:
    assert plain_ok(text) is plain
    rendered = scalar(text)
    assert parse_yaml(f"k: {rendered}\n").data == {"k": text}


def test_scalar_styles_and_numbers() -> None:
    assert scalar("it's", style="'") == "'it''s'"
    assert scalar("x", style='"') == '"x"'
    assert scalar(date(2024, 1, 2)) == "2024-01-02"
    assert number(30.0) == "30"
    assert number(12.5) == "12.5"
    assert number(1e-7) == "0.0000001"
    assert scalar(True) == "true"


@pytest.mark.parametrize(
    ("period", "day"),
    [
        ("2024", date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 29)),
        ("2024-Q1", date(2024, 3, 31)),
        ("2024q4", date(2024, 12, 31)),
        ("2024-06-15", date(2024, 6, 15)),
        ("15.6.2024", date(2024, 6, 15)),
        (2023, date(2023, 12, 31)),
    ],
)
def test_periods_mean_their_last_day(period: object, day: date) -> None:
    assert parse_period(period) == day


@pytest.mark.parametrize("bad", ["2024-13", "2024-Q5", "24", "20241301", "next year"])
def test_bad_periods_say_what_is_accepted(bad: str) -> None:
    with pytest.raises(ValueError, match="YYYY-Qn"):
        parse_period(bad)


@pytest.mark.parametrize(
    ("period", "day"),
    [
        ("2026-11", date(2026, 11, 21)),  # running: the value so far, dated on the report day
        ("2026-Q4", date(2026, 11, 21)),
        ("2026", date(2026, 11, 21)),
        (2026, date(2026, 11, 21)),
        ("2026-10", date(2026, 10, 31)),  # ended: its last day
        ("2026-Q3", date(2026, 9, 30)),
        ("2025", date(2025, 12, 31)),
        ("2026-11-30", date(2026, 11, 30)),  # an explicit day stays as written
        ("30.11.2026", date(2026, 11, 30)),
    ],
)
def test_running_periods_are_dated_on_the_reporting_date(period: object, day: date) -> None:
    assert parse_period(period, not_after=date(2026, 11, 21)) == day


def test_a_period_ending_on_the_reporting_date_keeps_its_last_day() -> None:
    assert parse_period("2026-11", not_after=date(2026, 11, 30)) == date(2026, 11, 30)
    assert parse_period("2026-11") == date(2026, 11, 30)  # no reporting date: last day


@pytest.mark.parametrize("period", ["2026-12", "2027", "2027-Q1", 2027])
def test_a_period_not_begun_is_refused(period: object) -> None:
    with pytest.raises(ValueError, match="has not begun by the reporting date 2026-11-21"):
        parse_period(period, not_after=date(2026, 11, 21))


def test_parse_date_is_strict() -> None:
    assert parse_date("1.11.2024") == DAY
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date("2024")


MEASURE = """\
id: m
code: "1.1"
title: T
goals: [g1]
status: in_progress
health: at_risk
progress: 40
indicator:
  description: D
  values:
    - {date: 2024-06-30, value: 10}
updates:
  - date: 2024-10-01
    note: Eteni.
"""


def plan(change: MeasureChange, text: str = MEASURE) -> tuple[list[object], list[str], Measure]:
    doc = load_document("data/measures/m.yaml", text.encode())
    assert isinstance(doc.model, Measure)
    result = plan_measure_update(doc.model, doc.data, change)
    new = edit_text(text, result.ops).text
    model = load_document("data/measures/m.yaml", new.encode()).model
    assert isinstance(model, Measure)
    return list(result.ops), result.changes, model


def test_completing_sets_progress_end_date_and_drops_health() -> None:
    _, changes, m = plan(MeasureChange(date=DAY, status=Status.COMPLETED))
    assert (m.status, m.progress, m.health, m.schedule.actual_end) == (
        Status.COMPLETED,
        100,
        None,
        DAY,
    )
    assert m.updates[-1].status is Status.COMPLETED and m.updates[-1].progress == 100
    assert "health: removed (it applies only while in progress)" in changes


def test_explicit_progress_wins_over_the_coupling() -> None:
    _, _, m = plan(MeasureChange(date=DAY, status=Status.COMPLETED, progress=90))
    assert m.progress == 90


def test_starting_sets_the_actual_start() -> None:
    text = MEASURE.replace("status: in_progress", "status: planned").replace(
        "health: at_risk\n", ""
    )
    _, _, m = plan(MeasureChange(date=DAY, status=Status.IN_PROGRESS, health=Health.ON_TRACK), text)
    assert m.schedule.actual_start == DAY and m.health is Health.ON_TRACK


def test_health_needs_in_progress() -> None:
    with pytest.raises(InvalidEditError, match="only while a measure is in progress"):
        plan(MeasureChange(date=DAY, status=Status.ON_HOLD, health=Health.AT_RISK))


def test_same_values_plan_nothing() -> None:
    ops, _, _ = plan(
        MeasureChange(
            date=DAY,
            status=Status.IN_PROGRESS,
            health=Health.AT_RISK,
            progress=40,
            values=(IndicatorValue(date(2024, 6, 30), 10.0),),
        )
    )
    assert ops == []


def test_repeated_note_of_the_same_day_is_not_logged_twice() -> None:
    ops, _, _ = plan(MeasureChange(date=date(2024, 10, 1), note="Eteni."))
    assert ops == []
    ops, _, m = plan(MeasureChange(date=DAY, note="Eteni."))
    assert len(m.updates) == 2


def test_value_at_an_existing_date_is_corrected_not_duplicated() -> None:
    _, changes, m = plan(MeasureChange(date=DAY, values=(IndicatorValue(date(2024, 6, 30), 12.5),)))
    assert m.indicator is not None
    assert [(o.date, o.value) for o in m.indicator.values] == [(date(2024, 6, 30), 12.5)]
    assert changes == ["indicator value 2024-06-30: 10 -> 12.5"]
    assert len(m.updates) == 1  # values alone are dated records; no log entry


def test_new_values_go_in_date_order() -> None:
    _, _, m = plan(
        MeasureChange(
            date=DAY,
            values=(IndicatorValue(date(2024, 12, 31), 3), IndicatorValue(date(2024, 3, 31), 1)),
        )
    )
    assert m.indicator is not None
    assert [o.date.month for o in m.indicator.values] == [3, 6, 12]


def test_backdated_entry_is_inserted_in_date_order() -> None:
    _, _, m = plan(MeasureChange(date=date(2024, 9, 1), progress=45))
    assert [u.date for u in m.updates] == [date(2024, 9, 1), date(2024, 10, 1)]


def test_values_need_an_indicator() -> None:
    text = MEASURE.split("indicator:")[0]
    with pytest.raises(InvalidEditError, match="has no indicator"):
        plan(MeasureChange(date=DAY, values=(IndicatorValue(DAY, 1),)), text)


def test_unparseable_text_is_never_edited() -> None:
    with pytest.raises(UnparseableFileError, match="line 3"):
        edit_text("a: 1\nb: [\n", [SetValue(("a",), 2)])


def test_engine_output_must_read_back_as_intended(monkeypatch: pytest.MonkeyPatch) -> None:
    from ictgov.edit import engine

    monkeypatch.setitem(engine.ENGINES, "patch", lambda text, ops, style, root: text + "extra: 1\n")
    with pytest.raises(EditFailedError, match="does not read back as intended"):
        edit_text("a: 1\n", [SetValue(("a",), 2)], engines=("patch",))


def test_plain_data_model_of_operations() -> None:
    data = {"a": {"b": 1}, "l": [1, 2]}
    out = apply_plain(
        data,
        [SetValue(("a", "c"), date(2024, 1, 1)), Delete(("a", "b")), InsertItem(("l",), 1, 9)],
    )
    assert out == {"a": {"c": "2024-01-01"}, "l": [1, 9, 2]}
    assert data == {"a": {"b": 1}, "l": [1, 2]}


def test_locate_by_name_then_by_content(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "measures" / "goal-1"
    folder.mkdir(parents=True)
    (folder / "alpha.yaml").write_text("id: alpha\n", encoding="utf-8")
    (folder / "renamed.yaml").write_text("# c\nid: 'beta'  # note\n", encoding="utf-8")
    (tmp_path / "data" / "measures" / "gamma.yaml").write_text("id: gamma\n", encoding="utf-8")
    assert find_measure_file(tmp_path, "gamma").name == "gamma.yaml"
    assert find_measure_file(tmp_path, "alpha").name == "alpha.yaml"
    assert find_measure_file(tmp_path, "beta").name == "renamed.yaml"
    with pytest.raises(UnknownIdError, match="did you mean alpha"):
        find_measure_file(tmp_path, "alpah")
