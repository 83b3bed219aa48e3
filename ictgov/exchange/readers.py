"""Read the tables of a spreadsheet back: XLSX sheets or one CSV file.

Whatever the source, each row keeps where it came from (``measures!D7``) so that
a rejected value is reported at the cell a person can find. CSV files may come
from Excel in any locale: UTF-8 with or without a BOM (or Windows-1252 when Excel
saved "CSV" rather than "CSV UTF-8"), separated by ``,`` or ``;``.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ictgov.errors import IctgovError
from ictgov.exchange.columns import REQUIRED_FOR_IMPORT
from ictgov.exchange.formulas import unguard
from ictgov.exchange.values import is_blank

#: Longest CSV cell read, in characters (Python's csv stops at 131,072 by default).
MAX_CELL = 10_000_000
#: Bytes read at a time while checking a CSV file's encoding.
_CHUNK = 1 << 20


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


@dataclass(slots=True)
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
    """The rows of one importable table, read as they are iterated (once)."""

    name: str
    source: str
    columns: dict[str, int] = field(default_factory=dict)
    rows: Iterable[Row] = ()


Records = Iterator[tuple[int, list[Any]]]


def _table(name: str, source: str, records: Records) -> Table:
    """The table of *records*: the header is checked now, the rows are read on iteration."""
    header_row, header = next(records, (1, []))
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
    return Table(name, source, cols, _rows(name, source, cols, records))


def _rows(name: str, source: str, cols: dict[str, int], records: Records) -> Iterator[Row]:
    for number, values in records:
        if all(is_blank(v) for v in values):
            continue
        by_name = {key: values[i - 1] if i - 1 < len(values) else None for key, i in cols.items()}
        yield Row(name, source, number, by_name, cols)


def _unreadable_workbook(path: Path, exc: BaseException) -> IctgovError:
    detail = str(exc).strip() or type(exc).__name__
    return IctgovError(
        f"{path}: cannot read it as an Excel workbook (.xlsx): {detail}; save it again from "
        "Excel or LibreOffice, or start from 'ictgov export --format xlsx'"
    )


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
    """The importable sheets (``measures``, ``indicator_values``) of a workbook.

    Read-only workbooks trust each sheet's ``<dimension>``, which streaming writers
    leave stale; it is recomputed, so no row beyond it is lost. Any parse failure of
    the workbook's XML is a clear error, whatever the parser raised. The file is
    opened here, so it is closed even when openpyxl gives up half way.
    """
    from openpyxl import load_workbook

    try:
        handle = path.open("rb")
    except OSError as exc:
        raise IctgovError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    with handle:
        try:
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # not a zip, a missing part, malformed XML: many kinds
            raise _unreadable_workbook(path, exc) from None
        try:
            return _sheets(path, workbook)
        except IctgovError:
            raise
        except Exception as exc:  # malformed sheet XML: openpyxl and its parser raise many kinds
            raise _unreadable_workbook(path, exc) from None
        finally:
            workbook.close()


def _sheets(path: Path, workbook: Any) -> dict[str, Table]:
    """The importable tables of an open workbook; two sheets for one table are an error."""
    tables: dict[str, Table] = {}
    sheets: dict[str, str] = {}
    for sheet_name in workbook.sheetnames:
        name = normalise_header(sheet_name)
        if name not in REQUIRED_FOR_IMPORT:
            continue
        if name in sheets:
            raise IctgovError(
                f"{path}: the sheets {sheets[name]!r} and {sheet_name!r} are both read as "
                f"{name!r}; keep one of them (or rename the other)"
            )
        sheets[name] = sheet_name
        sheet = workbook[sheet_name]
        sheet.reset_dimensions()
        records = [
            (number, [cell_value(c.value, getattr(c, "number_format", None)) for c in cells])
            for number, cells in enumerate(sheet.iter_rows(), start=1)
        ]
        tables[name] = _table(name, sheet_name, iter(records))
    return tables


def decode_csv(raw: bytes) -> str:
    """Text of a CSV file: UTF-8 (BOM optional), else Windows-1252 as older Excel saves it."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def csv_encoding(path: Path) -> str:
    """``utf-8-sig`` if the whole file is UTF-8 (checked in chunks), else ``cp1252``."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8-sig"


def sniff_delimiter(text: str) -> str:
    """``;`` (Excel in a Finnish locale), ``,`` or tab: whichever the header line uses most."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_records(path: Path, encoding: str) -> Records:
    """Rows of a CSV file, read one at a time; a malformed row is an error naming it."""
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        delimiter = sniff_delimiter(handle.readline())
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        number = 0
        limit = csv.field_size_limit()
        csv.field_size_limit(MAX_CELL)
        try:
            for number, row in enumerate(reader, start=1):
                yield number, [unguard(v) for v in row]
        except csv.Error as exc:
            raise IctgovError(
                f"{path.name}: row {number + 1}: {exc}; a cell holds at most {MAX_CELL:,} "
                "characters, and the file must be plain CSV text"
            ) from None
        finally:
            csv.field_size_limit(limit)


def read_csv(path: Path) -> dict[str, Table]:
    """One table from a CSV file, named by the file (``measures.csv``) or by its header.

    The rows are streamed: a million-row file is never held in memory at once.
    """
    try:
        records = _csv_records(path, csv_encoding(path))
        first = next(records, None)
    except OSError as exc:
        raise IctgovError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    header = {normalise_header(v) for v in first[1]} if first else set()
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
    head: Records = iter([first] if first else [])
    return {name: _table(name, path.name, itertools.chain(head, records))}


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
