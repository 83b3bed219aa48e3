"""Governance bodies: who meets how often, and whether the promised cadence was kept.

Whether a cadence was kept is decided by ``ictgov.verdicts.cadence``, which lint FU04
asks too; this view only lays the judgements out by body and level.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ictgov.load import Tree
from ictgov.model import Body, Level, Meeting, Member
from ictgov.verdicts import cadence as verdict
from ictgov.verdicts.cadence import CadenceState, CadenceYear

__all__ = [
    "LEVEL_ORDER",
    "BodyView",
    "CadenceState",
    "CadenceYear",
    "Governance",
    "build_governance",
    "cadence_status",
    "cadence_years",
    "meetings_per_year",
]

LEVEL_ORDER: tuple[Level, ...] = (Level.STRATEGIC, Level.TACTICAL, Level.OPERATIONAL)


@dataclass(frozen=True)
class BodyView:
    """A body with what the governance page shows about it."""

    body: Body
    reports_to: Body | None
    reporting: tuple[Body, ...]
    members: tuple[Member, ...]
    meetings: tuple[Meeting, ...]
    cadence: tuple[CadenceYear, ...]

    @property
    def id(self) -> str:
        """The body's id."""
        return self.body.id


@dataclass(frozen=True)
class Governance:
    """Bodies grouped by level, in the order strategic, tactical, operational."""

    levels: tuple[tuple[Level, tuple[BodyView, ...]], ...]
    years: tuple[int, ...]

    @property
    def bodies(self) -> tuple[BodyView, ...]:
        """Every body, level by level."""
        return tuple(b for _, bodies in self.levels for b in bodies)


def meetings_per_year(tree: Tree, today: date | None = None) -> dict[str, dict[int, int]]:
    """Body id -> year -> number of meetings held (up to *today* when given)."""
    return verdict.meetings_per_year(tree.meetings, today)


def cadence_years(tree: Tree, today: date) -> tuple[int, ...]:
    """Years the cadence is judged for (see ``ictgov.verdicts.cadence``)."""
    period = tree.strategy.period if tree.strategy else None
    return verdict.cadence_years(period, tree.meetings, today)


def cadence_status(
    tree: Tree, today: date, years: Iterable[int] | None = None
) -> dict[str, tuple[CadenceYear, ...]]:
    """Body id -> the verdict on each judged year, for the bodies of *tree*."""
    period = tree.strategy.period if tree.strategy else None
    return verdict.cadence_status(tree.bodies, tree.meetings, period, today, years)


def build_governance(tree: Tree, today: date) -> Governance:
    """The governance page: bodies by level with members, meetings and cadence."""
    by_id = {b.id: b for b in tree.bodies}
    cadence = cadence_status(tree, today)
    meetings: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in sorted(tree.meetings, key=lambda m: (m.date, m.id)):
        meetings[meeting.body].append(meeting)
    reporting: dict[str, list[Body]] = defaultdict(list)
    for body in tree.bodies:
        if body.reports_to:
            reporting[body.reports_to].append(body)
    levels = []
    for level in LEVEL_ORDER:
        views = tuple(
            BodyView(
                body=b,
                reports_to=by_id.get(b.reports_to) if b.reports_to else None,
                reporting=tuple(reporting.get(b.id, ())),
                members=tuple(b.members),
                meetings=tuple(meetings.get(b.id, ())),
                cadence=cadence.get(b.id, ()),
            )
            for b in tree.bodies
            if b.level == level
        )
        if views:
            levels.append((level, views))
    return Governance(tuple(levels), cadence_years(tree, today))
