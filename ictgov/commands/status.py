"""``ictgov status`` as a library call: options in, a report (and trend) out.

The command only parses its options into ``StatusOptions``, calls ``run_status`` and
prints; everything it used to decide (today, the project, the filters' validity, the
language, the trend) is decided here, so it can be tested without the CLI.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ictgov.commands.language import reader_language
from ictgov.errors import IctgovError
from ictgov.i18n.speak import _
from ictgov.load import Tree
from ictgov.model import Status
from ictgov.project import UnreadFile, open_tree
from ictgov.verdicts.references import Target, targets
from ictgov.views.overview import build_overview
from ictgov.views.status import Filters, StatusReport, status_data, status_report

if TYPE_CHECKING:
    from ictgov.views.trend import TrendPoint


@dataclass(frozen=True)
class StatusOptions:
    """What ``ictgov status`` was asked: where, when, which measures, which language."""

    root: Path | None = None
    today: str | None = None
    at: str | None = None
    goal: str | None = None
    owner: str | None = None
    status: Status | None = None
    lang: str | None = None
    trend: bool = False


@dataclass(frozen=True)
class StatusOutcome:
    """The report to print, the monthly trend if asked, and a load warning if any."""

    report: StatusReport
    trend: list[TrendPoint] | None
    warning: str | None
    #: Files that did not load: the report cannot be trusted to be whole.
    unread: tuple[UnreadFile, ...] = ()

    def data(self) -> dict[str, Any]:
        """The JSON form: ``status_data``, the unread files, and the trend if asked for."""
        data = status_data(self.report)
        data["unread"] = [u.as_dict() for u in self.unread]
        if self.trend is not None:
            data["trend"] = [p.as_dict() for p in self.trend]
        return data


def check_filters(tree: Tree, goal: str | None, owner: str | None) -> None:
    """Refuse a ``--goal`` or ``--owner`` that names nothing, with the closest id."""
    if goal is None and owner is None:
        return
    index = targets(tree.entities(), tree.unvalidated_ids)
    if goal is not None and not index.resolves(goal, Target.GOAL):
        goals = sorted(index.known(Target.GOAL))  # never the ids of broken measures
        close = difflib.get_close_matches(goal, goals, n=1)
        if close:
            hint = _("; did you mean {id!r}?").format(id=close[0])
        elif goals:
            hint = _(" (goals: {ids})").format(ids=", ".join(goals))
        else:
            hint = _(" (no goal could be read; see 'ictgov lint')")
        raise IctgovError(_("--goal {goal}: no such goal{hint}").format(goal=goal, hint=hint))
    if owner is not None and not index.resolves(owner, Target.PARTY):
        close = difflib.get_close_matches(owner, sorted(index.known(Target.PARTY)), n=1)
        hint = _("; did you mean {id!r}?").format(id=close[0]) if close else ""
        raise IctgovError(
            _("--owner {owner}: no body or organisation has this id{hint}").format(
                owner=owner, hint=hint
            )
        )


def run_status(options: StatusOptions) -> StatusOutcome:
    """Open the project, check the filters, and compute the status (and trend)."""
    opened = open_tree(options.root, options.at, options.today)
    tree = opened.tree
    check_filters(tree, options.goal, options.owner)
    language = reader_language(options.lang, opened.project.config.language_set, tree.strategy)
    overview = build_overview(tree, opened.today, opened.project.config.stale_after_days)
    filters = Filters(options.goal, options.owner, options.status)
    report = status_report(tree, overview, filters=filters, lang=language)
    points = None
    if options.trend:
        from ictgov.history.trend import progress_over_time

        project = opened.project
        points = progress_over_time(project.root, project.config.max_file_bytes, by="month")
    return StatusOutcome(report, points, opened.warning, tuple(opened.unread))
