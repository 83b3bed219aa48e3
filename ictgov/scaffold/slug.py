"""Ids from titles: ``Yhteinen tietoalusta`` -> ``yhteinen-tietoalusta``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

#: Finnish and Swedish letters fold to the letter without the dots, as in Finnish ids.
_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a"})
MAX_LENGTH = 60


def slugify(text: str, fallback: str = "item") -> str:
    """A lowercase ASCII id made of the words of *text*, at most 60 characters."""
    spaced = re.sub(r"[^\w]+", " ", text.translate(_FOLD))  # dashes of any kind separate words
    folded = unicodedata.normalize("NFKD", spaced)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > MAX_LENGTH:
        cut = slug[:MAX_LENGTH]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug or fallback


def unique(base: str, taken: Container[str]) -> str:
    """*base*, or *base*-2, -3 ... whichever is not taken."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
