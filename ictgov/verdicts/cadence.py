"""Whether a governance body met as often as its cadence promises, year by year.

A meeting counts in the calendar year of its date, and only once it has happened
(on or before today). A body is judged from the year of its first recorded meeting
on: it is not blamed for years before it existed (or before its minutes were kept
here). A year still running is *pending*, not missed, until it ends. The governance
page, the annual report and lint FU04 all read these judgements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ictgov.model import Body, Meeting, Period


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


def meetings_per_year(
    meetings: Iterable[Meeting], today: date | None = None
) -> dict[str, dict[int, int]]:
    """Body id -> year -> number of meetings held (up to *today* when given)."""
    out: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for meeting in meetings:
        if today is not None and meeting.date > today:
            continue
        out[meeting.body][meeting.date.year] += 1
    return {body: dict(sorted(years.items())) for body, years in sorted(out.items())}


def cadence_years(
    period: Period | None, meetings: Iterable[Meeting], today: date
) -> tuple[int, ...]:
    """Years the cadence is judged for: the strategy period up to this year.

    Without a strategy period, the years from the first meeting held to this year.
    """
    if period is not None:
        first, last = period.start, period.end
    else:
        held = [m.date.year for m in meetings if m.date <= today]
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
    bodies: Iterable[Body],
    meetings: Iterable[Meeting],
    period: Period | None,
    today: date,
    years: Iterable[int] | None = None,
) -> dict[str, tuple[CadenceYear, ...]]:
    """Body id -> the judgement of each year (*years*, else the judged years).

    Only bodies with a cadence are judged, each from its first recorded meeting on.
    """
    meetings = tuple(meetings)
    counts = meetings_per_year(meetings, today)
    judged = tuple(years) if years is not None else cadence_years(period, meetings, today)
    out: dict[str, tuple[CadenceYear, ...]] = {}
    for body in bodies:
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
