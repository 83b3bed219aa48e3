"""Record numbers (diaarinumero, asianumero) as Finnish case-management systems write them.

Every system numbers differently, and a number copied from real minutes must never be
an error. The known formats are accepted; a repository adds its own with
``record_number_patterns`` (regular expressions) in its configuration; an unknown
format is only a warning whose hint names that setting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_PREFIX = r"(?:(?:Dnro|Dno|Dnr|Diaarinro|Asianro|Asia|Ärende)\.?\s*)?(?:[A-ZÅÄÖ]{1,8}\s?:\s?)?"


@dataclass(frozen=True)
class RecordFormat:
    """One known way of writing a record number, with an example."""

    name: str
    example: str
    pattern: re.Pattern[str]


KNOWN_FORMATS: tuple[RecordFormat, ...] = (
    RecordFormat(
        "number/classification/year (JHS 191)",
        "553/00.04.01/2023",
        re.compile(rf"^{_PREFIX}(?P<n>\d{{1,7}})/\d{{2}}(?:\.\d{{2}}){{0,4}}/(?P<year>\d{{4}})$"),
    ),
    RecordFormat(
        "number/year",
        "8765/2026",
        re.compile(rf"^{_PREFIX}(?P<n>\d{{1,7}})/(?P<year>\d{{4}})$"),
    ),
    RecordFormat(
        "organisation, year and number (Helsinki, Espoo)",
        "HEL 2019-001234",
        re.compile(r"^[A-ZÅÄÖ]{2,8}[ -](?P<year>\d{4})-\d{1,8}$"),
    ),
    RecordFormat(
        "system prefix, year and number (Pori, Turku)",
        "PRIDno-2019-2219",
        re.compile(r"^[A-Za-zÅÄÖåäö]{2,12}-(?P<year>\d{4})-\d{1,8}$"),
    ),
    RecordFormat(
        "agency/number/year (state agencies)",
        "VN/1234/2023",
        re.compile(r"^[A-ZÅÄÖ]{2,8}/(?P<n>\d{1,7})/(?P<year>\d{4})$"),
    ),
)


def record_year(number: str, extra: Iterable[str] = ()) -> int | None:
    """The year a record number states, or None if its format has none or is unknown."""
    match = match_record(number, extra)
    if match is None or "year" not in match.groupdict():
        return None
    return int(match.group("year"))


def match_record(number: str, extra: Iterable[str] = ()) -> re.Match[str] | None:
    """The match of the first known or configured format, or None."""
    text = number.strip()
    for known in KNOWN_FORMATS:
        found = known.pattern.match(text)
        if found:
            return found
    for pattern in extra:
        try:
            found = re.match(pattern, text)
        except re.error:
            continue  # the configuration check reports a bad pattern
        if found:
            return found
    return None
