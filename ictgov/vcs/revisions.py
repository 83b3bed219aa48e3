"""Check revisions and dates from the command line before git ever sees them.

git treats an argument that starts with ``-`` as an option (``--output=/tmp/x``
writes a file), and revision syntax has corners (ranges, ``REV:path``, ``:/search``)
that make no sense for a tree. We accept a deliberate subset and say why otherwise.
"""

from __future__ import annotations

import re
from datetime import date

from ictgov.errors import RevisionError

MAX_LENGTH = 256
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_FORBIDDEN = {
    "\\": "a backslash",
    "*": "'*'",
    "?": "'?'",
    "[": "'['",
    ":": "':' (REV:path and :/search are not supported; give a commit, branch or tag)",
}


def looks_like_date(text: str) -> bool:
    """Whether *text* is written as an ISO date (``YYYY-MM-DD``)."""
    return bool(_DATE.match(text))


def parse_date(text: str, what: str) -> date:
    """An ISO date, or a RevisionError naming the option and the expected form."""
    if not looks_like_date(text):
        raise RevisionError(f"{what}: {text!r} is not a date; use YYYY-MM-DD, e.g. 2024-12-31")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RevisionError(f"{what}: {text!r} is not a real date (check day and month)") from None


def check_not_future(day: date, today: date | None, what: str) -> date:
    """*day*, unless it is after *today*: a later date would answer differently tomorrow.

    ``diff`` and every ``--at`` refuse it alike, rather than quietly reading today's tree.
    """
    if today is not None and day > today:
        raise RevisionError(
            f"{what} {day.isoformat()} is after today ({today.isoformat()}): the commits of "
            "that day are not made yet; give a date up to today, or a revision (check --today)"
        )
    return day


def check_revision(text: str, what: str = "revision") -> str:
    """Return *text* if it is a safe single revision; raise RevisionError saying why not."""
    if not text:
        raise RevisionError(f"{what}: empty revision; give a commit, branch or tag")
    shown = text if len(text) <= 60 else text[:57] + "..."
    if text.startswith("-"):
        raise RevisionError(
            f"{what} {shown!r} looks like an option, not a revision; ictgov never passes "
            "options through to git (a branch whose name starts with '-' can be given as "
            f"refs/heads/{shown})"
        )
    if len(text) > MAX_LENGTH:
        raise RevisionError(f"{what}: revision is longer than {MAX_LENGTH} characters")
    for char in text:
        if char.isspace() or ord(char) < 32 or ord(char) == 127:
            raise RevisionError(
                f"{what} {shown!r} contains whitespace or a control character; revisions never do"
            )
    if ".." in text:
        raise RevisionError(
            f"{what} {shown!r} is a range; give the two ends as separate arguments "
            "(ictgov diff BASE HEAD)"
        )
    if text.startswith("^") or text.endswith(("^!", "^@", "^-")):
        raise RevisionError(f"{what} {shown!r} names a set of commits, not one revision")
    for char, name in _FORBIDDEN.items():
        if char in text:
            raise RevisionError(f"{what} {shown!r} contains {name}")
    return text
