"""Money, decided once: sums of budgets by year and in all, and which years overspend.

Lint (spent above decided) and the reports (sums per goal and for the strategy) ask
here, so a warning and a total never disagree. Amounts are euros. An empty column
sums to None, not 0: "nothing decided yet" is not "zero euros decided".

What is summed for the strategy: the budgets of its measures, each measure once,
even when it serves several goals (a goal's sum counts the measure in each goal it
serves, so goal sums may add up to more than the strategy's). Major projects and
the money of decisions are shown where they are, but not added: a decision often
grants the very money a measure's budget already holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ictgov.model import Budget, BudgetYear

Number = int | float

#: The columns a finance person reads, in the order they are shown.
COLUMNS: tuple[str, ...] = ("planned", "decided", "spent")


def _add(a: Number | None, b: Number | None) -> Number | None:
    if a is None:
        return b
    if b is None:
        return a
    return a + b


@dataclass(frozen=True)
class Amounts:
    """Planned, decided and spent euros; None where nothing was given."""

    planned: Number | None = None
    decided: Number | None = None
    spent: Number | None = None

    def __add__(self, other: Amounts) -> Amounts:
        return Amounts(
            _add(self.planned, other.planned),
            _add(self.decided, other.decided),
            _add(self.spent, other.spent),
        )

    @property
    def empty(self) -> bool:
        """Whether no column has an amount."""
        return self.planned is None and self.decided is None and self.spent is None

    def as_dict(self) -> dict[str, Number | None]:
        """Plain data, whole euros as integers: ``{"planned": 150000, ...}``."""
        return {c: _plain(getattr(self, c)) for c in COLUMNS}


def _plain(value: Number | None) -> Number | None:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def year_amounts(entry: BudgetYear) -> Amounts:
    """The three amounts of one year of a budget."""
    return Amounts(entry.planned, entry.decided, entry.spent)


@dataclass(frozen=True)
class MoneyTotals:
    """Sums of several budgets: per calendar year, and over all years."""

    by_year: dict[int, Amounts] = field(default_factory=dict)
    total: Amounts = field(default_factory=Amounts)
    #: How many budgets were summed (items without a budget are not counted).
    budgets: int = 0

    @property
    def empty(self) -> bool:
        """Whether there is no amount at all to show."""
        return self.total.empty

    def as_dict(self) -> dict[str, object]:
        """Plain data with years in order: what ``status --format json`` prints."""
        return {
            **self.total.as_dict(),
            "by_year": {str(y): self.by_year[y].as_dict() for y in sorted(self.by_year)},
        }


def totals(budgets: Iterable[Budget | None]) -> MoneyTotals:
    """Sum *budgets* (None for an item without one) year by year and in all."""
    by_year: dict[int, Amounts] = {}
    total = Amounts()
    count = 0
    for budget in budgets:
        if budget is None:
            continue
        count += 1
        for entry in budget.years:
            amounts = year_amounts(entry)
            by_year[entry.year] = by_year.get(entry.year, Amounts()) + amounts
            total = total + amounts
    return MoneyTotals(dict(sorted(by_year.items())), total, count)


def overspent(entry: BudgetYear) -> bool:
    """Whether more was spent in the year than was decided (both given)."""
    return entry.spent is not None and entry.decided is not None and entry.spent > entry.decided


def negative_columns(entry: BudgetYear) -> tuple[str, ...]:
    """The columns of a year that hold a negative amount."""
    return tuple(c for c in COLUMNS if (v := getattr(entry, c)) is not None and v < 0)
