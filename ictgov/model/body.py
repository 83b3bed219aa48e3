"""Governance bodies at three levels, their posts, tasks and meeting cadence."""

from __future__ import annotations

import re
from typing import Annotated, ClassVar

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from ictgov.model.base import PERSONAL, DescribedEnum, Entity, Id, IsoDate, StrictModel, Text


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


#: ``2-4`` (or ``2–4`` as copied from a document): at least 2 and at most 4 a year.
RANGE_PATTERN = r"^\s*([1-9][0-9]{0,2})\s*[-–]\s*([1-9][0-9]{0,2})\s*$"
_RANGE_RE = re.compile(RANGE_PATTERN)

PerYear = (
    Annotated[int, Field(ge=1, le=366)] | Annotated[str, StringConstraints(pattern=RANGE_PATTERN)]
)


class Window(StrictModel):
    """When in the year a meeting is due, e.g. the financial statements in February-March."""

    months: list[Annotated[int, Field(ge=1, le=12)]] = Field(
        min_length=1,
        description="Months (1-12) in which one of the meetings must be held, e.g. [2, 3] "
        "for February or March; the window is missed when none is held in them.",
    )
    label: Text | None = Field(
        default=None,
        description="What the meeting is for, e.g. 'Tilinpäätös' or 'Talousarvio'.",
    )


class Cadence(StrictModel):
    """How often, and when in the year, the body must meet."""

    meetings_per_year: PerYear = Field(
        description="How many times a year the body meets: a number is the least (e.g. 2), "
        "a range the least and the most (e.g. 2-4).",
    )
    timing: list[Window] = Field(
        default_factory=list,
        description="When in the year meetings are due, e.g. months [2, 3] for the "
        "financial statements and [6] for the budget.",
    )
    since: IsoDate | None = Field(
        default=None,
        description="From when this cadence applies, e.g. 2024-01-01 when the governance "
        "model set it then; earlier years are not judged.",
    )
    note: Text | None = Field(
        default=None, description="More about the rhythm, e.g. 'after each reporting round'."
    )

    @model_validator(mode="after")
    def _range_in_order(self) -> Cadence:
        if self.most is not None and self.most < self.least:
            raise PydanticCustomError(
                "range_order",
                "meetings_per_year {value}: the least comes first, e.g. {example}",
                {
                    "field": "meetings_per_year",
                    "value": str(self.meetings_per_year),
                    "example": f"{self.most}-{self.least}",
                },
            )
        return self

    @property
    def least(self) -> int:
        """The fewest meetings a year the cadence allows."""
        if isinstance(self.meetings_per_year, int):
            return self.meetings_per_year
        match = _RANGE_RE.match(self.meetings_per_year)
        assert match is not None  # the pattern validated it
        return int(match.group(1))

    @property
    def most(self) -> int | None:
        """The most meetings a year the cadence allows, when it says (``2-4``)."""
        if isinstance(self.meetings_per_year, int):
            return None
        match = _RANGE_RE.match(self.meetings_per_year)
        assert match is not None
        return int(match.group(2))


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
    established: IsoDate | None = Field(
        default=None,
        description="When the body was set up, e.g. 2024-03-01; its cadence is judged from "
        "then (without it, from the start of the strategy period).",
    )
    appointed_by: Id | None = Field(
        default=None,
        description="Id of the body that appointed it, e.g. 'city-board'.",
    )
    description: Text | None = Field(default=None, description="What the body is for.")
    members: list[Member] = Field(default_factory=list, description="Its seats, by post.")
    tasks: list[Text] = Field(
        default_factory=list, description="Its tasks in the strategy, one per line."
    )
    cadence: Cadence | None = Field(default=None, description="How often the body must meet.")
