"""Changes in plain words: the transitions a reviewer cares about, then the rest.

Status, health and progress read as transitions, schedule moves as a slip or gain in
days, indicator values as added or corrected, agenda items as decisions. Every data
change not said in a special way gets a generic line, so nothing is hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ictgov.diff.entities import Entry, text_of
from ictgov.diff.model import (
    MISSING,
    Change,
    Event,
    Key,
    format_relative,
    show_pair,
    show_value,
)
from ictgov.diff.phrases import (
    HEALTH_WORDS,
    RESOLUTION_WORDS,
    SCHEDULE,
    STATUS_WORDS,
    day,
    days_phrase,
    figure,
    kind_word,
    word,
)
from ictgov.i18n.speak import _, ngettext
from ictgov.model import Action, AgendaItem, Measure, Meeting, UpdateEntry


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
            where = format_relative(change.path) or _("the item")
            if isinstance(change.old, list) or isinstance(change.new, list):
                self._list(where, change.old, change.new)
            elif change.kind == "added":
                self.say(
                    "field",
                    _("{where} added: {value}").format(where=where, value=show_value(change.new)),
                )
            elif change.kind == "removed":
                self.say(
                    "field",
                    _("{where} removed (was {value})").format(
                        where=where, value=show_value(change.old)
                    ),
                )
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
                self.say(
                    "field",
                    _("{where} added: {value}").format(
                        where=f"{where} {n}", value=show_value(a, 160)
                    ),
                )
            elif a is MISSING:
                self.say(
                    "field",
                    _("{where} removed (was {value})").format(
                        where=f"{where} {n}", value=show_value(b, 160)
                    ),
                )
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
        said.say("moved", _("moved from {old} to {new}").format(old=base.file, new=head.file))
    if base is None and head is not None:
        said.say("added", _added_text(kind, head, lang))
        said.cover(lambda rel: True)
        if isinstance(head.model, Meeting):
            for item in head.model.items:
                said.say("decision", _agenda_text(item, lang))
        return said.events
    if head is None and base is not None:
        said.say("removed", _("{kind} removed").format(kind=kind_word(kind)))
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
        return _("measure {code} added: {status}, {progress} %").format(
            code=model.code, status=word(STATUS_WORDS, model.status), progress=model.progress
        )
    if isinstance(model, Meeting):
        n = len(model.items)
        return ngettext(
            "meeting of {body} on {date} added with {n} agenda item",
            "meeting of {body} on {date} added with {n} agenda items",
            n,
        ).format(body=model.body, date=day(model.date), n=n)
    return _("{kind} added").format(kind=kind_word(kind))


def _measure(said: _Said, old: Measure, new: Measure) -> None:
    if old.status != new.status:
        said.say(
            "status",
            _("status: {old} → {new}").format(
                old=word(STATUS_WORDS, old.status), new=word(STATUS_WORDS, new.status)
            ),
        )
    said.cover(_starts("status"))
    if old.health != new.health:
        said.say(
            "health",
            _("health: {old} → {new}").format(
                old=word(HEALTH_WORDS, old.health), new=word(HEALTH_WORDS, new.health)
            ),
        )
    said.cover(_starts("health"))
    if old.progress != new.progress:
        said.say(
            "progress",
            _("progress: {old} % → {new} %").format(old=old.progress, new=new.progress),
        )
    said.cover(_starts("progress"))
    for name, label in SCHEDULE:
        before, after = getattr(old.schedule, name), getattr(new.schedule, name)
        if before == after:
            continue
        if before is not None and after is not None:
            phrase = days_phrase(before, after, end=name.endswith("end"))
            said.say("schedule", f"{_(label)}: {day(before)} → {day(after)} ({phrase})")
        elif after is not None:
            said.say("schedule", _("{what} set to {date}").format(what=_(label), date=day(after)))
        else:
            said.say(
                "schedule", _("{what} removed (was {date})").format(what=_(label), date=day(before))
            )
    said.cover(_starts("schedule"))
    _indicator_values(said, old, new)
    _updates(said, old.updates, new.updates)


def _indicator_values(said: _Said, old: Measure, new: Measure) -> None:
    before = {o.date: o for o in (old.indicator.values if old.indicator else [])}
    after = {o.date: o for o in (new.indicator.values if new.indicator else [])}
    unit = f" {new.indicator.unit}" if new.indicator and new.indicator.unit else ""
    for when in sorted(before.keys() | after.keys()):
        b, a = before.get(when), after.get(when)
        if b is None and a is not None:
            said.say(
                "indicator",
                _("indicator value for {date} added: {value}").format(
                    date=day(when), value=f"{figure(a.value)}{unit}"
                ),
            )
        elif a is None and b is not None:
            said.say(
                "indicator",
                _("indicator value for {date} removed (was {value})").format(
                    date=day(when), value=f"{figure(b.value)}{unit}"
                ),
            )
        elif a is not None and b is not None and a.value != b.value:
            said.say(
                "indicator",
                _("indicator value for {date} corrected: {old} → {new}").format(
                    date=day(when), old=figure(b.value), new=f"{figure(a.value)}{unit}"
                ),
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
    return f": {show_value(text_of(entry.note))}" if entry.note else _(" (no note)")


def _updates(said: _Said, old: list[UpdateEntry], new: list[UpdateEntry]) -> None:
    old_by = {u.date: u for u in old}
    new_by = {u.date: u for u in new}
    if len(old_by) == len(old) and len(new_by) == len(new):
        for when in sorted(old_by.keys() | new_by.keys()):
            b, a = old_by.get(when), new_by.get(when)
            if b is None and a is not None:
                said.say(
                    "update",
                    _("update-log entry {date} added").format(date=day(when)) + _update_text(a),
                )
            elif a is None:
                said.say("update", _("update-log entry {date} removed").format(date=day(when)))
            elif a != b:
                said.say(
                    "update",
                    _("update-log entry {date} changed").format(date=day(when)) + _update_text(a),
                )
    else:
        for entry in new_updates(old, new):
            said.say(
                "update",
                _("update-log entry {date} added").format(date=day(entry.date))
                + _update_text(entry),
            )
        for entry in new_updates(new, old):
            said.say(
                "update",
                _("update-log entry {date} removed or rewritten").format(date=day(entry.date)),
            )
    said.cover(_starts("updates"))


def _agenda_text(item: AgendaItem, lang: str) -> str:
    text = f"§{item.section} {show_value(text_of(item.title, lang))}"
    if item.resolution is not None:
        text += f": {word(RESOLUTION_WORDS, item.resolution)}"
    if item.decision is not None:
        text += " — " + _("decision {text}").format(text=show_value(text_of(item.decision, lang)))
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
            said.say("decision", _("agenda item added: {item}").format(item=_agenda_text(a, lang)))
            said.cover(_section_is(section))
        elif a is None and b is not None:
            said.say("decision", _("agenda item §{section} removed").format(section=section))
            said.cover(_section_is(section))
        elif (
            a is not None
            and b is not None
            and (a.resolution != b.resolution or a.decision != b.decision)
        ):
            said.say("decision", _("decision recorded: {item}").format(item=_agenda_text(a, lang)))
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
        where = _("§ {section} action {n}").format(section=section, n=number)
        if b is None and a is not None:
            due = " " + _("(due {date})").format(date=day(a.due)) if a.due else ""
            what = show_value(text_of(a.what, lang))
            said.say("action", _("{where} added: {value}").format(where=where, value=what) + due)
            continue
        if a is None or b is None:
            said.say("action", _("{where} removed").format(where=where))
            continue
        if a.done != b.done:
            done = f" {day(a.done_date)}" if a.done and a.done_date else ""
            said.say(
                "action",
                _("{where}: open -> done").format(where=where) + done
                if a.done
                else _("{where}: reopened").format(where=where),
            )
        elif a.done_date != b.done_date:
            said.say(
                "action",
                _("{where}: done date {old} -> {new}").format(
                    where=where, old=day(b.done_date), new=day(a.done_date)
                ),
            )
        if a.due != b.due:
            said.say(
                "action",
                _("{where}: due {old} -> {new}").format(
                    where=where, old=day(b.due), new=day(a.due)
                ),
            )
        for field in ("what", "responsible", "assignee", "note"):
            before, after = getattr(b, field), getattr(a, field)
            if before != after:
                shown = show_pair(text_of(before, lang), text_of(after, lang))
                said.say("action", f"{where}: {field} {shown[0]} → {shown[1]}")
