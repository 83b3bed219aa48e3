"""``ictgov status`` as a library call: options in, a report (and trend) out.

The command only parses its options into ``StatusOptions``, calls ``run_status`` and
prints; everything it used to decide (today, the project, the filters' validity, the
language, the trend) is decided here, so it can be tested without the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ictgov.errors import IctgovError
from ictgov.load import Tree
from ictgov.model import Status
from ictgov.project import UnreadFile, open_tree
from ictgov.verdicts.references import Target, did_you_mean, targets
from ictgov.views.overview import build_overview
from ictgov.views.status import Filters, StatusReport, choose_language, status_data, status_report

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
    category: str | None = None
    tags: tuple[str, ...] = ()
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
        data["unread"] = [u.as_dict(self.report.lang) for u in self.unread]
        if self.trend is not None:
            data["trend"] = [p.as_dict() for p in self.trend]
        return data


def check_filters(
    tree: Tree,
    goal: str | None,
    owner: str | None,
    category: str | None = None,
    tags: tuple[str, ...] = (),
) -> None:
    """Refuse a ``--goal``, ``--owner``, ``--category`` or ``--tag`` that names nothing.

    The message gives the closest id (or the whole list when nothing is close), so a
    typo is fixed without opening the files.
    """
    _check_category_and_tags(tree, category, tags)
    if goal is None and owner is None:
        return
    index = targets(tree.entities(), tree.unvalidated_ids)
    if goal is not None and not index.resolves(goal, Target.GOAL):
        known = sorted(index.known(Target.GOAL) | index.unvalidated)
        hint = did_you_mean(goal, index.known(Target.GOAL)) or f" (goals: {', '.join(known)})"
        raise IctgovError(f"--goal {goal}: no such goal{hint}")
    if owner is not None and not index.resolves(owner, Target.PARTY):
        raise IctgovError(
            f"--owner {owner}: no body or organisation has this id"
            f"{did_you_mean(owner, index.known(Target.PARTY))}"
        )


def _check_category_and_tags(tree: Tree, category: str | None, tags: tuple[str, ...]) -> None:
    if category is not None and category not in tree.category_by_id:
        known = sorted(tree.category_by_id)
        if not known:
            raise IctgovError(
                f"--category {category}: no categories are declared; "
                "list them in data/strategy/categories.yaml"
            )
        hint = did_you_mean(category, known) or f" (categories: {', '.join(known)})"
        raise IctgovError(f"--category {category}: no such category{hint}")
    used = {t for m in tree.measures for t in m.tags}
    for tag in tags:
        if tag not in used:
            hint = did_you_mean(tag, used) or (
                f" (tags: {', '.join(sorted(used))})" if len(used) <= 30 else ""
            )
            raise IctgovError(f"--tag {tag}: no measure has this tag{hint}")


def run_status(options: StatusOptions) -> StatusOutcome:
    """Open the project, check the filters, and compute the status (and trend)."""
    opened = open_tree(options.root, options.at, options.today)
    tree = opened.tree
    check_filters(tree, options.goal, options.owner, options.category, options.tags)
    language = choose_language(options.lang, opened.project.config.language_set, tree.strategy)
    config = opened.project.config
    overview = build_overview(
        tree, opened.today, config.stale_after_days, config.on_track_late_after_days
    )
    filters = Filters(options.goal, options.owner, options.status, options.category, options.tags)
    report = status_report(tree, overview, filters=filters, lang=language)
    points = None
    if options.trend:
        from ictgov.history.trend import progress_over_time

        project = opened.project
        points = progress_over_time(project.root, project.config.max_file_bytes, by="month")
    return StatusOutcome(report, points, opened.warning, tuple(opened.unread))
