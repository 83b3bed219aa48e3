"""Major projects the schedule depends on, and stakeholder groups."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ictgov.model.base import DescribedEnum, Entity, Id, IsoDate, Link, Text
from ictgov.model.budget import Budget


class MajorProject(Entity):
    """A development project outside the strategy that shapes its schedule and resources."""

    id: Id = Field(description="Id of the project; measures name it under depends_on.")
    name: Text = Field(description="Name of the project (kehityshanke).")
    description: Text | None = Field(
        default=None, description="What the project does and how it affects the strategy."
    )
    start: IsoDate | None = Field(default=None, description="When it starts, e.g. 2023-01-01.")
    end: IsoDate | None = Field(default=None, description="When it ends, e.g. 2026-12-31.")
    responsible: Id | None = Field(
        default=None,
        description="Id of the body or organisation that runs it, from bodies.yaml or "
        "organisations.yaml.",
    )
    links: list[Link] = Field(
        default_factory=list, description="Links to the project's documents or pages."
    )
    budget: Budget | None = Field(
        default=None,
        description="Money per year, e.g. {funder: Valtio, years: [{year: 2025, planned: "
        "500000}]}.",
    )


class Influence(DescribedEnum):
    """How much a stakeholder group influences the strategy."""

    __descriptions__: ClassVar[dict[str, str]] = {
        "high": "High: decides or steers; keep closely involved.",
        "medium": "Medium: affects the work; keep informed and consulted.",
        "low": "Low: follows the work; keep informed.",
    }

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class StakeholderGroup(Entity):
    """A group of stakeholders and how the strategy is communicated to them."""

    id: Id = Field(description="Id of the stakeholder group, e.g. elected-officials.")
    name: Text = Field(description="Name of the group, e.g. 'Elected officials'.")
    influence: Influence = Field(
        description="How much it influences the strategy: high, medium or low."
    )
    role: Text | None = Field(default=None, description="Their part, e.g. 'steering'.")
    members: list[Text] = Field(
        default_factory=list, description="Who belongs to the group, one per line."
    )
    channels: list[Text] = Field(
        default_factory=list,
        description="How the strategy is communicated to them, e.g. 'intranet', 'briefings'.",
    )
