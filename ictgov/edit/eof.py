"""A file that ends without a line break, made safe to append to.

Engines append after the last line, which first needs a line break. For most files
that changes nothing; but when the file ends inside a block scalar (``note: |`` with
no final newline, as some editors save), the break would become part of the text:
``Eteni.`` gains a line break at its end and the edit is refused as a data change. Giving
that last block the strip indicator (``|-``) keeps its value exactly.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ictgov.load.yaml12 import parse_yaml

_HEADER = re.compile(r"([|>])([1-9]?)[+-]?([1-9]?)")


def with_final_newline(text: str, data: Any) -> str:
    """*text* ending with a line break and still holding *data*; *text* if not possible."""
    if not text or text.endswith("\n"):
        return text
    candidate = text + "\n"
    if _same(candidate, data):
        return candidate
    block = _last_block_scalar(text)
    if block is None:
        return text
    match = _HEADER.match(text, block)
    if match is None:
        return text
    style, before, after = match.groups()
    header = f"{style}-{before or after}"
    candidate = text[:block] + header + text[match.end() :] + "\n"
    return candidate if _same(candidate, data) else text


def _same(text: str, data: Any) -> bool:
    parsed = parse_yaml(text)
    return not parsed.problems and parsed.data == data


def _last_block_scalar(text: str) -> int | None:
    """Where the header (``|`` or ``>``) of the literal or folded scalar ending the file is."""
    last: yaml.Event | None = None
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.ScalarEvent):
                last = event
    except yaml.YAMLError:
        return None
    if not isinstance(last, yaml.ScalarEvent) or last.style not in ("|", ">"):
        return None
    start, end = last.start_mark, last.end_mark
    if start is None or end is None or text[end.index :].strip():
        return None
    return int(start.index)
