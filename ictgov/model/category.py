"""Categories of measures (teemat / ohjelman osa-alueet): how a programme groups its projects.

A category is not a goal: goals say why, categories say which part of a programme or
portfolio a measure belongs to, so a national programme of 40 projects in 6 areas is
written as it is organised. Each measure has at most one category and any tags.
"""

from __future__ import annotations

from pydantic import Field

from ictgov.model.base import Entity, Id, StrictModel, Text


class Category(Entity):
    """One category of ``data/strategy/categories.yaml``."""

    id: Id = Field(description="Stable id that measures name in 'category', e.g. 'data-platforms'.")
    name: Text = Field(
        description="Name shown in reports, in one language or several, "
        "e.g. {fi: Tietoalustat, sv: Dataplattformar, en: Data platforms}."
    )
    description: Text | None = Field(
        default=None, description="What belongs to the category, e.g. 'Shared data platforms'."
    )
    order: int | None = Field(
        default=None,
        description="Place in lists and reports, smallest first (e.g. 1); "
        "categories without one follow in the order written.",
    )


class CategoriesFile(StrictModel):
    """``data/strategy/categories.yaml``."""

    categories: list[Category] = Field(
        default_factory=list, description="The categories measures may name, e.g. one per area."
    )
