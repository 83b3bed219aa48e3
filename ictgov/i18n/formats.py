"""Dates, numbers, money and percentages written the way each reader's language writes them.

The patterns are spelled out here instead of taken from a locale library, because a
council's annual report re-rendered next year must come out byte for byte the same:
CLDR changes between releases (Finland-Swedish short dates went from ``2024-01-01`` to
``1.1.2024`` in Babel 2.19), and a report must not change because a library moved.

The conventions follow Finnish practice (Kotimaisten kielten keskus; Svenska
skrivregler for Finland-Swedish, which writes dates like Finnish):

=========  ================  ================  =================
           fi                sv                en
=========  ================  ================  =================
date       20.11.2023        20.11.2023        20 Nov 2023
number     1 234 567,89      1 234 567,89      1,234,567.89
negative   −5                −5                -5
percent    57 %              57 %              57%
money      250 000 €         250 000 €         €250,000
time       klo 13.00         kl. 13.00         13:00
=========  ================  ================  =================

The space in numbers and before ``%`` and ``€`` is a no-break space (U+00A0), so a
figure never breaks across lines; the Finnish and Swedish minus is U+2212.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Context, Decimal
from functools import lru_cache

NBSP = "\N{NO-BREAK SPACE}"
_MONEY_UNITS = frozenset({"EUR", "€", "eur", "euro", "euroa"})
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec")
_CENT = Decimal("0.01")
#: Enough digits for any float (10**308) to the cent.
_WIDE = Context(prec=400)


@dataclass(frozen=True)
class Convention:
    """How one language writes figures: separators, signs and where the units go."""

    group: str
    decimal: str
    minus: str
    percent: str  #: ``{}`` is the number
    money: str  #: ``{}`` is the amount without its sign
    english_dates: bool = False
    #: A time of day; ``{h}`` and ``{m}`` are the hour (no leading zero) and minutes.
    clock: str = "{h}:{m}"


CONVENTIONS: dict[str, Convention] = {
    "fi": Convention(
        NBSP,
        ",",
        "\N{MINUS SIGN}",
        "{}" + NBSP + "%",
        "{}" + NBSP + "€",
        clock="klo" + NBSP + "{h}.{m}",
    ),
    "sv": Convention(
        NBSP,
        ",",
        "\N{MINUS SIGN}",
        "{}" + NBSP + "%",
        "{}" + NBSP + "€",
        clock="kl." + NBSP + "{h}.{m}",
    ),
    "en": Convention(",", ".", "-", "{}%", "€{}", english_dates=True),
}


@dataclass(frozen=True)
class Formats:
    """Formatting functions bound to one interface language."""

    lang: str

    @property
    def convention(self) -> Convention:
        """The separators and patterns of this language."""
        return CONVENTIONS[self.lang]

    def date(self, value: date | None) -> str:
        """A date as the reader writes it: 20.11.2023, or 20 Nov 2023 in English."""
        if value is None:
            return ""
        if self.convention.english_dates:
            return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"
        return f"{value.day}.{value.month}.{value.year}"

    def clock(self, value: str | None) -> str:
        """A time of day as written in data (13:00 or 13.00): klo 13.00, kl. 13.00, 13:00."""
        if not value:
            return ""
        hours, _, minutes = value.replace(".", ":").partition(":")
        return self.convention.clock.format(h=int(hours), m=minutes)

    def number(self, value: float | int | None) -> str:
        """A number with grouped thousands and at most two decimals: 1 234,5."""
        if value is None:
            return ""
        return _number(value, self.lang, fixed_cents=False)

    def percent(self, value: float | int | None) -> str:
        """Per cent given as 0-100 (progress), rounded to a whole number: 40 %."""
        if value is None:
            return ""
        return self.convention.percent.format(_number(round(value), self.lang, False))

    def money(self, value: float | int | None) -> str:
        """Euros, with cents only when there are any: 250 000 €, 1 250,50 €."""
        if value is None:
            return ""
        amount = _number(abs(value), self.lang, fixed_cents=not float(value).is_integer())
        sign = self.convention.minus if value < 0 else ""
        return sign + self.convention.money.format(amount)

    def quantity(self, value: float | int | None, unit: str | None) -> str:
        """A value with its unit: money for euros, per cent for '%', else number + unit."""
        if value is None:
            return ""
        if unit in _MONEY_UNITS:
            return self.money(value)
        if unit == "%":
            return self.convention.percent.format(self.number(value))
        number = self.number(value)
        return f"{number}{NBSP}{unit}" if unit else number


@lru_cache(maxsize=16384)
def _number(value: float | int, lang: str, fixed_cents: bool) -> str:
    """Round half to even at two decimals (as spreadsheets and Babel do), then group."""
    convention = CONVENTIONS[lang]
    if isinstance(value, float) and not math.isfinite(value):
        sign = convention.minus if value < 0 else ""
        return "" if math.isnan(value) else sign + "∞"
    exact = Decimal(value) if isinstance(value, int) else Decimal(repr(float(value)))
    rounded = exact.quantize(_CENT, rounding=ROUND_HALF_EVEN, context=_WIDE)
    whole, _, cents = f"{abs(rounded):f}".partition(".")
    if not fixed_cents:
        cents = cents.rstrip("0")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = convention.group.join(groups)
    if cents:
        text += convention.decimal + cents
    return (convention.minus + text) if rounded < 0 else text


@lru_cache(maxsize=8)
def formats(lang: str) -> Formats:
    """The shared :class:`Formats` of a language."""
    if lang not in CONVENTIONS:
        raise ValueError(f"unknown interface language {lang!r}")
    return Formats(lang)
