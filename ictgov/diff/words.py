"""Changes in plain words: the transitions a reviewer cares about, then the rest.

Status, health and progress read as transitions, schedule moves as a slip or gain in
days, indicator values as added or corrected, agenda items as decisions. Every data
change not said in a special way gets a generic line, so nothing is hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ictgov.diff.entities import SINGULAR, Entry, text_of
from ictgov.diff.model import (
    MISSING,
    Change,
    Event,
    Key,
    format_relative,
    show_pair,
    show_value,
)
from ictgov.model import Action, AgendaItem, Measure, Meeting, UpdateEntry

STATUS_WORDS = {
    "planned": "planned",
    "in_progress": "in progress",
    "completed": "completed",
    "on_hold": "on hold",
    "discontinued": "discontinued",
}
HEALTH_WORDS = {"on_track": "on track", "at_risk": "at risk", "off_track": "off track"}
RESOLUTION_WORDS = {
    "passed": "passed",
    "passed_modified": "passed as amended",
    "passed_voted": "passed after a vote",
    "rejected": "rejected",
    "noted": "noted",
    "returned": "returned for further preparation",
    "tabled": "tabled",
    "removed": "removed from the agenda",
}
_SCHEDULE = (
    ("planned_start", "planned start"),
    ("planned_end", "planned end"),
    ("actual_start", "actual start"),
    ("actual_end", "actual end"),
)


def _word(table: dict[str, str], value: Any) -> str:
    if value is None:
        return "not set"
    raw = getattr(value, "value", value)
    return table.get(str(raw), str(raw))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def days_phrase(old: date, new: date, *, end: bool) -> str:
    """``slips 92 days`` / ``gains 30 days`` for an end date; later/earlier for a start."""
    delta = (new - old).days
    unit = "day" if abs(delta) == 1 else "days"
    if end:
        return f"slips {delta} {unit}" if delta > 0 else f"gains {-delta} {unit}"
    return f"{delta} {unit} later" if delta > 0 else f"{-delta} {unit} earlier"


class _Said:
    """Collects events and remembers which change paths they covered."""

    def __init__(self, changes: list[Change]) -> None:
        self.changes = changes
        self.events: list[Event] = []
        self.covered: set[int] = set()

    def say(self, kind: str, text: str) -> None:
        self.events.append(Event(kind, text))

    def cover(self, test: Callable[[tuple[Any, ...]], bool]) -> None:
        for i, change in enumerate(self.changes):
            if test(change.path[2:]):
                self.covered.add(i)

    def rest(self) -> list[Event]:
        for i, change in enumerate(self.changes):
            if i in self.covered:
                continue
            where = format_relative(change.path) or "the item"
            if isinstance(change.old, list) or isinstance(change.new, list):
                self._list(where, change.old, change.new)
            elif change.kind == "added":
                self.say("field", f"{where} added: {show_value(change.new)}")
            elif change.kind == "removed":
                self.say("field", f"{where} removed (was {show_value(change.old)})")
            else:
                before, after = show_pair(change.old, change.new)
                self.say("field", f"{where}: {before} → {after}")
        return self.events

    def _list(self, where: str, old: Any, new: Any) -> None:
        """A list that changed as a whole, element by element (numbered from 1)."""
        before = old if isinstance(old, list) else []
        after = new if isinstance(new, list) else []
        if not any(isinstance(v, dict) for v in before + after):
            shown = show_pair(before or MISSING, after or MISSING)
            self.say("field", f"{where}: {shown[0]} → {shown[1]}")
            return
        for n in range(1, max(len(before), len(after)) + 1):
            b = before[n - 1] if n <= len(before) else MISSING
            a = after[n - 1] if n <= len(after) else MISSING
            if b is MISSING:
                self.say("field", f"{where} {n} added: {show_value(a, 160)}")
            elif a is MISSING:
                self.say("field", f"{where} {n} removed (was {show_value(b, 160)})")
            elif isinstance(a, dict) and isinstance(b, dict):
                for key in sorted(a.keys() | b.keys()):
                    if a.get(key, MISSING) != b.get(key, MISSING):
                        shown = show_pair(b.get(key, MISSING), a.get(key, MISSING))
                        self.say("field", f"{where} {n}: {key} {shown[0]} → {shown[1]}")
            elif a != b:
                shown = show_pair(b, a)
                self.say("field", f"{where} {n}: {shown[0]} → {shown[1]}")


def _starts(*prefix: Any) -> Callable[[tuple[Any, ...]], bool]:
    return lambda rel: rel[: len(prefix)] == prefix


def describe(
    kind: str, base: Entry | None, head: Entry | None, changes: list[Change], lang: str = "fi"
) -> list[Event]:
    """Plain-word events for one item's changes."""
    said = _Said(changes)
    if base is not None and head is not None and base.file != head.file:
        said.say("moved", f"moved from {base.file} to {head.file}")
    if base is None and head is not None:
        said.say("added", _added_text(kind, head, lang))
        said.cover(lambda rel: True)
        if isinstance(head.model, Meeting):
            for item in head.model.items:
                said.say("decision", _agenda_text(item, lang))
        return said.events
    if head is None and base is not None:
        said.say("removed", f"{SINGULAR.get(kind, kind)} removed")
        said.cover(lambda rel: True)
        return said.events
    assert base is not None and head is not None
    if isinstance(base.model, Measure) and isinstance(head.model, Measure):
        _measure(said, base.model, head.model)
    if isinstance(base.model, Meeting) and isinstance(head.model, Meeting):
        _meeting(said, base.model, head.model, lang)
    return said.rest()


