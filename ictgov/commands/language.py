"""The reader's language for a command's output: the one rule of ``ictgov.i18n.language``."""

from __future__ import annotations

from ictgov.i18n.language import interface_language
from ictgov.model import Strategy


def reader_language(
    requested: str | None, configured: str | None, strategy: Strategy | None
) -> str:
    """``--lang``, ``ICTGOV_LANG``, the configured language, the strategy's, the locale.

    The same rule that chose the language of the messages and help, so a page of
    ``status`` never speaks another language than the errors around it.
    """
    repository = configured or (strategy.language if strategy else None)
    return interface_language(requested, repository)


__all__ = ["reader_language"]
