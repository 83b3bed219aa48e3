"""``ictgov update``: record a measure's status, progress or indicator value in one write."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import DryRunOption, HealthChoice, RootOption, StatusChoice, TodayOption
from ictgov.errors import ConfigError
from ictgov.i18n.speak import _

if TYPE_CHECKING:
    from datetime import date


def register(app: typer.Typer) -> None:
    """Add the ``update`` command to the app."""
    app.command("update")(update)


def print_diff(diff: str) -> None:
    """A unified diff, coloured on a terminal; control characters from the data shown."""
    from ictgov.visible import visible

    for line in visible(diff).splitlines():
        color = None
        if line.startswith("+") and not line.startswith("+++"):
            color = typer.colors.GREEN
        elif line.startswith("-") and not line.startswith("---"):
            color = typer.colors.RED
        elif line.startswith("@@"):
            color = typer.colors.CYAN
        typer.secho(line, fg=color)


def parse_indicator_values(raw: list[str], report_date: date) -> list[tuple[object, float]]:
    """``PERIOD=VALUE`` options -> (date, value) pairs, with readable errors.

    A period still running on *report_date* is dated on it (see ``ictgov.edit.periods``).
    """
    from ictgov.edit.periods import PERIOD_HELP, parse_period
    from ictgov.exchange.values import parse_number

    out: list[tuple[object, float]] = []
    for item in raw:
        period, sep, value = item.partition("=")
        if not sep or not period.strip() or not value.strip():
            raise ConfigError(
                _(
                    "--indicator-value {item!r}: write PERIOD=VALUE, e.g. 2024=35 or "
                    "2024-Q3=12,5 (PERIOD is {period_help})"
                ).format(item=item, period_help=_(PERIOD_HELP))
            )
        try:
            out.append((parse_period(period.strip(), report_date), parse_number(value)))
        except ValueError as exc:
            raise ConfigError(f"--indicator-value {item!r}: {exc}") from None
    return out


def _option_date(option: str, text: str | None) -> date | None:
    """An ISO date option (2024-10-31) or None; a clear error for anything else."""
    from ictgov.edit.periods import parse_date

    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise ConfigError(_("{option}: {problem}").format(option=option, problem=exc)) from None


@guarded
def update(
    measure_id: Annotated[str, typer.Argument(metavar="ID", help="Id of the measure.")],
    status: Annotated[
        StatusChoice | None,
        typer.Option("--status", help="New status.", show_default=False, case_sensitive=False),
    ] = None,
    health: Annotated[
        HealthChoice | None,
        typer.Option(
            "--health",
            help="How it is doing (only while in progress).",
            show_default=False,
            case_sensitive=False,
        ),
    ] = None,
    progress: Annotated[
        int | None,
        typer.Option(
            "--progress", min=0, max=100, help="Progress in per cent, 0-100.", show_default=False
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", help="What happened, for the update log.", show_default=False),
    ] = None,
    indicator_value: Annotated[
        list[str] | None,
        typer.Option(
            "--indicator-value",
            metavar="PERIOD=VALUE",
            help="A measured value of the indicator, e.g. 2024=35 or 2024-Q3=12.5; PERIOD is "
            "YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD, a period meaning its last day. A period "
            "still running on the report date (--date) gives the value so far, dated on that "
            "date (2026-11=9 reported on 2026-11-21 is dated 2026-11-21); a day in the "
            "future is refused. Repeatable; a value already recorded at that date is corrected.",
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", help="Where the indicator values come from.", show_default=False),
    ] = None,
    when: Annotated[
        str | None,
        typer.Option("--date", help="Date of the report (default: today).", show_default=False),
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Who reports (post or name).", show_default=False)
    ] = None,
    started: Annotated[
        str | None,
        typer.Option(
            "--started",
            help="When the work really started (actual start), e.g. 2023-09-01. Without it, "
            "only a change to in_progress reported today sets the actual start.",
            show_default=False,
        ),
    ] = None,
    ended: Annotated[
        str | None,
        typer.Option(
            "--ended",
            help="When the work really ended (actual end), e.g. 2024-10-31. Without it, only "
            "completing a measure in a report of today sets the actual end; a back-filled "
            "report (--date in the past) never invents one.",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRunOption = False,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Set a measure's status, health, progress or indicator values and log the update.

    The file keeps its comments, order, quoting and layout; only the changed lines
    differ. Completing a measure sets progress 100 and the actual end date unless
    --progress says otherwise. A change that would make lint report an error is
    refused and nothing is written.
    """
    from ictgov.config import load_config, resolve_root, resolve_today
    from ictgov.edit.measure import IndicatorValue, MeasureChange
    from ictgov.edit.periods import parse_date
    from ictgov.edit.service import update_measure
    from ictgov.model import Health, Status, is_valid_id

    if not is_valid_id(measure_id):
        raise ConfigError(
            _(
                "{id!r} is not a measure id: ids use lowercase letters a-z, digits and "
                "'-', '_' or '.' (e.g. ictgov update m1-01 --status in_progress)"
            ).format(id=measure_id)
        )
    if source and not indicator_value:
        raise ConfigError(
            _(
                "--source describes indicator values; give --indicator-value too "
                "(e.g. --indicator-value 2024=35 --source 'Service desk report')"
            )
        )
    if not any((status, health, progress is not None, note, indicator_value, started, ended)):
        raise ConfigError(
            _(
                "nothing to update: give --status, --health, --progress, --note, "
                "--indicator-value, --started or --ended (e.g. --status in_progress)"
            )
        )
    day = resolve_today(today)
    if when is not None:
        try:
            report_date = parse_date(when)
        except ValueError as exc:
            raise ConfigError(_("--date: {problem}").format(problem=exc)) from None
    else:
        report_date = day
    values = parse_indicator_values(indicator_value, report_date) if indicator_value else []
    found_root = resolve_root(root)
    config = load_config(found_root)
    change = MeasureChange(
        date=report_date,
        status=Status(status.value) if status else None,
        health=Health(health.value) if health else None,
        progress=progress,
        note=note.strip() if note and note.strip() else None,
        values=tuple(IndicatorValue(d, v) for d, v in values),  # type: ignore[arg-type]
        source=source,
        by=by,
        started=_option_date("--started", started),
        ended=_option_date("--ended", ended),
        reported_today=report_date == day,
    )
    result = update_measure(found_root, config, measure_id, change, day, dry_run=dry_run)
    edit = result.edit
    if not edit.changed:
        typer.echo(
            _("{id}: nothing to change; {file} already says so").format(
                id=measure_id, file=edit.relpath
            )
        )
        return
    if dry_run:
        print_diff(edit.diff())
        typer.echo(_("dry run: {file} was not written").format(file=edit.relpath), err=True)
        return
    from ictgov.visible import visible

    typer.echo(visible(_("updated {file}").format(file=edit.relpath)))
    for line in edit.changes:
        typer.echo(visible(f"  {line}"))
