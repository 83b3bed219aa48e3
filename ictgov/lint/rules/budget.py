"""Budgets: amounts a finance person would accept.

A budget (``budget:`` of a measure, a major project or an agenda item) lists euros
per year: planned, decided, spent. A negative amount is a typo (an error); spending
more than was decided needs a decision first (a warning, since the books may show
it before the minutes do); a year twice would be summed twice (an error); a year
outside the strategy period belongs to another strategy (a warning; without a
period nothing is outside).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.i18n.messages import msg
from ictgov.lint.rule import LintContext, Rule, entity_label
from ictgov.load import Tree
from ictgov.model import Budget
from ictgov.verdicts.money import negative_columns, overspent

Path = tuple[str | int, ...]

#: The budget columns as a message names them.
COLUMNS: dict[str, str] = {
    "planned": N_("planned"),
    "decided": N_("decided"),
    "spent": N_("spent"),
}


def budgets(tree: Tree) -> Iterator[tuple[Any, Path, Budget]]:
    """Every budget in the tree: (entity, path of the budget, budget)."""
    for m in tree.measures:
        if m.budget is not None:
            yield m, ("budget",), m.budget
    for p in tree.projects:
        if p.budget is not None:
            yield p, ("budget",), p.budget
    for meeting in tree.meetings:
        for i, item in enumerate(meeting.items):
            if item.budget is not None:
                yield meeting, ("items", i, "budget"), item.budget


class NegativeAmount(Rule):
    """A budget holds a negative amount.

    Planned, decided and spent are euros a year, never below zero; a minus sign is
    a typo, or a saving written as a cost. Write the amount without the sign, and
    explain a saving in ``note``.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    budget:
      funder: Tampere
      years:
        - {year: 2024, planned: -50000}
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    budget:
      funder: Tampere
      years:
        - {year: 2024, planned: 50000}
    ```
    """

    code = "BU01"
    name = "budget.negative"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Look at every amount of every year of every budget."""
        for entity, path, budget in budgets(tree):
            for i, entry in enumerate(budget.years):
                for column in negative_columns(entry):
                    yield self.at(
                        tree,
                        entity,
                        (*path, "years", i, column),
                        N_(
                            "{item}: the {column} amount of {year} is negative; write euros "
                            "without a minus sign"
                        ),
                        item=entity_label(entity),
                        column=msg(COLUMNS[column]),
                        year=entry.year,
                    )


class Overspent(Rule):
    """More was spent in a year than was decided.

    ``spent`` above ``decided`` means the money ran out before the decision
    caught up: record the decision that granted more (raise ``decided``), or check
    the booked amount.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    budget:
      years:
        - {year: 2024, planned: 50000, decided: 40000, spent: 45000}
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    budget:
      years:
        - {year: 2024, planned: 50000, decided: 50000, spent: 45000}
    ```
    """

    code = "BU02"
    name = "budget.overspent"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Compare spent with decided, year by year."""
        for entity, path, budget in budgets(tree):
            for i, entry in enumerate(budget.years):
                if overspent(entry):
                    yield self.at(
                        tree,
                        entity,
                        (*path, "years", i, "spent"),
                        N_(
                            "{item}: {spent} euros spent in {year} but only {decided} decided; "
                            "record the decision that granted more, or check the amount"
                        ),
                        item=entity_label(entity),
                        spent=entry.spent,
                        year=entry.year,
                        decided=entry.decided,
                    )


class DuplicateYear(Rule):
    """A budget lists the same year twice.

    Each year's money is one line: two lines for 2025 would be summed twice in
    every report. Merge them into one line.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    budget:
      years:
        - {year: 2024, planned: 50000}
        - {year: 2024, decided: 40000}
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    budget:
      years:
        - {year: 2024, planned: 50000, decided: 40000}
    ```
    """

    code = "BU03"
    name = "budget.duplicate-year"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Remember the years of each budget and report the second of a pair."""
        for entity, path, budget in budgets(tree):
            seen: set[int] = set()
            for i, entry in enumerate(budget.years):
                if entry.year in seen:
                    yield self.at(
                        tree,
                        entity,
                        (*path, "years", i, "year"),
                        N_("{item}: the budget lists {year} twice; merge the two lines into one"),
                        item=entity_label(entity),
                        year=entry.year,
                    )
                seen.add(entry.year)


class YearOutsidePeriod(Rule):
    """A budget year falls outside the strategy period.

    Money for 2030 in a 2023-2027 strategy belongs to the next one, or the year is
    a typo. Without a ``period`` (a cooperation model) nothing is checked.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    budget:
      years:
        - {year: 2030, planned: 50000}
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    budget:
      years:
        - {year: 2027, planned: 50000}
    ```
    """

    code = "BU04"
    name = "budget.outside-period"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Compare each budget year with the period's first and last year."""
        period = tree.strategy.period if tree.strategy is not None else None
        if period is None:
            return
        for entity, path, budget in budgets(tree):
            for i, entry in enumerate(budget.years):
                if not period.start <= entry.year <= period.end:
                    yield self.at(
                        tree,
                        entity,
                        (*path, "years", i, "year"),
                        N_(
                            "{item}: budget year {year} is outside the strategy period "
                            "{start}-{end}; check the year"
                        ),
                        item=entity_label(entity),
                        year=entry.year,
                        start=period.start,
                        end=period.end,
                    )


RULES = (NegativeAmount, Overspent, DuplicateYear, YearOutsidePeriod)
