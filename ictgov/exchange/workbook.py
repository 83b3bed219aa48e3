"""The XLSX export in openpyxl's write-only mode, optionally in Finnish or Swedish.

Write-only mode streams rows to the file instead of building a cell model, which
makes a 1,000-measure workbook take a fraction of a second rather than seconds.
With ``lang`` ``fi`` or ``sv`` the workbook is for people: sheet names, headers,
status and health words, the drop-downs and the reasons are in that language, and
dates show as 20.11.2023. ``ictgov import`` reads such a workbook back (it maps the
words to the stable names). Without it (or with ``en``) the names are the stable
column names of ``docs/exchange.md``.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ictgov.exchange.columns import Column, Kind, columns

#: Widest column, in characters; longer texts wrap when the cell is opened.
MAX_WIDTH = 60
#: Rows below the data that still get the drop-downs, for rows people add.
SPARE_ROWS = 500
#: Columns whose values are words of a label group (``ictgov.i18n.labels``).
LABELLED: dict[tuple[str, str], str] = {
    ("measures", "status"): "status",
    ("measures", "health"): "health",
    ("measures", "attention_reasons"): "reason",
    ("updates", "status"): "status",
    ("updates", "health"): "health",
    ("decisions", "resolution"): "resolution",
}
#: Columns that get a drop-down of the allowed words.
CHOICES: dict[tuple[str, str], str] = {
    ("measures", "status"): "status",
    ("measures", "health"): "health",
}
#: Characters that make a spreadsheet take a text for a formula.
FORMULA_START = ("=", "+", "-", "@")


class _Words:
    """Sheet names, headers and labels in one language, or the stable names."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang if lang in ("fi", "sv") else None
        self.date_format = "d.m.yyyy" if self.lang else "yyyy-mm-dd"

    def sheet(self, name: str) -> str:
        from ictgov.i18n.headers import sheet_name

        return sheet_name(name, self.lang) if self.lang else name

    def header(self, name: str) -> str:
        from ictgov.i18n.headers import column_header

        return column_header(name, self.lang) if self.lang else name

    def label(self, group: str, value: Any) -> str:
        if not self.lang:
            return str(value)
        from ictgov.i18n import translations
        from ictgov.i18n.labels import label_id

        return translations(self.lang).gettext(label_id(group, value))

    def choices(self, group: str) -> list[str]:
        from ictgov.i18n.labels import LABELS

        return [self.label(group, value) for value in LABELS[group]]


def _value(value: Any, column: Column, group: str | None, words: _Words) -> Any:
    if value is None:
        return None
    if column.kind is Kind.LIST:
        items = [words.label(group, v) if group else v for v in value]
        return ", ".join(str(v) for v in items)
    if group:
        return words.label(group, value)
    return value


def write_workbook(
    path: Path,
    tables: Mapping[str, list[dict[str, Any]]],
    *,
    public: bool = False,
    lang: str | None = None,
) -> None:
    """The workbook at *path*, written atomically (the previous file kept on failure)."""
    from ictgov.exchange.output import write_file

    write_file(path, lambda: workbook_bytes(tables, public=public, lang=lang))


def workbook_bytes(
    tables: Mapping[str, list[dict[str, Any]]],
    *,
    public: bool = False,
    lang: str | None = None,
) -> bytes:
    """The bytes of a workbook with one sheet per table (see the module docstring).

    Write-only sheets stream their rows into temporary files as they are appended,
    so a full disk fails while building, not only while saving; the abandoned sheet
    writers are then collected here with their tracebacks kept quiet, and the error
    is raised plain for ``write_file`` to report.
    """
    failure: OSError | None = None
    try:
        return _build(tables, public=public, lang=lang)
    except OSError as exc:
        failure = OSError(exc.errno, exc.strerror, exc.filename)
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        gc.collect()
    finally:
        sys.unraisablehook = hook
    raise failure


def _build(tables: Mapping[str, list[dict[str, Any]]], *, public: bool, lang: str | None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from ictgov.exchange.writers import save_bytes

    words = _Words(lang)
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "ictgov"
    bold = Font(bold=True)
    for name, rows in tables.items():
        cols = columns(name, public=public)
        groups = [LABELLED.get((name, c.name)) for c in cols]
        values = [
            [_value(row.get(c.name), c, g, words) for c, g in zip(cols, groups, strict=True)]
            for row in rows
        ]
        sheet = workbook.create_sheet(title=words.sheet(name))
        headers = [words.header(c.name) for c in cols]
        widths = [len(h) for h in headers]
        for line in values:
            for index, value in enumerate(line):
                if value is not None:
                    size = 10 if isinstance(value, date) else len(str(value))
                    widths[index] = max(widths[index], min(size, MAX_WIDTH))
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width + 2
        sheet.freeze_panes = "A2"
        last_letter = get_column_letter(len(cols))
        sheet.auto_filter.ref = f"A1:{last_letter}{max(len(rows) + 1, 1)}"
        for index, column in enumerate(cols, start=1):
            group = CHOICES.get((name, column.name))
            if group:
                allowed = words.choices(group)
                letter = get_column_letter(index)
                validation = DataValidation(
                    type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True
                )
                validation.error = ", ".join(allowed)
                validation.add(f"{letter}2:{letter}{len(rows) + 1 + SPARE_ROWS}")
                sheet.data_validations.append(validation)
        header_cells = []
        for text in headers:
            cell = WriteOnlyCell(sheet, value=text)
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        is_date = [c.kind is Kind.DATE for c in cols]
        for line in values:
            out: list[Any] = []
            for value, dated in zip(line, is_date, strict=True):
                if dated and isinstance(value, date):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = words.date_format
                    out.append(cell)
                elif isinstance(value, str) and value.startswith(FORMULA_START):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.data_type = "s"  # a text, never a formula a spreadsheet would run
                    out.append(cell)
                else:
                    out.append(value)
            sheet.append(out)
    return save_bytes(workbook)
