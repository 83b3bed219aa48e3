"""The charts read without colour: labels apart, statuses by shape, spans that happened."""

from __future__ import annotations

import re
from datetime import date

from ictgov.i18n.formats import formats
from ictgov.model import Status
from ictgov.render.charts import gantt, line_chart
from ictgov.render.svg import ChartTexts, fill, gantt_svg, line_chart_parts
from ictgov.views.report import SeriesView
from ictgov.views.timeline import Bar, Timeline


def _bar(ident: str, status: Status | None, **dates: date | None) -> Bar:
    values = {"start": None, "end": None, "actual_start": None, "actual_end": None} | dates
    kind = "project" if status is None else "measure"
    return Bar(
        ident,
        kind,
        "1.1" if status else "",
        ident,
        **values,
        status=status,  # type: ignore[arg-type]
        health=None,
        projects=(),
    )


def _timeline(*bars: Bar, projects: tuple[Bar, ...] = ()) -> Timeline:
    return Timeline(
        date(2023, 1, 1), date(2027, 12, 31), date(2025, 6, 1), (2023, 2027), bars, projects
    )


def test_a_started_measure_shows_its_actual_span_whatever_its_status() -> None:
    bars = [
        _bar(
            s.value, s, start=date(2024, 1, 1), end=date(2026, 1, 1), actual_start=date(2024, 2, 1)
        )
        for s in (Status.IN_PROGRESS, Status.ON_HOLD, Status.DISCONTINUED, Status.COMPLETED)
    ]
    chart = gantt(_timeline(*bars))
    assert all(row.actual_w and row.actual_w > 2 for row in chart.rows)


def test_statuses_differ_in_shape_and_a_project_without_dates_says_so() -> None:
    when = {"start": date(2024, 1, 1), "end": date(2025, 1, 1)}
    bars = [
        _bar(s.value, s, **when) for s in (Status.COMPLETED, Status.ON_HOLD, Status.DISCONTINUED)
    ]
    timeline = _timeline(*bars, projects=(_bar("p", None),))
    svg = gantt_svg(
        gantt(timeline), "g", ChartTexts("t", no_dates="ei päivämääriä"), lambda b: b.id
    )  # type: ignore[attr-defined]
    assert "ei päivämääriä" in svg
    assert 'class="mark hatch"' in svg  # on hold: hatched
    assert 'class="mark strike"' in svg  # discontinued: struck through
    assert "status-completed" in svg  # completed: filled (style.css)


def test_year_labels_keep_clear_of_the_end_dates() -> None:
    class Indicator:
        baseline = target = None

    class Value:
        def __init__(self, day: date, value: float) -> None:
            self.date, self.value = day, value

    values = (Value(date(2023, 12, 31), 1), Value(date(2026, 12, 31), 3))
    series = SeriesView(Indicator(), values, values[-1], None)  # type: ignore[arg-type]
    chart = line_chart(series)
    assert chart is not None
    positions = sorted(t.pos for t in chart.x_ticks)
    first, last = positions[0], positions[-1]
    years = [t for t in chart.x_ticks if isinstance(t.value, int)]
    assert 2024 not in [t.value for t in years]  # a day after 31.12.2023: no room
    assert all(first + 84 <= t.pos <= last - 84 for t in years)
    svg = fill(line_chart_parts(chart), "c", ChartTexts("t"), formats("fi"))
    assert "31.12.2023" in svg and ">2025<" in svg


def test_baseline_and_target_labels_do_not_overlap_when_the_lines_are_close() -> None:
    class Ref:
        def __init__(self, value: float) -> None:
            self.value, self.date = value, None

    class Indicator:
        baseline, target = Ref(50), Ref(51)

    class Value:
        def __init__(self, day: date, value: float) -> None:
            self.date, self.value = day, value

    values = (Value(date(2024, 1, 1), 0), Value(date(2025, 1, 1), 100))
    chart = line_chart(SeriesView(Indicator(), values, values[-1], None))  # type: ignore[arg-type]
    assert chart is not None
    svg = fill(line_chart_parts(chart), "c", ChartTexts("t", "Lähtötaso", "Tavoite"), formats("fi"))
    ys = [float(y) for y in re.findall(r'y="([\d.]+)" text-anchor="end" class="ref"', svg)]
    assert len(ys) == 2 and abs(ys[0] - ys[1]) >= 14
