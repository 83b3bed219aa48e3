"""Governance bodies: who meets how often, and whether the promised cadence was kept.

The cadence check is shared by the governance report and the lint rule about it, so
both count meetings the same way: a meeting counts in the calendar year of its date,
and only once it has happened (date on or before today).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ictgov.load import Tree
from ictgov.model import Body, Level, Meeting, Member

LEVEL_ORDER: tuple[Level, ...] = (Level.STRATEGIC, Level.TACTICAL, Level.OPERATIONAL)


class CadenceState(StrEnum):
    """Whether a body met as often as its cadence asks in one year."""

    MET = "met"
    MISSED = "missed"
    #: The year is not over and the body has not yet met often enough: not a failure yet.
    PENDING = "pending"


@dataclass(frozen=True, slots=True)
class CadenceYear:
    """One body's meetings in one calendar year against its cadence."""

    body_id: str
    year: int
    required: int
    held: int
    state: CadenceState

    @property
    def missing(self) -> int:
        """How many meetings short of the cadence (0 when met)."""
        return max(0, self.required - self.held)


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
    out: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for meeting in tree.meetings:
        if today is not None and meeting.date > today:
            continue
        out[meeting.body][meeting.date.year] += 1
    return {body: dict(sorted(years.items())) for body, years in sorted(out.items())}


def cadence_years(tree: Tree, today: date) -> tuple[int, ...]:
    """Years the cadence is judged for: the strategy period up to this year.

    Without a strategy, the years from the first meeting to this year.
    """
    if tree.strategy is not None:
        first, last = tree.strategy.period.start, tree.strategy.period.end
    else:
        held = [m.date.year for m in tree.meetings if m.date <= today]
        if not held:
            return ()
        first, last = min(held), today.year
    return tuple(range(first, min(last, today.year) + 1))


def judge(body_id: str, year: int, required: int, held: int, today: date) -> CadenceYear:
    """The state of one body-year: met, missed, or pending while the year runs."""
    if held >= required:
        state = CadenceState.MET
    elif year >= today.year:
        state = CadenceState.PENDING
    else:
        state = CadenceState.MISSED
    return CadenceYear(body_id, year, required, held, state)


def cadence_status(
    tree: Tree, today: date, years: Iterable[int] | None = None
) -> dict[str, tuple[CadenceYear, ...]]:
    """Body id -> the cadence judgement of each year, for bodies that have a cadence.

    A body is judged from the year of its first recorded meeting on: it is not
    blamed for years before it existed (or before its minutes were recorded here).
    The lint rule FU04 reports the years this judges missed, so both always agree.
    """
    counts = meetings_per_year(tree, today)
    judged = tuple(years) if years is not None else cadence_years(tree, today)
    out: dict[str, tuple[CadenceYear, ...]] = {}
    for body in tree.bodies:
        if body.cadence is None:
            continue
        held = counts.get(body.id, {})
        first = min(held) if held else None
        required = body.cadence.meetings_per_year
        out[body.id] = tuple(
            judge(body.id, y, required, held.get(y, 0), today)
            for y in judged
            if first is not None and y >= first
        )
    return out


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
