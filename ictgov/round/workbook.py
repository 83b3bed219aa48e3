"""One owner's workbook: their measures only, in their language, ready to fill in.

Sheets: the measures (current values, the newest update-log entry, what is stale
or overdue, drop-downs of the allowed words, a column for the new note), the
indicator values, and instructions. Headers are words in the owner's language;
``ictgov import`` maps them back (:mod:`ictgov.i18n.headers`), so the returned
workbook goes through the same validation as any import. A workbook holds a few
rows, so the ordinary mode is the quick one: write-only mode's temporary file per
sheet costs more than the rows (about 12 % of a 300-owner round).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from ictgov import safefs
from ictgov.i18n.headers import column_header, sheet_name
from ictgov.model import Measure, Status
from ictgov.round.owners import Owner
from ictgov.round.words import Words
from ictgov.views.overview import measure_view
from ictgov.views.text import plain

#: Columns of the measures sheet, in order; ``note`` is the one to write in.
MEASURE_COLUMNS = (
    "id",
    "code",
    "title",
    "status",
    "health",
    "progress",
    "planned_end",
    "last_update",
    "last_update_note",
    "stale",
    "overdue",
    "note",
)
VALUE_COLUMNS = ("measure_id", "date", "value", "unit", "source")
WIDTHS = {"title": 40, "last_update_note": 50, "note": 50, "source": 30, "id": 24}
DATE_FORMAT = "d.m.yyyy"
#: Empty rows with drop-downs and formats below the data, for values to add.
SPARE_ROWS = 20
KEYWORD = "ictgov-round"
BOLD = Font(bold=True)


@dataclass(frozen=True)
class RoundInfo:
    """What the workbook says about the round it belongs to."""

    round_id: str
    due: date
    today: date
    stale_after_days: int
    content_lang: str


def keywords(round_id: str, owner_id: str) -> str:
    """The workbook's keywords property: which round and owner it belongs to."""
    return f"{KEYWORD} {round_id} {owner_id}"


def parse_keywords(value: str | None) -> tuple[str, str] | None:
    """(round id, owner id) from a workbook's keywords, if ictgov wrote them."""
    parts = (value or "").split()
    if len(parts) == 3 and parts[0] == KEYWORD:
        return parts[1], parts[2]
    return None


def _cell(sheet: Any, value: Any, *, number_format: str | None = None, bold: bool = False) -> Any:
    """A cell to append: the plain value unless it needs a format, bold, or to stay text."""
    formula_like = isinstance(value, str) and value.startswith(("=", "+", "-", "@"))
    if not (formula_like or number_format or bold):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    if formula_like:
        cell.data_type = "s"  # a text, never a formula
    if number_format:
        cell.number_format = number_format
    if bold:
        cell.font = BOLD
    return cell


