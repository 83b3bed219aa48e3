"""Interface text in Finnish, Swedish and English (gettext catalogues compiled by Babel).

The ``.po`` sources live in ``locale/<lang>/LC_MESSAGES/ictgov.po``; the compiled
``.mo`` files are committed next to them so a fresh clone works without a build
step, and a test fails when a ``.mo`` no longer matches its ``.po``. Regenerate from the
repository root (``babel.cfg`` paths are relative to it; these options reproduce the
committed files byte for byte, apart from the creation date)::

    pybabel extract -F ictgov/i18n/babel.cfg -k N_ --no-location --sort-output \
        -o ictgov/i18n/ictgov.pot .
    pybabel update -i ictgov/i18n/ictgov.pot -d ictgov/i18n/locale -D ictgov \
        --no-fuzzy-matching -w 100
    pybabel compile -d ictgov/i18n/locale -D ictgov

Message ids are English; every catalogue, English included, translates all of them.
The reports (Jinja2) and the terminal views (``ictgov.render.terminal``) share the
catalogues; a few terminal words carry the context ``terminal`` (shorter forms for
narrow columns) or ``trend`` (column headers of the trend table). Only the standard
library's :mod:`gettext` reads them at run time, so ``ictgov status`` never imports Babel.
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
def translations(lang: str) -> gettext.GNUTranslations:
    """The compiled catalogue of *lang*; a missing catalogue is a packaging bug.

    The ``.mo`` file is opened directly rather than through ``gettext.translation``,
    whose search imports :mod:`locale` and :mod:`copy`: about 3 ms of the 0.3 s that
    ``ictgov status`` may take, against under 1 ms for reading the file.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown interface language {lang!r}; use one of {', '.join(LANGUAGES)}")
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as f:
        return gettext.GNUTranslations(f)


__all__ = ["DOMAIN", "LANGUAGES", "LOCALE_DIR", "N_", "translations"]
