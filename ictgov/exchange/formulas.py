"""Text cells that a spreadsheet would run as formulas, made inert in CSV and back.

Excel and LibreOffice treat a CSV cell starting with ``=``, ``+``, ``-`` or ``@`` (and
after a tab or carriage return) as a formula, so a note like ``=HYPERLINK(...)`` from
a stranger's data would run on the reader's machine. CSV export puts a ``'`` in
front, as spreadsheets themselves mark text; import removes exactly that quote, so
every text round-trips (``guard`` and ``unguard`` are inverse on all strings).
XLSX needs none of this: its cells are typed, and text cells never run.
"""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def _needs_guard(text: str) -> bool:
    """Starts with a trigger, or with quotes before one (so a guarded text stays apart)."""
    return text.lstrip(_QUOTE).startswith(_TRIGGERS)


def guard(text: str) -> str:
    """*text* as it is safe to write into a CSV cell."""
    return _QUOTE + text if _needs_guard(text) else text


def unguard(text: str) -> str:
    """The text a guarded CSV cell stands for (other cells are left as they are)."""
    if text.startswith(_QUOTE) and _needs_guard(text[1:]):
        return text[1:]
    return text
