"""``ictgov status``: the view a coordinator opens every morning.

Only Typer is imported at module level; the loader, the views and rich are imported
inside the command so that ``ictgov --help`` and other commands stay fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import AtOption, Language, RootOption, StatusChoice, TodayOption
from ictgov.errors import IctgovError

if TYPE_CHECKING:
    from pathlib import Path

    from ictgov.load import Tree
    from ictgov.project import Project
    from ictgov.views.status import StatusReport
    from ictgov.views.trend import TrendPoint


class OutputFormat(StrEnum):
    """How to print a view."""

    TEXT = "text"
    JSON = "json"


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="text for people, json for scripts.", case_sensitive=False),
]
LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help="Language of the labels and of titles and texts (default: the configured "
        "language, else the strategy's).",
        show_default=False,
        case_sensitive=False,
    ),
]


def register(app: typer.Typer) -> None:
    """Add the ``status`` command to the app."""
    app.command("status")(status)


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the closest known value, or nothing."""
    import difflib

    close = difflib.get_close_matches(value, sorted(set(known)), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def open_tree(root: Path | None, at: str | None, today: str | None) -> tuple[Project, Tree, date]:
    """Open the project, load the tree and resolve today; exit 2 if nothing loaded.

    When some files failed to load, say so in one line on stderr and go on with
    what did load: the morning view should not go blank over one typo.
    """
    from ictgov.config import resolve_today
    from ictgov.project import Project

    when = resolve_today(today)
    project = Project.open(root)
    tree = project.tree(at=at, today=when)
    problems = len(tree.diagnostics)
    if tree.strategy is None and not tree.measures and not tree.goals:
        raise IctgovError(
            f"no strategy data could be loaded from {project.root}"
            + (f"; 'ictgov lint' shows the {problems} problem(s)" if problems else "")
        )
    if problems:
        typer.echo(
            f"warning: the tree did not load cleanly; what loaded is shown; "
            f"'ictgov lint' shows {problems} problem{'s' if problems != 1 else ''}",
            err=True,
        )
    return project, tree, when


@guarded
def status(
    goal: Annotated[
        str | None, typer.Option("--goal", "-g", help="Only measures of this goal (id).")
    ] = None,
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner", "-o", help="Only measures this body or organisation does or follows (id)."
        ),
    ] = None,
    status_: Annotated[
        StatusChoice | None,
        typer.Option("--status", "-s", help="Only measures with this status.", show_default=False),
    ] = None,
    output: FormatOption = OutputFormat.TEXT,
    lang: LangOption = None,
    trend: Annotated[
        bool,
        typer.Option(
            "--trend",
            help="Add measures by status and mean progress month by month, from the git "
            "history of data/measures/ (all measures, whatever the filters).",
        ),
    ] = False,
    root: RootOption = None,
    today: TodayOption = None,
    at: AtOption = None,
) -> None:
    """Show the strategy: what needs attention first, then each goal and its measures.

    Off track, overdue, at risk and stale measures come first, each with its reason.
    Piped output is plain text; --format json is stable for scripts.
    """
    from ictgov.model import Status
    from ictgov.views.overview import build_overview
    from ictgov.views.status import Filters, choose_language, status_report

    project, tree, when = open_tree(root, at, today)
    known = set(tree.goal_by_id) | tree.unvalidated_ids
    if goal is not None and goal not in known:
        hint = did_you_mean(goal, tree.goal_by_id) or f" (goals: {', '.join(sorted(known))})"
        raise IctgovError(f"--goal {goal}: no such goal{hint}")
    parties = set(tree.body_by_id) | set(tree.organisation_by_id)
    if owner is not None and owner not in parties | tree.unvalidated_ids:
        raise IctgovError(
            f"--owner {owner}: no body or organisation has this id{did_you_mean(owner, parties)}"
        )
    configured = project.config.language if "language" in project.config.model_fields_set else None
    language = choose_language(lang.value if lang else None, configured, tree.strategy)
    overview = build_overview(tree, when, project.config.stale_after_days)
    filters = Filters(goal, owner, Status(status_.value) if status_ else None)
    report = status_report(tree, overview, filters=filters, lang=language)
    points = None
    if trend:
        from ictgov.history.trend import progress_over_time

        points = progress_over_time(project.root, project.config.max_file_bytes, by="month")
    if output is OutputFormat.JSON:
        from ictgov.views.status import status_data

        data = status_data(report)
        if points is not None:
            data["trend"] = [p.as_dict() for p in points]
        print_json(data)
        return
    _print_text(report, points)


def print_json(data: object) -> None:
    """Sorted keys, two-space indent, UTF-8 as is: stable for scripts and diffs."""
    import json

    typer.echo(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))


def output_is_plain() -> tuple[bool, int]:
    """Whether stdout wants plain text (piped, redirected, dumb terminal), and its width.

    Decided without importing rich, so that piped output never pays for it.
    """
    import os
    import shutil
    import sys

    plain = not sys.stdout.isatty() or os.environ.get("TERM") == "dumb"
    width = shutil.get_terminal_size((80, 24)).columns
    return plain, max(40, width)


def _print_text(report: StatusReport, trend: list[TrendPoint] | None) -> None:
    plain, width = output_is_plain()
    if plain:
        from ictgov.render.terminal import status_text

        typer.echo(status_text(report, width=width, trend=trend), nl=False)
        return
    from rich.console import Console

    from ictgov.render.terminal import print_status

    print_status(Console(highlight=False), report, trend)
