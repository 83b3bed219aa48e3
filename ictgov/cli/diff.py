"""``ictgov diff [BASE] [HEAD]``: what a change means for the strategy, not a YAML diff."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import RootOption, TodayOption


class DiffFormat(StrEnum):
    """Output formats of ``diff`` and ``history``."""

    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"


FormatOption = Annotated[
    DiffFormat,
    typer.Option(
        "--format",
        "-f",
        help="text for a terminal, markdown for a pull-request comment, json for scripts.",
        case_sensitive=False,
    ),
]


def register(app: typer.Typer) -> None:
    """Add the ``diff`` command to the app."""
    app.command("diff")(diff)


@guarded
def diff(
    base: Annotated[
        str | None,
        typer.Argument(
            help="The old version: a commit, branch, tag or date (YYYY-MM-DD). Default: the "
            "merge-base of HEAD and the default branch, or HEAD when data/ has uncommitted "
            "changes.",
            show_default=False,
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(
            help="The new version (a revision or date). Default: the working tree.",
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
    output_format: FormatOption = DiffFormat.TEXT,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when there are differences.")
    ] = False,
    max_size: Annotated[
        int,
        typer.Option(
            "--max-size",
            min=4096,
            help="Markdown only: summarise to stay under this many bytes (GitHub allows 1 MiB "
            "in a job summary and 65,536 characters in a comment).",
        ),
    ] = 1024 * 1024,
    today: TodayOption = None,
) -> None:
    """Compare two versions of the strategy item by item: transitions, slips, hints.

    --today is the reporting date: an update-log entry or indicator value the change
    dates after it gets hint RV05, and BASE or HEAD given as a date may not be after it.
    """
    from ictgov.config import resolve_today
    from ictgov.diff.formats import render_json, render_markdown, render_text
    from ictgov.history.compare import diff_revisions
    from ictgov.project import Project

    day = resolve_today(today)
    project = Project.open(root)
    result, note = diff_revisions(project, base, head, today=day)
    if output_format is DiffFormat.MARKDOWN:
        typer.echo(render_markdown(result, note, max_bytes=max_size), nl=False)
    elif output_format is DiffFormat.JSON:
        typer.echo(render_json(result, note), nl=False)
    else:
        typer.echo(render_text(result, note), nl=False)
    if exit_code and not result.empty:
        raise typer.Exit(1)
