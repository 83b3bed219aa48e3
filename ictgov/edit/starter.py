"""Starter comments: a key that a template left commented out, for a person to fill in.

``ictgov new measure`` writes ``# schedule:`` with commented children below it. When an
edit later adds the real ``schedule:``, the commented header would stay behind as a
second, stale ``schedule`` below the new one. Instead the new entry takes the header's
place, and the commented children stay under it as hints, indented like its children.
"""

from __future__ import annotations

import re


def starter_span(text: str, pos: int, key: str, column: int) -> tuple[int, str] | None:
    """At line start *pos*, a ``# key:`` header for *key* at *column*: its end and children.

    Returns the index after the header and its commented children, and the children
    re-indented as comments nested under the new entry (``  # planned_end: ...``), or None
    when no starter for *key* is there.
    """
    indent = " " * column
    header = re.compile(rf"{indent}# ?{re.escape(key)}:[ \t]*\n")
    match = header.match(text, pos)
    if not match:
        return None
    end = match.end()
    children: list[str] = []
    child = re.compile(
        rf"(?:{indent}#(?P<old>[ ]{{2,}})|(?P<new>{indent}[ ]+)#[ ]?)(?P<body>[^\n]*)\n"
    )
    while found := child.match(text, end):
        depth = (
            len(found.group("old")) - 1 if found.group("old") else len(found.group("new")) - column
        )
        children.append(f"{indent}{' ' * max(depth, 2)}# {found.group('body')}\n")
        end = found.end()
    return end, "".join(children)


__all__ = ["starter_span"]
