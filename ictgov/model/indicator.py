"""Indicators: how a measure or goal is followed, optionally with a measured series."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from ictgov.model.base import IsoDate, StrictModel, Text


class Direction(StrEnum):
    """Which way is better for a quantitative indicator."""

    HIGHER = "higher"
    LOWER = "lower"


class Reference(StrictModel):
    """A baseline or target: a value at a date."""

    value: float
    date: IsoDate | None = None
    note: Text | None = None


class Observation(StrictModel):
    """One measured value of an indicator, with where the number came from."""

    date: IsoDate
    value: float
    source: Text | None = None
    note: Text | None = None


class Indicator(StrictModel):
    """The "how it is followed" text every measure has, plus an optional series."""

    description: Text = Field(description="How the item is followed (mittari / miten seurataan).")
    name: Text | None = Field(default=None, description="Short name of the quantity measured.")
    unit: str | None = Field(default=None, description="Unit of the values, e.g. '%', 'EUR'.")
    direction: Direction | None = None
    baseline: Reference | None = None
    target: Reference | None = None
    values: list[Observation] = Field(default_factory=list)
    illustrative: bool = Field(
        default=False, description="True when the numbers are examples, not real measurements."
    )
