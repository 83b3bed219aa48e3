"""Inline SVG markup of the charts, written directly (every text escaped).

Charts are many small elements; building them here instead of in a template makes
big sites several times faster, and the geometry is already in :mod:`charts`.
Their look comes from the stylesheet (classes ``grid``, ``axis``, ``series`` ...),
so a user stylesheet restyles them. Every chart is ``role="img"`` with a title
that points at the table holding the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from markupsafe import escape

from ictgov.i18n.formats import Formats
from ictgov.render.charts import Gantt, LineChart


@dataclass(frozen=True)
class ChartTexts:
    """The interface words a chart shows, in the page's language."""

    title: str
    baseline: str = ""
    target: str = ""
    today: str = ""
    no_dates: str = ""


def indicator_texts(gettext: Callable[[str], str]) -> ChartTexts:
    """The words of an indicator's chart."""
    return ChartTexts(
        title=gettext("Chart of the indicator values; the same numbers are in the table below."),
        baseline=gettext("Baseline"),
        target=gettext("Target"),
    )


def gantt_texts(gettext: Callable[[str], str]) -> ChartTexts:
    """The words of the Gantt chart."""
    return ChartTexts(
        title=gettext(
            "Gantt chart of the measures and major projects; the same dates are in the "
            "tables below."
        ),
        today=gettext("today"),
        no_dates=gettext("no dates"),
    )


def gantt_label(code: str, title: str) -> str:
    """A Gantt row's label: the code and the title, shortened to fit the label column."""
    if len(title) > 34:
        title = title[:33].rstrip() + "…"
    return f"{code} {title}" if code else title


def _e(text: object) -> str:
    return str(escape(str(text)))


class Slot(NamedTuple):
    """A language-dependent piece of a chart, filled in for each page."""

    kind: str  # "id", "title", "number", "x", "baseline" or "target"
    value: object = None


#: A chart as text pieces and slots: the geometry is the same in every language.
Parts = tuple[str | Slot, ...]


def line_chart_svg(chart: LineChart, title_id: str, texts: ChartTexts, fmt: Formats) -> str:
    """An indicator's values against baseline and target."""
    return fill(line_chart_parts(chart), title_id, texts, fmt)


def line_chart_parts(chart: LineChart) -> Parts:
    """The chart with its words, ids and number and date labels left as slots."""
    c = chart
    right = c.width - c.right
    out: list[str | Slot] = [
        f'<svg viewBox="0 0 {c.width} {c.height}" width="{c.width}" height="{c.height}" '
        'role="img" aria-labelledby="',
        Slot("id"),
        '" focusable="false">\n<title id="',
        Slot("id"),
        '">',
        Slot("title"),
        "</title>",
    ]
    for tick in c.y_ticks:
        out += [
            f'\n<line x1="{c.left}" x2="{right}" y1="{tick.pos}" y2="{tick.pos}" class="grid"/>'
            f'<text x="{c.left - 6}" y="{tick.pos + 4}" text-anchor="end" class="axis">',
            Slot("number", tick.value),
            "</text>",
        ]
    last = len(c.x_ticks) - 1
    for i, tick in enumerate(c.x_ticks):
        anchor = "start" if i == 0 else ("end" if i == last else "middle")
        out += [
            f'\n<text x="{tick.pos}" y="{c.height - c.bottom + 18}" text-anchor="{anchor}" '
            'class="axis">',
            Slot("x", tick.value),
            "</text>",
        ]
    # A label sits above its line; when baseline and target lie too close for two
    # labels, the lower line's label goes below it.
    lower = None
    if c.baseline is not None and c.target is not None and abs(c.baseline.y - c.target.y) < 14:
        lower = "baseline" if c.baseline.y >= c.target.y else "target"
    for ref, css in ((c.baseline, "baseline"), (c.target, "target")):
        if ref is None:
            continue
        label_y = round(ref.y + 14, 1) if css == lower else round(ref.y - 5, 1)
        out += [
            f'\n<line x1="{c.left}" x2="{right}" y1="{ref.y}" y2="{ref.y}" class="{css}"/>'
            f'<text x="{right - 4}" y="{label_y}" text-anchor="end" class="ref">',
            Slot(css),
            "</text>",
        ]
        if css == "target" and ref.x is not None:
            out.append(
                f'\n<rect x="{ref.x - 5}" y="{ref.y - 5}" width="10" height="10" '
                'class="target-mark"/>'
            )
    if c.points:
        out.append(f'\n<path d="{c.path}" class="series"/>')
        out.extend(f'\n<circle cx="{p.x}" cy="{p.y}" r="4" class="point"/>' for p in c.points)
    out.append("\n</svg>")
    return _merged(out)


