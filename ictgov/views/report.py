"""Page-level views: a measure's or goal's full story, owners, organisations, decisions.

The reports show who answers for what, what each organisation takes part in, and
the register of decisions.

Everything a page shows is resolved here (ids to entities, reverse dependencies,
schedule against today), so templates only lay it out and every format agrees.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ictgov.load import Tree
from ictgov.model import (
    Action,
    AgendaItem,
    Body,
    Direction,
    Entity,
    Goal,
    Indicator,
    Measure,
    Meeting,
    Member,
    Observation,
    Organisation,
    Status,
    UpdateEntry,
    ValuePromise,
)
from ictgov.verdicts.actions import days_late
from ictgov.verdicts.measures import CLOSED, days_finished_late, is_overdue
from ictgov.verdicts.participation import default_participants, participant_ids
from ictgov.verdicts.references import EntityKind
from ictgov.verdicts.references import kind_of as entity_kind
from ictgov.views.decisions import DecisionRef, decisions_by_concern
from ictgov.views.governance import LEVEL_ORDER
from ictgov.views.overview import GoalView, MeasureView, Overview, code_key


class ScheduleState(StrEnum):
    """Where a measure stands against its planned dates today."""

    UNSCHEDULED = "unscheduled"
    NOT_STARTED = "not_started"
    LATE_START = "late_start"
    ON_SCHEDULE = "on_schedule"
    OVERDUE = "overdue"
    FINISHED_ON_TIME = "finished_on_time"
    FINISHED_LATE = "finished_late"
    ON_HOLD = "on_hold"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference by id, resolved: the kind of thing it names (or None if unknown)."""

    id: str
    kind: str | None
    entity: Entity | None


@dataclass(frozen=True)
class SeriesView:
    """A quantitative indicator: its values in date order and how far they got."""

    indicator: Indicator
    values: tuple[Observation, ...]
    latest: Observation | None
    #: True/False once there is a value and a target with a direction; else None.
    target_reached: bool | None

    @property
    def quantitative(self) -> bool:
        """Whether there are numbers to chart."""
        return bool(self.values or self.indicator.baseline or self.indicator.target)


@dataclass(frozen=True)
class MeasureDetail:
    """Everything the page of one measure shows."""

    view: MeasureView
    goals: tuple[Goal, ...]
    responsible: Ref | None
    followed_by: Ref | None
    participants: tuple[Ref, ...]
    #: True when the measure names no participants and so involves every member.
    all_members: bool
    depends_on: tuple[Ref, ...]
    projects: tuple[Ref, ...]
    required_by: tuple[Measure, ...]
    decisions: tuple[DecisionRef, ...]
    schedule: ScheduleState
    #: Share of the planned time gone by today (0-1), when the plan has both ends.
    time_elapsed: float | None
    updates: tuple[UpdateEntry, ...]
    series: SeriesView | None

    @property
    def measure(self) -> Measure:
        """The measure."""
        return self.view.measure


@dataclass(frozen=True)
class GoalDetail:
    """Everything the page of one goal shows."""

    view: GoalView
    value_promises: tuple[ValuePromise, ...]
    attention: tuple[MeasureView, ...]
    decisions: tuple[DecisionRef, ...]
    series: SeriesView | None

    @property
    def goal(self) -> Goal:
        """The goal."""
        return self.view.goal


@dataclass(frozen=True)
class Responsibility:
    """A body or organisation with the measures it does and the ones it follows up."""

    owner: Ref
    responsible: tuple[MeasureView, ...]
    follows: tuple[MeasureView, ...]


@dataclass(frozen=True)
class OrganisationPage:
    """One organisation: the measures it takes part in or answers for, its seats."""

    organisation: Organisation
    participates: tuple[MeasureView, ...]
    responsible: tuple[MeasureView, ...]
    #: (body, seat) for every seat the organisation holds in a body.
    seats: tuple[tuple[Body, Member], ...]


@dataclass(frozen=True)
class ActionState:
    """A follow-up action with its number and state: open, late by N days, or done."""

    number: int
    action: Action
    #: Days past the due date (0 when done, undated or not yet due: ``verdicts.actions``).
    days_late: int

    @property
    def state(self) -> str:
        """``done``, ``overdue`` or ``open``."""
        if self.action.done:
            return "done"
        return "overdue" if self.days_late > 0 else "open"


