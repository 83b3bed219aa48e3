"""Review hints: changes that are allowed but deserve a second look before merging.

- RV01 a measure marked completed without an update-log entry that says so;
- RV02 progress going down;
- RV03 the planned end moved without an update-log note explaining why;
- RV04 a measure changed by nobody among its contacts or its responsible body's
  members (only when they are given: names or e-mails to compare with the authors).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ictgov.diff.model import Hint
from ictgov.diff.words import new_updates
from ictgov.model import Body, Measure, Status

Author = tuple[str, str]


@dataclass
class ReviewContext:
    """What hints need beyond the two versions of an item."""

    #: Bodies of the new version, by id (for the responsible body's members).
    bodies: dict[str, Body] = field(default_factory=dict)
    #: Commit authors (name, e-mail) per file; None when unknown.
    authors: dict[str, set[Author]] | None = None


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
                "marked completed without an update-log note; add an entry under 'updates' "
                "that says what was delivered",
            )
        )
    if new.progress < old.progress:
        out.append(
            Hint(
                "RV02",
                "review.progress-down",
                f"progress went down ({old.progress} % → {new.progress} %); is this a "
                "correction? say so in an update-log note",
            )
        )
    before, after = old.schedule.planned_end, new.schedule.planned_end
    if before is not None and before != after and not _noted(old, new):
        out.append(
            Hint(
                "RV03",
                "review.end-moved-without-note",
                "the planned end moved without an update-log note; add an entry that explains why",
            )
        )
    if context.authors is not None:
        allowed = signers(new, context.bodies)
        authors = set().union(*(context.authors.get(f, set()) for f in files))
        if allowed and authors and not _signed(authors, allowed):
            names = ", ".join(sorted(name or email for name, email in authors))
            body = f" or members of {new.responsible}" if _named_members(new, context) else ""
            out.append(
                Hint(
                    "RV04",
                    "review.unsigned-change",
                    f"changed by {names}, who is not among the measure's contacts{body}; "
                    "ask one of them to confirm the change",
                )
            )
    return out