def _added_text(kind: str, entry: Entry, lang: str) -> str:
    model = entry.model
    if isinstance(model, Measure):
        return (
            f"measure {model.code} added: {_word(STATUS_WORDS, model.status)}, {model.progress} %"
        )
    if isinstance(model, Meeting):
        n = len(model.items)
        return (
            f"meeting of {model.body} on {model.date.isoformat()} added with {n} agenda "
            f"item{'s' if n != 1 else ''}"
        )
    return f"{SINGULAR.get(kind, kind)} added"


def _measure(said: _Said, old: Measure, new: Measure) -> None:
    if old.status != new.status:
        said.say(
            "status",
            f"status: {_word(STATUS_WORDS, old.status)} → {_word(STATUS_WORDS, new.status)}",
        )
    said.cover(_starts("status"))
    if old.health != new.health:
        said.say(
            "health",
            f"health: {_word(HEALTH_WORDS, old.health)} → {_word(HEALTH_WORDS, new.health)}",
        )
    said.cover(_starts("health"))
    if old.progress != new.progress:
        said.say("progress", f"progress: {old.progress} % → {new.progress} %")
    said.cover(_starts("progress"))
    for name, label in _SCHEDULE:
        before, after = getattr(old.schedule, name), getattr(new.schedule, name)
        if before == after:
            continue
        if before is not None and after is not None:
            phrase = days_phrase(before, after, end=name.endswith("end"))
            said.say("schedule", f"{label}: {before.isoformat()} → {after.isoformat()} ({phrase})")
        elif after is not None:
            said.say("schedule", f"{label} set to {after.isoformat()}")
        else:
            said.say("schedule", f"{label} removed (was {before.isoformat()})")
    said.cover(_starts("schedule"))
    _indicator_values(said, old, new)
    _updates(said, old.updates, new.updates)


def _indicator_values(said: _Said, old: Measure, new: Measure) -> None:
    before = {o.date: o for o in (old.indicator.values if old.indicator else [])}
    after = {o.date: o for o in (new.indicator.values if new.indicator else [])}
    unit = f" {new.indicator.unit}" if new.indicator and new.indicator.unit else ""
    for day in sorted(before.keys() | after.keys()):
        b, a = before.get(day), after.get(day)
        if b is None and a is not None:
            said.say(
                "indicator",
                f"indicator value for {day.isoformat()} added: {_number(a.value)}{unit}",
            )
        elif a is None and b is not None:
            said.say(
                "indicator",
                f"indicator value for {day.isoformat()} removed (was {_number(b.value)}{unit})",
            )
        elif a is not None and b is not None and a.value != b.value:
            said.say(
                "indicator",
                f"indicator value for {day.isoformat()} corrected: "
                f"{_number(b.value)} → {_number(a.value)}{unit}",
            )
    if before.keys() != after.keys() or any(
        before[d].value != after[d].value for d in before.keys() & after.keys()
    ):
        said.cover(_value_path)


def _value_path(rel: tuple[Any, ...]) -> bool:
    if rel[:2] != ("indicator", "values"):
        return False
    # An added or removed observation, or a corrected value; other fields stay generic.
    return len(rel) == 3 or (len(rel) == 4 and rel[3] == "value") or len(rel) == 2


def new_updates(old: list[UpdateEntry], new: list[UpdateEntry]) -> list[UpdateEntry]:
    """Update-log entries in *new* that *old* does not have."""
    remaining = list(old)
    out = []
    for entry in new:
        if entry in remaining:
            remaining.remove(entry)
        else:
            out.append(entry)
    return out


