"""The words of a change in the reader's language.

Status, health and resolution words, dates (2019-09-15 in English, 15.9.2019 in
Finnish and Swedish), kinds of item and schedule shifts (``slips 92 days``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ictgov.diff.entities import SINGULAR
from ictgov.i18n import N_
from ictgov.i18n.formats import formats
from ictgov.i18n.speak import _, current, ngettext

STATUS_WORDS = {
    "planned": N_("planned"),
    "in_progress": N_("in progress"),
    "completed": N_("completed"),
    "on_hold": N_("on hold"),
    "discontinued": N_("discontinued"),
}
HEALTH_WORDS = {"on_track": N_("on track"), "at_risk": N_("at risk"), "off_track": N_("off track")}
RESOLUTION_WORDS = {
    "passed": N_("passed"),
    "passed_modified": N_("passed as amended"),
    "passed_voted": N_("passed after a vote"),
    "rejected": N_("rejected"),
    "noted": N_("noted"),
    "returned": N_("returned for further preparation"),
    "tabled": N_("tabled"),
    "removed": N_("removed from the agenda"),
}
SCHEDULE = (
    ("planned_start", N_("planned start")),
    ("planned_end", N_("planned end")),
    ("actual_start", N_("actual start")),
    ("actual_end", N_("actual end")),
)


def word(table: dict[str, str], value: Any) -> str:
    """The word of *value* (an enum or its code) from *table*, in the reader's language."""
    if value is None:
        return _("not set")
    raw = getattr(value, "value", value)
    word = table.get(str(raw))
    return _(word) if word is not None else str(raw)


def day(value: date | None) -> str:
    """A date as the reader writes it: 2019-09-15 in English, 15.9.2019 in fi and sv."""
    if value is None:
        return _("not set")
    lang = current()
    return value.isoformat() if lang == "en" else formats(lang).date(value)


def kind_word(kind: str) -> str:
    """``measure``, ``toimenpide``, ``åtgärd``: a kind of item (plural key) in words."""
    word = SINGULAR.get(kind)
    return _(word) if word is not None else kind


def figure(value: float) -> str:
    """A number as a change shows it: ``4`` rather than ``4.0``."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def days_phrase(old: date, new: date, *, end: bool) -> str:
    """``slips 92 days`` / ``gains 30 days`` for an end date; later/earlier for a start."""
    delta = (new - old).days
    n = abs(delta)
    if end and delta > 0:
        return ngettext("slips {n} day", "slips {n} days", n).format(n=n)
    if end:
        return ngettext("gains {n} day", "gains {n} days", n).format(n=n)
    if delta > 0:
        return ngettext("{n} day later", "{n} days later", n).format(n=n)
    return ngettext("{n} day earlier", "{n} days earlier", n).format(n=n)
