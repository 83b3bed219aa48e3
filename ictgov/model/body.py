"""Governance bodies at three levels, their posts, tasks and meeting cadence."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from ictgov.model.base import PERSONAL, Entity, Id, IsoDate, StrictModel, Text


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
    note: Text | None = None

    @model_validator(mode="after")
    def _range_in_order(self) -> Cadence:
        if self.most is not None and self.most < self.least:
            raise ValueError(
                f"meetings_per_year {self.meetings_per_year}: the least comes first, "
                f"e.g. {self.most}-{self.least}"
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

    id: Id
    name: Text
    short_name: Text | None = None
    level: Level
    organisation: Id | None = Field(default=None, description="Host organisation, if any.")
    reports_to: Id | None = Field(default=None, description="The body it reports to.")
    established: IsoDate | None = Field(
        default=None,
        description="When the body was set up, e.g. 2024-03-01; its cadence is judged from "
        "then (without it, from the start of the strategy period).",
    )
    appointed_by: Id | None = Field(
        default=None,
        description="Id of the body that appointed it, e.g. 'city-board'.",
    )
    description: Text | None = None
    members: list[Member] = Field(default_factory=list)
    tasks: list[Text] = Field(default_factory=list)
    cadence: Cadence | None = None