@dataclass(frozen=True)
class RegisterItem:
    """One agenda item in the register, with what it concerns resolved."""

    meeting: Meeting
    item: AgendaItem
    concerns: tuple[Ref, ...]
    actions: tuple[ActionState, ...] = ()


def action_states(item: AgendaItem, today: date) -> tuple[ActionState, ...]:
    """The item's actions, numbered from 1 as ``ictgov action done`` takes them."""
    return tuple(
        ActionState(n, action, days_late(action, today)) for n, action in enumerate(item.actions, 1)
    )


@dataclass(frozen=True)
class BodyRegister:
    """The meetings of one body, newest first, with their items."""

    body: Ref
    meetings: tuple[tuple[Meeting, tuple[RegisterItem, ...]], ...]


def kind_of(entity: object) -> str | None:
    """The page kind of an entity, for links: measure, goal, body ... (None: no page)."""
    kind = entity_kind(entity)
    return None if kind is None or kind is EntityKind.STAKEHOLDER_GROUP else kind.value


def resolve(tree: Tree, entity_id: str) -> Ref:
    """Resolve an id to whatever it names; unknown ids stay as text."""
    entity = tree.get(entity_id)
    return Ref(entity_id, kind_of(entity), entity)


def series_view(indicator: Indicator | None) -> SeriesView | None:
    """The chartable part of an indicator, or None when it has no indicator."""
    if indicator is None:
        return None
    values = tuple(sorted(indicator.values, key=lambda o: o.date))
    latest = values[-1] if values else None
    reached: bool | None = None
    if latest is not None and indicator.target is not None and indicator.direction is not None:
        goal = indicator.target.value
        reached = (
            latest.value >= goal
            if indicator.direction == Direction.HIGHER
            else (latest.value <= goal)
        )
    return SeriesView(indicator, values, latest, reached)


def schedule_state(measure: Measure, today: date) -> ScheduleState:
    """The measure's schedule against today."""
    plan = measure.schedule
    if measure.status == Status.COMPLETED:
        if days_finished_late(measure):
            return ScheduleState.FINISHED_LATE
        return ScheduleState.FINISHED_ON_TIME
    if is_overdue(measure, today):  # on hold past its end too, as status and lint say
        return ScheduleState.OVERDUE
    if measure.status == Status.ON_HOLD:  # paused, not closed: it may well resume
        return ScheduleState.ON_HOLD
    if measure.status in CLOSED:
        return ScheduleState.CLOSED
    if plan.planned_start is None and plan.planned_end is None:
        return ScheduleState.UNSCHEDULED
    if measure.status == Status.PLANNED:
        if plan.planned_start is not None and plan.planned_start < today:
            return ScheduleState.LATE_START
        return ScheduleState.NOT_STARTED
    return ScheduleState.ON_SCHEDULE


def time_elapsed(measure: Measure, today: date) -> float | None:
    """Share of the planned duration gone by today, clamped to 0-1."""
    start, end = measure.schedule.planned_start, measure.schedule.planned_end
    if start is None or end is None or end <= start:
        return None
    share = (today - start).days / (end - start).days
    return min(1.0, max(0.0, share))


def member_organisations(tree: Tree) -> tuple[Organisation, ...]:
    """Who takes part when a measure names no participants: the lead and the members."""
    return default_participants(tree.organisations)


def measure_details(tree: Tree, overview: Overview) -> dict[str, MeasureDetail]:
    """The detail of every measure, by id, computed in one pass over the tree."""
    decisions = decisions_by_concern(tree)
    required_by: dict[str, list[Measure]] = defaultdict(list)
    for view in overview.measures:
        for dep in view.measure.depends_on.measures:
            required_by[dep].append(view.measure)
    members = tuple(Ref(o.id, "organisation", o) for o in member_organisations(tree))
    out: dict[str, MeasureDetail] = {}
    for view in overview.measures:
        m = view.measure
        named = m.participants is not None
        out[m.id] = MeasureDetail(
            view=view,
            goals=tuple(g for g in (tree.goal_by_id.get(i) for i in m.goals) if g is not None),
            responsible=resolve(tree, m.responsible) if m.responsible else None,
            followed_by=resolve(tree, m.followed_by) if m.followed_by else None,
            participants=tuple(resolve(tree, i) for i in m.participants or ())
            if named
            else members,
            all_members=not named,
            depends_on=tuple(resolve(tree, i) for i in m.depends_on.measures),
            projects=tuple(resolve(tree, i) for i in m.depends_on.projects),
            required_by=tuple(sorted(required_by.get(m.id, ()), key=lambda x: code_key(x.code))),
            decisions=tuple(decisions.get(m.id, ())),
            schedule=schedule_state(m, overview.today),
            time_elapsed=time_elapsed(m, overview.today),
            updates=tuple(sorted(m.updates, key=lambda u: u.date, reverse=True)),
            series=series_view(m.indicator),
        )
    return out


