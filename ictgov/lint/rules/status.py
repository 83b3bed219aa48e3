"""Status, health and progress of a measure must tell one story."""

from __future__ import annotations

from collections.abc import Iterator

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.lint.rule import LintContext, Rule, entity_label
from ictgov.load import Tree
from ictgov.model import Status
from ictgov.verdicts.measures import CLOSED, days_overdue, effective_health, on_track_but_late


class ProgressContradiction(Rule):
    """A measure's status and progress contradict each other.

    ``completed`` means 100 %; ``planned`` means nothing done yet (0 %); and 100 %
    means completed. "Completed at 40 %" is the kind of report that makes a
    follow-up meaningless: set the status or the progress right.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    status: completed
    progress: 40
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    status: completed
    progress: 100
    ```
    """

    code = "ST01"
    name = "status.progress"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Compare the status with the progress of each measure."""
        for m in tree.measures:
            problem = None
            if m.status is Status.COMPLETED and m.progress < 100:
                problem = N_(
                    "{item} is completed but its progress is {progress} %; set progress: 100"
                )
            elif m.status is Status.PLANNED and m.progress > 0:
                problem = N_(
                    "{item} is planned but its progress is {progress} %; set status: "
                    "in_progress or progress: 0"
                )
            elif m.progress == 100 and m.status is not Status.COMPLETED:
                problem = N_("{item} is at 100 % but its status is {status}; set status: completed")
            if problem:
                yield self.at(
                    tree,
                    m,
                    ("progress",),
                    problem,
                    item=entity_label(m),
                    progress=m.progress,
                    status=m.status.value,
                )


class HealthNotInProgress(Rule):
    """A measure that is not in progress has a health.

    ``health`` (on_track, at_risk, off_track) says how work in progress is doing;
    a planned, completed or halted measure has none. Remove ``health``, or set
    ``status: in_progress``.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    status: planned
    health: at_risk
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    status: planned
    ```
    """

    code = "ST02"
    name = "status.health"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Find health values on measures whose status is not in_progress."""
        for m in tree.measures:
            if m.health is not None and effective_health(m) is None:
                yield self.at(
                    tree,
                    m,
                    ("health",),
                    N_(
                        "{item} is {status} but has health {health}; remove health or set "
                        "status: in_progress"
                    ),
                    item=entity_label(m),
                    status=m.status.value,
                    health=m.health.value,
                )


class ActualEndNotDone(Rule):
    """A measure has an actual end date but is neither completed nor discontinued.

    ``schedule.actual_end`` records when the work ended. If it has not ended,
    remove the date; if it has, set the status.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    status: in_progress
    progress: 50
    schedule: {actual_end: 2024-11-30}
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    status: completed
    progress: 100
    schedule: {actual_end: 2024-11-30}
    ```
    """

    code = "ST03"
    name = "status.actual-end"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Find actual ends on measures still planned, in progress or on hold."""
        for m in tree.measures:
            if m.schedule.actual_end is not None and m.status not in CLOSED:
                yield self.at(
                    tree,
                    m,
                    ("schedule", "actual_end"),
                    N_(
                        "{item} has actual_end {date} but is {status}; set status: completed, "
                        "or remove actual_end"
                    ),
                    item=entity_label(m),
                    date=str(m.schedule.actual_end),
                    status=m.status.value,
                )


class LogContradiction(Rule):
    """The newest update-log entry disagrees with the measure's current values.

    The last entry that states a status (or progress, or health) should state the
    measure's current one: otherwise someone changed the measure without logging
    it, or logged without changing it. Add an update-log entry, or fix the values.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    status: in_progress
    progress: 60
    updates:
      - {date: 2024-11-01, status: in_progress, progress: 40}
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    status: in_progress
    progress: 60
    updates:
      - {date: 2024-11-01, status: in_progress, progress: 40}
      - {date: 2024-12-15, progress: 60}
    ```
    """

    code = "ST04"
    name = "status.log-mismatch"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Compare the latest logged status, progress and health with the current ones."""
        for m in tree.measures:
            if not m.updates:
                continue
            order = sorted(range(len(m.updates)), key=lambda i: m.updates[i].date)
            for field in ("status", "progress", "health"):
                current = getattr(m, field)
                if field == "health" and effective_health(m) is None:
                    continue  # a health no longer counts: ST02 says so
                for i in reversed(order):
                    logged = getattr(m.updates[i], field)
                    if logged is None:
                        continue
                    if logged != current:
                        yield self.at(
                            tree,
                            m,
                            ("updates", i, field),
                            N_(
                                "the latest {field} in the update log of {item} is {logged}, "
                                "but the measure says {current}; add an update-log entry or "
                                "fix the value"
                            ),
                            field=field,
                            item=entity_label(m),
                            logged=_show(logged),
                            current=_show(current),
                        )
                    break


class OnTrackButLate(Rule):
    """A measure is reported on track although it is long past its planned end.

    "On track" says the work keeps its plan; a measure that is still in progress
    more than ``on_track_late_after_days`` (default 90, set in ``[tool.ictgov]``) after
    its ``planned_end`` does not. A portfolio where measures stay "on track" for two
    years past their end tells the steering group nothing. Either the plan changed
    (move ``planned_end`` and log why), or the health is wrong (set ``at_risk`` or
    ``off_track``). The measure is also listed under "needs attention".

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    status: in_progress
    health: on_track
    progress: 60
    schedule: {planned_start: 2023-01-01, planned_end: 2024-06-30}
    updates:
      - {date: 2024-10-15, status: in_progress, health: on_track, progress: 60}
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    status: in_progress
    health: on_track
    progress: 60
    schedule: {planned_start: 2023-01-01, planned_end: 2025-06-30}
    updates:
      - {date: 2024-10-15, status: in_progress, health: on_track, progress: 60}
      - {date: 2024-10-20, note: Johtoryhmä siirsi päättymisen kesäkuulle 2025.}
    ```
    """

    code = "ST05"
    name = "status.on-track-but-late"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Ask ``ictgov.verdicts`` which measures claim on track past the threshold."""
        limit = ctx.config.on_track_late_after_days
        for m in tree.measures:
            if on_track_but_late(m, ctx.today, limit):
                late = days_overdue(m, ctx.today)
                yield self.at(
                    tree,
                    m,
                    ("health",),
                    N_(
                        "{item} is reported on_track but is {late} days past its planned end "
                        "{end} (limit {limit}); move planned_end if the plan changed, or set "
                        "health: at_risk or off_track"
                    ),
                    item=entity_label(m),
                    late=late,
                    end=str(m.schedule.planned_end),
                    limit=limit,
                )


def _show(value: object) -> str:
    return str(getattr(value, "value", value))


RULES = (
    ProgressContradiction,
    HealthNotInProgress,
    ActualEndNotDone,
    LogContradiction,
    OnTrackButLate,
)
