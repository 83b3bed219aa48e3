"""Which day counts as today: ``--today``, else ``$ICTGOV_TODAY``, else the real date.

Every date-dependent verdict takes the day as an argument, and every command decides
it here, so results are reproducible when asked. Standard library only (see ``root``).
"""

from __future__ import annotations

import os
from datetime import date

TODAY_ENV = "ICTGOV_TODAY"


def today_source(value: str | None) -> tuple[str | None, str]:
    """The raw text that decides today and what it came from (``--today`` or the variable)."""
    if value:
        return value, "--today"
    return os.environ.get(TODAY_ENV) or None, TODAY_ENV


def parse_today(value: str | None) -> date | None:
    """The day asked for; the real date when nothing is asked; None when not a date."""
    raw, _ = today_source(value)
    if not raw:
        return date.today()
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        return None
