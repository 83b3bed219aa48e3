"""Governance bodies at three levels, their posts, tasks and meeting cadence."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ictgov.model.base import PERSONAL, DescribedEnum, Entity, Id, StrictModel, Text


class Level(DescribedEnum):
    """Strategic, tactical or operational governance."""

    __descriptions__: ClassVar[dict[str, str]] = {
        "strategic": "Strategic: sets direction and approves, e.g. the regional management group.",
        "tactical": "Tactical: steers the implementation, e.g. the steering group.",
        "operational": "Operational: does the work, e.g. a development group.",
    }

    STRATEGIC = "strategic"
    TACTICAL = "tactical"
    OPERATIONAL = "operational"


class MemberRole(DescribedEnum):
    """A member's role in a body."""

    __descriptions__: ClassVar[dict[str, str]] = {
        "chair": "Chair (puheenjohtaja): leads the meetings.",
        "vice_chair": "Vice chair (varapuheenjohtaja): leads when the chair is away.",
        "secretary": "Secretary (sihteeri): prepares the agenda and writes the minutes.",
        "member": "Member (jäsen) with a say in decisions.",
        "expert": "Expert (asiantuntija): takes part without a say in decisions.",
    }

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    SECRETARY = "secretary"
    MEMBER = "member"
    EXPERT = "expert"


class Member(StrictModel):
    """A seat in a body, held by a post (e.g. 'CIO of Tampere'); the person is optional."""

    post: Text = Field(description="The post that holds the seat, e.g. 'CIO of Tampere'.")
    organisation: Id | None = Field(
        default=None, description="Id of the member's organisation, from organisations.yaml."
    )
    role: MemberRole = Field(
        default=MemberRole.MEMBER,
        description="Role in the body: chair, vice_chair, secretary, member or expert.",
    )
    person: str | None = Field(
        default=None,
        json_schema_extra=PERSONAL,
        description="Name of the person now in the post (left out of public reports).",
    )
    email: str | None = Field(
        default=None,
        json_schema_extra=PERSONAL,
        description="E-mail address (left out of public reports).",
    )


class Cadence(StrictModel):
    """How often the body must meet."""

    meetings_per_year: int = Field(
        ge=1, le=366, description="How many times a year the body meets at least, e.g. 4."
    )
    note: Text | None = Field(
        default=None, description="More about the rhythm, e.g. 'after each reporting round'."
    )


class Body(Entity):
    """A governance body: management group, steering group, board ..."""

    id: Id = Field(description="Id of the body, e.g. ohjausryhma; measures and meetings use it.")
    name: Text = Field(description="Full name of the body (toimielin), e.g. 'ICT steering group'.")
    short_name: Text | None = Field(default=None, description="Short name for tables, e.g. 'SG'.")
    level: Level = Field(description="Level of governance: strategic, tactical or operational.")
    organisation: Id | None = Field(
        default=None,
        description="Id of the host organisation, from organisations.yaml, if the body has one.",
    )
    reports_to: Id | None = Field(
        default=None, description="Id of the body it reports to, from this file."
    )
    description: Text | None = Field(default=None, description="What the body is for.")
    members: list[Member] = Field(default_factory=list, description="Its seats, by post.")
    tasks: list[Text] = Field(
        default_factory=list, description="Its tasks in the strategy, one per line."
    )
    cadence: Cadence | None = Field(default=None, description="How often the body must meet.")
