"""``ictgov import``: status updates and indicator values from a spreadsheet."""

from __future__ import annotations

import json
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import RootOption, TodayOption
from ictgov.errors import ConfigError
from ictgov.i18n.speak import _, ngettext, pgettext

if TYPE_CHECKING:
    from ictgov.exchange.report import ImportReport

#: Show a progress bar only when the import has already taken this long.
PROGRESS_AFTER_SECONDS = 1.0


class ReportFormat(StrEnum):
    """How to print the import report."""

    TEXT = "text"
    JSON = "json"


def register(app: typer.Typer) -> None:
    """Add the ``import`` command to the app."""
    app.command("import")(import_)


class LazyProgress:
    """A rich progress bar on stderr that appears only once the work is slow."""

    def __init__(self, console: Any = None) -> None:
        from rich.console import Console

        self.console = console if console is not None else Console(stderr=True)
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        """Report that *done* of *total* measures are prepared."""
        if self.bar is None:
            if not self.console.is_terminal:
                return
            if time.monotonic() - self.started < PROGRESS_AFTER_SECONDS:
                return
            from rich.progress import Progress

            self.bar = Progress(console=self.console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("importing", total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        """Remove the bar, if it was shown."""
        if self.bar is not None:
            self.bar.stop()


def summary(report: ImportReport) -> str:
    """One line: counts, and what was written."""
    counts = report.counts()
    head = ", ".join(
        text.format(n=counts[key])
        for key, text in (
            ("changed", ngettext("{n} changed", "{n} changed", counts["changed"])),
            ("unchanged", ngettext("{n} unchanged", "{n} unchanged", counts["unchanged"])),
            ("rejected", ngettext("{n} rejected", "{n} rejected", counts["rejected"])),
        )
    )
    if report.dry_run:
        return _("{counts}; dry run: nothing was written").format(counts=head)
    if report.blocked:
        return _(
            "{counts}; nothing was written because a row was rejected (fix it, or give "
            "--partial to write the other rows)"
        ).format(counts=head)
    written = len(report.written)
    return ngettext("{counts}; {n} file written", "{counts}; {n} files written", written).format(
        counts=head, n=written
    )


def outcome_word(outcome: str) -> str:
    """``changed``, ``unchanged`` or ``rejected`` in the reader's language."""
    words = {
        "changed": pgettext("import", "changed"),
        "unchanged": pgettext("import", "unchanged"),
        "rejected": pgettext("import", "rejected"),
    }
    return words.get(outcome, outcome)


def print_report(report: ImportReport) -> None:
    """Changed and rejected rows (a rich table on a terminal, tab-separated when piped).

    Cells come from a stranger's spreadsheet: shown as plain text (never rich markup),
    control characters made visible.
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ictgov.exchange.report import Outcome
    from ictgov.visible import visible

    shown = [r for r in report.rows if r.outcome is not Outcome.UNCHANGED]
    console = Console()
    if console.is_terminal:
        if shown:
            table = Table(_("Where"), _("Measure"), _("Result"), _("Details"))
            colors = {Outcome.CHANGED: "green", Outcome.REJECTED: "red"}
            for row in shown:
                table.add_row(
                    Text(visible(row.where)),
                    Text(visible(row.measure_id or "")),
                    Text(outcome_word(row.outcome.value), style=colors[row.outcome]),
                    Text(visible("\n".join(row.details))),
                )
            console.print(table)
        console.print(summary(report))
        return
    for row in shown:
        outcome = outcome_word(row.outcome.value)
        fields = (row.where, row.measure_id or "", outcome, "; ".join(row.details))
        typer.echo("\t".join(visible(f) for f in fields))
    typer.echo(summary(report))


@guarded
def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="An .xlsx workbook or a .csv file.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Report what would change; write nothing.")
    ] = False,
    partial: Annotated[
        bool,
        typer.Option("--partial", help="Write the valid rows even if some rows are rejected."),
    ] = False,
    when: Annotated[
        str | None,
        typer.Option(
            "--date", help="Date of the update-log entries (default: today).", show_default=False
        ),
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Who reports (post or name).", show_default=False)
    ] = None,
    fmt: Annotated[
        ReportFormat,
        typer.Option(
            "--format", "-f", help="text for people, json for scripts.", case_sensitive=False
        ),
    ] = ReportFormat.TEXT,
    root: RootOption = None,
    today: TodayOption = None,
) -> None:
    """Update statuses and indicator values from a spreadsheet made by 'ictgov export'.

    Rows of the 'measures' sheet (keyed by id) update status, health, progress and
    add a note (column 'note', or an edited 'last_update_note'); rows of
    'indicator_values' add or correct values. Exit code 1 when a row is rejected.
    """
    from ictgov.config import load_config, resolve_root, resolve_today
    from ictgov.edit.periods import parse_date
    from ictgov.exchange.importer import import_file

    day = resolve_today(today)
    report_date = day
    if when is not None:
        try:
            report_date = parse_date(when)
        except ValueError as exc:
            raise ConfigError(_("--date: {problem}").format(problem=exc)) from None
    found_root = resolve_root(root)
    config = load_config(found_root)
    progress = LazyProgress()
    try:
        report = import_file(
            found_root,
            config,
            file,
            day,
            when=report_date,
            by=by,
            dry_run=dry_run,
            partial=partial,
            progress=progress,
        )
    finally:
        progress.close()
    if fmt is ReportFormat.JSON:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report)
    if report.rejected:
        raise typer.Exit(1)
