"""``ictgov new measure|meeting|goal``: start a new item in the right file, numbered."""

from __future__ import annotations

from typing import Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import RootOption, TodayOption
from ictgov.errors import ConfigError
from ictgov.i18n.speak import _

new_app = typer.Typer(
    name="new",
    help="Start a new measure, meeting or goal from a template.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add the ``new`` command group to the app."""
    app.add_typer(new_app, name="new")


IdOption = Annotated[
    str | None,
    typer.Option("--id", help="Id to use instead of the generated one.", show_default=False),
]


@new_app.command("measure")
@guarded
def new_measure(
    goal: Annotated[str, typer.Option("--goal", "-g", help="Id of the goal it implements.")],
    title: Annotated[str, typer.Option("--title", help="Title of the measure.")],
    measure_id: IdOption = None,
    code: Annotated[
        str | None,
        typer.Option(
            "--code", help="Code (default: the next free one under the goal).", show_default=False
        ),
    ] = None,
    responsible: Annotated[
        str | None,
        typer.Option(
            "--responsible", help="Id of the body or organisation doing it.", show_default=False
        ),
    ] = None,
    followed_by: Annotated[
        str | None,
        typer.Option("--followed-by", help="Id of the body following it up.", show_default=False),
    ] = None,
    indicator: Annotated[
        str | None,
        typer.Option("--indicator", help="How it is followed (mittari).", show_default=False),
    ] = None,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Create data/measures/<id>.yaml with the next free code under the goal.

    The id comes from the title (ä -> a, ö -> o, å -> a) unless --id is given.
    Fields only a person can fill in are left as comments; lint reports them until
    they are filled.
    """
    from ictgov.config import load_config, resolve_root, resolve_today
    from ictgov.scaffold.new import new_measure as create

    found = resolve_root(root)
    created = create(
        found,
        load_config(found),
        goal,
        title,
        resolve_today(today),
        measure_id=measure_id,
        code=code,
        responsible=responsible,
        followed_by=followed_by,
        indicator=indicator,
    )
    typer.echo(
        _("created {file} (measure {id}, code {code})").format(
            file=created.relpath, id=created.id, code=created.code
        )
    )
    if created.todo:
        typer.echo(
            _("fill in: {fields} (lint reports them until then)").format(
                fields=", ".join(created.todo)
            )
        )


@new_app.command("meeting")
@guarded
def new_meeting(
    body: Annotated[str, typer.Option("--body", "-b", help="Id of the body that meets.")],
    when: Annotated[
        str | None,
        typer.Option(
            "--date",
            "-d",
            help="Date of the meeting, YYYY-MM-DD (default: today, see --today).",
            show_default=False,
        ),
    ] = None,
    meeting_id: IdOption = None,
    item: Annotated[
        list[str] | None,
        typer.Option(
            "--item", help="Title of an agenda item (repeatable), numbered on.", show_default=False
        ),
    ] = None,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Create data/meetings/<body>-<date>.yaml, numbering sections after the year's last.

    Without --date the meeting is today's (the secretary writing it up on the day).
    """
    from ictgov.config import load_config, resolve_root, resolve_today
    from ictgov.edit.periods import parse_date
    from ictgov.scaffold.new import new_meeting as create

    try:
        day = parse_date(when) if when is not None else resolve_today(today)
    except ValueError as exc:
        raise ConfigError(_("--date: {problem}").format(problem=exc)) from None
    found = resolve_root(root)
    created = create(found, load_config(found), body, day, meeting_id=meeting_id, items=item or [])
    typer.echo(
        _("created {file} (meeting {id}; sections from § {section})").format(
            file=created.relpath, id=created.id, section=created.code
        )
    )


@new_app.command("goal")
@guarded
def new_goal(
    title: Annotated[str, typer.Option("--title", help="Title of the goal.")],
    goal_id: IdOption = None,
    code: Annotated[
        str | None,
        typer.Option("--code", help="Code (default: the next number).", show_default=False),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the change; write nothing.")
    ] = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Append a strategic goal to data/strategy/goals.yaml, keeping the file's layout."""
    from ictgov.cli.update import print_diff
    from ictgov.config import load_config, resolve_root, resolve_today
    from ictgov.scaffold.new import new_goal as create

    found = resolve_root(root)
    created, edit = create(
        found,
        load_config(found),
        title,
        resolve_today(today),
        goal_id=goal_id,
        code=code,
        dry_run=dry_run,
    )
    if dry_run:
        if edit is not None:
            print_diff(edit.diff())
        typer.echo(_("dry run: {file} was not written").format(file=created.relpath), err=True)
        return
    typer.echo(
        _("added goal {id} (code {code}) to {file}").format(
            id=created.id, code=created.code, file=created.relpath
        )
    )
