"""Geometry of the inline SVG charts: numbers in, coordinates out.

Templates draw the SVG from these plain objects (and format the labels in the
reader's language); the arithmetic lives here, computed once per chart for every
language, and is easy to test.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from ictgov.model import Reference
from ictgov.views.report import SeriesView
from ictgov.views.timeline import Bar, Timeline


@dataclass(frozen=True, slots=True)
class Point:
    """A plotted value."""

    x: float
    y: float
    value: float
    date: date


@dataclass(frozen=True, slots=True)
class Tick:
    """An axis tick at a position, with its raw value (formatted by the template)."""

    pos: float
    value: float | date | int


@dataclass(frozen=True, slots=True)
class RefLine:
    """A horizontal reference line (baseline or target) with an optional dated marker."""

    y: float
    value: float
    x: float | None
    date: date | None


@dataclass(frozen=True)
class LineChart:
    """An indicator's values against its baseline and target."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    points: tuple[Point, ...]
    path: str
    baseline: RefLine | None
    target: RefLine | None
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]


@dataclass(frozen=True, slots=True)
class GanttRow:
    """One bar of the Gantt chart."""

    bar: Bar
    y: float
    x: float | None
    w: float | None
    actual_x: float | None
    actual_w: float | None
    #: True when the bar has only a start or only an end (drawn to the axis edge).
    open_ended: bool


@dataclass(frozen=True)
class Gantt:
    """Measures and projects on a time axis with year ticks and today's line."""

    width: int
    height: int
    label_width: int
    top: int
    row_height: int
    rows: tuple[GanttRow, ...]
    years: tuple[Tick, ...]
    year_width: float
    today_x: float | None
    period: tuple[float, float] | None


#: Room an axis date label ("31.12.2023", "31 Dec 2023") and a year label take, in SVG
#: units at 12 px, with a gap.
_DATE_LABEL_WIDTH = 84
_YEAR_LABEL_WIDTH = 40


def nice_step(span: float, count: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about *count* ticks."""
    if span <= 0:
        return 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


def line_chart(series: SeriesView, width: int = 640, height: int = 260) -> LineChart | None:
    """The chart of an indicator, or None when there is nothing to plot."""
    ind = series.indicator
    dated: list[tuple[date, float]] = [(o.date, o.value) for o in series.values]
    refs = [r for r in (ind.baseline, ind.target) if r is not None]
    values = [v for _, v in dated] + [r.value for r in refs]
    days = [d for d, _ in dated] + [r.date for r in refs if r.date is not None]
    if not values or not days:
        return None
    left, right, top, bottom = 64, 16, 16, 40
    lo, hi = min(values), max(values)
    if lo >= 0 and lo <= hi / 2:
        lo = 0.0
    if hi == lo:
        hi, lo = hi + 1, lo - 1 if lo != 0 else 0.0
    step = nice_step(hi - lo)
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
    first, last = min(days), max(days)
    if first == last:
        first, last = (
            date.fromordinal(first.toordinal() - 30),
            date.fromordinal(last.toordinal() + 30),
        )
    plot_w, plot_h = width - left - right, height - top - bottom

    def x_of(day: date) -> float:
        return round(left + plot_w * (day - first).days / (last - first).days, 1)

    def y_of(value: float) -> float:
        return round(top + plot_h * (hi - value) / (hi - lo), 1)

    points = tuple(Point(x_of(d), y_of(v), v, d) for d, v in dated)
    path = " ".join(f"{'M' if i == 0 else 'L'}{p.x},{p.y}" for i, p in enumerate(points))

    def ref(r: Reference | None) -> RefLine | None:
        if r is None:
            return None
        return RefLine(y_of(r.value), r.value, x_of(r.date) if r.date else None, r.date)

    y_ticks = []
    count = round((hi - lo) / step)
    for i in range(count + 1):
        value = lo + i * step
        y_ticks.append(Tick(y_of(value), round(value, 10)))
    x_ticks = [Tick(x_of(first), first), Tick(x_of(last), last)]
    # A year's label sits centred on its tick; the end dates are anchored at their
    # ends. Years too close to an end date to be read apart from it are left out.
    ends = (x_ticks[0].pos + _DATE_LABEL_WIDTH, x_ticks[1].pos - _DATE_LABEL_WIDTH)
    for year in range(first.year + 1, last.year + 1):
        jan = date(year, 1, 1)
        pos = x_of(jan)
        room = ends[0] + _YEAR_LABEL_WIDTH / 2 <= pos <= ends[1] - _YEAR_LABEL_WIDTH / 2
        if first < jan < last and room:
            x_ticks.append(Tick(pos, year))
    x_ticks.sort(key=lambda t: t.pos)
    return LineChart(
        width,
        height,
        left,
        right,
        top,
        bottom,
        points,
        path,
        ref(ind.baseline),
        ref(ind.target),
        tuple(x_ticks),
        tuple(y_ticks),
    )


def gantt(timeline: Timeline, width: int = 960, row_height: int = 24) -> Gantt:
    """The Gantt chart of a timeline: projects first, then measures by code."""
    label_width, top = 240, 32
    span = (timeline.end - timeline.start).days + 1
    plot_w = width - label_width - 8

    def x_of(day: date) -> float:
        return round(label_width + plot_w * (day - timeline.start).days / span, 1)

    end_x = float(width - 8)
    rows = []
    bars = [*timeline.projects, *(b for b in timeline.measures if b.scheduled)]
    for i, bar in enumerate(bars):
        y = float(top + i * row_height)
        x = w = ax = aw = None
        if bar.scheduled:
            x = x_of(bar.start) if bar.start else float(label_width)
            x2 = x_of(bar.end) + plot_w / span if bar.end else end_x
            w = round(max(2.0, x2 - x), 1)
        if bar.actual_start:
            ax = x_of(bar.actual_start)
            # Still running: the actual span reaches today.
            # Started but not ended: the actual span reaches today (or the axis end).
            until = bar.actual_end or min(timeline.today, timeline.end)
            ax2 = x_of(until) + plot_w / span if until >= bar.actual_start else ax + 2.0
            aw = round(max(2.0, ax2 - ax), 1)
        rows.append(GanttRow(bar, y, x, w, ax, aw, bar.start is None or bar.end is None))
    years = tuple(Tick(x_of(date(y, 1, 1)), y) for y in timeline.years)
    period = None
    if timeline.period is not None:
        period = (
            x_of(date(timeline.period[0], 1, 1)),
            x_of(date(timeline.period[1], 12, 31)) + plot_w / span,
        )
    return Gantt(
        width=width,
        height=top + len(rows) * row_height + 8,
        label_width=label_width,
        top=top,
        row_height=row_height,
        rows=tuple(rows),
        years=years,
        year_width=round(plot_w * 365.25 / span, 1),
        today_x=x_of(timeline.today) if timeline.today_in_range else None,
        period=period,
    )
