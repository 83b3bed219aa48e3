"""Review hints: changes that are allowed but deserve a second look before merging.

- RV01 a measure marked completed without an update-log entry that says so;
- RV02 progress going down;
- RV03 the planned end moved without an update-log note explaining why;
- RV04 a measure changed by nobody among its contacts or its responsible body's
  members (only when they are given: names or e-mails to compare with the authors);
- RV05 an update-log entry or indicator value added (or rewritten) with a date after
  today: a report records what has happened, so the value is probably misdated (lint
  refuses it later as DT04; the hint says so while the change is still under review).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ictgov.diff.model import Hint
from ictgov.diff.phrases import day
from ictgov.diff.words import new_updates
from ictgov.i18n.speak import _
from ictgov.model import Body, Goal, Measure, Status

Author = tuple[str, str]


@dataclass
class ReviewContext:
    """What hints need beyond the two versions of an item."""

    #: Bodies of the new version, by id (for the responsible body's members).
    bodies: dict[str, Body] = field(default_factory=dict)
    #: Commit authors (name, e-mail) per file; None when unknown.
    authors: dict[str, set[Author]] | None = None
    #: The reporting date that recorded dates are judged against; None: not judged.
    today: date | None = None


def _noted(old: Measure, new: Measure) -> bool:
    """Whether the change adds an update-log note (a new text, not a rewritten entry)."""
    notes = [entry.note for entry in old.updates]
    return any(e.note and e.note not in notes for e in new_updates(old.updates, new.updates))


def signers(measure: Measure, bodies: dict[str, Body]) -> set[str]:
    """Lower-cased names and e-mails of those who may sign a change to *measure*."""
    out: set[str] = set()
    for contact in measure.contacts:
        out.update(v.strip().casefold() for v in (contact.name, contact.email) if v)
    for body_id in (measure.responsible,):
        body = bodies.get(body_id) if body_id else None
        for member in body.members if body else []:
            out.update(v.strip().casefold() for v in (member.person, member.email) if v)
    return out


def _named_members(measure: Measure, context: ReviewContext) -> bool:
    body = context.bodies.get(measure.responsible) if measure.responsible else None
    return body is not None and any(m.person or m.email for m in body.members)


def _signed(authors: Iterable[Author], allowed: set[str]) -> bool:
    return any(
        (name and name.strip().casefold() in allowed)
        or (email and email.strip().casefold() in allowed)
        for name, email in authors
    )


def measure_hints(
    old: Measure, new: Measure, files: Iterable[str], context: ReviewContext
) -> list[Hint]:
    """Hints for a measure that exists in both versions."""
    out: list[Hint] = []
    if new.status == Status.COMPLETED and old.status != Status.COMPLETED and not _noted(old, new):
        out.append(
            Hint(
                "RV01",
                "review.completed-without-note",
                _(
                    "marked completed without an update-log note; add an entry under 'updates' "
                    "that says what was delivered"
                ),
            )
        )
    if new.progress < old.progress:
        out.append(
            Hint(
                "RV02",
                "review.progress-down",
                _(
                    "progress went down ({old} % → {new} %); is this a correction? say so in "
                    "an update-log note"
                ).format(old=old.progress, new=new.progress),
            )
        )
    before, after = old.schedule.planned_end, new.schedule.planned_end
    if before is not None and before != after and not _noted(old, new):
        out.append(
            Hint(
                "RV03",
                "review.end-moved-without-note",
                _(
                    "the planned end moved without an update-log note; add an entry that "
                    "explains why"
                ),
            )
        )
    if context.authors is not None:
        allowed = signers(new, context.bodies)
        authors = set().union(*(context.authors.get(f, set()) for f in files))
        if allowed and authors and not _signed(authors, allowed):
            names = ", ".join(sorted(name or email for name, email in authors))
            body = (
                _(" or members of {body}").format(body=new.responsible)
                if _named_members(new, context)
                else ""
            )
            out.append(
                Hint(
                    "RV04",
                    "review.unsigned-change",
                    _(
                        "changed by {names}, who is not among the measure's contacts{body}; "
                        "ask one of them to confirm the change"
                    ).format(names=names, body=body),
                )
            )
    return out


def _future_dates(old: Measure | Goal | None, new: Measure | Goal, today: date) -> list[str]:
    """What *new* adds (or rewrites) over *old* that is dated after *today*."""
    found: list[str] = []
    if isinstance(new, Measure):
        before = old.updates if isinstance(old, Measure) else []
        found += [
            _("update-log entry {date}").format(date=day(e.date))
            for e in new_updates(before, new.updates)
            if e.date > today
        ]
    had = {(o.date, o.value) for o in old.indicator.values} if old and old.indicator else set()
    found += [
        _("indicator value for {date}").format(date=day(o.date))
        for o in (new.indicator.values if new.indicator else [])
        if o.date > today and (o.date, o.value) not in had
    ]
    return found


def future_hints(old: Measure | Goal | None, new: Measure | Goal, today: date) -> list[Hint]:
    """RV05 for an item whose change records something on a day after *today*.

    Only what the change adds counts: a value that was already there is lint's
    business (DT04), not this review's.
    """
    found = _future_dates(old, new, today)
    if not found:
        return []
    what = ", ".join(found)
    return [
        Hint(
            "RV05",
            "review.dated-in-future",
            _(
                "dated after today ({today}): {what}; a report records what has happened, so "
                "date it on or before today (a value for a period still running is dated on "
                "the reporting day)"
            ).format(today=day(today), what=what),
        )
    ]
