"""Diff and patch plain data (dicts, lists, scalars) with lists matched by key.

Lists whose elements all carry a unique ``id`` (or ``section``, or ``date``) are
compared element by element by that key, so inserting a measure's indicator value
is one addition rather than a shifted list. Other lists, and keyed lists whose
common elements were reordered, change as a whole value. ``apply_changes`` is the
inverse: ``apply_changes(old, diff_data(old, new)) == new`` for all such data.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from ictgov.diff.model import MISSING, Change, DataPath, Key

#: Fields that identify list elements, in order of preference.
KEY_FIELDS = ("id", "section", "date")


def same(a: Any, b: Any) -> bool:
    """Equality that tells ``1``, ``1.0`` and ``True`` apart, as YAML does."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def list_key(old: list[Any], new: list[Any]) -> str | None:
    """The field that identifies the elements of both lists, if there is one."""
    items = old + new
    if not items or not all(isinstance(i, dict) for i in items):
        return None
    for name in KEY_FIELDS:
        ok = True
        for side in (old, new):
            values = [i.get(name) for i in side]
            if any(type(v) not in (str, int) for v in values) or len(set(values)) != len(values):
                ok = False
                break
        if ok:
            return name
    return None


def diff_data(old: Any, new: Any, path: DataPath = ()) -> list[Change]:
    """The changes that turn *old* into *new*, leaves first found first."""
    if same(old, new):
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[Change] = []
        for k, v in old.items():
            if k not in new:
                out.append(Change((*path, k), v, MISSING))
        for k, v in new.items():
            if k in old:
                out.extend(diff_data(old[k], v, (*path, k)))
            else:
                out.append(Change((*path, k), MISSING, v))
        return out
    if isinstance(old, list) and isinstance(new, list):
        name = list_key(old, new)
        if name is not None:
            keyed = _diff_keyed(old, new, name, path)
            if keyed is not None:
                return keyed
    return [Change(path, old, new)]


def _diff_keyed(old: list[Any], new: list[Any], name: str, path: DataPath) -> list[Change] | None:
    old_by = {i[name]: i for i in old}
    new_by = {i[name]: i for i in new}
    common_old = [k for k in old_by if k in new_by]
    common_new = [k for k in new_by if k in old_by]
    if common_old != common_new:
        return None  # reordered: one whole-list change says it best
    out: list[Change] = []
    for k, item in old_by.items():
        if k not in new_by:
            out.append(Change((*path, Key(name, k)), item, MISSING))
    for k in common_old:
        out.extend(diff_data(old_by[k], new_by[k], (*path, Key(name, k))))
    for index, (k, item) in enumerate(new_by.items()):
        if k not in old_by:
            out.append(Change((*path, Key(name, k)), MISSING, item, index=index))
    return out


def _find(container: Any, part: Any) -> Any:
    if isinstance(part, Key):
        for item in container:
            if isinstance(item, dict) and item.get(part.field) == part.value:
                return item
        raise KeyError(str(part))
    return container[part]


def _walk(data: Any, path: DataPath) -> Any:
    for part in path:
        data = _find(data, part)
    return data


def apply_changes(base: Any, changes: Iterable[Change]) -> Any:
    """A copy of *base* with *changes* applied (the inverse of ``diff_data``)."""
    data = copy.deepcopy(base)
    insertions: list[Change] = []
    for change in changes:
        if not change.path:
            data = copy.deepcopy(change.new)
            continue
        *parent_path, last = change.path
        if change.old is MISSING and isinstance(last, Key):
            insertions.append(change)
            continue
        parent = _walk(data, tuple(parent_path))
        if isinstance(last, Key):
            position = parent.index(_find(parent, last))
            if change.new is MISSING:
                del parent[position]
            else:
                parent[position] = copy.deepcopy(change.new)
        elif change.new is MISSING:
            del parent[last]
        else:
            parent[last] = copy.deepcopy(change.new)
    for change in sorted(insertions, key=lambda c: c.index or 0):
        parent = _walk(data, change.path[:-1])
        index = len(parent) if change.index is None else change.index
        parent.insert(index, copy.deepcopy(change.new))
    return data
