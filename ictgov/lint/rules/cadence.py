"""Cadence: governance bodies meeting as often, and when, as their cadence says.

Both rules ask ``ictgov.verdicts.cadence``, as the governance page and the morning
view do, so lint and the reports never disagree about a body.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.i18n.messages import msg
from ictgov.lint.rule import LintContext, Rule, entity_label
from ictgov.load import Tree
from ictgov.model import Body
from ictgov.model.body import Window
from ictgov.verdicts.cadence import CadenceState, CadenceYear, cadence_status, never_met_since
from ictgov.views.text import plain


def judged_bodies(
    tree: Tree, today: date
) -> Iterator[tuple[Body, tuple[CadenceYear, ...], date | None]]:
    """Each body with a cadence: its judged years, and since when it never met (or None).

    FU04 and FU06 read the same judgement, as the governance page does.
    """
    period = tree.strategy.period if tree.strategy is not None else None
    for body_id, years in cadence_status(tree.bodies, tree.meetings, period, today).items():
        body = tree.body_by_id[body_id]
        yield body, years, never_met_since(body, tree.meetings, period, today)


def _times(n: int) -> dict[str, Any]:
    return msg(N_("once")) if n == 1 else msg(N_("{n} times"), n=n)


def window_words(window: Window) -> dict[str, Any]:
    """``the window 'Talousarvio' (month 6)``: how a message names a timing window."""
    months = ", ".join(str(m) for m in window.months)
    if len(window.months) == 1:
        where = msg(N_("month {months}"), months=months)
    else:
        where = msg(N_("months {months}"), months=months)
    if window.label is None:
        return msg(N_("the window of {where}"), where=where)
    return msg(N_("the window '{label}' ({where})"), label=plain(window.label), where=where)


class Cadence(Rule):
    """A body missed its cadence: too few meetings in a year, or none in a timing window.

    A body is judged from its ``established`` date; without it, from the start of the
    strategy period; without a period, from its first recorded meeting. Each year
    over must have at least the minimum of ``cadence.meetings_per_year`` (``2``, or
    ``2-4`` for at least 2 and at most 4; the first year a share of it), and each
    ``cadence.timing`` window that has ended (e.g. months ``[2, 3]`` for the financial
    statements) a meeting in its months. A body that has not met at all since its
    start is reported once. Record the missing meetings under ``data/meetings/``, or
    correct the cadence or ``established``.

    **Bad** (`data/strategy/bodies.yaml`):

    ```yaml
    bodies:
      - id: board
        name: Hallitus
        level: strategic
      - id: mgmt
        name: Johtoryhmä
        level: strategic
        reports_to: board
        established: 2024-01-01
        cadence:
          meetings_per_year: 2
          timing:
            - months: [6]
              label: Talousarvio
      - id: steering
        name: Ohjausryhmä
        level: tactical
        reports_to: mgmt
    ```

    **Good** (`data/strategy/bodies.yaml`):

    ```yaml
    bodies:
      - id: board
        name: Hallitus
        level: strategic
      - id: mgmt
        name: Johtoryhmä
        level: strategic
        reports_to: board
        established: 2024-01-01
        cadence:
          meetings_per_year: 2-4
          timing:
            - months: [2, 3]
              label: Tilinpäätös
            - months: [9]
              label: Talousarvio
      - id: steering
        name: Ohjausryhmä
        level: tactical
        reports_to: mgmt
    ```
    """

    code = "FU04"
    name = "followup.cadence"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Report never-met bodies, missed years and missed windows, as the reports judge."""
        for body, years, since in judged_bodies(tree, ctx.today):
            if since is not None:
                yield self.at(
                    tree,
                    body,
                    ("cadence", "meetings_per_year"),
                    N_(
                        "{item} has no recorded meeting since {since} although its cadence "
                        "asks for {least} a year; record its meetings under data/meetings/, "
                        "or set established to the day it was set up"
                    ),
                    item=entity_label(body),
                    since=str(since),
                    least=body.cadence.least if body.cadence else 0,
                )
                continue
            for judged in years:
                if judged.state is CadenceState.MISSED:
                    yield self.at(
                        tree,
                        body,
                        ("cadence", "meetings_per_year"),
                        N_(
                            "{item} met {times} in {year}, fewer than its cadence of {required} "
                            "a year; record the missing meetings or change the cadence"
                        ),
                        item=entity_label(body),
                        times=_times(judged.held),
                        year=judged.year,
                        required=judged.required,
                    )
                for window in judged.missed_windows:
                    yield self.at(
                        tree,
                        body,
                        ("cadence", "timing", _window_index(body, window)),
                        N_(
                            "{item} held no meeting in {window} of {year}; record the meeting "
                            "or correct the timing"
                        ),
                        item=entity_label(body),
                        window=window_words(window),
                        year=judged.year,
                    )


def _window_index(body: Body, window: Window) -> int:
    assert body.cadence is not None
    return next(i for i, w in enumerate(body.cadence.timing) if w is window)


class CadencePace(Rule):
    """A body is behind its cadence this year, or met more often than its range allows.

    Behind: fewer meetings so far this year than the minimum of
    ``cadence.meetings_per_year`` pro rata by today (rounded down: a body meeting four
    times a year should have met once by April). More than the most of a range
    (``2-4``) is worth a look too. Neither is a failure yet; plan the next meeting,
    or widen the range.

    **Bad** (`data/strategy/bodies.yaml`):

    ```yaml
    bodies:
      - id: board
        name: Hallitus
        level: strategic
      - id: mgmt
        name: Johtoryhmä
        level: strategic
        reports_to: board
        established: 2024-01-01
        cadence: {meetings_per_year: 4}
      - id: steering
        name: Ohjausryhmä
        level: tactical
        reports_to: mgmt
    ```

    **Good** (`data/strategy/bodies.yaml`):

    ```yaml
    bodies:
      - id: board
        name: Hallitus
        level: strategic
      - id: mgmt
        name: Johtoryhmä
        level: strategic
        reports_to: board
        established: 2024-01-01
        cadence: {meetings_per_year: 2-4}
      - id: steering
        name: Ohjausryhmä
        level: tactical
        reports_to: mgmt
    ```
    """

    code = "FU06"
    name = "followup.cadence-pace"
    severity = Severity.INFO

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Report this year's shortfall pro rata, and any year over the range."""
        for body, years, since in judged_bodies(tree, ctx.today):
            if since is not None:
                continue  # FU04 says it once
            for judged in years:
                if judged.state is CadenceState.BEHIND:
                    yield self.at(
                        tree,
                        body,
                        ("cadence", "meetings_per_year"),
                        N_(
                            "{item} has met {times} in {year}, behind its cadence: {expected} "
                            "by now; plan the next meeting"
                        ),
                        item=entity_label(body),
                        times=_times(judged.held),
                        year=judged.year,
                        expected=judged.expected,
                    )
                if judged.over:
                    yield self.at(
                        tree,
                        body,
                        ("cadence", "meetings_per_year"),
                        N_(
                            "{item} met {times} in {year}, more than its cadence of at most "
                            "{most}; widen the range if that is the new normal"
                        ),
                        item=entity_label(body),
                        times=_times(judged.held),
                        year=judged.year,
                        most=judged.most,
                    )


RULES = (Cadence, CadencePace)
