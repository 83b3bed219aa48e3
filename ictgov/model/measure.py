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
from ictgov.model.indicator import Indicator


class Schedule(StrictModel):
    """Planned and actual dates. Any may be missing while a measure is only an idea."""

    planned_start: IsoDate | None = None
    planned_end: IsoDate | None = None
    actual_start: IsoDate | None = None
    actual_end: IsoDate | None = None


class Dependencies(StrictModel):
    """What must happen first: other measures and major projects."""

    measures: list[Id] = Field(default_factory=list)
    projects: list[Id] = Field(default_factory=list)


class UpdateEntry(StrictModel):
    """One dated entry of the update log: the follow-up record the previous strategy lacked."""

    date: IsoDate
    status: Status | None = None
    health: Health | None = None
    progress: Percent | None = None
    note: Text | None = None
    by: str | None = Field(
        default=None,
        description="Who reports, by post (e.g. 'Tietohallintojohtaja, Tampere'): public "
        "reports show it; a person's name in it is masked with --public.",
    )


class Measure(Entity):
    """One file under ``data/measures/``: a pull request that updates it touches one file."""

    id: Id
    code: ItemCode
    title: Text
    description: Text | None = None
    goals: list[Id] = Field(min_length=1, description="Ids of the strategic goals it implements.")
    responsible: Id | None = Field(
        default=None, description="Body or organisation responsible for doing it."
    )
    followed_by: Id | None = Field(default=None, description="Body that follows it up.")
    participants: list[Id] | None = Field(
        default=None, description="Participating organisations; default: all members."
    )
    status: Status = Status.PLANNED
    health: Health | None = Field(default=None, description="Only meaningful while in progress.")
    progress: Percent = 0
    schedule: Schedule = Field(default_factory=Schedule)
    depends_on: Dependencies = Field(default_factory=Dependencies)
    category: Id | None = Field(
        default=None,
        description="Id of the one category of data/strategy/categories.yaml the measure "
        "belongs to, e.g. 'data-platforms'.",
    )
    tags: list[str] = Field(
        default_factory=list,
        description="Free words to find measures by, any number, e.g. [education, cloud].",
    )
    indicator: Indicator | None = None
    notes: Text | None = Field(default=None, description="Extra notes (lisätietoa).")
    links: list[Link] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    updates: list[UpdateEntry] = Field(default_factory=list, description="The update log.")
    illustrative: bool = Field(
        default=False, description="True when status values are examples, not real reports."
    )

    @property
    def last_update(self) -> UpdateEntry | None:
        """The newest update-log entry (by date), if any."""
        return max(self.updates, key=lambda u: u.date) if self.updates else None


_ = PERSONAL  # re-exported for field metadata users
