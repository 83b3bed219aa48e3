"""Completeness: every measure has an owner and an indicator, every goal has measures."""

from __future__ import annotations

from collections.abc import Iterator

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.lint.rule import LintContext, Rule, entity_label, text_is_empty
from ictgov.load import Tree


class NoOwner(Rule):
    """A measure has no responsible owner.

    A measure that is everybody's is nobody's: name the body or organisation that
    carries it out in ``responsible``.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    indicator: {description: Johtoryhmä seuraa.}
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    ```
    """

    code = "CM01"
    name = "completeness.no-owner"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Find measures without ``responsible``."""
        for m in tree.measures:
            if m.responsible is None:
                yield self.at(
                    tree,
                    m,
                    ("id",),
                    N_(
                        "{item} has no responsible owner; add 'responsible: <body or "
                        "organisation id>'"
                    ),
                    key=True,
                    item=entity_label(m),
                )


class NoIndicator(Rule):
    """A measure has no indicator, or its indicator says nothing.

    Every measure of the strategy says how it is followed (mittari / miten
    seurataan). Add ``indicator: {description: ...}``, optionally with a
    quantitative series.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    ```
    """

    code = "CM02"
    name = "completeness.no-indicator"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Find measures with no indicator or an empty indicator description."""
        for m in tree.measures:
            if m.indicator is None:
                yield self.at(
                    tree,
                    m,
                    ("id",),
                    N_(
                        "{item} has no indicator; add 'indicator: {{description: <how it is "
                        "followed>}}'"
                    ),
                    key=True,
                    item=entity_label(m),
                )
            elif text_is_empty(m.indicator.description):
                yield self.at(
                    tree,
                    m,
                    ("indicator", "description"),
                    N_(
                        "the indicator of {item} has an empty description; say how the "
                        "measure is followed"
                    ),
                    item=entity_label(m),
                )


class GoalWithoutMeasures(Rule):
    """A strategic goal that no measure implements.

    A goal with no measure will not be reached by the strategy's actions: add a
    measure whose ``goals`` lists it, or remove the goal.

    **Bad** (`data/strategy/goals.yaml`):

    ```yaml
    goals:
      - id: g1
        code: "1"
        title: Ensimmäinen tavoite
      - id: g2
        code: "2"
        title: Toinen tavoite
      - id: g3
        code: "3"
        title: Kolmas tavoite
    ```

    **Good** (`data/strategy/goals.yaml`):

    ```yaml
    goals:
      - id: g1
        code: "1"
        title: Ensimmäinen tavoite
      - id: g2
        code: "2"
        title: Toinen tavoite
      - id: g3
        code: "3"
        title: Kolmas tavoite
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g3]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    ```
    """

    code = "CM03"
    name = "completeness.goal-without-measures"
    severity = Severity.WARNING

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Find goals that no measure names."""
        implemented = {goal_id for m in tree.measures for goal_id in m.goals}
        for doc in tree.documents.values():  # a measure file that failed validation counts
            if doc.kind is not None and doc.kind.name == "measure" and doc.model is None:
                raw = doc.data.get("goals") if isinstance(doc.data, dict) else None
                if isinstance(raw, list):
                    implemented.update(g for g in raw if isinstance(g, str))
        for goal in tree.goals:
            if goal.id not in implemented:
                yield self.at(
                    tree,
                    goal,
                    ("id",),
                    N_("{item} has no measures; add a measure with 'goals: [{id}]'"),
                    item=entity_label(goal),
                    id=goal.id,
                )


RULES = (NoOwner, NoIndicator, GoalWithoutMeasures)
