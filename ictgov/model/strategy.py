"""The strategy itself, its vision, value promises and strategic goals."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from ictgov.model.base import Entity, Id, ItemCode, Link, StrictModel, Text, Year
from ictgov.model.indicator import Indicator


class Period(StrictModel):
    """The years the strategic goals cover, inclusive (e.g. 2023-2027)."""

    start: Year
    end: Year

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self


class Vision(StrictModel):
    """The long-term state the cooperation aims at."""

    text: Text
    horizon: Year = Field(description="The year the vision looks to, e.g. 2040.")


class ValuePromise(Entity):
    """A principle that should show in everyday work (arvolupaus)."""

    id: Id
    title: Text
    description: Text | None = None


class DecisionRef(StrictModel):
    """Points at one agenda item of one meeting: where something was decided."""

    meeting: Id
    section: int = Field(ge=1, description="Section number (§) of the agenda item.")


class Approval(StrictModel):
    """Which decisions approved the strategy."""

    decisions: list[DecisionRef] = Field(default_factory=list)
    note: Text | None = None


class DevelopmentArea(StrictModel):
    """A prioritised development area found while the strategy was prepared."""

    priority: int = Field(ge=1)
    title: Text
    description: Text | None = None
    tasks: list[Text] = Field(default_factory=list)


class Assessment(StrictModel):
    """How the previous strategy was rated, e.g. 2.5 on a scale of 5."""

    score: float
    scale: float = 5
    summary: Text | None = None


class Strategy(Entity):
    """``data/strategy/strategy.yaml``."""

    id: Id
    title: Text
    short_title: Text | None = None
    owner: Text | None = Field(default=None, description="Who owns the strategy, e.g. a region.")
    language: str = Field(
        default="fi",
        pattern="^(fi|sv|en)$",
        description="Language of plain (single-language) texts in the data.",
    )
    description: Text | None = None
    period: Period | None = Field(
        default=None,
        description="Years the goals cover, e.g. {start: 2023, end: 2027}. A cooperation "
        "model may have none: then no date is checked against a period.",
    )
    vision: Vision | None = Field(
        default=None, description="The long-term vision, e.g. {text: ..., horizon: 2040}."
    )
    value_promises: list[ValuePromise] = Field(default_factory=list)
    approval: Approval | None = None
    development_areas: list[DevelopmentArea] = Field(default_factory=list)
    previous_assessment: Assessment | None = None
    links: list[Link] = Field(default_factory=list)
    illustrative_note: Text | None = Field(
        default=None, description="Says which values in the data are examples."
    )


class Term(StrEnum):
    """How far a goal looks: the next year or two, or the whole period and beyond."""

    SHORT = "short"
    LONG = "long"


class Goal(Entity):
    """A strategic goal for the period."""

    id: Id
    code: ItemCode
    title: Text
    description: Text | None = None
    value_promises: list[Id] = Field(default_factory=list)
    indicator: Indicator | None = None
    term: Term | None = Field(
        default=None,
        description="short (lyhyen aikavälin) or long (pitkän aikavälin) goal; e.g. term: short.",
    )
