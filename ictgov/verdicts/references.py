"""Whether an id names an item of the kind a reference may name, and what kind an item is.

Lint RF01 and the command-line filters (``status --goal/--owner``) resolve ids the same
way: an id declared in a file that failed validation counts as existing, so one typo
in a file does not make every reference to its items dangle too.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from ictgov.model import (
    Body,
    Category,
    Goal,
    MajorProject,
    Measure,
    Meeting,
    Organisation,
    Role,
    StakeholderGroup,
    Strategy,
    ValuePromise,
)


class EntityKind(StrEnum):
    """The kinds of item that have an id."""

    STRATEGY = "strategy"
    VALUE_PROMISE = "value_promise"
    GOAL = "goal"
    ORGANISATION = "organisation"
    BODY = "body"
    ROLE = "role"
    PROJECT = "project"
    STAKEHOLDER_GROUP = "stakeholder_group"
    MEASURE = "measure"
    MEETING = "meeting"
    CATEGORY = "category"


_KINDS: dict[type, EntityKind] = {
    Strategy: EntityKind.STRATEGY,
    ValuePromise: EntityKind.VALUE_PROMISE,
    Goal: EntityKind.GOAL,
    Organisation: EntityKind.ORGANISATION,
    Body: EntityKind.BODY,
    Role: EntityKind.ROLE,
    MajorProject: EntityKind.PROJECT,
    StakeholderGroup: EntityKind.STAKEHOLDER_GROUP,
    Measure: EntityKind.MEASURE,
    Meeting: EntityKind.MEETING,
    Category: EntityKind.CATEGORY,
}


def kind_of(entity: object) -> EntityKind | None:
    """The kind of an item (subclasses too), or None for anything else."""
    kind = _KINDS.get(type(entity))
    if kind is not None:
        return kind
    return next((k for cls, k in _KINDS.items() if isinstance(entity, cls)), None)


class Target(StrEnum):
    """What a reference may name; the value is how messages say it."""

    GOAL = "goal"
    VALUE_PROMISE = "value promise"
    BODY = "body"
    ORGANISATION = "organisation"
    PARTY = "body or organisation"
    MEASURE = "measure"
    PROJECT = "project"
    MEETING = "meeting"
    CATEGORY = "category"
    ITEM = "item"


_TARGET_KINDS: dict[Target, frozenset[EntityKind]] = {
    Target.GOAL: frozenset({EntityKind.GOAL}),
    Target.VALUE_PROMISE: frozenset({EntityKind.VALUE_PROMISE}),
    Target.BODY: frozenset({EntityKind.BODY}),
    Target.ORGANISATION: frozenset({EntityKind.ORGANISATION}),
    Target.PARTY: frozenset({EntityKind.BODY, EntityKind.ORGANISATION}),
    Target.MEASURE: frozenset({EntityKind.MEASURE}),
    Target.PROJECT: frozenset({EntityKind.PROJECT}),
    Target.MEETING: frozenset({EntityKind.MEETING}),
    Target.CATEGORY: frozenset({EntityKind.CATEGORY}),
    Target.ITEM: frozenset(EntityKind),
}


@dataclass(frozen=True)
class Targets:
    """The ids each kind of reference may name, and the ids of unvalidated files."""

    ids: Mapping[Target, frozenset[str]]
    unvalidated: frozenset[str] = frozenset()

    def known(self, target: Target) -> frozenset[str]:
        """The ids a reference of this kind may name (validated items only)."""
        return self.ids[target]

    def resolves(self, value: str, target: Target) -> bool:
        """Whether *value* names an item of the kind, or one in a file that failed."""
        return value in self.ids[target] or value in self.unvalidated


def targets(entities: Iterable[object], unvalidated: Iterable[str] = ()) -> Targets:
    """Index every item's id by the kinds of reference that may name it."""
    by_kind: dict[EntityKind, set[str]] = {k: set() for k in EntityKind}
    for entity in entities:
        kind = kind_of(entity)
        if kind is not None:
            by_kind[kind].add(str(getattr(entity, "id", "")))
    ids = {
        target: frozenset().union(*(by_kind[k] for k in kinds))
        for target, kinds in _TARGET_KINDS.items()
    }
    return Targets(ids, frozenset(unvalidated))


def closest(value: str, known: Iterable[str]) -> str | None:
    """The known id closest to *value* in spelling, or None when none is close.

    Only the id: the caller says it in the reader's language.
    """
    candidates = sorted(known)  # the best match does not depend on the order (ties by text)
    if len(candidates) > 5000:  # keep a typo in a 20,000-measure tree cheap to report
        candidates = [c for c in candidates if c[:2] == value[:2]][:5000]
    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return close[0] if close else None
