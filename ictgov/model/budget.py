"""Money: what a measure, a major project or a decision costs, year by year, in euros.

Amounts are euros (no other currency is used in a Finnish municipal budget). A
finance person reads three numbers a year: planned (in the plan or proposal),
decided (granted by the body that has the money) and spent (booked so far).
The model accepts any number; lint judges them (a negative amount is an error,
spending more than was decided a warning) so a mistake has a code and a line.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ictgov.model.base import StrictModel, Text, Year

Amount = Annotated[
    int | float,
    Field(description="An amount in euros, without the € sign or spaces, e.g. 150000."),
]


class BudgetYear(StrictModel):
    """The money of one calendar year."""

    year: Year = Field(description="Calendar year the amounts belong to, e.g. 2025.")
    planned: Amount | None = Field(
        default=None, description="Euros in the plan or proposal for the year, e.g. 150000."
    )
    decided: Amount | None = Field(
        default=None, description="Euros granted by a decision for the year, e.g. 120000."
    )
    spent: Amount | None = Field(
        default=None, description="Euros booked as spent in the year so far, e.g. 80000."
    )
    note: Text | None = Field(
        default=None, description="A remark on the year, e.g. 'Sisältää lisämäärärahan'."
    )


class Budget(StrictModel):
    """Who pays and how much, year by year."""

    funder: Text | None = Field(
        default=None,
        description="Who pays, e.g. 'Tampereen kaupunki' or 'Valtionavustus (VM)'.",
    )
    years: list[BudgetYear] = Field(
        default_factory=list,
        description="One entry a year, e.g. [{year: 2025, planned: 150000, decided: 120000}].",
    )
    note: Text | None = Field(
        default=None, description="A remark on the whole budget, e.g. 'Kustannukset jaetaan'."
    )

    def total(self, field: str) -> int | float | None:
        """The sum of one column (planned, decided or spent) over the years; None if empty."""
        values = [getattr(y, field) for y in self.years if getattr(y, field) is not None]
        return sum(values) if values else None
