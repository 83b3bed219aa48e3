"""``ictgov show ID``: everything about one item, with its update log and decisions."""

from __future__ import annotations

from typing import Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import AtOption, RootOption, TodayOption
from ictgov.cli.status import FormatOption, LangOption, OutputFormat


def register(app: typer.Typer) -> None:
    """Add the ``show`` command to the app."""
    app.command("show")(show)


@guarded
def show(
    item_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="Id of a measure, goal, body, organisation, meeting, project, value promise, "
            "stakeholder group or the strategy; or a measure's code, e.g. 1.6.",
            show_default=False,
        ),
    ],
    output: FormatOption = OutputFormat.TEXT,
    lang: LangOption = None,
    root: RootOption = None,
    today: TodayOption = None,
    at: AtOption = None,
) -> None:
    """Show everything about one item: its fields, update log, dependencies and decisions."""
    from ictgov.cli.status import json_text, output_is_plain
    from ictgov.commands.show import ShowOptions, remembered, run_show

    options = ShowOptions(
        item_id=item_id, root=root, today=today, at=at, lang=lang.value if lang else None
    )
    plain, width = output_is_plain()
    if output is OutputFormat.JSON or plain:
        text = remembered(options, output.value, width)
        if text is not None:
            typer.echo(text, nl=False)
            return
    outcome = run_show(options)
    if outcome.warning:
        typer.echo(outcome.warning, err=True)
    detail = outcome.detail
    if output is OutputFormat.JSON:
        from ictgov.views.detail import detail_data

        text = json_text(detail_data(detail))
    elif plain:
        from ictgov.render.terminal_show import detail_text

        text = detail_text(detail, width=width)
    else:
        from rich.console import Console

        from ictgov.render.terminal_show import print_detail

        print_detail(Console(highlight=False), detail)
        return
    typer.echo(text, nl=False)
    outcome.remember(options, output.value, width, text)
