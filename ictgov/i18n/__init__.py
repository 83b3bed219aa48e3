"""Interface text in Finnish, Swedish and English (gettext catalogues compiled by Babel).

The ``.po`` sources live in ``locale/<lang>/LC_MESSAGES/ictgov.po``; the compiled
``.mo`` files are committed next to them so a fresh clone works without a build
step, and a test fails when a ``.mo`` no longer matches its ``.po``. Regenerate with::

    pybabel extract -F ictgov/i18n/babel.cfg -k N_ -o ictgov/i18n/ictgov.pot ictgov templates
    pybabel update -i ictgov/i18n/ictgov.pot -d ictgov/i18n/locale -D ictgov
    pybabel compile -d ictgov/i18n/locale -D ictgov

Message ids are English; every catalogue, English included, translates all of them.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

#: Interface languages, default first.
LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
DOMAIN = "ictgov"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def N_(message: str) -> str:
    """Mark a message for extraction without translating it (translated when shown)."""
    return message


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of *lang*; a missing catalogue is a packaging bug."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown interface language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[lang])


__all__ = ["DOMAIN", "LANGUAGES", "LOCALE_DIR", "N_", "translations"]
