"""Follow-up: measures kept up to date, decisions carried out, bodies meeting."""

from __future__ import annotations

from collections.abc import Iterator

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.lint.rule import LintContext, Rule, entity_label
from ictgov.load import Tree


class Stale(Rule):
    """A measure in progress has not been updated for too long.

    The age of a measure's news is the days since its newest update-log entry
    (with no log at all: since its actual start, else its planned start). Over
    ``stale_after_days`` (default 120, set in ``[tool.ictgov]``) the status cannot
    be trusted: ask the owner and add an update-log entry.
    """

    code = "FU01"
    name = "followup.stale"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Report the measures the views judge stale (one place decides, as in status)."""
        from ictgov.views.overview import measure_view

        limit = ctx.stale_after_days
        for m in tree.measures:
            view = measure_view(m, ctx.today, limit)
            if not view.stale:
                continue
            last = m.last_update
            path: tuple[str | int, ...] = ("status",)
            if last is not None:
                since, what = last.date, f"last update {last.date}"
                path = ("updates", m.updates.index(last), "date")
            elif m.schedule.actual_start is not None:
                since, what = m.schedule.actual_start, "no updates since the actual start"
            else:
                assert m.schedule.planned_start is not None  # the view found a reference
                since, what = m.schedule.planned_start, "no updates since the planned start"
            yield self.at(
                tree,
                m,
                path,
                f"{entity_label(m)} is in progress but has had no update for "
                f"{(ctx.today - since).days} days ({what}; the limit is {limit}); "
                "add an update-log entry",
            )


class OverdueMeasure(Rule):
    """A measure is past its planned end and is neither completed nor discontinued.

    A measure on hold past its planned end is overdue too: the plan no longer holds.

    Either the work is done (set ``status: completed`` and ``actual_end``), or
    the plan changed (move ``planned_end`` and log why in the update log).
    """

    code = "FU02"
    name = "followup.overdue-measure"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Report the measures the views judge overdue (one place decides, as in status)."""
        from ictgov.views.overview import measure_view

        for m in tree.measures:
            if measure_view(m, ctx.today, ctx.stale_after_days).overdue:
                yield self.at(
                    tree,
                    m,
                    ("schedule", "planned_end"),
                    f"{entity_label(m)} should have ended on {m.schedule.planned_end} but is "
                    f"{m.status.value}; complete it or move planned_end",
                )


class OverdueAction(Rule):
    """A follow-up action of a decision is past its due date and not done.

    A decision that nobody carries out is the failure ictgov exists to catch.
    When the action is done, set ``done: true`` (and ``done_date``); if the
    deadline moved, change ``due`` and say why in ``note``.
    """

    code = "FU03"
    name = "followup.overdue-action"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Find actions with a due date before today and ``done: false``."""
        for meeting in tree.meetings:
            for i, item in enumerate(meeting.items):
                for j, action in enumerate(item.actions):
                    if action.done or action.due is None or action.due >= ctx.today:
                        continue
                    days = (ctx.today - action.due).days
                    yield self.at(
                        tree,
                        meeting,
                        ("items", i, "actions", j, "due"),
                        f"action of § {item.section} of {entity_label(meeting)} was due on "
                        f"{action.due} ({days} days ago) and is not done; carry it out and set "
                        "done: true, or move the due date",
                    )


class Cadence(Rule):
    """A body met fewer times in a year than its cadence requires.

    Counted for each full calendar year of the strategy period before the current
    year, from the year of the body's first recorded meeting on (a body is not
    blamed for years before it existed). Record the missing meetings under
    ``data/meetings/``, or lower ``cadence.meetings_per_year``.
    """

    code = "FU04"
    name = "followup.cadence"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Report the years the governance view judges missed (one place decides)."""
        if tree.strategy is None:
            return
        from ictgov.views.governance import CadenceState, cadence_status

        for body_id, years in cadence_status(tree, ctx.today).items():
            body = tree.body_by_id[body_id]
            for judged in years:
                if judged.state is CadenceState.MISSED:
                    yield self.at(
                        tree,
                        body,
                        ("cadence", "meetings_per_year"),
                        f"{entity_label(body)} met {_times(judged.held)} in {judged.year}, "
                        f"fewer than its cadence of {judged.required} a year; record the "
                        "missing meetings or change the cadence",
                    )


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


RULES = (Stale, OverdueMeasure, OverdueAction, Cadence)
