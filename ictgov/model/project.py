"""Major projects the schedule depends on, and stakeholder groups."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from ictgov.model.base import Entity, Id, IsoDate, Link, Text
from ictgov.model.budget import Budget


class MajorProject(Entity):
    """A development project outside the strategy that shapes its schedule and resources."""

    id: Id
    name: Text
    description: Text | None = None
    start: IsoDate | None = None
    end: IsoDate | None = None
    responsible: Id | None = None
    links: list[Link] = Field(default_factory=list)
    budget: Budget | None = Field(
        default=None,
        description="Money per year, e.g. {funder: Valtio, years: [{year: 2025, planned: "
        "500000}]}.",
    )


class Influence(StrEnum):
    """How much a stakeholder group influences the strategy."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class StakeholderGroup(Entity):
    """A group of stakeholders and how the strategy is communicated to them."""

    id: Id
    name: Text
    influence: Influence
    role: Text | None = Field(default=None, description="Their part, e.g. 'steering'.")
    members: list[Text] = Field(default_factory=list)
    channels: list[Text] = Field(default_factory=list)