def _update_text(entry: UpdateEntry) -> str:
    return f": {show_value(text_of(entry.note))}" if entry.note else " (no note)"


def _updates(said: _Said, old: list[UpdateEntry], new: list[UpdateEntry]) -> None:
    old_by = {u.date: u for u in old}
    new_by = {u.date: u for u in new}
    if len(old_by) == len(old) and len(new_by) == len(new):
        for day in sorted(old_by.keys() | new_by.keys()):
            b, a = old_by.get(day), new_by.get(day)
            if b is None and a is not None:
                said.say("update", f"update-log entry {day.isoformat()} added{_update_text(a)}")
            elif a is None:
                said.say("update", f"update-log entry {day.isoformat()} removed")
            elif a != b:
                said.say("update", f"update-log entry {day.isoformat()} changed{_update_text(a)}")
    else:
        for entry in new_updates(old, new):
            said.say(
                "update", f"update-log entry {entry.date.isoformat()} added{_update_text(entry)}"
            )
        for entry in new_updates(new, old):
            said.say("update", f"update-log entry {entry.date.isoformat()} removed or rewritten")
    said.cover(_starts("updates"))


def _agenda_text(item: AgendaItem, lang: str) -> str:
    text = f"§{item.section} {show_value(text_of(item.title, lang))}"
    if item.resolution is not None:
        text += f": {_word(RESOLUTION_WORDS, item.resolution)}"
    if item.decision is not None:
        text += f" — decision {show_value(text_of(item.decision, lang))}"
    return text


def _section_is(section: int) -> Callable[[tuple[Any, ...]], bool]:
    return lambda rel: rel == ("items", Key("section", section))


def _decision_of(section: int) -> Callable[[tuple[Any, ...]], bool]:
    return lambda rel: (
        rel[:2] == ("items", Key("section", section))
        and len(rel) >= 3
        and rel[2] in ("decision", "resolution")
    )


def _meeting(said: _Said, old: Meeting, new: Meeting, lang: str) -> None:
    before = {i.section: i for i in old.items}
    after = {i.section: i for i in new.items}
    for section in sorted(before.keys() | after.keys()):
        b, a = before.get(section), after.get(section)
        if b is None and a is not None:
            said.say("decision", "agenda item added: " + _agenda_text(a, lang))
            said.cover(_section_is(section))
        elif a is None and b is not None:
            said.say("decision", f"agenda item §{section} removed")
            said.cover(_section_is(section))
        elif (
            a is not None
            and b is not None
            and (a.resolution != b.resolution or a.decision != b.decision)
        ):
            said.say("decision", "decision recorded: " + _agenda_text(a, lang))
            said.cover(_decision_of(section))
        if a is not None and b is not None and a.actions != b.actions:
            _actions(said, section, b.actions, a.actions, lang)
            said.cover(_actions_of(section))


def _actions_of(section: int) -> Callable[[tuple[Any, ...]], bool]:
    return lambda rel: rel[:3] == ("items", Key("section", section), "actions")


def _actions(said: _Said, section: int, old: list[Action], new: list[Action], lang: str) -> None:
    """Each follow-up action that changed, by its number in the §, in words."""
    for number in range(1, max(len(old), len(new)) + 1):
        b = old[number - 1] if number <= len(old) else None
        a = new[number - 1] if number <= len(new) else None
        where = f"§ {section} action {number}"
        if b is None and a is not None:
            due = f" (due {a.due.isoformat()})" if a.due else ""
            said.say("action", f"{where} added: {show_value(text_of(a.what, lang))}{due}")
            continue
        if a is None or b is None:
            said.say("action", f"{where} removed")
            continue
        if a.done != b.done:
            day = f" {a.done_date.isoformat()}" if a.done and a.done_date else ""
            said.say("action", f"{where}: open -> done{day}" if a.done else f"{where}: reopened")
        elif a.done_date != b.done_date:
            said.say("action", f"{where}: done date {b.done_date} -> {a.done_date}")
        if a.due != b.due:
            said.say("action", f"{where}: due {b.due} -> {a.due}")
        for field in ("what", "responsible", "assignee", "note"):
            before, after = getattr(b, field), getattr(a, field)
            if before != after:
                shown = show_pair(text_of(before, lang), text_of(after, lang))
                said.say("action", f"{where}: {field} {shown[0]} → {shown[1]}")
