"""Edits as data: set a key, delete a key, insert a list item.

A planner (``measure.py``) decides *what* to change from the validated model; an
engine (``patch.py`` or ``roundtrip.py``) decides *how* to write it into the text.
The same operations applied to plain data give the expected result, against which
every engine's output is checked before anything is written.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any

PathPart = str | int
Path = tuple[PathPart, ...]


@dataclass(frozen=True, slots=True)
class SetValue:
    """Set ``path`` to ``value``; a missing key is inserted where ``order`` puts it."""

    path: Path
    value: Any
    #: Canonical key order of the parent mapping (the model's field order).
    order: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Delete:
    """Remove the key at ``path``."""

    path: Path


@dataclass(frozen=True, slots=True)
class InsertItem:
    """Insert ``item`` into the list at ``path`` before position ``index``."""

    path: Path
    index: int
    item: Any


Op = SetValue | Delete | InsertItem


class EditError(Exception):
    """An operation does not fit the data (a bug in a planner, never user input)."""


def plain_value(value: Any) -> Any:
    """The value as the fast loader reads it back: dates are ISO strings."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    return value


def _parent(data: Any, path: Path) -> Any:
    node = data
    for part in path[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            raise EditError(f"no {part!r} on the way to {path}") from None
    return node


def apply_plain(data: Any, ops: list[Op]) -> Any:
    """A deep copy of *data* with *ops* applied: what the edited file must read back as."""
    out = copy.deepcopy(data)
    for op in ops:
        if isinstance(op, SetValue):
            parent = _parent(out, op.path)
            if not isinstance(parent, dict):
                raise EditError(f"{op.path[:-1]} is not a mapping")
            parent[op.path[-1]] = plain_value(op.value)
        elif isinstance(op, Delete):
            parent = _parent(out, op.path)
            if not isinstance(parent, dict) or op.path[-1] not in parent:
                raise EditError(f"nothing to delete at {op.path}")
            del parent[op.path[-1]]
        else:
            target = _parent(out, (*op.path, 0))
            if not isinstance(target, list) or not 0 <= op.index <= len(target):
                raise EditError(f"cannot insert at {op.path}[{op.index}]")
            target.insert(op.index, plain_value(op.item))
    return out
