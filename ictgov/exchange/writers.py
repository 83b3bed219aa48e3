"""CSV, XLSX and JSON writers over the rows of ``tables``.

CSV is UTF-8 with a byte-order mark, so Excel shows ä and ö right; comma-separated
with ``.`` decimals for machines, or ``--delimiter ';'`` for Excel in a Finnish
locale, which then also gets decimal commas (``12,5``). XLSX has one sheet per
table with a bold frozen header, filters, fitted column widths and real date
cells. JSON keeps lists as arrays and dates as ISO strings.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import IO, Any

from ictgov.edit.render import number
from ictgov.exchange.columns import Column, Kind, columns
from ictgov.exchange.formulas import guard
from ictgov.exchange.output import write_file

FORMAT_ID = "ictgov-export"
FORMAT_VERSION = 1
#: Widest column in XLSX, in characters; longer texts wrap when the cell is opened.
MAX_WIDTH = 60


def cell_text(value: Any, column: Column, *, decimal_comma: bool = False) -> str:
    """A value as CSV text; a text a spreadsheet would run as a formula is guarded."""
    if value is None:
        return ""
    if column.kind is Kind.LIST:
        return guard(", ".join(str(v) for v in value))
    if column.kind is Kind.DATE and isinstance(value, date):
        return value.isoformat()
    if column.kind is Kind.BOOLEAN:
        return "true" if value else "false"
    if column.kind in (Kind.NUMBER, Kind.INTEGER) and isinstance(value, (int, float)):
        text = number(value)
        return text.replace(".", ",") if decimal_comma else text
    return guard(str(value))


def write_csv(
    stream: IO[str],
    name: str,
    rows: list[dict[str, Any]],
    *,
    delimiter: str = ",",
    public: bool = False,
) -> None:
    """One table as CSV text (the caller writes the BOM with ``utf-8-sig``)."""
    cols = columns(name, public=public)
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([c.name for c in cols])
    comma = delimiter == ";"
    for row in rows:
        writer.writerow([cell_text(row.get(c.name), c, decimal_comma=comma) for c in cols])


def csv_bytes(
    name: str, rows: list[dict[str, Any]], *, delimiter: str = ",", public: bool = False
) -> bytes:
    """One table as the bytes of a CSV file, BOM included."""
    buffer = io.StringIO()
    write_csv(buffer, name, rows, delimiter=delimiter, public=public)
    return buffer.getvalue().encode("utf-8-sig")


def write_csv_folder(
    folder: Path,
    tables: Mapping[str, list[dict[str, Any]]],
    *,
    delimiter: str = ",",
    public: bool = False,
) -> list[Path]:
    """One ``<table>.csv`` per table in *folder*, each written atomically."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    for name, rows in tables.items():
        path = folder / f"{name}.csv"
        write_file(path, csv_bytes(name, rows, delimiter=delimiter, public=public))
        out.append(path)
    return out


def _choices() -> dict[tuple[str, str], list[str]]:
    """Columns whose XLSX cells get a drop-down of the allowed values."""
    from ictgov.model import Health, Status

    return {
        ("measures", "status"): [s.value for s in Status],
        ("measures", "health"): [h.value for h in Health],
    }


def _xlsx_value(value: Any, column: Column) -> Any:
    if value is None:
        return None
    if column.kind is Kind.LIST:
        return ", ".join(str(v) for v in value)
    return value


def write_xlsx(
    path: Path, tables: Mapping[str, list[dict[str, Any]]], *, public: bool = False
) -> None:
    """A workbook with one sheet per table, written atomically."""
    write_file(path, lambda: xlsx_bytes(tables, public=public))


def xlsx_bytes(tables: Mapping[str, list[dict[str, Any]]], *, public: bool = False) -> bytes:
    """The bytes of a workbook with one sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = "ictgov"
    bold = Font(bold=True)
    choices = _choices()
    for name, rows in tables.items():
        sheet = workbook.create_sheet(title=name)
        cols = columns(name, public=public)
        sheet.append([c.name for c in cols])
        for cell in sheet[1]:
            cell.font = bold
        widths = [len(c.name) for c in cols]
        for row in rows:
            values = [_xlsx_value(row.get(c.name), c) for c in cols]
            sheet.append(values)
            for cell, value in zip(sheet[sheet.max_row], values, strict=True):
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # a text, never a formula Excel would run
            for index, value in enumerate(values):
                if value is not None:
                    size = 10 if isinstance(value, date) else len(str(value))
                    widths[index] = max(widths[index], min(size, MAX_WIDTH))
        for index, column in enumerate(cols, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = widths[index - 1] + 2
            allowed = choices.get((name, column.name))
            if allowed:
                validation = DataValidation(
                    type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True
                )
                validation.error = f"Use one of: {', '.join(allowed)}"
                sheet.add_data_validation(validation)
                validation.add(f"{letter}2:{letter}{max(len(rows) + 1, 2) + 500}")
            if column.kind is Kind.DATE:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(len(rows) + 1, 1)}"
    return save_bytes(workbook)


def save_bytes(workbook: Any) -> bytes:
    """The workbook's bytes; OSError (no space for openpyxl's temporary files) kept quiet.

    openpyxl writes each sheet through a generator into a temporary file; when that
    write fails, the abandoned generators fail again as they are collected and Python
    prints their tracebacks. They are collected here, with that printing off.
    """
    buffer = io.BytesIO()
    failure: OSError | None = None
    try:
        workbook.save(buffer)
    except OSError as exc:
        failure = OSError(exc.errno, exc.strerror, exc.filename)
    if failure is None:
        return buffer.getvalue()
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        gc.collect()
    finally:
        sys.unraisablehook = hook
    raise failure


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def json_text(tables: Mapping[str, list[dict[str, Any]]]) -> str:
    """``{"format": "ictgov-export", "version": 1, "tables": {name: [row, ...]}}``."""
    payload = {
        "format": FORMAT_ID,
        "version": FORMAT_VERSION,
        "tables": {
            name: [{k: _json_value(v) for k, v in row.items()} for row in rows]
            for name, rows in tables.items()
        },
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