def _dropdown(sheet: Any, words: list[str], column: str, last_row: int, error: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(type="list", formula1='"' + ",".join(words) + '"', allow_blank=True)
    validation.error = error
    validation.showErrorMessage = True
    validation.add(f"{column}2:{column}{last_row}")
    sheet.data_validations.append(validation)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _measure_row(m: Measure, info: RoundInfo, words: Words) -> dict[str, Any]:
    view = measure_view(m, info.today, info.stale_after_days)
    last = m.last_update
    return {
        "id": m.id,
        "code": m.code,
        "title": plain(m.title, words.lang, info.content_lang),
        "status": words.label("status", m.status),
        "health": words.label("health", m.health) if m.status is Status.IN_PROGRESS else "",
        "progress": m.progress,
        "planned_end": m.schedule.planned_end,
        "last_update": last.date if last else None,
        "last_update_note": plain(last.note, words.lang, info.content_lang) if last else "",
        "stale": words.yes(view.stale),
        "overdue": words.yes(view.overdue),
        "note": None,
    }


def _measures_sheet(workbook: Any, owner: Owner, info: RoundInfo, words: Words) -> None:
    sheet = workbook.create_sheet(sheet_name("measures", words.lang))
    for index, name in enumerate(MEASURE_COLUMNS, start=1):
        sheet.column_dimensions[_letter(index)].width = WIDTHS.get(name, 14)
    sheet.freeze_panes = "D2"
    sheet.append([_cell(sheet, column_header(n, words.lang), bold=True) for n in MEASURE_COLUMNS])
    for m in owner.measures:
        row = _measure_row(m, info, words)
        cells = []
        for name in MEASURE_COLUMNS:
            value = row[name]
            fmt = DATE_FORMAT if isinstance(value, date) else "0" if name == "progress" else None
            cells.append(_cell(sheet, value, number_format=fmt))
        sheet.append(cells)
    last = len(owner.measures) + 1
    col = {name: _letter(i) for i, name in enumerate(MEASURE_COLUMNS, start=1)}
    error = words.gettext("Choose a word from the list.")
    _dropdown(sheet, words.choices("status"), col["status"], last, error)
    _dropdown(sheet, words.choices("health"), col["health"], last, error)
    from openpyxl.worksheet.datavalidation import DataValidation

    whole = DataValidation(type="whole", operator="between", formula1="0", formula2="100")
    whole.error = words.gettext("Progress is a whole number from 0 to 100.")
    whole.showErrorMessage = True
    whole.add(f"{col['progress']}2:{col['progress']}{last}")
    sheet.data_validations.append(whole)
    sheet.auto_filter.ref = f"A1:{_letter(len(MEASURE_COLUMNS))}{last}"


def _values_sheet(workbook: Any, owner: Owner, words: Words) -> None:
    sheet = workbook.create_sheet(sheet_name("indicator_values", words.lang))
    for index, name in enumerate(VALUE_COLUMNS, start=1):
        sheet.column_dimensions[_letter(index)].width = WIDTHS.get(name, 14)
    sheet.freeze_panes = "A2"
    sheet.append([_cell(sheet, column_header(n, words.lang), bold=True) for n in VALUE_COLUMNS])
    ids: list[str] = []
    rows = 1
    for m in owner.measures:
        if m.indicator is None:
            continue
        ids.append(m.id)
        for obs in sorted(m.indicator.values, key=lambda o: o.date):
            sheet.append(
                [
                    _cell(sheet, m.id),
                    _cell(sheet, obs.date, number_format=DATE_FORMAT),
                    _cell(sheet, obs.value),
                    _cell(sheet, m.indicator.unit),
                    _cell(sheet, plain(obs.source, words.lang) if obs.source else None),
                ]
            )
            rows += 1
    if ids:
        _dropdown(
            sheet,
            ids,
            "A",
            rows + SPARE_ROWS,
            words.gettext("Choose a measure from the list."),
        )


def instructions(owner: Owner, info: RoundInfo, words: Words) -> list[str]:
    """The lines of the instructions sheet (also the heart of the message)."""
    return [
        words.gettext("Status update of the ICT strategy: {owner}", owner=owner.name),
        "",
        words.gettext("Please return this workbook by {due}.", due=words.date(info.due)),
        "",
        words.gettext(
            "1. On the sheet '{sheet}', check each measure's status, health and progress.",
            sheet=sheet_name("measures", words.lang),
        ),
        words.gettext(
            "2. Choose the status and health from the drop-down lists; progress is 0-100."
        ),
        words.gettext(
            "3. Write what has happened since the last update in the column '{column}'.",
            column=column_header("note", words.lang),
        ),
        words.gettext(
            "4. Add new indicator values on the sheet '{sheet}', one row per value.",
            sheet=sheet_name("indicator_values", words.lang),
        ),
        words.gettext("5. Save the workbook as it is (.xlsx) and send it back as a reply."),
        "",
        words.gettext(
            "'{column}' means no update for over {days} days.",
            column=column_header("stale", words.lang),
            days=info.stale_after_days,
        ),
        words.gettext(
            "'{column}' means the planned end has passed.",
            column=column_header("overdue", words.lang),
        ),
        words.gettext("Do not change the measure ids, the sheet names or the header row."),
        "",
        words.gettext("Reporting round {round}", round=info.round_id),
    ]


def _instructions_sheet(workbook: Any, owner: Owner, info: RoundInfo, words: Words) -> None:
    sheet = workbook.create_sheet(sheet_name("instructions", words.lang))
    sheet.column_dimensions["A"].width = 100
    for number, line in enumerate(instructions(owner, info, words)):
        sheet.append([_cell(sheet, line, bold=number == 0)])


def write_workbook(path: Path, owner: Owner, info: RoundInfo) -> None:
    """The owner's workbook at *path*: instructions first, then the sheets to fill in."""
    from openpyxl import Workbook

    words = Words(owner.language)
    # A few rows each: the ordinary mode, which needs no temporary file per sheet
    # (with hundreds of owners those cost more than the rows).
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = "ictgov"
    workbook.properties.title = words.gettext(
        "Status update of the ICT strategy: {owner}", owner=owner.name
    )
    workbook.properties.keywords = keywords(info.round_id, owner.id)
    _instructions_sheet(workbook, owner, info, words)
    _measures_sheet(workbook, owner, info, words)
    _values_sheet(workbook, owner, words)
    buffer = io.BytesIO()
    workbook.save(buffer)
    safefs.write_file(path, buffer.getvalue())  # a symlink there is replaced, never followed
