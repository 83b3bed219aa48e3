"""Read the tables of a spreadsheet back: XLSX sheets or one CSV file.

Whatever the source, each row keeps where it came from (``measures!D7``) so that
a rejected value is reported at the cell a person can find. CSV files may come
from Excel in any locale: UTF-8 with or without a BOM (or Windows-1252 when Excel
saved "CSV" rather than "CSV UTF-8"), separated by ``,`` or ``;``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ictgov.errors import IctgovError
from ictgov.exchange.columns import REQUIRED_FOR_IMPORT
from ictgov.exchange.values import is_blank


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA: how spreadsheets name columns."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def normalise_header(value: Any) -> str:
    """``Measure ID `` -> ``measure_id``; ``tila`` (a header in Finnish) -> ``status``."""
    from ictgov.i18n.headers import stable_name

    return stable_name(value)


@dataclass
class Row:
    """One data row: its values by column name and where it is in the file."""

    table: str
    source: str
    number: int
    values: dict[str, Any]
    columns: dict[str, int]

    def get(self, name: str) -> Any:
        """The value of column *name* (None if blank or missing)."""
        value = self.values.get(name)
        return None if is_blank(value) else value

    def where(self, name: str | None = None) -> str:
        """``measures!D7`` for a cell, ``measures!7`` for the row if the column is unknown."""
        if name is not None and name in self.columns:
            return f"{self.source}!{column_letter(self.columns[name])}{self.number}"
        return f"{self.source}!{self.number}"


@dataclass
class Table:
    """The rows of one importable table."""

    name: str
    source: str
    columns: dict[str, int] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)


def _table(name: str, source: str, records: list[tuple[int, list[Any]]]) -> Table:
    header_row, header = records[0] if records else (1, [])
    cols: dict[str, int] = {}
    for index, value in enumerate(header, start=1):
        key = normalise_header(value)
        if key and key not in cols:
            cols[key] = index
    missing = [c for c in REQUIRED_FOR_IMPORT[name] if c not in cols]
    if missing:
        raise IctgovError(
            f"{source}: the header row (row {header_row}) has no column "
            f"{', '.join(repr(m) for m in missing)}; export a template with "
            "'ictgov export --format xlsx' and keep its header row"
        )
    table = Table(name, source, cols)
    for number, values in records[1:]:
        if all(is_blank(v) for v in values):
            continue
        by_name = {key: values[i - 1] if i - 1 < len(values) else None for key, i in cols.items()}
        table.rows.append(Row(name, source, number, by_name, cols))
    return table


def cell_value(value: Any, number_format: str | None) -> Any:
    """What a cell shows: Excel stores ``100 %`` as 1.0 with a percent number format."""
    if (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and number_format
        and "%" in re.sub(r'"[^"]*"|\\.', "", number_format.split(";", 1)[0])
    ):
        return round(value * 100, 9)
    return value


def read_xlsx(path: Path) -> dict[str, Table]:
    """The importable sheets (``measures``, ``indicator_values``) of a workbook."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise IctgovError(f"{path}: cannot read it as an Excel workbook (.xlsx): {exc}") from None
    try:
        tables: dict[str, Table] = {}
        for sheet_name in workbook.sheetnames:
            name = normalise_header(sheet_name)
            if name not in REQUIRED_FOR_IMPORT:
                continue
            sheet = workbook[sheet_name]
            records = [
                (number, [cell_value(c.value, getattr(c, "number_format", None)) for c in cells])
                for number, cells in enumerate(sheet.iter_rows(), start=1)
            ]
            tables[name] = _table(name, sheet_name, records)
    finally:
        workbook.close()
    return tables


def decode_csv(raw: bytes) -> str:
    """Text of a CSV file: UTF-8 (BOM optional), else Windows-1252 as older Excel saves it."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """``;`` (Excel in a Finnish locale), ``,`` or tab: whichever the header line uses most."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path) -> dict[str, Table]:
    """One table from a CSV file, named by the file (``measures.csv``) or by its header."""
    try:
        text = decode_csv(path.read_bytes())
    except OSError as exc:
        raise IctgovError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    records = [(number, row) for number, row in enumerate(reader, start=1)]
    header = {normalise_header(v) for v in records[0][1]} if records else set()
    name = normalise_header(path.stem)
    if name not in REQUIRED_FOR_IMPORT:
        if {"measure_id", "value"} <= header:
            name = "indicator_values"
        elif "id" in header:
            name = "measures"
        else:
            raise IctgovError(
                f"{path}: cannot tell which table this is; name the file measures.csv or "
                "indicator_values.csv, or keep the header row of 'ictgov export'"
            )
    return {name: _table(name, path.name, records)}


def read_tables(path: Path) -> dict[str, Table]:
    """The importable tables of an ``.xlsx`` or ``.csv`` file."""
    if not path.is_file():
        raise IctgovError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        tables = read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        tables = read_csv(path)
    else:
        raise IctgovError(f"{path}: import reads .xlsx or .csv files")
    if not tables:
        raise IctgovError(
            f"{path}: no sheet named 'measures' or 'indicator_values'; start from "
            "'ictgov export --format xlsx' and keep the sheet names"
        )
    return tables
