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
from ictgov.i18n.speak import _

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
    category: str | None = None
    tags: tuple[str, ...] = ()
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
            f"category={self.category}",
            f"tags={','.join(self.tags)}",
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
        from ictgov.views.status_json import status_data

        data = status_data(self.report)
        data["unread"] = [u.as_dict(self.report.lang) for u in self.unread]
        if self.trend is not None:
            data["trend"] = [p.as_dict() for p in self.trend]
        return data

    def remember(self, options: StatusOptions, output: str, width: int, text: str) -> None:
        """Keep *text*, printed for *options*, for ``remembered`` (only a clean run's)."""
        question = options.question(output, width)
        if question is not None and self.basis is not None and not self.warning:
            answers.remember(question, self.basis, text)


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
    from ictgov.verdicts.references import Target, targets

    _check_category_and_tags(tree, category, tags)
    if goal is None and owner is None:
        return
    index = targets(tree.entities(), tree.unvalidated_ids)
    if goal is not None and not index.resolves(goal, Target.GOAL):
        goals = sorted(index.known(Target.GOAL))  # never the ids of broken measures
        if goals:
            hint = _hint(goal, goals, _(" (goals: {ids})"), most=len(goals))
        else:
            hint = _(" (no goal could be read; see 'ictgov lint')")
        raise IctgovError(_("--goal {goal}: no such goal{hint}").format(goal=goal, hint=hint))
    if owner is not None and not index.resolves(owner, Target.PARTY):
        hint = _hint(owner, sorted(index.known(Target.PARTY)), "", most=0)
        raise IctgovError(
            _("--owner {owner}: no body or organisation has this id{hint}").format(
                owner=owner, hint=hint
            )
        )


def _hint(value: str, known: list[str], listing: str, most: int = 30) -> str:
    """A did-you-mean for a close one, else *listing* of them when there are *most* or fewer."""
    from ictgov.verdicts.references import closest

    close = closest(value, known)
    if close is not None:
        return _("; did you mean {id!r}?").format(id=close)
    return listing.format(ids=", ".join(known)) if known and len(known) <= most else ""


def _check_category_and_tags(tree: Tree, category: str | None, tags: tuple[str, ...]) -> None:
    if category is not None and category not in tree.category_by_id:
        known = sorted(tree.category_by_id)
        if not known:
            raise IctgovError(
                _(
                    "--category {category}: no categories are declared; "
                    "list them in data/strategy/categories.yaml"
                ).format(category=category)
            )
        hint = _hint(category, known, _(" (categories: {ids})"))
        raise IctgovError(
            _("--category {category}: no such category{hint}").format(category=category, hint=hint)
        )
    used = sorted({t for m in tree.measures for t in m.tags})
    for tag in tags:
        if tag not in used:
            hint = _hint(tag, used, _(" (tags: {ids})"))
            raise IctgovError(
                _("--tag {tag}: no measure has this tag{hint}").format(tag=tag, hint=hint)
            )


def run_status(options: StatusOptions) -> StatusOutcome:
    """Open the project, check the filters, and compute the status (and trend)."""
    from ictgov.commands.language import reader_language
    from ictgov.model import Status
    from ictgov.project import open_tree
    from ictgov.views.overview import build_overview
    from ictgov.views.status import Filters, status_report

    opened = open_tree(options.root, options.at, options.today)
    tree = opened.tree
    check_filters(tree, options.goal, options.owner, options.category, options.tags)
    language = reader_language(options.lang, opened.project.config.language_set, tree.strategy)
    config = opened.project.config
    overview = build_overview(
        tree, opened.today, config.stale_after_days, config.on_track_late_after_days
    )
    status = Status(options.status) if options.status is not None else None
    filters = Filters(options.goal, options.owner, status, options.category, options.tags)
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
