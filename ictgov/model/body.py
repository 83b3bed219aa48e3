"""Governance bodies at three levels, their posts, tasks and meeting cadence."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from ictgov.model.base import PERSONAL, Entity, Id, StrictModel, Text


class Level(StrEnum):
    """Strategic, tactical or operational governance."""

    STRATEGIC = "strategic"
    TACTICAL = "tactical"
    OPERATIONAL = "operational"


class MemberRole(StrEnum):
    """A member's role in a body."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    SECRETARY = "secretary"
    MEMBER = "member"
    EXPERT = "expert"


class Member(StrictModel):
    """A seat in a body, held by a post (e.g. 'CIO of Tampere'); the person is optional."""

    post: Text
    organisation: Id | None = None
    role: MemberRole = MemberRole.MEMBER
    person: str | None = Field(default=None, json_schema_extra=PERSONAL)
    email: str | None = Field(default=None, json_schema_extra=PERSONAL)


class Cadence(StrictModel):
    """How often the body must meet."""

    meetings_per_year: int = Field(ge=1, le=366)
    note: Text | None = None


class Body(Entity):
    """A governance body: management group, steering group, board ..."""

    id: Id
    name: Text
    short_name: Text | None = None
    level: Level
    organisation: Id | None = Field(default=None, description="Host organisation, if any.")
    reports_to: Id | None = Field(default=None, description="The body it reports to.")
    description: Text | None = None
    members: list[Member] = Field(default_factory=list)
    tasks: list[Text] = Field(default_factory=list)
    cadence: Cadence | None = None
