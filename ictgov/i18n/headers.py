"""Column headers and sheet names of spreadsheets in every interface language.

A workbook for a person (``export --lang fi``, a reporting round's workbook) shows
``tila`` and ``Toimenpiteet`` rather than ``status`` and ``measures``; reading it
back maps the words to the stable column names (``header_aliases``), so a workbook
in any language imports the same. Messages carry the context ``column`` or ``sheet``
because a header is often a word that means something else elsewhere.
"""

from __future__ import annotations

import re
from functools import cache


def pgettext(context: str, message: str) -> tuple[str, str]:
    """Mark a message with its context for extraction; translated when shown."""
    return context, message


COLUMN_HEADERS: dict[str, tuple[str, str]] = {
    "id": pgettext("column", "id"),
    "code": pgettext("column", "code"),
    "title": pgettext("column", "title"),
    "goals": pgettext("column", "goals"),
    "responsible": pgettext("column", "responsible"),
    "followed_by": pgettext("column", "followed by"),
    "status": pgettext("column", "status"),
    "health": pgettext("column", "health"),
    "progress": pgettext("column", "progress %"),
    "planned_start": pgettext("column", "planned start"),
    "planned_end": pgettext("column", "planned end"),
    "actual_start": pgettext("column", "actual start"),
    "actual_end": pgettext("column", "actual end"),
    "last_update": pgettext("column", "last update"),
    "last_update_note": pgettext("column", "last update note"),
    "tags": pgettext("column", "tags"),
    "stale": pgettext("column", "update overdue"),
    "overdue": pgettext("column", "past planned end"),
    "needs_attention": pgettext("column", "needs attention"),
    "attention_reasons": pgettext("column", "why"),
    "days_since_update": pgettext("column", "days since update"),
    "category": pgettext("column", "category"),
    "category_name": pgettext("column", "category name"),
    "note": pgettext("column", "new note"),
    "measure_id": pgettext("column", "measure"),
    "date": pgettext("column", "date"),
    "value": pgettext("column", "value"),
    "unit": pgettext("column", "unit"),
    "source": pgettext("column", "source"),
    "by": pgettext("column", "reported by"),
    "body": pgettext("column", "body"),
    "time": pgettext("column", "time"),
    "place": pgettext("column", "place"),
    "items": pgettext("column", "agenda items"),
    "minutes_url": pgettext("column", "minutes"),
    "meeting_id": pgettext("column", "meeting"),
    "section": pgettext("column", "section §"),
    "record_number": pgettext("column", "record number"),
    "resolution": pgettext("column", "resolution"),
    "decision": pgettext("column", "decision"),
    "concerns": pgettext("column", "concerns"),
    "actions": pgettext("column", "follow-up actions"),
    "number": pgettext("column", "number"),
    "what": pgettext("column", "what"),
    "assignee": pgettext("column", "assignee"),
    "due": pgettext("column", "due"),
    "done": pgettext("column", "done"),
    "done_date": pgettext("column", "done on"),
}

SHEET_NAMES: dict[str, tuple[str, str]] = {
    "measures": pgettext("sheet", "Measures"),
    "indicator_values": pgettext("sheet", "Indicator values"),
    "updates": pgettext("sheet", "Update log"),
    "meetings": pgettext("sheet", "Meetings"),
    "decisions": pgettext("sheet", "Decisions"),
    "actions": pgettext("sheet", "Follow-up actions"),
    "instructions": pgettext("sheet", "Instructions"),
}


def _norm(value: str) -> str:
    return "_".join(value.strip().lower().replace("-", " ").split())


def column_header(name: str, lang: str) -> str:
    """The header of column *name* in *lang* (the column name itself if it has no word)."""
    from ictgov.i18n import translations

    found = COLUMN_HEADERS.get(name)
    return translations(lang).pgettext(*found) if found else name


def sheet_name(name: str, lang: str) -> str:
    """The sheet name of table *name* in *lang* (at most 31 characters, as Excel allows)."""
    from ictgov.i18n import translations

    found = SHEET_NAMES.get(name)
    return (translations(lang).pgettext(*found) if found else name)[:31]


@cache
def header_aliases() -> dict[str, str]:
    """Normalised header or sheet word in any language -> the stable name (``tila`` -> status)."""
    from ictgov.i18n import LANGUAGES, translations

    out: dict[str, str] = {}
    for lang in LANGUAGES:
        catalogue = translations(lang)
        for table in (COLUMN_HEADERS, SHEET_NAMES):
            for name, (context, message) in table.items():
                out.setdefault(_norm(catalogue.pgettext(context, message)), name)
    for name in (*COLUMN_HEADERS, *SHEET_NAMES):
        out[name] = name
    return out


def stable_name(value: object) -> str:
    """The stable column or table name of a header or sheet name in any language."""
    text = _norm(re.sub(r"\s+", " ", str(value or "")))
    return header_aliases().get(text, text)
