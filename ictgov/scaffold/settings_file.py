"""The ``ictgov.toml`` that ``ictgov init`` writes: every setting, explained.

The comments are in the strategy's language.

It is made from :func:`ictgov.config.settings`, the same source as ``docs/settings.md``,
so the file, the reference and what the configuration accepts cannot disagree. The
settings a new repository needs are set; every other one is shown commented out with
an example value, its default and what it means.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from ictgov import REPOSITORY_URL
from ictgov.config import SECTIONS, Setting, settings, toml_value
from ictgov.i18n import N_
from ictgov.schema import catalogue

#: Settings written active (not commented out) in a new repository.
ACTIVE = frozenset({"language", "stale_after_days", "default_branch", "lint.fail_on"})
#: The settings reference in each language (Swedish readers get the English one).
SETTINGS_URL = {
    "fi": f"{REPOSITORY_URL}/blob/main/docs/fi/asetukset.md",
    "sv": f"{REPOSITORY_URL}/blob/main/docs/settings.md",
    "en": f"{REPOSITORY_URL}/blob/main/docs/settings.md",
}
WIDTH = 88

HEADER = (
    N_("Settings of ictgov for this strategy repository."),
    N_(
        "Command-line options win over these. To use a setting shown with # in front of "
        "it, remove the # and change the value."
    ),
    N_("Every setting is explained in {url}"),
)
DEFAULT = N_("Default: {value}")
NO_DEFAULT = N_("Not set by default.")
#: What a table of settings holds, and the other spelling it accepts.
SECTION_NOTES: dict[str, str] = {
    "lint": N_(
        "Which rules 'ictgov lint' runs and how severe they are. These can also be "
        'written at the top level, without [lint], e.g. fail_on = "warning".'
    ),
    "round": N_(
        "The mail server and addresses of 'ictgov round'. The password is never written "
        "here: it comes from ICTGOV_SMTP_PASSWORD or the system keyring."
    ),
}


def messages() -> list[str]:
    """Every text of the file (besides the settings' descriptions), for the catalogues."""
    return [*HEADER, DEFAULT, NO_DEFAULT, *SECTION_NOTES.values()]


def _comment(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH - 2, initial_indent="# ", subsequent_indent="# ")


def _setting(item: Setting, language: str, translate: Callable[[str], str]) -> list[str]:
    lines = _comment(translate(item.description))
    if item.default is None:
        lines += _comment(translate(NO_DEFAULT))
    else:
        lines += _comment(translate(DEFAULT).format(value=toml_value(item.default)))
    if item.key in ACTIVE:
        value = language if item.name == "language" else item.default
        return [*lines, f"{item.name} = {toml_value(value)}"]
    return [*lines, f"# {item.name} = {toml_value(item.example)}"]


def settings_file(language: str) -> str:
    """The text of a new repository's ``ictgov.toml``, commented in *language*."""
    translate = catalogue(language).gettext
    out = [
        line
        for text in HEADER
        for line in _comment(translate(text).format(url=SETTINGS_URL[language]))
    ]
    current: str | None = None
    for item in settings():
        if item.section != current:
            current = item.section
            out += ["", f"[{current}]", *_comment(translate(SECTION_NOTES[str(current)]))]
            assert current in SECTIONS
        out += ["", *_setting(item, language, translate)]
    return "\n".join(out) + "\n"
