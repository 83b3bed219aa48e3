"""The change model: what a semantic diff reports, as plain, applicable data.

A ``Change`` names one place by a path whose list steps are matched by a key
(``measures[id=evaka-rollout].indicator.values[date=2025-12-31].value``), with the
old and the new value. ``ictgov.diff.data.apply_changes`` replays changes on the old
data, which is how the tests prove that nothing is lost or invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ictgov.diagnostics import Diagnostic
from ictgov.i18n.speak import _


class _Missing:
    """The value on the side where a key or item does not exist."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False

    def __deepcopy__(self, memo: dict[int, Any]) -> _Missing:
        return self


MISSING: Any = _Missing()


@dataclass(frozen=True, slots=True)
class Key:
    """A list element found by the value of one of its fields, not by its position."""

    field: str
    value: str | int

    def __str__(self) -> str:
        return f"[{self.field}={self.value}]"


PathPart = str | int | Key
DataPath = tuple[PathPart, ...]


def format_path(path: DataPath, *, entity: bool = True) -> str:
    """``("measures", "x", "status")`` -> ``measures[id=x].status``.

    With *entity*, the first two parts of a tree path are an entity kind and id.
    """
    out = ""
    parts = list(path)
    if entity and len(parts) >= 2 and isinstance(parts[0], str) and isinstance(parts[1], str):
        out = f"{parts[0]}[id={parts[1]}]"
        parts = parts[2:]
    for part in parts:
        if isinstance(part, Key):
            out += str(part)
        elif isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def format_relative(path: DataPath) -> str:
    """A change path without its entity: ``indicator.values[date=2025-12-31]``."""
    return format_path(path[2:], entity=False) if len(path) > 2 else ""


@dataclass(frozen=True, slots=True)
class Change:
    """One value that differs: ``old`` is MISSING for an addition, ``new`` for a removal."""

    path: DataPath
    old: Any
    new: Any
    #: For an element added to a keyed list: its position in the new list.
    index: int | None = None

    @property
    def kind(self) -> Literal["added", "removed", "changed"]:
        """Whether the place was added, removed or changed."""
        if self.old is MISSING:
            return "added"
        if self.new is MISSING:
            return "removed"
        return "changed"

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON: absent sides are left out."""
        out: dict[str, Any] = {
            "path": format_path(self.path),
            "parts": [
                {"key": p.field, "value": p.value} if isinstance(p, Key) else p for p in self.path
            ],
            "change": self.kind,
        }
        if self.old is not MISSING:
            out["old"] = self.old
        if self.new is not MISSING:
            out["new"] = self.new
        if self.index is not None:
            out["index"] = self.index
        return out


@dataclass(frozen=True, slots=True)
class Event:
    """A change said in plain words: ``status: in progress → completed``."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Hint:
    """Something a reviewer should look at before approving."""

    code: str
    name: str
    message: str


ItemChange = Literal["added", "removed", "modified"]


@dataclass
class ItemDiff:
    """Everything that changed about one entity, matched by id across files."""

    kind: str
    id: str
    title: str
    change: ItemChange
    old_file: str | None
    new_file: str | None
    changes: list[Change] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    hints: list[Hint] = field(default_factory=list)
    #: "base" or "head" when the item did not validate on that side.
    unreadable: str | None = None

    @property
    def moved(self) -> bool:
        """Whether the item now lives in another file."""
        return bool(self.old_file and self.new_file and self.old_file != self.new_file)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "change": self.change,
            "old_file": self.old_file,
            "new_file": self.new_file,
            "moved": self.moved,
            "unreadable": self.unreadable,
            "events": [{"kind": e.kind, "text": e.text} for e in self.events],
            "hints": [{"code": h.code, "name": h.name, "message": h.message} for h in self.hints],
            "changes": [c.as_dict() for c in self.changes],
        }


@dataclass
class TreeDiff:
    """A semantic diff of two versions of the tree."""

    base_label: str
    head_label: str
    items: list[ItemDiff] = field(default_factory=list)
    #: Errors in changed files that kept something from being read, per side.
    base_problems: list[Diagnostic] = field(default_factory=list)
    head_problems: list[Diagnostic] = field(default_factory=list)
    base_commit: str | None = None
    head_commit: str | None = None

    @property
    def empty(self) -> bool:
        """Whether nothing at all differs."""
        return not self.items

    def changes(self) -> list[Change]:
        """Every data change, in item order: what ``apply_changes`` replays."""
        return [c for item in self.items for c in item.changes]

    def hints(self) -> list[tuple[ItemDiff, Hint]]:
        """Every review hint with its item."""
        return [(item, h) for item in self.items for h in item.hints]

    def counts(self) -> dict[str, int]:
        """Items added, removed, modified and unreadable on one side; review hints."""
        out = {"added": 0, "removed": 0, "modified": 0, "unreadable": 0}
        for item in self.items:
            out["unreadable" if item.unreadable else item.change] += 1
        out["hints"] = len(self.hints())
        return out

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "base": {"label": self.base_label, "commit": self.base_commit},
            "head": {"label": self.head_label, "commit": self.head_commit},
            "summary": self.counts(),
            "items": [item.as_dict() for item in self.items],
            "problems": {
                "base": [d.as_dict() for d in self.base_problems],
                "head": [d.as_dict() for d in self.head_problems],
            },
        }


def show_value(value: Any, limit: int = 80) -> str:
    """A value as a reviewer reads it: texts quoted, structures as compact JSON."""
    if value is MISSING or value is None:
        return _("(not set)")
    if isinstance(value, str):
        text = value.replace("\n", " ")
        text = text if len(text) <= limit else text[: limit - 1] + "…"
        return f"“{text}”"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    text = structure_words(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def structure_words(value: Any) -> str:
    """A list or mapping in words, never as JSON: ``months 5, 6; label “Talousarvio”``.

    A text by language shows its languages (``fi “Tilinpäätös”, sv “Bokslut”``); a list
    of mappings numbers its elements (``1. title “Liite 1”; 2. title “Liite 2”``).
    """
    if isinstance(value, dict):
        return ", ".join(f"{k} {_inner(v)}" for k, v in sorted(value.items()))
    if isinstance(value, list):
        if any(isinstance(v, (dict, list)) for v in value):
            return "; ".join(f"{n}. {_inner(v)}" for n, v in enumerate(value, 1))
        return ", ".join(_inner(v) for v in value) or _("(none)")
    return show_value(value, limit=10_000)


def _inner(value: Any) -> str:
    if isinstance(value, dict):
        return "(" + structure_words(value) + ")" if len(value) > 1 else structure_words(value)
    if isinstance(value, list):
        return "[" + structure_words(value) + "]"
    return show_value(value, limit=10_000)


def show_pair(old: Any, new: Any, limit: int = 80) -> tuple[str, str]:
    """Both sides of a change; long texts are cut around where they first differ."""
    if not (isinstance(old, str) and isinstance(new, str)) or max(len(old), len(new)) <= limit:
        return show_value(old, limit), show_value(new, limit)
    same = 0
    for a, b in zip(old, new, strict=False):
        if a != b:
            break
        same += 1
    start = max(0, same - limit // 4)
    if start == 0:
        return show_value(old, limit), show_value(new, limit)
    return show_value("…" + old[start:], limit), show_value("…" + new[start:], limit)
