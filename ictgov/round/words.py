"""Every word an owner reads in a round's workbook and message, through the catalogues.

The owner's language decides them all: Finnish and Swedish words in the drop-downs
(``käynnissä``, ``pågår``), never the codes in the data. Dates and numbers follow
:mod:`ictgov.i18n.formats` (20.11.2023 in Finnish and Swedish).
"""

from __future__ import annotations

from datetime import date

from ictgov.i18n import translations
from ictgov.i18n.formats import formats
from ictgov.i18n.labels import LABELS


class Words:
    """The translations of one language, with the helpers the round needs."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.catalogue = translations(lang)
        self.formats = formats(lang)

    def gettext(self, message: str, **values: object) -> str:
        """*message* in the owner's language, with ``{name}`` placeholders filled in.

        Named ``gettext`` so that ``pybabel extract`` finds the messages.
        """
        text = self.catalogue.gettext(message)
        return text.format(**values) if values else text

    def label(self, group: str, value: object) -> str:
        """The word for an enum value (``in_progress`` -> ``käynnissä``); '' for None."""
        if value is None:
            return ""
        raw = str(getattr(value, "value", value))
        message = LABELS.get(group, {}).get(raw)
        return self.catalogue.gettext(message) if message else raw

    def choices(self, group: str) -> list[str]:
        """Every word of *group*, for a drop-down."""
        return [self.catalogue.gettext(m) for m in LABELS[group].values()]

    def date(self, value: date | None) -> str:
        """A date as the owner writes it (20.11.2023)."""
        return self.formats.date(value) if value else ""

    def yes(self, flag: bool) -> str:
        """``kyllä`` for True, nothing for False (an empty cell reads as "no")."""
        return self.gettext("yes") if flag else ""
