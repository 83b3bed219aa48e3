"""How the terminal draws: glyphs or ASCII, colours, widths, and words in the reader's language.

A :class:`Look` is what every terminal view (``status``, ``show``) is laid out with: it
answers "how is this status written here" once, for a terminal (glyphs and colour) or a
pipe (ASCII markers, no escape codes). Status is always a word with a symbol, never colour
alone. Labels come from the gettext catalogues of :mod:`ictgov.i18n`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ictgov.i18n import translations
from ictgov.i18n.formats import formats
from ictgov.i18n.labels import label_id
from ictgov.model import Health, Status
from ictgov.render.blocks import (
    Cell,
    Span,
)
from ictgov.views.overview import MeasureView, Reason

if TYPE_CHECKING:
    pass


#: From this width on a measure takes one line; below it two (title over owner ...).
WIDE = 140

#: (terminal glyph, ASCII marker, rich style). Glyphs are one cell wide in any font.
STATUS_LOOK: dict[Status, tuple[str, str, str]] = {
    Status.PLANNED: ("○", "o", "dim"),
    Status.IN_PROGRESS: ("▶", ">", "cyan"),
    Status.COMPLETED: ("✔", "+", "green"),
    Status.ON_HOLD: ("‖", "=", "yellow"),
    Status.DISCONTINUED: ("✖", "x", "dim"),
}
HEALTH_LOOK: dict[Health, tuple[str, str, str]] = {
    Health.ON_TRACK: ("✓", "+", "green"),
    Health.AT_RISK: ("▲", "!", "yellow"),
    Health.OFF_TRACK: ("✗", "!!", "bold red"),
}
REASON_LOOK: dict[Reason, tuple[str, str, str]] = {
    Reason.OFF_TRACK: ("✗", "!!", "bold red"),
    Reason.OVERDUE: ("◷", "!", "red"),
    Reason.ON_TRACK_BUT_LATE: ("≠", "!", "red"),
    Reason.AT_RISK: ("▲", "!", "yellow"),
    Reason.STALE: ("…", "?", "magenta"),
}


@dataclass(frozen=True)
class Look:
    """How to draw: ASCII for pipes, or glyphs and colour for a terminal."""

    plain: bool
    width: int = 80
    lang: str = "fi"

    # --- words in the reader's language ---------------------------------------

    def _(self, message: str, **values: object) -> str:
        """*message* in the reader's language, its ``%(name)s`` placeholders filled in."""
        text = translations(self.lang).gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        """The singular or plural form for *n*, with ``%(n)s`` and the other values filled in."""
        return translations(self.lang).ngettext(singular, plural, n) % {"n": n, **values}

    def pgettext(self, context: str, message: str) -> str:
        """*message* as translated for *context* (a shorter word for a narrow column)."""
        return translations(self.lang).pgettext(context, message)

    def label(self, group: str, value: object) -> str:
        """A fixed value of the data (status, role, resolution ...) in words."""
        return translations(self.lang).gettext(label_id(group, value))

    def status_word(self, status: Status) -> str:
        """A lifecycle status in words."""
        return self.label("status", status)

    def health_word(self, health: Health) -> str:
        """Health in a word that fits a table column (the reports' Finnish is longer)."""
        if health is Health.ON_TRACK:
            return self.pgettext("terminal", "on track")
        if health is Health.AT_RISK:
            return self.pgettext("terminal", "at risk")
        return self.pgettext("terminal", "off track")

    # --- drawing -------------------------------------------------------------

    def styled(self, look: tuple[str, str, str], word: str) -> Cell:
        """Symbol and word, coloured in a terminal."""
        symbol = look[1] if self.plain else look[0]
        return (Span(f"{symbol} {word}", "" if self.plain else look[2]),)

    def status(self, status: Status) -> Cell:
        """A lifecycle status in words with its symbol."""
        return self.styled(STATUS_LOOK[status], self.status_word(status))

    def health(self, health: Health | None, status: Status = Status.IN_PROGRESS) -> Cell:
        """Health in words, or nothing when it does not apply (not in progress)."""
        if health is None or status != Status.IN_PROGRESS:
            return ()
        return self.styled(HEALTH_LOOK[health], self.health_word(health))

    def status_width(self, header: str = "") -> int:
        """Characters a status cell needs in this language (symbol, space, longest word)."""
        words = (len(STATUS_LOOK[s][1]) + 1 + len(self.status_word(s)) for s in Status)
        return max(len(header), *words)

    def health_width(self, header: str = "") -> int:
        """Characters a health cell needs in this language."""
        words = (len(HEALTH_LOOK[h][1]) + 1 + len(self.health_word(h)) for h in Health)
        return max(len(header), *words)

    def bar(self, percent: float | None, cells: int = 8) -> Cell:
        """``[####----]  40%`` when plain, a block bar in a terminal; a dash if unknown."""
        if percent is None:
            return (Span("-", "dim"),)
        filled = max(0, min(cells, round(percent * cells / 100)))
        label = " " + self.percent(percent).rjust(len(self.percent(100)))
        if self.plain:
            return (Span(f"[{'#' * filled}{'-' * (cells - filled)}]{label}"),)
        style = "green" if percent >= 100 else "cyan"
        return (Span("█" * filled, style), Span("░" * (cells - filled), "dim"), Span(label))

    def date(self, value: date | None) -> str:
        """A date as the reports write it (15.10.2024); a dash for no date."""
        if value is None:
            return "-"
        return formats(self.lang).date(value)

    @property
    def bar_width(self) -> int:
        """Characters a progress bar with its label needs: ``[########] 100 %``."""
        return 11 + len(self.percent(100))

    @property
    def date_width(self) -> int:
        """Characters the longest date of this language needs (30.12.2024, 30 Sept 2024)."""
        return max(len(self.date(date(2024, 9, 30))), len(self.date(date(2024, 12, 31))))

    def quantity(self, value: float, unit: str | None) -> str:
        """An indicator value with its unit, as the reports write it (250 000 €)."""
        return formats(self.lang).quantity(value, unit)

    def percent(self, value: float | None) -> str:
        """A whole per cent as the reports write it (57 %); a dash when unknown."""
        if value is None:
            return "-"
        return formats(self.lang).percent(value)

    def span(self, text: str, style: str) -> Span:
        """Text with a style that only a terminal shows."""
        return Span(text, "" if self.plain else style)


