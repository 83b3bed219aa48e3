"""Which language a person reads: one rule for every command, message and page.

``--lang``, else ``ICTGOV_LANG``, else the repository's setting, else the locale
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext reads them), else
English. A locale that names no interface language (``C.UTF-8``, ``de_DE``) means
English: the person did not ask for Finnish or Swedish.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from ictgov.i18n import LANGUAGES

#: Environment variable that sets the interface language for every command.
ENV_VAR = "ICTGOV_LANG"
#: The locale variables gettext consults, strongest first.
LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
FALLBACK = "en"


def supported(value: str | None) -> str | None:
    """``fi``, ``sv`` or ``en`` from a code such as ``FI``, ``sv_FI.UTF-8`` or ``fi-FI``."""
    if not value:
        return None
    code = value.strip().split(".", 1)[0].replace("-", "_").split("_", 1)[0].lower()
    return code if code in LANGUAGES else None


def from_locale(environ: Mapping[str, str] | None = None) -> str | None:
    """The interface language the locale asks for, or None when it names none we have.

    ``LANGUAGE`` is a preference list (``sv:fi``); the first supported entry wins.
    Of the other variables the first that is set decides, as in POSIX.
    """
    env = os.environ if environ is None else environ
    for entry in env.get("LANGUAGE", "").split(":"):
        if lang := supported(entry):
            return lang
    for name in LOCALE_VARS[1:]:
        if value := env.get(name):
            return supported(value)
    return None


def interface_language(
    requested: str | None = None,
    repository: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The language to speak: *requested* (``--lang``), ``ICTGOV_LANG``, *repository*, locale.

    *repository* is the language the repository sets on purpose (``language`` in
    ``ictgov.toml``, else the strategy's ``language``); pass None when it sets none.
    """
    env = os.environ if environ is None else environ
    for candidate in (requested, env.get(ENV_VAR), repository):
        if lang := supported(candidate):
            return lang
    return from_locale(env) or FALLBACK


__all__ = ["ENV_VAR", "FALLBACK", "from_locale", "interface_language", "supported"]
