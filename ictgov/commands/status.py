"""``ictgov status`` as a library call: options in, a report (and trend) out.

The command only parses its options into ``StatusOptions``, calls ``run_status`` and
prints; everything it used to decide (today, the project, the filters' validity, the
language, the trend) is decided here, so it can be tested without the CLI.

On an unchanged tree the command prints its remembered answer (``ictgov.answers``):
``remembered`` asks for it before anything is loaded, ``StatusOutcome.remember``
stores what a full run printed. This module imports the loader and the views only
inside ``run_status``, so that asking costs no more than ``ictgov --version``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ictgov import answers
from ictgov.errors import IctgovError

if TYPE_CHECKING:
    from ictgov.load import Tree
    from ictgov.project import UnreadFile
    from ictgov.views.status import StatusReport
    from ictgov.views.trend import TrendPoint


@dataclass(frozen=True)
class StatusOptions:
    """What ``ictgov status`` was asked: where, when, which measures, which language."""

    root: Path | None = None
    today: str | None = None
    at: str | None = None
    goal: str | None = None
    owner: str | None = None
    #: A ``Status`` value such as ``in_progress`` (checked by the command line).
    status: str | None = None
    lang: str | None = None
    trend: bool = False

    def question(self, output: str, width: int) -> answers.Question | None:
        """What a remembered answer printed as *output* must match; None if none may be.

        ``--at`` reads git and ``--trend`` the git history, which ``answers`` does not
        watch: those runs are never remembered.
        """
        if self.at is not None or self.trend:
            return None
        words = (
            f"format={output}",
            f"width={width}",
            f"goal={self.goal}",
            f"owner={self.owner}",
            f"status={self.status}",
            f"lang={self.lang}",
        )
        return answers.Question("status", self.root, self.today, words)


def remembered(options: StatusOptions, output: str, width: int) -> str | None:
    """The text a run with these options printed, if the tree and all else are unchanged."""
    question = options.question(output, width)
    return None if question is None else answers.recall_text(question)


@dataclass(frozen=True)
class StatusOutcome:
    """The report to print, the monthly trend if asked, and a load warning if any."""

    report: StatusReport
    trend: list[TrendPoint] | None
    warning: str | None
    #: Files that did not load: the report cannot be trusted to be whole.
    unread: tuple[UnreadFile, ...] = ()
    #: What the report rests on, for ``remember``.
    basis: answers.Basis | None = field(default=None, repr=False)

    def data(self) -> dict[str, Any]:
        """The JSON form: ``status_data``, the unread files, and the trend if asked for."""
        from ictgov.views.status import status_data

        data = status_data(self.report)
        data["unread"] = [u.as_dict() for u in self.unread]
        if self.trend is not None:
            data["trend"] = [p.as_dict() for p in self.trend]
        return data

    def remember(self, options: StatusOptions, output: str, width: int, text: str) -> None:
        """Keep *text*, printed for *options*, for ``remembered`` (only a clean run's)."""
        question = options.question(output, width)
        if question is not None and self.basis is not None and not self.warning:
            answers.remember(question, self.basis, text)


def check_filters(tree: Tree, goal: str | None, owner: str | None) -> None:
    """Refuse a ``--goal`` or ``--owner`` that names nothing, with the closest id."""
    from ictgov.verdicts.references import Target, did_you_mean, targets

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


def run_status(options: StatusOptions) -> StatusOutcome:
    """Open the project, check the filters, and compute the status (and trend)."""
    from ictgov.model import Status
    from ictgov.project import open_tree
    from ictgov.views.overview import build_overview
    from ictgov.views.status import Filters, choose_language, status_report

    opened = open_tree(options.root, options.at, options.today)
    tree = opened.tree
    check_filters(tree, options.goal, options.owner)
    language = choose_language(options.lang, opened.project.config.language_set, tree.strategy)
    overview = build_overview(tree, opened.today, opened.project.config.stale_after_days)
    status = Status(options.status) if options.status is not None else None
    filters = Filters(options.goal, options.owner, status)
    report = status_report(tree, overview, filters=filters, lang=language)
    points = None
    if options.trend:
        from ictgov.history.trend import progress_over_time

        project = opened.project
        points = progress_over_time(project.root, project.config.max_file_bytes, by="month")
    return StatusOutcome(
        report,
        points,
        opened.warning,
        tuple(opened.unread),
        basis=opened.basis,
    )
