"""New values as YAML text, written the way a person would write them by hand.

Strings stay plain when they read back as the same string under YAML 1.2 *and*
under YAML 1.1 (editors and older tools still speak 1.1, where ``no`` is false and
``2024-01-01`` is a date); otherwise they are double-quoted. Numbers that are whole
are written without a decimal point, dates as ISO dates.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ictgov.load.yaml12 import resolve_plain

_YAML11_SPECIAL = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|[-+]?[0-9][0-9_:.,]*(?:[eE][-+]?[0-9]+)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?"
    r"|~|null|Null|NULL|\.inf|\.nan|=|<<)$"
)
_FIRST_SPECIAL = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_SPECIAL = set(",[]{}")


@dataclass(frozen=True, slots=True)
class Style:
    """How new text is laid out: indentation steps detected from the file."""

    #: Columns a nested mapping is indented by (``a:\n  b: 1`` -> 2).
    map_indent: int = 2
    #: Columns the dash of a list is indented by under its key (``a:\n  - x`` -> 2).
    seq_offset: int = 2
    #: Columns from the dash to the item's content (``- x`` -> 2).
    dash_gap: int = 2


def plain_ok(text: str, *, flow: bool = False) -> bool:
    """Whether *text* can be written without quotes and read back unchanged."""
    if not text or text != text.strip() or text[0] in _FIRST_SPECIAL:
        return False
    if any(c in text for c in "\n\r\t\x85\u2028\u2029") or not text.isprintable():
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(c in _FLOW_SPECIAL for c in text):
        return False
    if _YAML11_SPECIAL.match(text):
        return False
    return bool(resolve_plain(text) == text)


def double_quoted(text: str) -> str:
    """A double-quoted YAML scalar; JSON's escapes are valid YAML escapes.

    Characters that are not printable (U+0085, U+2028, C1 controls, DEL) are escaped
    too: written raw, a YAML reader takes NEL and the line separators for line
    breaks and folds them into spaces.
    """
    dumped = json.dumps(text, ensure_ascii=False)
    if dumped.isprintable():
        return dumped
    return "".join(c if c.isprintable() else _escape(c) for c in dumped)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def single_quoted(text: str) -> str:
    """A single-quoted YAML scalar (only ``'`` needs escaping, by doubling it)."""
    return "'" + text.replace("'", "''") + "'"


def number(value: float) -> str:
    """A number as written by hand: ``30`` not ``30.0``; never exponent notation."""
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    if isinstance(value, int):
        return str(value)
    if math.isnan(value) or math.isinf(value):
        raise ValueError("not a finite number")
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    if "e" in text or "E" in text:  # 1e-07 is a string to YAML 1.1 readers
        text = format(Decimal(text), "f")
    return text


def scalar(value: Any, *, style: str | None = None, flow: bool = False) -> str:
    """One scalar; *style* is the quoting of the value it replaces (``"``, ``'`` or plain)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return "null"
    if not isinstance(value, str):
        raise TypeError(f"cannot write a {type(value).__name__} as a YAML scalar")
    if style == "'":
        if "\n" in value or not value.isprintable():
            return double_quoted(value)
        return single_quoted(value)
    if style == '"' or not plain_ok(value, flow=flow):
        return double_quoted(value)
    return value


def flow(value: Any) -> str:
    """A value in flow style: ``{date: 2024-12-31, value: 30}`` or ``[a, b]``."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k, flow=True)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value, flow=True)


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def entry(key: str, value: Any, indent: int, style: Style) -> list[str]:
    """Lines (without newlines) of ``key: value`` in block style at *indent* columns."""
    pad = " " * indent
    if _is_scalar(value):
        return [f"{pad}{key}: {scalar(value)}"]
    if (isinstance(value, list) and all(map(_is_scalar, value))) or not value:
        return [f"{pad}{key}: {flow(value)}"]
    if isinstance(value, dict):
        lines = [f"{pad}{key}:"]
        for sub_key, sub_value in value.items():
            lines += entry(str(sub_key), sub_value, indent + style.map_indent, style)
        return lines
    lines = [f"{pad}{key}:"]
    for item in value:
        lines += seq_item(item, indent + style.seq_offset, style)
    return lines


def seq_item(item: Any, dash_col: int, style: Style, *, as_flow: bool = False) -> list[str]:
    """Lines of one block-list item whose dash is at *dash_col*."""
    gap = " " * (style.dash_gap - 1)
    head = " " * dash_col + "-" + gap
    if _is_scalar(item):
        return [head + scalar(item)]
    if as_flow or not item:
        return [head + flow(item)]
    if isinstance(item, list):
        return [head + flow(item)]
    lines: list[str] = []
    content = dash_col + style.dash_gap
    for index, (key, value) in enumerate(item.items()):
        sub = entry(str(key), value, content, style)
        if index == 0:
            sub[0] = head + sub[0][content:]
        lines += sub
    return lines
