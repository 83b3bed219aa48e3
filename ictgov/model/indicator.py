"""Indicators: how a measure or goal is followed, optionally with a measured series."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from ictgov.model.base import DescribedEnum, IsoDate, StrictModel, Text


class Direction(DescribedEnum):
    """Which way is better for a quantitative indicator."""

    __descriptions__: ClassVar[dict[str, str]] = {
        "higher": "Higher is better, e.g. the share of services available online.",
        "lower": "Lower is better, e.g. the number of overlapping systems.",
    }

    HIGHER = "higher"
    LOWER = "lower"


class Reference(StrictModel):
    """A baseline or target: a value at a date."""

    value: float = Field(description="The number, without its unit, e.g. 35 or 2.5.")
    date: IsoDate | None = Field(
        default=None, description="When the value holds or should hold, e.g. 2027-12-31."
    )
    note: Text | None = Field(default=None, description="Anything to know about the value.")


class Observation(StrictModel):
    """One measured value of an indicator, with where the number came from."""

    date: IsoDate = Field(description="When it was measured, e.g. 2024-06-30.")
    value: float = Field(description="The measured number, without its unit, e.g. 42.")
    source: Text | None = Field(
        default=None, description="Where the number comes from, e.g. a report or a system."
    )
    note: Text | None = Field(default=None, description="Anything to know about the value.")


class Indicator(StrictModel):
    """The "how it is followed" text every measure has, plus an optional series."""

    description: Text = Field(description="How the item is followed (mittari / miten seurataan).")
    name: Text | None = Field(default=None, description="Short name of the quantity measured.")
    unit: str | None = Field(default=None, description="Unit of the values, e.g. '%', 'EUR'.")
    direction: Direction | None = Field(
        default=None, description="Which way is better: higher or lower."
    )
    baseline: Reference | None = Field(
        default=None, description="The starting point: the value when the work began."
    )
    target: Reference | None = Field(default=None, description="The value to reach, and by when.")
    values: list[Observation] = Field(
        default_factory=list, description="Measured values over time, one per date."
    )
    illustrative: bool = Field(
        default=False, description="True when the numbers are examples, not real measurements."
    )
