"""``ictgov show ID``: everything about one item, with its update log and decisions."""

from __future__ import annotations

from typing import Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import AtOption, RootOption, TodayOption
from ictgov.cli.status import FormatOption, LangOption, OutputFormat
from ictgov.errors import IctgovError


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
    from ictgov.model import is_valid_id

    if not is_valid_id(item_id):
        raise IctgovError(
            f"{item_id!r} is not an id: ids are lowercase letters, digits, '-', '_' and '.' "
            "(see 'ictgov status' for the ids of measures)"
        )
    from ictgov.cli.status import output_is_plain, print_json
    from ictgov.project import open_tree
    from ictgov.views.detail import detail_data, item_detail, suggest
    from ictgov.views.status import choose_language

    opened = open_tree(root, at, today)
    if opened.warning:
        typer.echo(opened.warning, err=True)
    tree, when, config = opened.tree, opened.today, opened.project.config
    configured = config.language if "language" in config.model_fields_set else None
    language = choose_language(lang.value if lang else None, configured, tree.strategy)
    detail = item_detail(
        tree, item_id, when, stale_after_days=config.stale_after_days, lang=language
    )
    if detail is None:
        close = suggest(tree, item_id)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise IctgovError(f"no item has the id {item_id!r}{hint}")
    if output is OutputFormat.JSON:
        print_json(detail_data(detail))
        return
    plain, width = output_is_plain()
    if plain:
        from ictgov.render.terminal_show import detail_text

        typer.echo(detail_text(detail, width=width), nl=False)
        return
    from rich.console import Console

    from ictgov.render.terminal_show import print_detail

    print_detail(Console(highlight=False), detail)