def fill(
    parts: Parts,
    title_id: str,
    texts: ChartTexts,
    fmt: Formats,
    labels: dict[tuple[Slot, type], str] | None = None,
) -> str:
    """The chart's SVG for one page: its slots filled in, every filled text escaped.

    *labels* remembers the escaped axis labels of one language across charts.
    """
    words = {"id": title_id, "title": texts.title, "baseline": texts.baseline}
    words["target"] = texts.target
    if labels is None:
        labels = {}
    out = []
    for part in parts:
        if type(part) is str:
            out.append(part)
            continue
        assert isinstance(part, Slot)
        if part.kind in words:
            out.append(_e(words[part.kind]))
            continue
        key = (part, type(part.value))  # 1 and 1.0 are equal but may read differently
        text = labels.get(key)
        if text is None:
            value = part.value
            if part.kind == "number":
                label = fmt.number(value)  # type: ignore[arg-type]
            else:
                label = fmt.date(value) if isinstance(value, date) else str(value)
            text = labels[key] = _e(label)
        out.append(text)
    return "".join(out)


def _merged(parts: list[str | Slot]) -> Parts:
    """Adjacent text pieces joined, so filling in has less to do."""
    out: list[str | Slot] = []
    for part in parts:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] += part
        else:
            out.append(part)
    return tuple(out)


def gantt_svg(g: Gantt, title_id: str, texts: ChartTexts, label: Callable[[object], str]) -> str:
    """Measures and projects on the time axis; *label* gives a row's text."""
    out = [
        f'<svg viewBox="0 0 {g.width} {g.height}" width="{g.width}" height="{g.height}" '
        f'role="img" aria-labelledby="{_e(title_id)}" focusable="false">',
        f'<title id="{_e(title_id)}">{_e(texts.title)}</title>',
    ]
    if g.period is not None:
        width = round(g.period[1] - g.period[0], 1)
        out.append(
            f'<rect x="{g.period[0]}" y="{g.top - 6}" width="{width}" '
            f'height="{g.height - g.top}" class="period"/>'
        )
    for y in g.years:
        out.append(
            f'<line x1="{y.pos}" x2="{y.pos}" y1="{g.top - 12}" y2="{g.height}" class="grid"/>'
            f'<text x="{y.pos + 4}" y="{g.top - 14}" class="axis">{y.value}</text>'
        )
    for row in g.rows:
        bar = row.bar
        out.append(f'<text x="4" y="{row.y + 15}" class="label">{_e(label(bar))}</text>')
        if row.x is not None and row.w is not None:
            out.append(_planned_bar(row.x, row.y + 3, row.w, bar.kind, bar.status, row.open_ended))
        else:
            out.append(
                f'<text x="{g.label_width + 4}" y="{row.y + 15}" class="label no-dates">'
                f"{_e(texts.no_dates)}</text>"
            )
        if row.actual_x is not None and row.actual_w is not None:
            out.append(
                f'<rect x="{row.actual_x}" y="{row.y + 17}" width="{row.actual_w}" height="4" '
                'class="actual"/>'
            )
    if g.today_x is not None:
        out.append(
            f'<line x1="{g.today_x}" x2="{g.today_x}" y1="{g.top - 8}" y2="{g.height}" '
            f'class="today"/><text x="{g.today_x - 4}" y="{g.top - 2}" text-anchor="end" '
            f'class="today-label">{_e(texts.today)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)


def _planned_bar(x: float, y: float, w: float, kind: str, status: str | None, open_: bool) -> str:
    """A planned span, 12 units high: its status shows in shape as well as colour.

    Completed is filled solid, on hold is hatched, discontinued is struck through;
    in progress is a light bar and planned an empty one (see the legend).
    """
    classes = ["bar", kind]
    if status is not None:
        classes.append(f"status-{status}")
    if open_:
        classes.append("open")
    out = [f'<rect x="{x}" y="{y}" width="{w}" height="12" class="{_e(" ".join(classes))}"/>']
    if status == "on_hold":
        hatch = " ".join(f"M{round(x + i, 1)},{y + 12}l6,-12" for i in range(0, int(w) - 5, 6))
        if hatch:
            out.append(f'<path d="{hatch}" class="mark hatch"/>')
    elif status == "discontinued":
        out.append(f'<path d="M{x},{y + 6}h{w}" class="mark strike"/>')
    return "".join(out)
