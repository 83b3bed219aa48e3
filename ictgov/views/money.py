"""Money on the pages and in ``status --format json``: sums per measure, goal and strategy.

The sums themselves are ``ictgov.verdicts.money``'s (what is added to what is
explained there); this view only gathers them for every item once.
"""

from __future__ import annotations

from dataclasses import dataclass

from ictgov.load import Tree
from ictgov.verdicts.money import MoneyTotals, totals
from ictgov.views.overview import GoalView, MeasureView


@dataclass(frozen=True)
class Money:
    """Budget sums: the strategy's (its measures, each once), per goal, per project."""

    strategy: MoneyTotals
    goals: dict[str, MoneyTotals]
    measures: dict[str, MoneyTotals]
    projects: MoneyTotals

    @property
    def any(self) -> bool:
        """Whether any item has a budget amount to show."""
        return not (self.strategy.empty and self.projects.empty)


def goal_money(goal: GoalView) -> MoneyTotals:
    """The sum of the budgets of a goal's measures."""
    return totals(v.measure.budget for v in goal.measures)


def build_money(
    tree: Tree, goals: tuple[GoalView, ...], measures: tuple[MeasureView, ...]
) -> Money:
    """Sum the budgets of the measures shown, per goal and in all, and of major projects."""
    return Money(
        strategy=totals(v.measure.budget for v in measures),
        goals={g.goal.id: goal_money(g) for g in goals},
        measures={v.id: totals([v.measure.budget]) for v in measures},
        projects=totals(p.budget for p in tree.projects),
    )
