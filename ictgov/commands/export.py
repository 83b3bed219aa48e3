"""``ictgov export`` as a library call: options in, what to print and where it went out.

The command parses its options into ``ExportOptions`` and calls ``run_export``; the
tables, the choice of format and destination and the refusals (several CSV tables
without a folder, a workbook to a terminal) are decided here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ictgov import answers
from ictgov.errors import ConfigError, IctgovError
from ictgov.i18n.speak import _, ngettext

if TYPE_CHECKING:
    from ictgov.exchange.tables import Row

Format = Literal["csv", "xlsx", "json"]


@dataclass(frozen=True)
class ExportOptions:
    """What ``ictgov export`` was asked; ``terminal`` says whether stdout is one."""

    fmt: Format = "xlsx"
    out: Path | None = None
    tables: tuple[str, ...] | None = None
    lang: str | None = None
    delimiter: str = ","
    public: bool = False
    root: Path | None = None
    at: str | None = None
    today: str | None = None
    terminal: bool = False


@dataclass(frozen=True)
class ExportOutcome:
    """What goes to standard output, and the lines for standard error.

    ``stdout`` is empty when the tables went to a file; ``notes`` are a load warning
    and what was written where.
    """

    stdout: str | bytes
    notes: tuple[str, ...]


def _load_warning(broken: int) -> str | None:
    if not broken:
        return None
    return ngettext(
        "warning: {n} file has errors and its items may be missing; run 'ictgov lint'",
        "warning: {n} files have errors and their items may be missing; run 'ictgov lint'",
        broken,
    ).format(n=broken)


def _question(options: ExportOptions) -> answers.Question | None:
    """What a remembered answer must match: only printed exports of the working tree."""
    if options.out is not None or options.at is not None:
        return None
    words = (
        f"format={options.fmt}",
        f"tables={options.tables}",
        f"lang={options.lang}",
        f"delimiter={options.delimiter}",
        f"public={options.public}",
        f"terminal={options.terminal}",
    )
    return answers.Question("export", options.root, options.today, words)


def run_export(options: ExportOptions) -> ExportOutcome:
    """Build the tables for the day asked and write them as the options say.

    What goes to standard output is remembered (``ictgov.answers``): an unchanged
    tree is answered without loading it, in the format it was printed in.
    """
    question = _question(options)
    if question is not None and (known := answers.recall(question)) is not None:
        return ExportOutcome(
            known.decode("utf-8", "surrogatepass") if options.fmt == "json" else known, ()
        )
    from ictgov.exchange.tables import build_tables
    from ictgov.project import open_tree

    opened = open_tree(options.root, options.at, options.today)
    warning = _load_warning(len(opened.broken_files))
    tables = build_tables(
        opened.tree,
        today=opened.today,
        stale_after_days=opened.project.config.stale_after_days,
        tables=list(dict.fromkeys(options.tables)) if options.tables else None,
        lang=options.lang,
        public=options.public,
        on_track_late_after_days=opened.project.config.on_track_late_after_days,
    )
    stdout, written = _write(options, tables)
    notes = tuple(n for n in (warning, written) if n)
    if question is not None and not notes:
        answers.remember(question, opened.basis, stdout)
    return ExportOutcome(stdout, notes)


def _check_out(out: Path, fmt: Format, names: list[str]) -> None:
    """Refuse an --out that is a symlink, pipe or device (or a file where a folder goes)."""
    from ictgov.safefs import check_output_file, check_target_folder

    if fmt == "csv" and not (len(names) == 1 and out.suffix.lower() == ".csv"):
        check_target_folder(out)  # one <table>.csv per table in this folder
        for name in names:
            check_output_file(out / f"{name}.csv", "--out")
    else:
        check_output_file(out)


def _write(options: ExportOptions, tables: dict[str, list[Row]]) -> tuple[str | bytes, str | None]:
    """Write *tables*; return what goes to stdout and the note saying where they went."""
    from ictgov.exchange.output import write_file
    from ictgov.exchange.workbook import workbook_bytes
    from ictgov.exchange.writers import csv_bytes, json_text, write_csv_folder

    out, public, sep = options.out, options.public, options.delimiter
    if out is not None:
        _check_out(out, options.fmt, list(tables))
    if options.fmt == "json":
        text = json_text(tables)
        if out is None:
            return text, None
        write_file(out, text.encode("utf-8"))
        return "", _("wrote {file}").format(file=out)
    if options.fmt == "csv":
        if out is None:
            if len(tables) != 1:
                raise ConfigError(
                    "CSV of several tables needs --out FOLDER; or pick one table with --table "
                    "to print it"
                )
            name, rows = next(iter(tables.items()))
            return csv_bytes(name, rows, delimiter=sep, public=public), None
        if len(tables) == 1 and out.suffix.lower() == ".csv":
            name, rows = next(iter(tables.items()))
            write_file(out, csv_bytes(name, rows, delimiter=sep, public=public))
            return b"", _("wrote {file}").format(file=out)
        written = write_csv_folder(out, tables, delimiter=sep, public=public)
        return b"", ngettext(
            "wrote {n} file to {folder}", "wrote {n} files to {folder}", len(written)
        ).format(n=len(written), folder=out)
    # fi or sv: sheet names, headers and words in that language; else the stable names.
    words = options.lang
    if out is not None:
        write_file(out, lambda: workbook_bytes(tables, public=public, lang=words))
        return b"", _("wrote {file}").format(file=out)
    if options.terminal:
        raise ConfigError(_("give --out FILE.xlsx (a workbook cannot go to a terminal)"))
    try:
        return workbook_bytes(tables, public=public, lang=words), None
    except OSError as exc:  # openpyxl writes temporary files while it builds
        raise IctgovError(
            _("cannot build the workbook ({problem})").format(problem=exc.strerror or exc)
        ) from None
