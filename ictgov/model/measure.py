"""A measure (toimenpide): an action that implements one or more strategic goals."""

from __future__ import annotations

from pydantic import Field

from ictgov.model.base import (
    PERSONAL,
    Contact,
    Entity,
    Health,
    Id,
    IsoDate,
    ItemCode,
    Link,
    Percent,
    Status,
    StrictModel,
    Text,
)
from ictgov.model.budget import Budget
from ictgov.model.indicator import Indicator


class Schedule(StrictModel):
    """Planned and actual dates. Any may be missing while a measure is only an idea."""

    planned_start: IsoDate | None = Field(
        default=None, description="When the work is planned to start, e.g. 2024-01-01."
    )
    planned_end: IsoDate | None = Field(
        default=None, description="When the work is planned to be done, e.g. 2025-12-31."
    )
    actual_start: IsoDate | None = Field(
        default=None, description="When the work really started, e.g. 2024-02-15."
    )
    actual_end: IsoDate | None = Field(
        default=None, description="When the work was really done, e.g. 2025-11-30."
    )


class Dependencies(StrictModel):
    """What must happen first: other measures and major projects."""

    measures: list[Id] = Field(
        default_factory=list,
        description="Ids of measures that must be done first (file names in data/measures/).",
    )
    projects: list[Id] = Field(
        default_factory=list,
        description="Ids of major projects it waits for, as listed in projects.yaml.",
    )


class UpdateEntry(StrictModel):
    """One dated entry of the update log: the follow-up record the previous strategy lacked."""

    date: IsoDate = Field(description="Date of the update, e.g. 2024-04-26.")
    status: Status | None = Field(default=None, description="The status reported on that date.")
    health: Health | None = Field(default=None, description="The health reported on that date.")
    progress: Percent | None = Field(
        default=None, description="Progress on that date, a whole number 0-100 without %, e.g. 40."
    )
    note: Text | None = Field(
        default=None, description="What happened since the last update, in a few sentences."
    )
    by: str | None = Field(
        default=None,
        description="Who reports, by post (e.g. 'Tietohallintojohtaja, Tampere'): public "
        "reports show it; a person's name in it is masked with --public.",
    )


class Measure(Entity):
    """One file under ``data/measures/``: a pull request that updates it touches one file."""

    id: Id = Field(description="Id of the measure: the same as the file name without .yaml.")
    code: ItemCode = Field(
        description="The measure's number in the strategy document, e.g. '1.3'; quote it."
    )
    title: Text = Field(description="Name of the measure (toimenpide), in a short sentence.")
    description: Text | None = Field(
        default=None, description="What is done and why, in a few sentences."
    )
    goals: list[Id] = Field(
        min_length=1,
        description="Ids of the strategic goals it implements, as listed in goals.yaml, e.g. [g1].",
    )
    responsible: Id | None = Field(
        default=None,
        description="Responsible party (vastuutaho): id of the body, organisation or unit that "
        "does it, from bodies.yaml or organisations.yaml, e.g. 'tampere-ict'.",
    )
    followed_by: Id | None = Field(
        default=None,
        description="Id of the body that follows it up (seuranta), from bodies.yaml.",
    )
    participants: list[Id] | None = Field(
        default=None,
        description="Ids of the participating organisations, from organisations.yaml; "
        "leave out when all members take part.",
    )
    status: Status = Field(
        default=Status.PLANNED,
        description="Where the measure is: planned, in_progress, completed, on_hold or "
        "discontinued.",
    )
    health: Health | None = Field(
        default=None,
        description="How an in-progress measure is doing: on_track, at_risk or off_track; "
        "only meaningful while in progress.",
    )
    progress: Percent = Field(
        default=0, description="How far the measure is, a whole number 0-100 without %, e.g. 40."
    )
    schedule: Schedule = Field(
        default_factory=Schedule, description="Schedule (aikataulu): planned and actual dates."
    )
    depends_on: Dependencies = Field(
        default_factory=Dependencies,
        description="What must be done first: other measures and major projects it waits for.",
    )
    category: Id | None = Field(
        default=None,
        description="Id of the one category of data/strategy/categories.yaml the measure "
        "belongs to, e.g. 'data-platforms'.",
    )
    tags: list[str] = Field(
        default_factory=list, description="Free keywords for grouping, e.g. [data, security]."
    )
    indicator: Indicator | None = Field(
        default=None, description="Indicator (mittari): how the measure is followed."
    )
    notes: Text | None = Field(default=None, description="Extra notes (lisätietoa).")
    links: list[Link] = Field(
        default_factory=list, description="Links to documents or pages about the measure."
    )
    contacts: list[Contact] = Field(
        default_factory=list, description="Whom to ask about the measure, by post."
    )
    updates: list[UpdateEntry] = Field(
        default_factory=list,
        description="The update log: one dated entry per status report.",
    )
    budget: Budget | None = Field(
        default=None,
        description="Money per year, e.g. {funder: Tampere, years: [{year: 2025, planned: "
        "150000, decided: 120000, spent: 80000}]}.",
    )
    illustrative: bool = Field(
        default=False, description="True when status values are examples, not real reports."
    )

    @property
    def last_update(self) -> UpdateEntry | None:
        """The newest update-log entry (by date), if any."""
        return max(self.updates, key=lambda u: u.date) if self.updates else None


_ = PERSONAL  # re-exported for field metadata users
