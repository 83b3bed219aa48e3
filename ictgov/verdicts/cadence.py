"""Whether a governance body meets as often, and when, as its cadence promises.

A meeting counts in the calendar year of its date, and only once it has happened
(on or before today). A body is judged from its *start*: the day it was
``established``; without it, the first day of the strategy period; without a period,
its first recorded meeting (a body with neither is not judged); a cadence that applies
only ``since`` a later day, from that day. Its first year asks
for a share of the yearly minimum as large as the part of the year left (rounded).

Each judged year is *met*, *missed* (over, fewer than the minimum), *behind* (still
running, fewer than the minimum pro rata by today, rounded down) or *pending* (still
running, not behind). More meetings than the maximum of a range (``2-4``) is noted
(``over``), never a failure. A ``timing`` window (e.g. months [2, 3] for the financial
statements) is missed when it has ended with no meeting in its months. A body with no
meeting at all since its start, once its cadence expected one, has *never met*.

The governance page, the annual report, the morning view (``status``, the overview
page) and lint FU04 all read these judgements.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ictgov.model import Body, Meeting, Period
from ictgov.model.body import Window


class CadenceState(StrEnum):
    """Whether a body met as often as its cadence asks in one year."""

    MET = "met"
    MISSED = "missed"
    #: The year is running and the body is short of its minimum pro rata by today.
    BEHIND = "behind"
    #: The year is not over and the body is on pace: not a failure yet.
    PENDING = "pending"


class Concern(StrEnum):
    """Why a body is in the morning view's attention list, most serious first."""

    NEVER_MET = "never_met"
    MISSED = "missed"
    MISSED_WINDOW = "missed_window"
    BEHIND = "behind"


@dataclass(frozen=True, slots=True)
class CadenceYear:
    """One body's meetings in one calendar year against its cadence."""

    body_id: str
    year: int
    required: int
    held: int
    state: CadenceState
    #: The most a range allows (``2-4`` -> 4), if the cadence gives one.
    most: int | None = None
    #: How many the body should have held by today (pro rata) in a running year.
    expected: int = 0
    #: ``timing`` windows of this year that ended with no meeting in them.
    missed_windows: tuple[Window, ...] = ()

    @property
    def missing(self) -> int:
        """How many meetings short of the cadence (0 when met)."""
        return max(0, self.required - self.held)

    @property
    def over(self) -> bool:
        """More meetings than the range allows: worth a note, never a failure."""
        return self.most is not None and self.held > self.most


@dataclass(frozen=True, slots=True)
class BodyConcern:
    """A body the morning view lists: what is wrong, in which year, with the numbers."""

    body_id: str
    concern: Concern
    year: int
    required: int
    held: int
    #: From when the body is judged (``never_met``: no meeting since this day).
    since: date
    #: The missed window (``missed_window`` only).
    window: Window | None = None


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


def body_start(body: Body, period: Period | None, held: Iterable[date]) -> date | None:
    """From when *body* is judged: established, else the period's start, else first meeting.

    A cadence that applies only ``since`` a later day is judged from that day.
    """
    if body.established is not None:
        start: date | None = body.established
    elif period is not None:
        start = date(period.start, 1, 1)
    else:
        start = min(held, default=None)
    since = body.cadence.since if body.cadence is not None else None
    if since is not None and (start is None or since > start):
        return since
    return start


