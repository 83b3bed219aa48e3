r"""Escaping for Markdown output: data shows as text, never as markup or raw HTML.

CommonMark lets a backslash escape any ASCII punctuation, so a title such as
``<script>`` becomes ``\<script\>`` and reads as itself in every renderer. Line
breaks inside a value are folded so a note cannot start a heading, a list or a
new table row: a carriage return, a line or paragraph separator and the other line
breaks Unicode knows count as line breaks, as CommonMark and browsers read them.
Other control characters and the bidirectional controls go; a text that holds
right-to-left letters is isolated (FSI ... PDI) so it cannot reorder the words around
it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

#: Characters that can start markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~&!])")
#: Markup that only counts at the start of a line: list bullets, ordered lists.
_LEADING = re.compile(r"^(\s*)([-+=]|\d+(?=[.)](?:\s|$)))")
_NEWLINES = re.compile(r"\s*\n\s*")
#: Line breaks besides LF: CR LF, CR, VT, FF, NEL, line and paragraph separators.
_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028]")
#: Controls that show nothing (C0 and C1 but tab and LF, DEL) and bidirectional controls.
_CONTROLS = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
#: Letters written right to left (Hebrew, Arabic, Syriac, Thaana, NKo ... presentation forms).
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
FSI, PDI = "\u2068", "\u2069"


def plain(text: str) -> str:
    """*text* with plain line breaks and no invisible or bidirectional controls.

    Every line break becomes an LF, a paragraph separator a blank line, a tab a space.
    """
    text = _BREAKS.sub("\n", text).replace("\u2029", "\n\n").replace("\t", " ")
    return _CONTROLS.sub("", text)


def isolated(text: str) -> str:
    """*text* between FSI and PDI if it holds right-to-left letters (else as it is)."""
    return f"{FSI}{text}{PDI}" if _RTL.search(text) else text


_BLANK_LINES = re.compile(r"\n\s*\n")


def escape_inline(text: str) -> str:
    """Escape *text* for use inside a line (a table cell, a list item, a heading)."""
    # Short texts (names, labels, codes) recur on many pages: remember them.
    return _escape_short(text) if len(text) <= _SHORT else _escape_inline(text)


#: Texts up to this long are remembered, up to _REMEMBERED of them.
_SHORT = 200
_REMEMBERED = 1 << 16


def _escape_inline(text: str) -> str:
    folded = _NEWLINES.sub(" ", plain(text).strip())
    escaped = _INLINE.sub(r"\\\1", folded)
    return isolated(_LEADING.sub(_escape_leading, escaped))


_escape_short = lru_cache(maxsize=_REMEMBERED)(_escape_inline)


def _escape_leading(match: re.Match[str]) -> str:
    space, mark = match.group(1), match.group(2)
    # "12." -> "12\." ; "-" -> "\-"
    return f"{space}{mark}\\" if mark.isdigit() else f"{space}\\{mark}"


def escape_block(text: str) -> list[str]:
    """Escape *text* as paragraphs (split on blank lines), each folded to one line."""
    return [escape_inline(p) for p in _BLANK_LINES.split(plain(text).strip()) if p.strip()]


def link_target(url: str) -> str:
    """A link destination that cannot break out of ``[text](<...>)``."""
    return "<" + quote(url, safe=":/?#[]@!$&'*+,;=%-._~") + ">"


def tidy(text: str) -> str:
    """Normalise blank lines so templates need not count them.

    Headings, rules and tables get a blank line before them (and headings after),
    runs of blank lines become one, trailing spaces go, and the file ends with one
    newline. Data cannot start a line with ``#``, ``|`` or ``---`` (it is escaped),
    so only template structure is touched.
    """
    out: list[str] = []
    append = out.append
    prev = ""  # the last line kept ("" also before the first one)
    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line:
            # One blank line at most, and none at the start (prev is "" there too).
            if prev:
                append("")
                prev = ""
            continue
        # A blank line before headings, rules and tables, and after headings.
        if prev and (
            line[0] == "#" or line == "---" or (line[0] == "|" and prev[0] != "|") or prev[0] == "#"
        ):
            append("")
        append(line)
        prev = line
    if out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
