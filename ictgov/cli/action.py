"""``ictgov action list|done``: a decision's follow-up actions, listed and closed."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import DryRunOption, RootOption, TodayOption
from ictgov.errors import ConfigError
from ictgov.i18n.speak import _, ngettext

action_app = typer.Typer(
    name="action",
    help="List the follow-up actions of decisions, and mark one done.",
    no_args_is_help=True,
)


class ListFormat(StrEnum):
    """Output formats of ``action list``."""

    TEXT = "text"
    JSON = "json"


def register(app: typer.Typer) -> None:
    """Add the ``action`` command group to the app."""
    app.add_typer(action_app, name="action")


@action_app.command("list")
@guarded
def action_list(
    open_: Annotated[
        bool, typer.Option("--open", help="Only actions not done yet (overdue ones too).")
    ] = False,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only overdue actions.")] = False,
    responsible: Annotated[
        str | None,
        typer.Option(
            "--responsible",
            help="Only the actions of this body or organisation (its id), e.g. johtoryhma.",
            show_default=False,
        ),
    ] = None,
    format_: Annotated[
        ListFormat, typer.Option("--format", "-f", help="text or json.", case_sensitive=False)
    ] = ListFormat.TEXT,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Every follow-up action with its decision and its state: open, overdue by N days, done.

    Actions are numbered within their agenda item (§) from 1, as 'action done' takes them.
    """
    from ictgov.config import resolve_today
    from ictgov.project import Project
    from ictgov.views.actions import ActionState, list_actions
    from ictgov.visible import visible

    day = resolve_today(today)
    tree = Project.open(root).tree(today=day)
    states = None
    if overdue:
        states = frozenset({ActionState.OVERDUE})
    elif open_:
        states = frozenset({ActionState.OPEN, ActionState.OVERDUE})
    rows = list_actions(tree, day, states=states, responsible=responsible)
    if format_ == ListFormat.JSON:
        typer.echo(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo(_("no actions match"))
        return
    from ictgov.views.text import plain

    for row in rows:
        if row.state is ActionState.OVERDUE:
            days = row.days_overdue or 0
            state = ngettext("overdue by {n} day", "overdue by {n} days", days).format(n=days)
        elif row.state is ActionState.DONE:
            done = row.action.done_date
            state = _("done {date}").format(date=done.isoformat()) if done else _("done")
        else:
            due = row.action.due
            state = _("open, due {date}").format(date=due.isoformat()) if due else _("open")
        who = f" ({row.action.responsible})" if row.action.responsible else ""
        head = _("{meeting} § {section} action {number}: {state}").format(
            meeting=row.meeting.id, section=row.item.section, number=row.number, state=state
        )
        head += who
        typer.echo(visible(head))
        typer.echo(visible(f"    {plain(row.action.what)}"))


@action_app.command("done")
@guarded
def action_done(
    meeting_id: Annotated[
        str, typer.Argument(metavar="MEETING", help="Id of the meeting, e.g. board-2019-04-26.")
    ],
    section: Annotated[int, typer.Argument(metavar="SECTION", help="The § number, e.g. 216.")],
    number: Annotated[
        int | None,
        typer.Argument(
            metavar="[N]",
            help="The action's number within the §, from 1 ('action list' shows them). "
            "Needed when the § has several actions, unless --all.",
            show_default=False,
        ),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every open action of the §.")] = False,
    when: Annotated[
        str | None,
        typer.Option("--date", help="When it was done (default: today), e.g. 2019-09-15."),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", help="How it was done, e.g. 'Sopimus allekirjoitettu'."),
    ] = None,
    dry_run: DryRunOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Mark a follow-up action done, keeping every comment and the layout of the file."""
    from ictgov.cli.update import print_diff
    from ictgov.config import load_config, resolve_root, resolve_today
    from ictgov.edit.actions import CloseActions, close_actions
    from ictgov.edit.periods import parse_date
    from ictgov.visible import visible

    if number is not None and all_:
        raise ConfigError(
            _("give either N or --all, not both (e.g. ictgov action done <meeting> 5 1)")
        )
    day = resolve_today(today)
    try:
        done_date = parse_date(when) if when is not None else day
    except ValueError as exc:
        raise ConfigError(_("--date: {problem}").format(problem=exc)) from None
    found_root = resolve_root(root)
    request = CloseActions(
        meeting_id, section, number, all_, done_date, note.strip() if note else None
    )
    edit, written = close_actions(
        found_root, load_config(found_root), request, day, dry_run=dry_run
    )
    if dry_run:
        print_diff(edit.diff())
        typer.echo(_("dry run: {file} was not written").format(file=edit.relpath), err=True)
        return
    if not written:
        typer.echo(_("nothing to change in {file}").format(file=edit.relpath))
        return
    typer.echo(visible(_("updated {file}").format(file=edit.relpath)))
    for line in edit.changes:
        typer.echo(visible(f"  {line}"))
