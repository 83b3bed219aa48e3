"""``ictgov export``: flat tables for Excel and Power BI (CSV, XLSX or JSON)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import AtOption, Language, RootOption, TodayOption


class ExportFormat(StrEnum):
    """File formats ``export`` writes."""

    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"


class TableChoice(StrEnum):
    """The exported tables (see docs/exchange.md)."""

    MEASURES = "measures"
    INDICATOR_VALUES = "indicator_values"
    UPDATES = "updates"
    MEETINGS = "meetings"
    DECISIONS = "decisions"
    ACTIONS = "actions"


class Delimiter(StrEnum):
    """CSV field separators."""

    COMMA = ","
    SEMICOLON = ";"


def register(app: typer.Typer) -> None:
    """Add the ``export`` command to the app."""
    app.command("export")(export)


@guarded
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="csv, xlsx or json.", case_sensitive=False),
    ] = ExportFormat.XLSX,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write (a folder for CSV of several tables). Default: standard output "
            "for JSON, CSV of one table and XLSX when piped.",
            show_default=False,
        ),
    ] = None,
    table: Annotated[
        list[TableChoice] | None,
        typer.Option("--table", "-t", help="Only this table (repeatable).", show_default=False),
    ] = None,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            help="Language of titles and notes (default: the strategy's content language); "
            "fi or sv also puts the XLSX sheet names, headers, status words and drop-downs in "
            "that language, with dates as 20.11.2023.",
            show_default=False,
            case_sensitive=False,
        ),
    ] = None,
    delimiter: Annotated[
        Delimiter,
        typer.Option(
            "--delimiter",
            help="CSV separator: ',' (with '.' decimals), or ';' with decimal commas as Excel "
            "in a Finnish locale expects.",
        ),
    ] = Delimiter.COMMA,
    public: Annotated[
        bool, typer.Option("--public", help="Leave out columns with personal names.")
    ] = False,
    root: RootOption = None,
    at: AtOption = None,
    today: TodayOption = None,
) -> None:
    """Export measures, indicator values, the update log, meetings, decisions and actions.

    Column names are stable and documented in docs/exchange.md. CSV is UTF-8 with a
    byte-order mark so that Excel shows Finnish letters right. The measures' stale,
    overdue and attention columns are computed for --today, as 'ictgov status' shows them.
    """
    from ictgov.commands.export import ExportOptions, run_export

    options = ExportOptions(
        fmt=fmt.value,
        out=out,
        tables=tuple(t.value for t in table) if table else None,
        lang=lang.value if lang else None,
        delimiter=delimiter.value,
        public=public,
        root=root,
        at=at,
        today=today,
        terminal=sys.stdout.isatty(),
    )
    outcome = run_export(options)
    if isinstance(outcome.stdout, str):
        sys.stdout.write(outcome.stdout)
    elif outcome.stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(outcome.stdout)
        sys.stdout.buffer.flush()
    for note in outcome.notes:
        typer.echo(note, err=True)
