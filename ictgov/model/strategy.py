"""The strategy itself, its vision, value promises and strategic goals."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ictgov.model.base import DescribedEnum, Entity, Id, ItemCode, Link, StrictModel, Text, Year
from ictgov.model.indicator import Indicator


class Period(StrictModel):
    """The years the strategic goals cover, inclusive (e.g. 2023-2027)."""

    start: Year = Field(description="First year of the period, e.g. 2023.")
    end: Year = Field(description="Last year of the period, e.g. 2027.")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise PydanticCustomError(
                "period_order",
                "period ends ({end}) before it starts ({start}); e.g. start: {end}, end: {start}",
                {"start": self.start, "end": self.end},
            )
        return self


class Vision(StrictModel):
    """The long-term state the cooperation aims at."""

    text: Text = Field(description="The vision (visio) in a sentence or two.")
    horizon: Year = Field(description="The year the vision looks to, e.g. 2040.")


class ValuePromise(Entity):
    """A principle that should show in everyday work (arvolupaus)."""

    id: Id = Field(description="Id of the value promise; goals name it under value_promises.")
    title: Text = Field(description="The value promise (arvolupaus) in a few words.")
    description: Text | None = Field(
        default=None, description="What the promise means in everyday work."
    )


class DecisionRef(StrictModel):
    """Points at one agenda item of one meeting: where something was decided."""

    meeting: Id = Field(
        description="Id of the meeting: the file name in data/meetings/ without .yaml."
    )
    section: int = Field(
        ge=1, description="Section number (pykälä, §) of the agenda item, e.g. 256."
    )


class Approval(StrictModel):
    """Which decisions approved the strategy."""

    decisions: list[DecisionRef] = Field(
        default_factory=list,
        description="The decisions (päätös) that approved it, by meeting and §.",
    )
    note: Text | None = Field(
        default=None,
        description="More about the approval, e.g. which councils are still to decide.",
    )


class DevelopmentArea(StrictModel):
    """A prioritised development area found while the strategy was prepared."""

    priority: int = Field(ge=1, description="Order of priority, 1 first.")
    title: Text = Field(description="Name of the development area.")
    description: Text | None = Field(default=None, description="What the area is about.")
    tasks: list[Text] = Field(
        default_factory=list, description="Tasks found for the area, one per line."
    )


class Assessment(StrictModel):
    """How the previous strategy was rated, e.g. 2.5 on a scale of 5."""

    score: float = Field(description="The rating, e.g. 2.5.")
    scale: float = Field(default=5, description="The top of the scale, e.g. 5.")
    summary: Text | None = Field(default=None, description="What the assessment found.")


class Strategy(Entity):
    """``data/strategy/strategy.yaml``."""

    id: Id = Field(description="Id of the strategy, e.g. tampere-ict-2023.")
    title: Text = Field(
        description="Name of the strategy, e.g. 'Tampere city-region ICT strategy'."
    )
    short_title: Text | None = Field(
        default=None, description="Short name for page headers, e.g. 'ICT strategy'."
    )
    owner: Text | None = Field(default=None, description="Who owns the strategy, e.g. a region.")
    language: str = Field(
        default="fi",
        pattern="^(fi|sv|en)$",
        description="Language of plain (single-language) texts in the data: fi, sv or en.",
    )
    description: Text | None = Field(
        default=None, description="What the strategy is about, in a few sentences."
    )
    period: Period | None = Field(
        default=None,
        description="Years the goals cover, e.g. {start: 2023, end: 2027}. A cooperation "
        "model may have none: then no date is checked against a period.",
    )
    vision: Vision | None = Field(
        default=None, description="The vision (visio) and the year it looks to, if any."
    )
    value_promises: list[ValuePromise] = Field(
        default_factory=list, description="The value promises (arvolupaukset)."
    )
    approval: Approval | None = Field(
        default=None, description="Which decisions approved the strategy."
    )
    development_areas: list[DevelopmentArea] = Field(
        default_factory=list, description="Prioritised development areas, most important first."
    )
    previous_assessment: Assessment | None = Field(
        default=None, description="How the previous strategy was rated."
    )
    links: list[Link] = Field(
        default_factory=list, description="Links to the strategy document and related pages."
    )
    illustrative_note: Text | None = Field(
        default=None, description="Says which values in the data are examples."
    )


class Term(DescribedEnum):
    """How far a goal looks: the next year or two, or the whole period and beyond."""

    __descriptions__: ClassVar[dict[str, str]] = {
        "short": "Short-term goal (lyhyen aikavälin tavoite): the next year or two.",
        "long": "Long-term goal (pitkän aikavälin tavoite): the whole period and beyond.",
    }

    SHORT = "short"
    LONG = "long"


class Goal(Entity):
    """A strategic goal for the period."""

    id: Id = Field(description="Id of the goal, e.g. g1; measures name it under goals.")
    code: ItemCode = Field(description="The goal's number in the strategy document, e.g. '1'.")
    title: Text = Field(description="The strategic goal (strateginen tavoite) in a sentence.")
    description: Text | None = Field(default=None, description="What the goal means.")
    value_promises: list[Id] = Field(
        default_factory=list,
        description="Ids of the value promises it serves, from strategy.yaml.",
    )
    indicator: Indicator | None = Field(
        default=None, description="Indicator (mittari): how the goal is followed."
    )
    term: Term | None = Field(
        default=None,
        description="short (lyhyen aikavälin) or long (pitkän aikavälin) goal; e.g. term: short.",
    )