def goal_details(tree: Tree, overview: Overview) -> dict[str, GoalDetail]:
    """The detail of every goal, by id."""
    decisions = decisions_by_concern(tree)
    promises = {p.id: p for p in (tree.strategy.value_promises if tree.strategy else [])}
    out: dict[str, GoalDetail] = {}
    for gv in overview.goals:
        mine = {v.id for v in gv.measures}
        out[gv.goal.id] = GoalDetail(
            view=gv,
            value_promises=tuple(promises[p] for p in gv.goal.value_promises if p in promises),
            attention=tuple(v for v in overview.attention if v.id in mine),
            decisions=tuple(decisions.get(gv.goal.id, ())),
            series=series_view(gv.goal.indicator),
        )
    return out


def responsibilities(tree: Tree, overview: Overview) -> tuple[Responsibility, ...]:
    """Each owner (bodies by level, then organisations, then unknown ids) and its measures."""
    doing: dict[str, list[MeasureView]] = defaultdict(list)
    following: dict[str, list[MeasureView]] = defaultdict(list)
    for view in overview.measures:
        if view.measure.responsible:
            doing[view.measure.responsible].append(view)
        if view.measure.followed_by:
            following[view.measure.followed_by].append(view)
    order: list[str] = []
    for level in LEVEL_ORDER:
        order.extend(b.id for b in tree.bodies if b.level == level)
    order.extend(o.id for o in tree.organisations)
    order.extend(sorted((set(doing) | set(following)) - set(order)))
    out = []
    for owner in dict.fromkeys(order):
        if owner in doing or owner in following:
            out.append(
                Responsibility(
                    resolve(tree, owner),
                    tuple(doing.get(owner, ())),
                    tuple(following.get(owner, ())),
                )
            )
    return tuple(out)


def organisation_pages(tree: Tree, overview: Overview) -> tuple[OrganisationPage, ...]:
    """One page per organisation: participation, responsibility and seats in bodies."""
    taking_part = {v.id: participant_ids(v.measure, tree.organisations) for v in overview.measures}
    out = []
    for org in tree.organisations:
        participates = tuple(v for v in overview.measures if org.id in taking_part[v.id])
        responsible = tuple(v for v in overview.measures if v.measure.responsible == org.id)
        seats = tuple(
            (body, member)
            for body in tree.bodies
            for member in body.members
            if member.organisation == org.id
        )
        out.append(OrganisationPage(org, participates, responsible, seats))
    return tuple(out)


def meeting_register(tree: Tree, today: date) -> tuple[BodyRegister, ...]:
    """Meetings by body (bodies in level order, then unknown ones), newest first."""
    by_body: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in tree.meetings:
        by_body[meeting.body].append(meeting)
    order = [b.id for level in LEVEL_ORDER for b in tree.bodies if b.level == level]
    order.extend(sorted(set(by_body) - set(order)))
    out = []
    for body_id in order:
        meetings = sorted(by_body.get(body_id, ()), key=lambda m: (m.date, m.id), reverse=True)
        if not meetings:
            continue
        rows = tuple(
            (
                m,
                tuple(
                    RegisterItem(
                        m,
                        item,
                        tuple(resolve(tree, c) for c in item.concerns),
                        action_states(item, today),
                    )
                    for item in sorted(m.items, key=lambda i: i.section)
                ),
            )
            for m in meetings
        )
        out.append(BodyRegister(resolve(tree, body_id), rows))
    return tuple(out)