def reason_text(view: MeasureView, reason: Reason, stale_after_days: int, look: Look) -> str:
    """Why a measure needs attention, in words with the days behind it."""
    since = view.days_since_update
    if reason is Reason.OVERDUE:
        return look.ngettext(
            "overdue by %(n)s day (planned end %(date)s)",
            "overdue by %(n)s days (planned end %(date)s)",
            view.days_overdue,
            date=look.date(view.measure.schedule.planned_end),
        )
    if reason is Reason.ON_TRACK_BUT_LATE:
        return look._("reported on track although long past its planned end")
    if reason is Reason.STALE:
        if since is None:
            return look.ngettext(
                "no update recorded (limit %(n)s day)",
                "no update recorded (limit %(n)s days)",
                stale_after_days,
            )
        return look.ngettext(
            "no update for %(n)s day (limit %(limit)s)",
            "no update for %(n)s days (limit %(limit)s)",
            since,
            limit=stale_after_days,
        )
    words = look.label("reason", reason)
    if since is None:
        return words
    return look.ngettext(
        "%(reason)s, reported %(n)s day ago", "%(reason)s, reported %(n)s days ago", since,
        reason=words,
    )  # fmt: skip


def reasons_text(view: MeasureView, stale_after_days: int, look: Look) -> str:
    """All reasons of a measure, most serious first."""
    return "; ".join(reason_text(view, r, stale_after_days, look) for r in view.reasons)
