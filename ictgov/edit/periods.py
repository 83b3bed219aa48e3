"""Dates for reported values: a period (year, month, quarter) means its last day.

An indicator value "for 2024" is the value at the end of 2024, so ``2024`` is
stored as 2024-12-31, ``2024-03`` as 2024-03-31 and ``2024-Q2`` as 2024-06-30. The
same rule reads dates from spreadsheets, which may also hold Finnish dates
(``31.12.2024``) or real date cells.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_FINNISH = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

PERIOD_HELP = "YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD (a period means its last day)"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_period(value: object) -> date:
    """The date a period or date stands for; ValueError with a readable message if none."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and 1900 <= value <= 2200:
        return date(value, 12, 31)
    if isinstance(value, float) and value.is_integer() and 1900 <= value <= 2200:
        return date(int(value), 12, 31)
    text = str(value).strip()
    try:
        if match := _YEAR.match(text):
            return date(int(match.group(1)), 12, 31)
        if match := _MONTH.match(text):
            return _month_end(int(match.group(1)), int(match.group(2)))
        if match := _QUARTER.match(text):
            return _month_end(int(match.group(1)), int(match.group(2)) * 3)
        if match := _FINNISH.match(text):
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if _ISO.match(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a date or period; use {PERIOD_HELP}")


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
    raise ValueError(f"{text!r} is not a date; use YYYY-MM-DD, e.g. 2024-11-01")
