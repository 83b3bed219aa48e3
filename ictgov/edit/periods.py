"""Dates for reported values: a period (year, month, quarter) means its last day.

An indicator value "for 2024" is the value at the end of 2024, so ``2024`` is
stored as 2024-12-31, ``2024-03`` as 2024-03-31 and ``2024-Q2`` as 2024-06-30. The
same rule reads dates from spreadsheets, which may also hold Finnish dates
(``31.12.2024``) or real date cells.

A period still running on the reporting date has no last day yet to be dated on:
its value is the value so far, dated on the reporting date (``2026-11`` reported on
2026-11-21 is stored as 2026-11-21), because a recorded value may not lie in the
future. A period that has not begun is refused. An explicit day is kept as written
(lint judges a future one).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from ictgov.i18n import N_
from ictgov.i18n.speak import _

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_FINNISH = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

PERIOD_HELP = N_(
    "YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD (a period means its last day, or the reporting "
    "date while it is still running)"
)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _span(value: object) -> tuple[date, date] | date:
    """A period as its (first, last) day, or the single day an explicit date names."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and 1900 <= value <= 2200:
        return date(value, 1, 1), date(value, 12, 31)
    text = str(value).strip()
    try:
        if match := _YEAR.match(text):
            year = int(match.group(1))
            return date(year, 1, 1), date(year, 12, 31)
        if match := _MONTH.match(text):
            year, month = int(match.group(1)), int(match.group(2))
            return date(year, month, 1), _month_end(year, month)
        if match := _QUARTER.match(text):
            year, last_month = int(match.group(1)), int(match.group(2)) * 3
            return date(year, last_month - 2, 1), _month_end(year, last_month)
        if match := _FINNISH.match(text):
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if _ISO.match(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise ValueError(
        _("{text!r} is not a date or period; use {help}").format(text=text, help=_(PERIOD_HELP))
    )


def parse_period(value: object, not_after: date | None = None) -> date:
    """The date a period or date stands for; ValueError with a readable message if none.

    With *not_after* (the reporting date), a period that has not ended by then is
    dated on it (the value so far), and one that has not begun is an error.
    """
    span = _span(value)
    if isinstance(span, date):
        return span
    first, last = span
    if not_after is None or last <= not_after:
        return last
    if first > not_after:
        shown = str(value).strip()
        raise ValueError(
            _(
                "{period!r} has not begun by the reporting date {date}; a value can be "
                "reported only for a period that has started (check the year, or --date)"
            ).format(period=shown, date=not_after.isoformat())
        )
    return not_after


def parse_date(value: object) -> date:
    """A single day: ISO ``YYYY-MM-DD``, Finnish ``D.M.YYYY`` or a date cell."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if match := _FINNISH.match(text):
        try:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            pass
    elif _ISO.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(_("{text!r} is not a date; use YYYY-MM-DD, e.g. 2024-11-01").format(text=text))
