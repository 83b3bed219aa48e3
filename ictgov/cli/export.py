"""``ictgov export``: flat tables for Excel and Power BI (CSV, XLSX or JSON)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import AtOption, Language, RootOption, TodayOption
from ictgov.errors import ConfigError, IctgovError


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
    from ictgov.config import resolve_today
    from ictgov.exchange.output import write_file
    from ictgov.exchange.tables import build_tables
    from ictgov.exchange.workbook import workbook_bytes
    from ictgov.exchange.writers import (
        csv_bytes,
        json_text,
        write_csv_folder,
    )
    from ictgov.project import Project

    names = list(dict.fromkeys(t.value for t in table)) if table else None
    day = resolve_today(today)
    project = Project.open(root)
    tree = project.tree(at, today=day)
    broken = {d.file for d in tree.diagnostics if d.severity.value == "error"}
    if broken:
        typer.echo(
            f"warning: {len(broken)} file(s) have errors and their items may be missing; "
            "run 'ictgov lint'",
            err=True,
        )
    tables = build_tables(
        tree,
        today=day,
        stale_after_days=project.config.stale_after_days,
        tables=names,
        lang=lang.value if lang else None,
        public=public,
    )
    sep = delimiter.value
    #: Sheet names, headers and words of the XLSX in this language when --lang asks for one.
    words = lang.value if lang else None
    if out is not None:
        _check_out(out, fmt, list(tables))
    if fmt is ExportFormat.JSON:
        text = json_text(tables)
        if out is None:
            sys.stdout.write(text)
        else:
            write_file(out, text.encode("utf-8"))
            typer.echo(f"wrote {out}", err=True)
    elif fmt is ExportFormat.CSV:
        if out is None:
            if len(tables) != 1:
                raise ConfigError(
                    "CSV of several tables needs --out FOLDER; or pick one table with --table "
                    "to print it"
                )
            name, rows = next(iter(tables.items()))
            sys.stdout.flush()
            sys.stdout.buffer.write(csv_bytes(name, rows, delimiter=sep, public=public))
            sys.stdout.buffer.flush()
        elif len(tables) == 1 and out.suffix.lower() == ".csv":
            name, rows = next(iter(tables.items()))
            write_file(out, csv_bytes(name, rows, delimiter=sep, public=public))
            typer.echo(f"wrote {out}", err=True)
        else:
            written = write_csv_folder(out, tables, delimiter=sep, public=public)
            typer.echo(f"wrote {len(written)} file(s) to {out}", err=True)
    else:
        if out is None:
            if sys.stdout.isatty():
                raise ConfigError("give --out FILE.xlsx (a workbook cannot go to a terminal)")
            try:
                data = workbook_bytes(tables, public=public, lang=words)
            except OSError as exc:  # openpyxl writes temporary files while it builds
                raise IctgovError(f"cannot build the workbook ({exc.strerror or exc})") from None
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            write_file(out, lambda: workbook_bytes(tables, public=public, lang=words))
            typer.echo(f"wrote {out}", err=True)


def _check_out(out: Path, fmt: ExportFormat, names: list[str]) -> None:
    """Refuse an --out that is a symlink, pipe or device (or a file where a folder goes)."""
    from ictgov.safefs import check_output_file, check_target_folder

    if fmt is ExportFormat.CSV and not (len(names) == 1 and out.suffix.lower() == ".csv"):
        check_target_folder(out)  # one <table>.csv per table in this folder
        for name in names:
            check_output_file(out / f"{name}.csv", "--out")
    else:
        check_output_file(out)
