"""Commit dates as days, tolerant of the malformed stamps imported histories hold.

git accepts commit objects whose timestamp overflows (``99999999999999999999``), whose
zone is not a zone (``+0a00``, ``+9999``) or that lack a date at all, and prints them
as it can (1970, year 10000, or the placeholder itself). A malformed date is shown as
unknown or read in UTC, never a crash.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T|\Z)")
_ZONE = re.compile(rb"([+-])(\d{2})(\d{2})\Z")
#: What people read where a commit's date could not be read.
UNKNOWN = "date unknown"


def iso_day(text: str) -> date | None:
    """The day of git's ``%aI`` / ``%cs`` output, or None when git printed no real date."""
    match = _ISO_DAY.match(text)
    if match is None:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _zone(offset: bytes) -> timezone:
    """The zone of ``+0200``; UTC where the offset is not a real one (``+0a00``, ``+9999``)."""
    match = _ZONE.match(offset)
    if match is None:
        return UTC
    sign, hours, minutes = match.groups()
    if int(hours) > 23 or int(minutes) > 59:
        return UTC
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    return timezone(-delta if sign == b"-" else delta)


def ident_day(line: bytes) -> date | None:
    """The day of an ``author``/``committer`` line (``Name <mail> 1700000000 +0200``)."""
    _, _, stamp = line.rpartition(b">")
    parts = stamp.split()
    if not parts or not parts[0].isdigit() or len(parts[0]) > 12:
        return None
    zone = _zone(parts[1]) if len(parts) > 1 else UTC
    try:
        return datetime.fromtimestamp(int(parts[0]), tz=zone).date()
    except (OverflowError, OSError, ValueError):
        return None
