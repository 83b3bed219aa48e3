"""Dates, numbers, money and percentages written the way the reader's locale writes them.

Finnish readers get 20.11.2023 and 250 000 €, Swedish readers in Finland 2023-11-20,
English readers 20 Nov 2023 and €250,000. Babel knows the rules; this module only
picks the locale and format per interface language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

#: Babel locale used for each interface language.
LOCALES: dict[str, str] = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
#: Babel date format per language: short in Finnish and Swedish, medium in English.
DATE_FORMATS: dict[str, str] = {"fi": "short", "sv": "short", "en": "medium"}
_MONEY_UNITS = frozenset({"EUR", "€", "eur", "euro", "euroa"})


@dataclass(frozen=True)
class Formats:
    """Formatting functions bound to one interface language."""

    lang: str

    @property
    def locale(self) -> str:
        """The Babel locale name."""
        return LOCALES[self.lang]

    def date(self, value: date | None) -> str:
        """A date in the reader's locale; empty for no date."""
        if value is None:
            return ""
        return _format_date(value, self.lang)

    def number(self, value: float | int | None) -> str:
        """A number with the locale's grouping and decimal sign, at most two decimals."""
        if value is None:
            return ""
        return _format_number(value, self.locale)

    def percent(self, value: float | int | None) -> str:
        """Per cent given as 0-100 (progress), rounded to a whole number: 40 %."""
        if value is None:
            return ""
        return _format_percent(round(value), self.locale)

    def money(self, value: float | int | None) -> str:
        """Euros with the locale's pattern and no needless decimals: 250 000 €."""
        if value is None:
            return ""
        whole = float(value).is_integer()
        return format_currency(
            value,
            "EUR",
            format=_money_pattern(self.locale, whole),
            locale=self.locale,
            currency_digits=False,
        )

    @lru_cache(maxsize=16384)  # noqa: B019 - instances are few and live for the process
    def quantity(self, value: float | int | None, unit: str | None) -> str:
        """A value with its unit: money for euros, per cent for '%', else number + unit."""
        if value is None:
            return ""
        if unit in _MONEY_UNITS:
            return self.money(value)
        if unit == "%":
            return format_percent(
                value / 100, format=_percent_pattern(self.locale), locale=self.locale
            )
        number = self.number(value)
        return f"{number}\N{NO-BREAK SPACE}{unit}" if unit else number


@lru_cache(maxsize=16384)
def _format_number(value: float | int, locale: str) -> str:
    return format_decimal(value, format="#,##0.##", locale=locale)


@lru_cache(maxsize=1024)
def _format_percent(value: int, locale: str) -> str:
    return format_percent(value / 100, locale=locale)


@lru_cache(maxsize=16384)
def _format_date(value: date, lang: str) -> str:
    return format_date(value, DATE_FORMATS[lang], locale=LOCALES[lang])


@lru_cache(maxsize=8)
def _money_pattern(locale: str, whole: bool) -> str:
    pattern: str = Locale.parse(locale).currency_formats["standard"].pattern
    pattern = pattern.split(";")[0]
    return pattern.replace("0.00", "0") if whole else pattern


@lru_cache(maxsize=8)
def _percent_pattern(locale: str) -> str:
    pattern: str = Locale.parse(locale).percent_formats[None].pattern
    return pattern.split(";")[0].replace("#,##0", "#,##0.##")


@lru_cache(maxsize=8)
def formats(lang: str) -> Formats:
    """The shared :class:`Formats` of a language."""
    if lang not in LOCALES:
        raise ValueError(f"unknown interface language {lang!r}")
    return Formats(lang)
