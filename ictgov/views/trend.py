"""Progress over time as data: the points of a trend and the running tally behind them.

``ictgov.history.trend`` walks git and feeds the tally commit by commit; this module
knows nothing of git, so the rules of the roll-up can be tested without a repository.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from ictgov.model import Status
from ictgov.verdicts.progress import counts_towards_progress, mean

By = Literal["month", "commit"]


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """The state of the measures at one commit, or at the end of one month."""

    label: str
    date: date
    commit: str
    measures: int
    by_status: dict[str, int]
    #: Goal id -> mean progress (per cent, one decimal) of the measures that implement it.
    mean_progress: dict[str, float]
    #: Mean progress of all measures, or None when there are none.
    overall_progress: float | None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "label": self.label,
            "date": self.date.isoformat(),
            "commit": self.commit,
            "measures": self.measures,
            "by_status": dict(self.by_status),
            "mean_progress": dict(self.mean_progress),
            "overall_progress": self.overall_progress,
        }


@dataclass(frozen=True, slots=True)
class Facts:
    """What the trend needs of one measure file."""

    status: str
    progress: int
    goals: tuple[str, ...]


@dataclass
class Tally:
    """Running totals, updated file by file."""

    files: dict[str, Facts] = field(default_factory=dict)
    status: Counter[str] = field(default_factory=Counter)
    goal_sum: Counter[str] = field(default_factory=Counter)
    goal_count: Counter[str] = field(default_factory=Counter)
    total: int = 0
    #: Measures that count towards progress, as ``ictgov.verdicts.progress`` decides.
    counted: int = 0

    def _apply(self, facts: Facts, sign: int) -> None:
        self.status[facts.status] += sign
        if not counts_towards_progress(Status(facts.status)):
            return
        self.counted += sign
        self.total += sign * facts.progress
        for goal in facts.goals:
            self.goal_sum[goal] += sign * facts.progress
            self.goal_count[goal] += sign

    def set(self, path: str, facts: Facts | None) -> None:
        """Count *facts* for the file at *path* instead of what it held before (None: gone)."""
        old = self.files.pop(path, None)
        if old is not None:
            self._apply(old, -1)
        if facts is not None:
            self.files[path] = facts
            self._apply(facts, +1)

    def point(self, label: str, day: date, commit: str) -> TrendPoint:
        """The totals now, as a point of the series."""
        count = len(self.files)
        means = {
            g: round(value, 1)
            for g, n in sorted(self.goal_count.items())
            if (value := mean(self.goal_sum[g], n)) is not None
        }
        overall = mean(self.total, self.counted)
        return TrendPoint(
            label=label,
            date=day,
            commit=commit,
            measures=count,
            by_status={s.value: self.status[s.value] for s in Status},
            mean_progress=means,
            overall_progress=None if overall is None else round(overall, 1),
        )


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def monthly(states: list[tuple[date, TrendPoint]]) -> list[TrendPoint]:
    """The last state of every month from the first to the last, quiet months included."""
    if not states:
        return []
    out: list[TrendPoint] = []
    month, last = states[0][0].replace(day=1), states[-1][0].replace(day=1)
    index = 0
    while month <= last:
        end = _next_month(month)
        while index + 1 < len(states) and states[index + 1][0] < end:
            index += 1
        out.append(replace(states[index][1], label=month.strftime("%Y-%m")))
        month = end
    return out


def format_trend(points: list[TrendPoint]) -> str:
    """A plain table of the series: one line per point, for terminals and logs."""
    statuses = [s.value for s in Status]
    head = ["when", "measures", *statuses, "mean %"]
    lines = ["  ".join(head)]
    for p in points:
        mean = "-" if p.overall_progress is None else f"{p.overall_progress:g}"
        cells = [p.label, str(p.measures), *(str(p.by_status[s]) for s in statuses), mean]
        lines.append("  ".join(cells))
    return "\n".join(lines) + "\n"
