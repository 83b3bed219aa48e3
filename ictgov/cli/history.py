"""``ictgov history [ID|PATH]``: who changed what, when, commit by commit."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ictgov.cli.diff import DiffFormat, FormatOption
from ictgov.cli.errors import guarded
from ictgov.cli.options import RootOption, TodayOption
from ictgov.i18n.speak import _


def register(app: typer.Typer) -> None:
    """Add the ``history`` command to the app."""
    app.command("history")(history)


@guarded
def history(
    target: Annotated[
        str | None,
        typer.Argument(
            help="An item id (e.g. evaka-rollout) or a file under data/. Default: the whole tree.",
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
    output_format: FormatOption = DiffFormat.TEXT,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help="Only commits on or after this date (YYYY-MM-DD).", show_default=False
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", help="Only commits on or before this date (YYYY-MM-DD).", show_default=False
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, help="At most this many commits.", show_default=False),
    ] = None,
    today: TodayOption = None,
) -> None:
    """Every change to one item (following it across files), or to the whole tree.

    --today is the reporting date: an update-log entry or indicator value a commit
    dates after it gets hint RV05, and --since may not be after it.
    """
    from ictgov.config import resolve_today
    from ictgov.history.formats import RENDERERS
    from ictgov.history.items import item_history, tree_history
    from ictgov.project import Project

    day = resolve_today(today)
    start, end = _span(since, until, day)
    project = Project.open(root)
    if target is None:
        result = tree_history(project, since=start, until=end, limit=limit, today=day)
    else:
        path = _data_path(project.root, target)
        if path is not None:
            result = tree_history(
                project, since=start, until=end, limit=limit, paths=[path], today=day
            )
        else:
            result = item_history(
                project, _check_id(target), since=start, until=end, limit=limit, today=day
            )
    typer.echo(RENDERERS[output_format.value](result), nl=False)


def _span(since: str | None, until: str | None, today: date) -> tuple[date | None, date | None]:
    """--since and --until as dates; --since after today can only match nothing: refused."""
    from ictgov.errors import RevisionError
    from ictgov.vcs.revisions import parse_date

    start = parse_date(since, "--since") if since else None
    end = parse_date(until, "--until") if until else None
    if start is not None and start > today:
        raise RevisionError(
            _(
                "--since {since} is after today ({today}): no commit is that new; "
                "check the year (or --today)"
            ).format(since=since, today=today.isoformat())
        )
    if start is not None and end is not None and start > end:
        raise RevisionError(
            _("--since {since} is after --until {until}; swap them").format(
                since=since, until=until
            )
        )
    return start, end


def _check_id(value: str) -> str:
    from ictgov.errors import IctgovError
    from ictgov.model import is_valid_id

    if not is_valid_id(value):
        raise IctgovError(
            _(
                "{value!r} is neither an item id (lowercase letters, digits, '-', '_', '.') "
                "nor a file under data/ (data/measures/<id>.yaml)"
            ).format(value=value)
        )
    return value


def _data_path(root: Path, target: str) -> str | None:
    """The project-relative path when *target* names a file, None when it is an id."""
    from ictgov.errors import UnsafePathError
    from ictgov.vcs.repo import is_data_file

    path = Path(target)
    looks_like_path = "/" in target or target.endswith((".yaml", ".yml"))
    exists = (root / path).is_file() or path.is_file()
    if not looks_like_path and not exists:
        return None  # an id (checked by the caller)
    if not path.is_absolute():
        path = root / path if (root / path).exists() else Path.cwd() / path
    resolved = path.resolve()
    if not resolved.is_relative_to(root):
        raise UnsafePathError(
            _(
                "{target}: the path is outside the repository at {root}; give a file under {data}"
            ).format(target=target, root=root, data=root / "data")
        )
    rel = resolved.relative_to(root).as_posix()
    if not is_data_file(rel):
        raise UnsafePathError(
            _("{target}: not a YAML file under data/ (e.g. data/measures/<id>.yaml)").format(
                target=target
            )
        )
    return rel
