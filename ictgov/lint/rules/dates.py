"""Dates: ends after starts, schedules inside the strategy period, no recorded future."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.i18n.messages import msg
from ictgov.lint.rule import LintContext, Rule, entity_label
from ictgov.load import Tree


class EndBeforeStart(Rule):
    """Something ends before it starts.

    Checked for a measure's planned schedule (``planned_end`` before
    ``planned_start``), its actual schedule (``actual_end`` before
    ``actual_start``) and a major project's ``end`` before its ``start``. Usually
    a typo in the year; fix the date that is wrong.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    schedule: {planned_start: 2025-06-01, planned_end: 2025-03-01}
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    schedule: {planned_start: 2025-03-01, planned_end: 2025-06-01}
    ```
    """

    code = "DT01"
    name = "dates.end-before-start"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Compare each start with its end."""
        pairs: list[tuple[Any, tuple[str, ...], tuple[str, ...], date | None, date | None]] = []
        for m in tree.measures:
            s = m.schedule
            pairs.append(
                (
                    m,
                    ("schedule", "planned_start"),
                    ("schedule", "planned_end"),
                    s.planned_start,
                    s.planned_end,
                )
            )
            pairs.append(
                (
                    m,
                    ("schedule", "actual_start"),
                    ("schedule", "actual_end"),
                    s.actual_start,
                    s.actual_end,
                )
            )
        for p in tree.projects:
            pairs.append((p, ("start",), ("end",), p.start, p.end))
        for entity, start_path, end_path, start, end in pairs:
            if start is not None and end is not None and end < start:
                yield self.at(
                    tree,
                    entity,
                    end_path,
                    N_(
                        "{item} ends ({end}) before it starts ({start}, {field}); fix one of "
                        "the dates"
                    ),
                    item=entity_label(entity),
                    end=str(end),
                    start=str(start),
                    field=start_path[-1],
                )


class OutsidePeriod(Rule):
    """A measure is scheduled outside the strategy period.

    The strategy covers whole years (``period: {start: 2023, end: 2027}``); a
    measure planned to start before the period or to end after it belongs to
    another strategy, or the period or the date is wrong.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    schedule: {planned_start: 2025-01-01, planned_end: 2028-06-30}
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    schedule: {planned_start: 2025-01-01, planned_end: 2027-06-30}
    ```
    """

    code = "DT02"
    name = "dates.outside-period"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Compare planned starts and ends with the period's first and last day."""
        if tree.strategy is None or tree.strategy.period is None:
            return  # a cooperation model without a period: nothing to be outside of
        period = tree.strategy.period
        first, last = date(period.start, 1, 1), date(period.end, 12, 31)
        span = f"{period.start}-{period.end}"
        for m in tree.measures:
            for field in ("planned_start", "planned_end"):
                value: date | None = getattr(m.schedule, field)
                if value is not None and not first <= value <= last:
                    yield self.at(
                        tree,
                        m,
                        ("schedule", field),
                        N_(
                            "{item}: {field} {date} is outside the strategy period {span}; "
                            "move the date into the period"
                        ),
                        item=entity_label(m),
                        field=field,
                        date=str(value),
                        span=span,
                    )


class UpdateLogOrder(Rule):
    """The update log of a measure is not in date order.

    The log is a chronicle: append the newest entry at the end. An entry dated
    before the one above it is usually a typo in the date.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    status: in_progress
    progress: 20
    updates:
      - {date: 2024-10-01, progress: 20}
      - {date: 2024-09-01, status: in_progress, progress: 10}
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
    progress: 20
    updates:
      - {date: 2024-09-01, status: in_progress, progress: 10}
      - {date: 2024-10-01, progress: 20}
    ```
    """

    code = "DT03"
    name = "dates.update-order"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Compare each entry's date with the previous entry's."""
        for m in tree.measures:
            for i in range(1, len(m.updates)):
                before, entry = m.updates[i - 1], m.updates[i]
                if entry.date < before.date:
                    yield self.at(
                        tree,
                        m,
                        ("updates", i, "date"),
                        N_(
                            "update {date} comes after the entry of {before}; keep the log in "
                            "date order, oldest first"
                        ),
                        date=str(entry.date),
                        before=str(before.date),
                    )


class InFuture(Rule):
    """Something recorded as having happened is dated after today.

    Update-log entries, measured indicator values, a measure's ``actual_start``
    and ``actual_end`` and an action's ``done_date`` report facts, so they cannot
    lie in the future. (Plans can: planned dates, targets and due dates are not
    checked.) Fix the date, or check ``--today``.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    status: in_progress
    progress: 10
    updates:
      - {date: 2025-02-01, status: in_progress, progress: 10}
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
    progress: 10
    updates:
      - {date: 2024-12-01, status: in_progress, progress: 10}
    ```
    """

    code = "DT04"
    name = "dates.in-future"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Compare every recorded date with today."""
        today = ctx.today
        path: tuple[str | int, ...]
        for m in tree.measures:
            for i, entry in enumerate(m.updates):
                if entry.date > today:
                    yield self._future(tree, m, ("updates", i, "date"), "update", entry.date, today)
            for field in ("actual_start", "actual_end"):
                value: date | None = getattr(m.schedule, field)
                if value is not None and value > today:
                    yield self._future(tree, m, ("schedule", field), field, value, today)
            if m.indicator is not None:
                for i, obs in enumerate(m.indicator.values):
                    if obs.date > today:
                        path = ("indicator", "values", i, "date")
                        yield self._future(tree, m, path, "indicator value", obs.date, today)
        for goal in tree.goals:
            if goal.indicator is not None:
                for i, obs in enumerate(goal.indicator.values):
                    if obs.date > today:
                        path = ("indicator", "values", i, "date")
                        yield self._future(tree, goal, path, "indicator value", obs.date, today)
        for meeting in tree.meetings:
            for i, item in enumerate(meeting.items):
                for j, action in enumerate(item.actions):
                    if action.done_date is not None and action.done_date > today:
                        path = ("items", i, "actions", j, "done_date")
                        done = action.done_date
                        yield self._future(tree, meeting, path, "done_date", done, today)

    def _future(
        self,
        tree: Tree,
        entity: Any,
        path: tuple[str | int, ...],
        what: str,
        day: date,
        today: date,
    ) -> Diagnostic:
        return self.at(
            tree,
            entity,
            path,
            N_(
                "{item}: {what} is dated {date}, after today ({today}); a record of what "
                "happened cannot be in the future, fix the date"
            ),
            item=entity_label(entity),
            what=_WHAT.get(what, what),
            date=str(day),
            today=str(today),
        )


#: The dated records DT04 names, as a reader calls them.
_WHAT: dict[str, Any] = {
    "update": msg(N_("the update")),
    "indicator value": msg(N_("the indicator value")),
    "actual_start": "actual_start",
    "actual_end": "actual_end",
    "done_date": "done_date",
}


RULES = (EndBeforeStart, OutsidePeriod, UpdateLogOrder, InFuture)
