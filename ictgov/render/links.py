"""Which links may become links: only http, https and mailto.

Anything else (``javascript:``, ``data:``, ``file:``, relative paths smuggled in
from data) is shown as text, so a hostile or careless URL in the data can never run
code in a reader's browser or point at a local file.
"""

from __future__ import annotations

import re

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Browsers drop these anywhere in a URL before reading the scheme ("java\tscript:").
_IGNORED = re.compile(r"[\x00-\x20\x7f]")


def safe_url(url: str | None) -> str | None:
    """*url* if it is an absolute http(s) or mailto URL, else None."""
    if not url:
        return None
    cleaned = _IGNORED.sub("", url)
    match = _SCHEME.match(cleaned)
    if match is None or match.group(1).lower() not in SAFE_SCHEMES:
        return None
    if match.group(1).lower() != "mailto" and not cleaned[match.end() :].startswith("//"):
        return None
    return url.strip()
