"""``ictgov status``: the view a coordinator opens every morning.

Only Typer is imported at module level; the loader, the views and rich are imported
inside the command so that ``ictgov --help`` and other commands stay fast.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import AtOption, Language, RootOption, StatusChoice, TodayOption

if TYPE_CHECKING:
    from ictgov.commands.status import StatusOutcome
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
    category: Annotated[
        str | None,
        typer.Option(
            "--category", "-c", help="Only measures of this category (id, see categories.yaml)."
        ),
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option(
            "--tag",
            "-t",
            help="Only measures with this tag; repeat it to require several, e.g. "
            "--tag cloud --tag education.",
        ),
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
    from ictgov.commands.status import StatusOptions, remembered, run_status

    options = StatusOptions(
        root=root,
        today=today,
        at=at,
        goal=goal,
        owner=owner,
        status=status_.value if status_ else None,
        category=category,
        tags=tuple(dict.fromkeys(tag or ())),
        lang=lang.value if lang else None,
        trend=trend,
    )
    plain, width = output_is_plain()
    if output is OutputFormat.JSON or plain:
        text = remembered(options, output.value, width)
        if text is not None:
            typer.echo(text, nl=False)
            return
    outcome = run_status(options)
    if outcome.warning and not outcome.unread:
        typer.echo(outcome.warning, err=True)
    if output is OutputFormat.JSON:
        text = json_text(outcome.data())
    else:
        _print_unread(outcome)
        text = _text(outcome.report, outcome.trend)
    if text is not None:
        typer.echo(text, nl=False)
        outcome.remember(options, output.value, width, text)
    if outcome.unread:
        raise typer.Exit(1)


def _print_unread(outcome: StatusOutcome) -> None:
    """First of all, which files were not read and what the report below lacks for it."""
    if not outcome.unread:
        return
    from ictgov.render.attention_blocks import unread_text

    width = output_is_plain()[1]
    typer.echo(unread_text(outcome.unread, outcome.report.lang, width))


def print_json(data: object) -> None:
    """Sorted keys, two-space indent, UTF-8 as is: stable for scripts and diffs."""
    typer.echo(json_text(data), nl=False)


def json_text(data: object) -> str:
    """What ``print_json`` prints, with its final newline."""
    import json

    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


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


def _text(report: StatusReport, trend: list[TrendPoint] | None) -> str | None:
    """Plain text to print; None when rich has drawn the report on the terminal itself."""
    plain, width = output_is_plain()
    if plain:
        from ictgov.render.status_blocks import status_text

        return status_text(report, width=width, trend=trend)
    from rich.console import Console

    from ictgov.render.terminal import print_status

    print_status(Console(highlight=False), report, trend)
    return None
