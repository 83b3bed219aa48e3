"""Pick the reader's language from a multilingual text, and say when we fell back."""

from __future__ import annotations

from dataclasses import dataclass

from ictgov.model.base import LANGS

FALLBACK_ORDER: dict[str, tuple[str, ...]] = {
    "fi": ("fi", "sv", "en"),
    "sv": ("sv", "fi", "en"),
    "en": ("en", "fi", "sv"),
}


@dataclass(frozen=True, slots=True)
class Localized:
    """A text in some language; ``fallback`` is True when it is not the one asked for."""

    text: str
    lang: str
    fallback: bool

    def __str__(self) -> str:
        return self.text


def localize(value: str | dict[str, str] | None, lang: str, content_lang: str = "fi") -> Localized:
    """The text in *lang*, else the nearest available language (marked as a fallback).

    A plain string is in the strategy's content language (``strategy.language``).
    """
    if value is None:
        return Localized("", lang, False)
    if isinstance(value, str):
        return Localized(value, content_lang, content_lang != lang)
    for candidate in (*FALLBACK_ORDER.get(lang, LANGS), *LANGS):
        text = value.get(candidate)
        if text:
            return Localized(text, candidate, candidate != lang)
    return Localized("", lang, False)


def plain(value: str | dict[str, str] | None, lang: str = "fi", content_lang: str = "fi") -> str:
    """Just the text, for places that cannot mark a language (terminal, CSV)."""
    return localize(value, lang, content_lang).text
