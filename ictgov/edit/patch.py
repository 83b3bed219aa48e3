"""The exact engine: change only the characters of the nodes an edit touches.

libyaml composes the file into nodes that know their start and end offsets; a new
value replaces exactly the old value's characters, a new key becomes one new line
after its predecessor's last line, a new list item one new block after the last
item, written in the style of its siblings (flow ``- {date: ..., value: ...}`` or
block). Everything else - comments, blank lines, quoting, indentation, line
endings - is untouched because it is never re-emitted.

Layouts this engine does not handle (block scalars, keys sharing a line ...) raise
:class:`Declined`; the caller then uses the ruamel.yaml round-trip engine.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

import yaml

from ictgov.edit import render
from ictgov.edit.ops import Delete, InsertItem, Op, SetValue
from ictgov.edit.render import Style
from ictgov.edit.starter import starter_span

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Splice:
    """Replace ``text[start:end]`` with ``new``: one operation's change to the text."""

    start: int
    end: int
    new: str

    def apply(self, text: str) -> str:
        """The text with this change made."""
        return text[: self.start] + self.new + text[self.end :]


class Declined(Exception):
    """The edit does not fit this engine safely; another engine should make it."""


def compose(text: str) -> yaml.Node:
    """The node graph of *text* with positions; Declined if it has no document."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise Declined(f"does not parse: {exc}") from None
    if node is None:
        raise Declined("empty document")
    return node


def _key_text(node: yaml.Node) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if _key_text(key) == part:
                found: yaml.Node = value
                return found
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        items: list[yaml.Node] = node.value
        return items[part] if 0 <= part < len(items) else None
    return None


def find(root: yaml.Node, path: tuple[str | int, ...]) -> yaml.Node:
    """The node at *path*; Declined when it does not exist."""
    node = root
    for part in path:
        found = _child(node, part)
        if found is None:
            raise Declined(f"no node at {path}")
        node = found
    return node


def _is_block(node: yaml.Node) -> bool:
    return isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style


def _content_end(text: str, node: yaml.Node) -> int:
    """Offset just after the last character of *node*'s own content (not trailing comments).

    libyaml ends a block collection, and a block scalar (``|``), at the next token,
    past any blank lines and comments that follow; those belong to what comes next.
    """
    if _is_block(node) and node.value:
        last = node.value[-1]
        return _content_end(text, last[1] if isinstance(last, tuple) else last)
    start, end = int(node.start_mark.index), int(node.end_mark.index)
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        return start + len(text[start:end].rstrip())
    return end


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _after_line(text: str, index: int) -> int:
    """Offset of the start of the line after the one holding *index* (or the end)."""
    nl = text.find("\n", index)
    return len(text) if nl < 0 else nl + 1


def _indent_of(text: str, index: int) -> int:
    start = _line_start(text, index)
    return index - start


_COMMENT_LINE = re.compile(r"[ ]*#[^\n]*\n?")


def _skip_nested_comments(text: str, pos: int, column: int) -> int:
    """Move past comment lines indented deeper than *column*: they belong to the entry above."""
    while pos < len(text):
        match = _COMMENT_LINE.match(text, pos)
        if not match or len(match.group(0)) - len(match.group(0).lstrip(" ")) <= column:
            break
        pos = match.end()
    return pos


def _insert_lines(text: str, pos: int, lines: list[str]) -> Splice:
    """Insert whole lines at a line start *pos* (handles a file without a final newline)."""
    block = "\n".join(lines)
    if pos >= len(text) and text and not text.endswith("\n"):
        return Splice(len(text), len(text), "\n" + block)
    return Splice(pos, pos, block + "\n")


def _entry_end(text: str, key: yaml.Node, value: yaml.Node) -> int:
    """Line start after a block-mapping entry (its value and its nested comments)."""
    end = _content_end(text, value)
    pos = _after_line(text, max(end - 1, key.end_mark.index))
    return _skip_nested_comments(text, pos, int(key.start_mark.column))


def _set_existing(text: str, node: yaml.Node, value: Any, in_flow: bool) -> Splice:
    if isinstance(value, (dict, list)) or not isinstance(node, yaml.ScalarNode):
        raise Declined("only scalars are replaced in place")
    if node.style in ("|", ">"):
        raise Declined("block scalar")
    start, end = int(node.start_mark.index), int(node.end_mark.index)
    if node.start_mark.line != node.end_mark.line:
        raise Declined("multi-line scalar")
    if start == end and not in_flow:
        # An empty value (``key:``): write after the colon with one space.
        return Splice(start, end, " " + render.scalar(value))
    style = node.style if node.style in ('"', "'") else None
    return Splice(start, end, render.scalar(value, style=style, flow=in_flow))


def _order_position(keys: list[str], key: str, order: tuple[str, ...]) -> int:
    """Index among *keys* before which *key* goes, following the canonical *order*."""
    if key not in order:
        return len(keys)
    rank = order.index(key)
    best, best_rank = -1, -1
    for index, existing in enumerate(keys):
        if existing in order and best_rank <= order.index(existing) < rank:
            best, best_rank = index, order.index(existing)
    return best + 1


def _insert_key(
    text: str, parent: yaml.MappingNode, key: str, value: Any, order: tuple[str, ...], style: Style
) -> Splice:
    entries: list[tuple[yaml.Node, yaml.Node]] = list(parent.value)
    keys = [_key_text(k) or "" for k, _ in entries]
    position = _order_position(keys, key, order)
    if parent.flow_style:
        rendered = f"{render.scalar(key, flow=True)}: {render.flow(value)}"
        if not entries:
            start, end = int(parent.start_mark.index), int(parent.end_mark.index)
            return Splice(start, end, "{" + rendered + "}")
        if position == 0:
            at = int(entries[0][0].start_mark.index)
            return Splice(at, at, rendered + ", ")
        at = int(entries[position - 1][1].end_mark.index)
        return Splice(at, at, ", " + rendered)
    if not entries:
        raise Declined("empty block mapping")
    column = int(entries[0][0].start_mark.column)
    for k, _ in entries:
        if _indent_of(text, int(k.start_mark.index)) != int(k.start_mark.column):
            raise Declined("a key shares its line with other content")
    lines = render.entry(key, value, column, style)
    if position == 0:
        at = _line_start(text, int(entries[0][0].start_mark.index))
        if entries[0][0].start_mark.index != at + column:
            raise Declined("first key shares its line")
        return _insert_lines(text, at, lines)
    prev_key, prev_value = entries[position - 1]
    at = _entry_end(text, prev_key, prev_value)
    starter = starter_span(text, at, key, column)
    if starter is not None:  # take the place of the template's commented-out key
        end, hints = starter
        return Splice(at, end, "\n".join(lines) + "\n" + hints)
    return _insert_lines(text, at, lines)


def _replace_empty(text: str, key: yaml.Node, node: yaml.Node, value: Any, style: Style) -> Splice:
    """``updates: []`` or ``updates:`` -> the new list or mapping, in block style if nested."""
    column = int(key.start_mark.column)
    lines = render.entry("k", value, column, style)
    colon = text.find(":", int(key.end_mark.index))
    if colon < 0 or colon > int(node.start_mark.index):
        raise Declined("cannot find the colon")
    end = int(node.end_mark.index) if node.end_mark.index > colon else colon + 1
    if node.start_mark.line != key.start_mark.line:
        end = colon + 1  # ``key:`` alone on its line: the null value has no characters
    if len(lines) == 1:
        return Splice(colon + 1, end, " " + render.flow(value))
    return Splice(colon + 1, end, "\n" + "\n".join(lines[1:]))


def set_value(text: str, root: yaml.Node, op: SetValue, style: Style) -> Splice:
    """Apply one SetValue."""
    parent = find(root, op.path[:-1])
    key = op.path[-1]
    if not isinstance(parent, yaml.MappingNode) or not isinstance(key, str):
        raise Declined("parent is not a mapping")
    for key_node, value_node in parent.value:
        if _key_text(key_node) == key:
            empty = (
                isinstance(value_node, (yaml.SequenceNode, yaml.MappingNode))
                and not value_node.value
            ) or (
                isinstance(value_node, yaml.ScalarNode)
                and not value_node.style
                and value_node.value in ("", "~", "null")
            )
            if isinstance(op.value, (dict, list)) and empty and not parent.flow_style:
                return _replace_empty(text, key_node, value_node, op.value, style)
            return _set_existing(text, value_node, op.value, bool(parent.flow_style))
    return _insert_key(text, parent, key, op.value, op.order, style)


def delete(text: str, root: yaml.Node, op: Delete) -> Splice:
    """Apply one Delete (block mappings: whole lines; flow mappings: ``key: value,``)."""
    parent = find(root, op.path[:-1])
    if not isinstance(parent, yaml.MappingNode):
        raise Declined("parent is not a mapping")
    entries = list(parent.value)
    for index, (key_node, value_node) in enumerate(entries):
        if _key_text(key_node) != op.path[-1]:
            continue
        if parent.flow_style:
            start, end = int(key_node.start_mark.index), int(value_node.end_mark.index)
            if index + 1 < len(entries):
                end = int(entries[index + 1][0].start_mark.index)
            elif index > 0:
                start = int(entries[index - 1][1].end_mark.index)
            return Splice(start, end, "")
        start = _line_start(text, int(key_node.start_mark.index))
        if start + int(key_node.start_mark.column) != key_node.start_mark.index:
            raise Declined("key shares its line")
        end = _entry_end(text, key_node, value_node)
        if index + 1 < len(entries) and end > entries[index + 1][0].start_mark.index:
            raise Declined("next key on the same line")
        return Splice(start, end, "")
    raise Declined("no such key")


def _dash_column(text: str, item: yaml.Node) -> int:
    """Column of the ``-`` in front of a block-list item."""
    start = int(item.start_mark.index)
    line_start = _line_start(text, start)
    before = text[line_start:start]
    dash = before.rfind("-")
    if dash < 0 or before[:dash].strip():
        raise Declined("item does not start its line with a dash")
    return dash


def insert_item(text: str, root: yaml.Node, op: InsertItem, style: Style) -> Splice:
    """Apply one InsertItem, mimicking the style of the neighbouring items."""
    seq = find(root, op.path)
    if not isinstance(seq, yaml.SequenceNode):
        raise Declined("not a list")
    items: list[yaml.Node] = list(seq.value)
    index = op.index
    if seq.flow_style:
        rendered = render.flow(op.item)
        if not items:
            start, end = int(seq.start_mark.index), int(seq.end_mark.index)
            return Splice(start, end, "[" + rendered + "]")
        if index >= len(items):
            at = int(items[-1].end_mark.index)
            return Splice(at, at, ", " + rendered)
        at = int(items[index].start_mark.index)
        return Splice(at, at, rendered + ", ")
    sibling = items[min(index, len(items) - 1)]
    dash = _dash_column(text, sibling)
    gap = int(sibling.start_mark.index) - _line_start(text, int(sibling.start_mark.index)) - dash
    local = Style(style.map_indent, style.seq_offset, max(gap, 2))
    as_flow = isinstance(sibling, (yaml.MappingNode, yaml.SequenceNode)) and bool(
        sibling.flow_style
    )
    lines = render.seq_item(op.item, dash, local, as_flow=as_flow)
    if index >= len(items):
        end = _content_end(text, items[-1])
        pos = _skip_nested_comments(text, _after_line(text, max(end - 1, 0)), dash)
        return _insert_lines(text, pos, lines)
    return _insert_lines(text, _line_start(text, int(items[index].start_mark.index)), lines)


def _splice(text: str, root: yaml.Node, op: Op, style: Style) -> Splice:
    if isinstance(op, SetValue):
        return set_value(text, root, op, style)
    if isinstance(op, Delete):
        return delete(text, root, op)
    return insert_item(text, root, op, style)


def _together(text: str, ops: list[Op], style: Style, root: yaml.Node) -> str | None:
    """All operations planned on one parse and applied back to front; None if they interact."""
    try:
        splices = [(_splice(text, root, op, style), index) for index, op in enumerate(ops)]
    except Declined:
        return None  # e.g. an operation inside a value another operation creates
    ordered = sorted(splices, key=lambda s: (s[0].start, s[0].end, s[1]))
    for (a, i), (b, j) in itertools.pairwise(ordered):
        if a.end > b.start or (a.start < a.end and a.end == b.start == b.end):
            return None
        if a.start == a.end == b.start < b.end and i > j:
            return None  # a later insertion where an earlier one replaces: one by one
    for splice, _ in reversed(ordered):
        text = splice.apply(text)
    return text


def apply(text: str, ops: list[Op], style: Style, root: yaml.Node | None = None) -> str:
    """Apply *ops*: on one parse when they are independent, else one by one.

    *root* is the node graph of *text* if the caller has composed it already.
    """
    together = _together(text, ops, style, root if root is not None else compose(text))
    if together is not None:
        return together
    for op in ops:
        text = _splice(text, compose(text), op, style).apply(text)
    return text


def detect_style(text: str, root: yaml.Node) -> Style:
    """The indentation the file already uses, so new lines look like their neighbours."""
    found: dict[str, int] = {}
    stack: list[yaml.Node] = [root]
    while stack and len(found) < 3:
        node = stack.pop(0)
        if isinstance(node, yaml.MappingNode) and not node.flow_style:
            for key, value in node.value:
                if isinstance(value, yaml.MappingNode) and not value.flow_style and value.value:
                    found.setdefault(
                        "map", int(value.value[0][0].start_mark.column) - int(key.start_mark.column)
                    )
                elif isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
                    try:
                        dash = _dash_column(text, value.value[0])
                    except Declined:
                        continue
                    found.setdefault("seq", dash - int(key.start_mark.column))
                    found.setdefault("gap", int(value.value[0].start_mark.column) - dash)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    default = Style()
    return Style(
        found.get("map", default.map_indent) if found.get("map", 0) > 0 else default.map_indent,
        found.get("seq", default.seq_offset) if found.get("seq", -1) >= 0 else default.seq_offset,
        found.get("gap", default.dash_gap) if found.get("gap", 0) >= 2 else default.dash_gap,
    )
