"""The general engine: ruamel.yaml round-trip, for layouts the exact engine declines.

ruamel.yaml keeps comments, key order and quoting, but it files each comment under
the entry *before* it, so inserting or deleting an entry would carry the comments
of its neighbours along. The helpers here move those trailing comments so that a
comment stays in front of the key it was written above, and ``splice`` keeps any
re-emission noise out of the file.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from ictgov.edit.ops import Delete, Op, SetValue
from ictgov.edit.patch import Declined
from ictgov.edit.render import Style
from ictgov.edit.splice import splice


class _NoNewAliases(RoundTripRepresenter):
    """Write an alias only where the file had an anchor.

    ruamel.yaml anchors every object it meets twice, so one ``date`` shared by a new
    indicator value and a new update entry came out as ``&id001`` / ``*id001``.
    """

    def ignore_aliases(self, data: Any) -> bool:
        anchor = getattr(data, "anchor", None)
        return not (anchor is not None and getattr(anchor, "value", None))


def _yaml(style: Style) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Representer = _NoNewAliases
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(
        mapping=style.map_indent,
        sequence=style.seq_offset + style.dash_gap,
        offset=style.seq_offset,
    )
    return yaml


def _convert(value: Any, like: Any = None) -> Any:
    """Plain data -> ruamel nodes in block style, keeping the quoting of the replaced value."""
    if isinstance(value, dict):
        out = CommentedMap()
        for key, sub in value.items():
            out[key] = _convert(sub)
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_convert(v) for v in value)
        if all(not isinstance(v, (dict, list)) for v in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and isinstance(like, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(value)
    if isinstance(value, str) and isinstance(like, SingleQuotedScalarString):
        return SingleQuotedScalarString(value)
    if isinstance(value, float) and value == int(value):
        return int(value)
    return value


def _tail(container: Any, key: Any) -> tuple[dict[Any, Any], Any, int]:
    """Where ruamel keeps the comment lines that follow an entry: (items, key, slot)."""
    value = container[key]
    if isinstance(value, CommentedMap) and value and not value.fa.flow_style():
        return _tail(value, list(value)[-1])
    if isinstance(value, CommentedSeq) and value and not value.fa.flow_style():
        return _tail(value, len(value) - 1)
    slot = 2 if isinstance(container, CommentedMap) else 0
    return container.ca.items, key, slot


def _split(token: CommentToken | None) -> tuple[str, str]:
    """A trailing comment -> (its same-line part, the lines below it)."""
    if token is None:
        return "", ""
    text: str = token.value
    if text.startswith("#"):
        head, _, rest = text.partition("\n")
        return head + "\n", rest
    return "", text[1:] if text.startswith("\n") else text


def _set_token(items: dict[Any, Any], key: Any, slot: int, text: str, column: int = 0) -> None:
    entry = items.setdefault(key, [None, None, None, None])
    entry[slot] = CommentToken(text, CommentMark(column), None) if text else None
    if not any(entry):
        del items[key]


def _move_tail(src: tuple[Any, Any], dst: tuple[Any, Any]) -> None:
    """Move the comment lines after entry *src* to after entry *dst* (same-line part stays)."""
    items, key, slot = _tail(*src)
    token = items.get(key, [None] * 4)[slot]
    head, rest = _split(token)
    if not rest:
        return
    column = token.start_mark.column if token is not None else 0
    _set_token(items, key, slot, head, column)
    d_items, d_key, d_slot = _tail(*dst)
    _set_token(d_items, d_key, d_slot, "\n" + rest)


def _node(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _apply_op(data: Any, op: Op) -> None:
    if isinstance(op, SetValue):
        parent = _node(data, op.path[:-1])
        key = op.path[-1]
        if key in parent:
            parent[key] = _convert(op.value, parent[key])
            return
        keys = list(parent)
        position = len(keys)
        if key in op.order:
            rank = op.order.index(key)
            ranked = [i for i, k in enumerate(keys) if k in op.order and op.order.index(k) < rank]
            position = (max(ranked, key=lambda i: op.order.index(keys[i])) + 1) if ranked else 0
        parent.insert(position, key, _convert(op.value))
        if position > 0:
            _move_tail((parent, keys[position - 1]), (parent, key))
    elif isinstance(op, Delete):
        parent = _node(data, op.path[:-1])
        keys = list(parent)
        index = keys.index(op.path[-1])
        items, t_key, slot = _tail(parent, op.path[-1])
        _, rest = _split(items.get(t_key, [None] * 4)[slot])
        del parent[op.path[-1]]
        if index > 0 and rest:
            p_items, p_key, p_slot = _tail(parent, keys[index - 1])
            token = p_items.get(p_key, [None] * 4)[p_slot]
            head, prev_rest = _split(token)
            _set_token(p_items, p_key, p_slot, (head or "\n") + prev_rest + rest)
    else:
        seq = _node(data, op.path)
        item = _convert(op.item)
        if seq and isinstance(item, CommentedMap):
            sibling = seq[min(op.index, len(seq) - 1)]
            if isinstance(sibling, CommentedMap) and sibling.fa.flow_style():
                item.fa.set_flow_style()
        if not seq:
            seq.fa.set_block_style()
        seq.insert(op.index, item)
        if op.index > 0:
            _move_tail((seq, op.index - 1), (seq, op.index))


def _dump(yaml: YAML, data: Any) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def apply(text: str, ops: list[Op], style: Style) -> str:
    """Apply *ops* through a ruamel.yaml round trip, spliced onto the original text."""
    yaml = _yaml(style)
    try:
        data = yaml.load(text)
    except Exception as exc:  # ruamel raises many error types
        raise Declined(f"ruamel.yaml cannot read it: {exc}") from None
    base = _dump(yaml, data)
    for op in ops:
        try:
            _apply_op(data, op)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
            raise Declined(f"cannot apply {op}: {exc}") from None
    edited = _dump(yaml, data)
    return splice(text, base, edited)
