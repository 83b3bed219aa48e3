"""Progress over time, computed from git history: for reports and ``status --trend``.

One ``git log --first-parent --raw`` lists, for every commit of the current branch,
which measure files changed and their new blob ids. The state is kept as a running
tally (counts by status, progress sums per goal), so each commit costs only the files
it changed, and each blob is parsed once through the repository's blob cache.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from ictgov.model import Measure, Status

if TYPE_CHECKING:
    from ictgov.project import Project
    from ictgov.vcs.log import Commit
    from ictgov.vcs.repo import GitRepo

By = Literal["month", "commit"]
MEASURES_DIR = "data/measures"


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
class _Facts:
    status: str
    progress: int
    goals: tuple[str, ...]


@dataclass
class _Tally:
    """Running totals, updated file by file."""

    files: dict[str, _Facts] = field(default_factory=dict)
    status: Counter[str] = field(default_factory=Counter)
    goal_sum: Counter[str] = field(default_factory=Counter)
    goal_count: Counter[str] = field(default_factory=Counter)
    total: int = 0
    #: Measures that count towards progress: as in ``views.rollup``, not discontinued ones.
    counted: int = 0

    def _apply(self, facts: _Facts, sign: int) -> None:
        self.status[facts.status] += sign
        if facts.status == Status.DISCONTINUED.value:
            return
        self.counted += sign
        self.total += sign * facts.progress
        for goal in facts.goals:
            self.goal_sum[goal] += sign * facts.progress
            self.goal_count[goal] += sign

    def set(self, path: str, facts: _Facts | None) -> None:
        old = self.files.pop(path, None)
        if old is not None:
            self._apply(old, -1)
        if facts is not None:
            self.files[path] = facts
            self._apply(facts, +1)

    def point(self, label: str, day: date, commit: str) -> TrendPoint:
        count = len(self.files)
        means = {
            g: round(self.goal_sum[g] / n, 1) for g, n in sorted(self.goal_count.items()) if n > 0
        }
        return TrendPoint(
            label=label,
            date=day,
            commit=commit,
            measures=count,
            by_status={s.value: self.status[s.value] for s in Status},
            mean_progress=means,
            overall_progress=round(self.total / self.counted, 1) if self.counted else None,
        )


def _facts(repo: GitRepo, path: str, blob: str | None) -> _Facts | None:
    if blob is None:
        return None
    model = repo.cache.documents({path: blob})[path].model
    if not isinstance(model, Measure):
        return None
    return _Facts(model.status.value, model.progress, tuple(dict.fromkeys(model.goals)))


def _day(commit: Commit) -> date:
    """The commit's day; a malformed date sorts first (it is not a point of its own)."""
    return commit.day or date.min


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def progress_over_time(
    project: Project, by: By = "month", since: date | None = None
) -> list[TrendPoint]:
    """Counts by status and mean progress per goal, per commit or per month, oldest first.

    With ``since``, the series starts with the state on that day. Monthly points cover
    every month from the first to the last, carrying the state through quiet months; a
    month's point is the state after its last commit. A repository without commits has
    no trend (RevisionError says so).
    """
    from ictgov.vcs.log import log
    from ictgov.vcs.repo import GitRepo

    if by not in ("month", "commit"):
        raise ValueError(f"by must be 'month' or 'commit', not {by!r}")
    with GitRepo.open(project.root, max_bytes=project.config.max_file_bytes) as repo:
        head = repo.resolve("HEAD", "HEAD")
        commits = log(repo, head, [MEASURES_DIR], first_parent=True, reverse=True)
        tally = _Tally()
        states: list[tuple[date, TrendPoint]] = []
        if since is not None:
            before = [c for c in commits if _day(c) < since]
            commits = [c for c in commits if _day(c) >= since]
            if before:
                blobs = repo.list_tree(before[-1].sha).blobs
                measures = {p: b for p, b in blobs.items() if p.startswith(MEASURES_DIR + "/")}
                repo.cache.documents(measures)  # one batch read for the starting state
                for path, blob in measures.items():
                    tally.set(path, _facts(repo, path, blob))
            if before:
                initial = tally.point(before[-1].sha[:7], _day(before[-1]), before[-1].sha)
                states.append((since, initial))
        for commit in commits:
            for change in commit.files:
                tally.set(change.path, _facts(repo, change.path, change.new))
            if commit.day is None:  # a malformed date: its changes count from the next commit
                continue
            states.append((commit.day, tally.point(commit.sha[:7], commit.day, commit.sha)))
    if by == "commit":
        return [point for _, point in states]
    return _monthly(states)


def _monthly(states: list[tuple[date, TrendPoint]]) -> list[TrendPoint]:
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
