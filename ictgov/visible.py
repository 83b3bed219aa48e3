r"""Control characters from data, made visible before text reaches a terminal.

A title or note can hold ESC sequences (set the window title, write the clipboard with
OSC 52, fake colours), a carriage return that overprints a line, or bidirectional
overrides that reorder what is read. Text output shows each as its Python escape
(``\x1b``, ``\r``, ``\u202e``), the form lint messages already use through
``repr``; line breaks stay. JSON output keeps the exact data.
"""

from __future__ import annotations

import re

#: C0 and C1 controls but the line feed, DEL, line and paragraph separators, and the
#: bidirectional embeddings, overrides and isolates.
_INVISIBLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    return repr(match.group())[1:-1]


def visible(text: str) -> str:
    r"""*text* with every control character written as its escape (``\x1b``)."""
    return _INVISIBLE.sub(_escape, text)