def _days_in(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def _share(least: int, days: int, year: int) -> float:
    return least * days / _days_in(year)


def judge(
    body_id: str,
    year: int,
    required: int,
    held: int,
    today: date,
    *,
    most: int | None = None,
    expected: int | None = None,
    missed_windows: tuple[Window, ...] = (),
) -> CadenceYear:
    """The state of one body-year: met, missed, or behind or pending while the year runs.

    *expected* is how many the body should have held by today in a running year
    (default: none yet, so a running year short of *required* is pending).
    """
    by_now = expected or 0
    if held >= required:
        state = CadenceState.MET
    elif year < today.year:
        state = CadenceState.MISSED
    elif held < by_now:
        state = CadenceState.BEHIND
    else:
        state = CadenceState.PENDING
    return CadenceYear(body_id, year, required, held, state, most, by_now, missed_windows)


def _window_end(year: int, window: Window) -> date:
    last = max(window.months)
    return date(year, last, calendar.monthrange(year, last)[1])


def missed_windows(
    windows: Iterable[Window], year: int, held: Iterable[date], start: date, today: date
) -> tuple[Window, ...]:
    """The windows of *year* that ended before *today* (and after *start*) unmet."""
    days = tuple(held)
    out = []
    for window in windows:
        end = _window_end(year, window)
        if end >= today or end < start:
            continue
        if not any(d.year == year and d.month in window.months and d >= start for d in days):
            out.append(window)
    return tuple(out)


def _judge_body(
    body: Body, held: tuple[date, ...], start: date, years: Iterable[int], today: date
) -> tuple[CadenceYear, ...]:
    assert body.cadence is not None
    least, most = body.cadence.least, body.cadence.most
    out = []
    for year in years:
        if year < start.year:
            continue
        begin = max(start, date(year, 1, 1))
        end = date(year, 12, 31)
        required = least
        if begin > date(year, 1, 1):  # the first year asks for its share
            required = int(_share(least, (end - begin).days + 1, year) + 0.5)
        expected = 0
        if year == today.year:
            expected = int(_share(least, max(0, (today - begin).days), year))
        count = sum(1 for d in held if d.year == year)
        windows = missed_windows(body.cadence.timing, year, held, start, today)
        out.append(
            judge(
                body.id,
                year,
                required,
                count,
                today,
                most=most,
                expected=min(expected, required),
                missed_windows=windows,
            )
        )
    return tuple(out)


def _held(meetings: Iterable[Meeting], today: date) -> dict[str, tuple[date, ...]]:
    out: dict[str, list[date]] = defaultdict(list)
    for meeting in meetings:
        if meeting.date <= today:
            out[meeting.body].append(meeting.date)
    return {body: tuple(sorted(days)) for body, days in out.items()}


def cadence_status(
    bodies: Iterable[Body],
    meetings: Iterable[Meeting],
    period: Period | None,
    today: date,
    years: Iterable[int] | None = None,
) -> dict[str, tuple[CadenceYear, ...]]:
    """Body id -> the judgement of each year (*years*, else the judged years).

    Only bodies with a cadence are judged, each from its start (see the module).
    """
    meetings = tuple(meetings)
    held = _held(meetings, today)
    judged = tuple(years) if years is not None else cadence_years(period, meetings, today)
    out: dict[str, tuple[CadenceYear, ...]] = {}
    for body in bodies:
        if body.cadence is None:
            continue
        mine = held.get(body.id, ())
        start = body_start(body, period, mine)
        if start is None:
            out[body.id] = ()
            continue
        mine_years = judged
        if years is None and period is None:
            mine_years = tuple(range(start.year, today.year + 1))
        out[body.id] = _judge_body(body, mine, start, mine_years, today)
    return out


def never_met_since(
    body: Body, meetings: Iterable[Meeting], period: Period | None, today: date
) -> date | None:
    """The start of a body that has held no meeting since it, once one was due; else None.

    A meeting is due once the body's minimum pro rata since its start reaches one
    (a body meeting twice a year is not blamed in its first half-year).
    """
    if body.cadence is None:
        return None
    start = body_start(body, period, ())
    if start is None or start > today:
        return None
    if any(m.body == body.id and start <= m.date <= today for m in meetings):
        return None
    if body.cadence.least * (today - start).days / 365 < 1:
        return None
    return start


def concerns(
    bodies: Iterable[Body],
    meetings: Iterable[Meeting],
    period: Period | None,
    today: date,
) -> tuple[BodyConcern, ...]:
    """What the morning view lists about governance, most serious first.

    A body that never met is listed once for that; otherwise last year missed, a
    window of last year or this year missed, and this year behind.
    """
    bodies = tuple(bodies)
    meetings = tuple(meetings)
    status = cadence_status(bodies, meetings, period, today)
    out: list[BodyConcern] = []
    for body in bodies:
        years = status.get(body.id, ())
        since = never_met_since(body, meetings, period, today)
        if since is not None:
            held = sum(y.held for y in years)
            required = sum(y.required for y in years if y.year < today.year)
            out.append(BodyConcern(body.id, Concern.NEVER_MET, today.year, required, held, since))
            continue
        start = body_start(body, period, (m.date for m in meetings if m.body == body.id))
        if start is None:
            continue
        for judged in years:
            if judged.year < today.year - 1:
                continue
            if judged.state is CadenceState.MISSED:
                out.append(
                    BodyConcern(
                        body.id, Concern.MISSED, judged.year, judged.required, judged.held, start
                    )
                )
            for window in judged.missed_windows:
                out.append(
                    BodyConcern(
                        body.id,
                        Concern.MISSED_WINDOW,
                        judged.year,
                        judged.required,
                        judged.held,
                        start,
                        window,
                    )
                )
            if judged.state is CadenceState.BEHIND:
                out.append(
                    BodyConcern(
                        body.id, Concern.BEHIND, judged.year, judged.expected, judged.held, start
                    )
                )
    order = list(Concern)
    out.sort(key=lambda c: (order.index(c.concern), c.year, c.body_id))
    return tuple(out)
