"""Reading values the way people type them into a terminal or a spreadsheet.

Excel in a Finnish locale writes ``12,5`` for twelve and a half and may group
thousands with a (non-breaking) space; statuses may be typed ``In progress``.
Every parser raises ValueError with a message fit to show next to the cell.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from ictgov.i18n.speak import _
from ictgov.model import Category

E = TypeVar("E", bound=StrEnum)

_SPACES = re.compile(r"[\s\u00a0\u202f]")
_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$")


def parse_number(value: object) -> float:
    """A finite number from a cell or text: ``12.5``, ``12,5``, ``1 234,5``, ``85 %``."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = _SPACES.sub("", str(value)).removesuffix("%")
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        if not _NUMBER.match(text):
            raise ValueError(
                _("{value!r} is not a number (e.g. 12.5 or 12,5)").format(value=str(value).strip())
            )
        number = float(text)
    if math.isnan(number) or math.isinf(number):
        raise ValueError(f"{value!r} is not a finite number")
    return number


def parse_percent(value: object) -> int:
    """A whole per cent 0-100, as progress is recorded."""
    number = parse_number(value)
    if not number.is_integer():
        raise ValueError(
            _("progress must be a whole number 0-100, got {value!r}").format(value=value)
        )
    if not 0 <= number <= 100:
        raise ValueError(
            _("progress must be between 0 and 100, got {value}").format(value=int(number))
        )
    return int(number)


def _norm(value: object) -> str:
    return re.sub(r"[\s-]+", "_", str(value).strip().lower())


def label_aliases(kind: str) -> dict[str, str]:
    """Words for enum values in every interface language (``valmis`` -> ``completed``)."""
    try:
        from ictgov.i18n import LANGUAGES, translations
        from ictgov.i18n.labels import LABELS
    except ImportError:  # pragma: no cover - the catalogues ship with the package
        return {}
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        try:
            catalogue = translations(lang)
        except (OSError, ValueError):
            continue
        for value, label in LABELS.get(kind, {}).items():
            out.setdefault(_norm(catalogue.gettext(label)), value)
    return out


def parse_choice(value: object, enum: type[E], aliases: dict[str, str] | None = None) -> E:
    """An enum member from its value or a label, ignoring case, spaces and dashes."""
    text = _norm(value)
    text = (aliases or {}).get(text, text)
    try:
        return enum(text)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise ValueError(
            _("{value!r} is not one of {allowed}").format(value=str(value).strip(), allowed=allowed)
        ) from None


def is_blank(value: object) -> bool:
    """Whether a cell is empty (None or only whitespace)."""
    return value is None or (isinstance(value, str) and not value.strip())


def parse_category(value: object, categories: Mapping[str, Category]) -> str:
    """A category id, or a category's name in any of its languages, to its id.

    People type what the export's ``category_name`` column shows ("Tietoalustat"), so
    both are accepted; anything else is refused with the closest id.
    """
    text = str(value).strip()
    if text in categories:
        return text
    for category in categories.values():
        names = category.name.values() if isinstance(category.name, dict) else [category.name]
        if any(text.casefold() == n.strip().casefold() for n in names):
            return category.id
    if not categories:
        raise ValueError(
            f"{text!r} is not a category: none are declared; list them in "
            "data/strategy/categories.yaml"
        )
    close = difflib.get_close_matches(text, list(categories), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise ValueError(
        f"unknown category {text!r}{hint} (categories: {', '.join(sorted(categories))})"
    )
