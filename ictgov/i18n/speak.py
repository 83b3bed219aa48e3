"""Messages in the language of this run: gettext over the interface language chosen once.

The command line decides the language once (``ictgov.i18n.language``) and sets it
here; every message a person reads, wherever it is written (the CLI, ``edit``,
``scaffold``, ``exchange``), then asks :func:`_` or :func:`ngettext` instead of
passing a language through every call. A library caller that sets nothing reads
English, the language of the message ids.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from ictgov.i18n import translations
from ictgov.i18n.language import FALLBACK

_LANGUAGE: ContextVar[str] = ContextVar("ictgov_interface_language", default=FALLBACK)


def current() -> str:
    """The interface language of this run: ``fi``, ``sv`` or ``en``."""
    return _LANGUAGE.get()


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Within the block, messages are written in *lang*."""
    translations(lang)  # an unknown language fails here, not at the first message
    token = _LANGUAGE.set(lang)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def _(message: str) -> str:
    """*message* (an English message id) in the language of this run."""
    return translations(_LANGUAGE.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for *n* things (``1 file``, ``2 files``) in the language of this run."""
    return translations(_LANGUAGE.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """*message* in the sense *context* gives it (one English word, two Finnish ones)."""
    return translations(_LANGUAGE.get()).pgettext(context, message)


__all__ = ["_", "current", "ngettext", "pgettext", "speaking"]
