"""Follow-up: measures kept up to date, decisions carried out, bodies meeting."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.i18n.messages import msg
from ictgov.lint.rule import LintContext, Rule, entity_label
from ictgov.load import Tree
from ictgov.verdicts.actions import days_late
from ictgov.verdicts.measures import NewsSource, is_overdue, is_stale, news
from ictgov.views.text import plain


class Stale(Rule):
    """A measure in progress has not been updated for too long.

    The age of a measure's news is the days since its newest update-log entry
    (with no log at all: since its actual start, else its planned start). Over
    ``stale_after_days`` (default 120, set in ``[tool.ictgov]``) the status cannot
    be trusted: ask the owner and add an update-log entry.

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
      - {date: 2024-06-01, status: in_progress, progress: 10}
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
      - {date: 2024-06-01, status: in_progress, progress: 10}
      - {date: 2024-11-15, progress: 10, note: Hankinta käynnissä.}
    ```
    """

    code = "FU01"
    name = "followup.stale"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Report the measures ``ictgov.verdicts`` judges stale, as status shows them."""
        limit = ctx.stale_after_days
        for m in tree.measures:
            found = news(m)
            if found is None or not is_stale(m, ctx.today, limit):
                continue
            since = found.since
            path: tuple[str | int, ...] = ("status",)
            last = m.last_update
            what: dict[str, Any]
            if found.source is NewsSource.UPDATE and last is not None:
                what = msg(N_("last update {date}"), date=str(since))
                path = ("updates", m.updates.index(last), "date")
            elif found.source is NewsSource.ACTUAL_START:
                what = msg(N_("no updates since the actual start"))
            else:
                what = msg(N_("no updates since the planned start"))
            yield self.at(
                tree,
                m,
                path,
                N_(
                    "{item} is in progress but has had no update for {days} days ({what}; "
                    "the limit is {limit}); add an update-log entry"
                ),
                item=entity_label(m),
                days=(ctx.today - since).days,
                what=what,
                limit=limit,
            )


class OverdueMeasure(Rule):
    """A measure is past its planned end and is neither completed nor discontinued.

    A measure on hold past its planned end is overdue too: the plan no longer holds.

    Either the work is done (set ``status: completed`` and ``actual_end``), or
    the plan changed (move ``planned_end`` and log why in the update log).

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    schedule: {planned_start: 2024-01-01, planned_end: 2024-06-30}
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    schedule: {planned_start: 2024-01-01, planned_end: 2025-06-30}
    ```
    """

    code = "FU02"
    name = "followup.overdue-measure"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Report the measures ``ictgov.verdicts`` judges overdue, as status shows them."""
        for m in tree.measures:
            if is_overdue(m, ctx.today):
                yield self.at(
                    tree,
                    m,
                    ("schedule", "planned_end"),
                    N_(
                        "{item} should have ended on {date} but is {status}; complete it or "
                        "move planned_end"
                    ),
                    item=entity_label(m),
                    date=str(m.schedule.planned_end),
                    status=m.status.value,
                )


class OverdueAction(Rule):
    """A follow-up action of a decision is past its due date and not done.

    A decision that nobody carries out is the failure ictgov exists to catch.
    When the action is done, set ``done: true`` (and ``done_date``); if the
    deadline moved, change ``due`` and say why in ``note``.

    **Bad** (`data/meetings/mgmt-2024-06-01.yaml`):

    ```yaml
    id: mgmt-2024-06-01
    body: mgmt
    date: 2024-06-01
    items:
      - section: 3
        title: Tietosuojaohje
        decision: Päätettiin päivittää ohje.
        actions:
          - what: Päivitetään ohje.
            responsible: mgmt
            due: 2024-09-30
    ```

    **Good** (`data/meetings/mgmt-2024-06-01.yaml`):

    ```yaml
    id: mgmt-2024-06-01
    body: mgmt
    date: 2024-06-01
    items:
      - section: 3
        title: Tietosuojaohje
        decision: Päätettiin päivittää ohje.
        actions:
          - what: Päivitetään ohje.
            responsible: mgmt
            due: 2024-09-30
            done: true
            done_date: 2024-09-20
    ```
    """

    code = "FU03"
    name = "followup.overdue-action"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Find actions with a due date before today and ``done: false``."""
        for meeting in tree.meetings:
            for i, item in enumerate(meeting.items):
                for j, action in enumerate(item.actions):
                    days = days_late(action, ctx.today)
                    if days == 0:
                        continue
                    yield self.at(
                        tree,
                        meeting,
                        ("items", i, "actions", j, "due"),
                        N_(
                            "action {n} of § {section} of {item} ({what}) was due on {due} "
                            "({days} days ago) and is not done; carry it out and set done: "
                            "true (ictgov action done {id} {section} {n}), or move the due date"
                        ),
                        n=j + 1,
                        section=item.section,
                        item=entity_label(meeting),
                        what=_what(action.what),
                        due=str(action.due),
                        days=days,
                        id=meeting.id,
                    )


def _what(text: object) -> str:
    """The first words of an action, to name it in a message."""
    words = plain(text).split() if isinstance(text, str | dict) else []
    short = " ".join(words[:8])
    return f"'{short}…'" if len(words) > 8 else f"'{short}'"


class DoneDateButNotDone(Rule):
    """A follow-up action has a ``done_date`` but not ``done: true``.

    The date says the action was carried out, the missing ``done: true`` says it is
    still open: the report then shows it open, or overdue. Set ``done: true``
    (``ictgov action done`` sets both), or remove the date if it is not done.

    **Bad** (`data/meetings/mgmt-2024-06-01.yaml`):

    ```yaml
    id: mgmt-2024-06-01
    body: mgmt
    date: 2024-06-01
    items:
      - section: 3
        title: Tietosuojaohje
        decision: Päätettiin päivittää ohje.
        actions:
          - what: Päivitetään ohje.
            responsible: mgmt
            due: 2025-09-30
            done_date: 2024-09-20
    ```

    **Good** (`data/meetings/mgmt-2024-06-01.yaml`):

    ```yaml
    id: mgmt-2024-06-01
    body: mgmt
    date: 2024-06-01
    items:
      - section: 3
        title: Tietosuojaohje
        decision: Päätettiin päivittää ohje.
        actions:
          - what: Päivitetään ohje.
            responsible: mgmt
            due: 2025-09-30
            done: true
            done_date: 2024-09-20
    ```
    """

    code = "FU05"
    name = "followup.done-date-not-done"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Find actions with a ``done_date`` and ``done: false``."""
        for meeting in tree.meetings:
            for i, item in enumerate(meeting.items):
                for j, action in enumerate(item.actions):
                    if action.done_date is None or action.done:
                        continue
                    yield self.at(
                        tree,
                        meeting,
                        ("items", i, "actions", j, "done_date"),
                        N_(
                            "action {n} of § {section} of {item} has done_date {date} but is "
                            "not done; add done: true, or remove done_date if it is still open"
                        ),
                        n=j + 1,
                        section=item.section,
                        item=entity_label(meeting),
                        date=str(action.done_date),
                    )


RULES = (Stale, OverdueMeasure, OverdueAction, DoneDateButNotDone)
