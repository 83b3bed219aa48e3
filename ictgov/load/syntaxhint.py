"""What to do about a YAML syntax error, worked out from the text around it.

libyaml says where it gave up ("mapping values are not allowed in this context") and,
for an open quote or bracket, where the construct began. A person needs to know what
to change: an indentation mistake names the column expected and the line the block
starts on; an unclosed quote or bracket names the line where it was opened as well
as where the reading stopped. Only a colon that really sits inside a text gets the
advice to put the text in quotes. Messages are msgids with plain arguments.
"""

from __future__ import annotations

import re
from typing import Any

from ictgov.i18n import N_

#: ``key:`` at the start of a line (after the indentation), as people write keys.
_KEY = re.compile(r"(?:- )?([^\s:#'\"\[\]{},][^:#]*?)\s*:(?:\s|$)")
_CLOSE = {"[": "]", "{": "}"}


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(lines: list[str], index: int) -> bool:
    """Whether line *index* (0-based) holds data (not blank, not only a comment)."""
    stripped = lines[index].strip()
    return bool(stripped) and not stripped.startswith("#")


def _block_start(lines: list[str], index: int, indent: int) -> int:
    """The first line (1-based) of the run of lines at *indent* that holds line *index*."""
    start = index
    for i in range(index - 1, -1, -1):
        if not _content(lines, i):
            continue
        if _indent(lines[i]) < indent:
            break
        if _indent(lines[i]) == indent:
            start = i
    return start + 1


def _above(lines: list[str], index: int) -> int | None:
    """The nearest line above *index* that holds data (0-based), if any."""
    return next((i for i in range(index - 1, -1, -1) if _content(lines, i)), None)


def explain(
    problem: str, context: str, text: str, line: int, column: int, context_at: tuple[int, int]
) -> tuple[str, dict[str, Any]]:
    """The message (msgid, arguments) for a syntax error at *line*, *column* (1-based).

    *problem* and *context* are libyaml's own words (used only to tell cases apart);
    *context_at* is where the construct it was reading began.
    """
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    char = here[column - 1] if 0 < column <= len(here) else ""
    open_line, open_column = context_at
    if char == "\t" or "'\\t'" in problem or "\t" in here[: _indent(here) + 1]:
        return N_("indent with spaces, not tabs (line {line} starts with a tab)"), {"line": line}
    if "quoted scalar" in context:
        opened = lines[open_line - 1] if 0 < open_line <= len(lines) else ""
        quote = opened[open_column - 1] if 0 < open_column <= len(opened) else '"'
        return (
            N_(
                "the quote {quote} opened on line {open} is never closed (the reading "
                "stopped on line {line}); add the closing {quote} at the end of the text "
                "on line {open}"
            ),
            {"quote": quote, "open": open_line, "line": line},
        )
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "[" if "sequence" in context else "{"
        return (
            N_(
                "the '{bracket}' opened on line {open}, column {column} is not closed (the "
                "reading stopped on line {line}); add '{close}' at the end of the list on "
                "line {open}"
            ),
            {
                "bracket": bracket,
                "close": _CLOSE[bracket],
                "open": open_line,
                "column": open_column,
                "line": line,
            },
        )
    if "mapping values are not allowed" in problem:
        return _colon(lines, line, column)
    if "did not find expected key" in problem or "expected <block end>" in problem:
        found = _shallow(lines, line)
        if found is not None:
            return found
    if "depth" in problem or "nest" in problem:
        return (
            N_(
                "lists and mappings are nested too deeply here; flatten the data (a strategy "
                "file needs only a few levels)"
            ),
            {},
        )
    if "found duplicate anchor" in problem:
        return N_("two anchors have the same name; give each anchor (&name) its own name"), {}
    if "found undefined alias" in problem:
        return N_("an alias (*name) refers to no anchor (&name) above it; fix the name"), {}
    return (
        N_(
            "line {line} cannot be read; check its indentation (spaces, lined up with the "
            "keys it belongs with) and that its quotes and brackets are closed"
        ),
        {"line": line},
    )


def _colon(lines: list[str], line: int, column: int) -> tuple[str, dict[str, Any]]:
    """A ``:`` where none may be: either a too deep indentation or a text needing quotes."""
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = _indent(here)
    match = _KEY.match(here, indent)
    above = _above(lines, line - 1)
    if match is not None and match.end(0) >= column and above is not None:
        prev = lines[above]
        if _indent(prev) < indent and _KEY.match(prev, _indent(prev)):
            expected = _indent(prev)
            return (
                N_(
                    "wrong indentation: '{key}' on line {line} starts at column {found}, but "
                    "the value of line {above} is already written on that line; move "
                    "'{key}' to column {expected}, like the other keys of the block that "
                    "starts on line {start}"
                ),
                {
                    "key": match.group(1),
                    "line": line,
                    "found": indent + 1,
                    "above": above + 1,
                    "expected": expected + 1,
                    "start": _block_start(lines, above, expected),
                },
            )
    key = match.group(1) if match else "title"
    return (
        N_(
            "a text that contains ': ' must be in quotes; write it as "
            "'{key}: \"...\"' (line {line})"
        ),
        {"key": key, "line": line},
    )


def _shallow(lines: list[str], line: int) -> tuple[str, dict[str, Any]] | None:
    """A line indented less than the block above it but more than the one around it."""
    if not 0 < line <= len(lines):
        return None
    found = _indent(lines[line - 1])
    inner = outer = None
    for i in range(line - 2, -1, -1):
        if not _content(lines, i):
            continue
        level = _indent(lines[i])
        if level > found and inner is None:
            inner = (level, _block_start(lines, i, level))
        elif level < found:
            outer = (level, _block_start(lines, i, level))
            break
    if inner is None or outer is None:
        return None
    return (
        N_(
            "wrong indentation: line {line} starts at column {found}; the block above, "
            "from line {inner_start}, is at column {inner} and the one around it, from "
            "line {outer_start}, at column {outer}; move the line to one of these columns"
        ),
        {
            "line": line,
            "found": found + 1,
            "inner": inner[0] + 1,
            "inner_start": inner[1],
            "outer": outer[0] + 1,
            "outer_start": outer[1],
        },
    )
