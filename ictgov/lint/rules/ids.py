"""Identity: every item has one id, unique, and one-per-file items are named after it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.lint.rule import LintContext, Rule, entity_label
from ictgov.load import Tree
from ictgov.model import Measure, Meeting


def _entities(tree: Tree) -> Iterator[Any]:
    """Every entity; typed ``Any`` because the Entity base declares no ``id``."""
    yield from tree.entities()


def _where(tree: Tree, entity: Any) -> str:
    loc = tree.locate(entity, "id")
    return f"{loc.file}:{loc.line}" if loc else "?"


class DuplicateId(Rule):
    """Two items of the same kind share an id.

    Ids are how everything refers to everything else: a measure to its goals, a
    decision to the measures it concerns. Two goals called ``g1`` make every
    reference to ``g1`` a guess. Rename one of them (and the references to it).

    **Bad** (`data/strategy/goals.yaml`):

    ```yaml
    goals:
      - id: g1
        code: "1"
        title: Ensimmäinen tavoite
      - id: g2
        code: "2"
        title: Toinen tavoite
      - id: g2
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
    ```
    """

    code = "ID01"
    name = "ids.duplicate"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Report the second and later items of a kind with an id already used."""
        seen: dict[tuple[type, str], Any] = {}
        for entity in _entities(tree):
            key = (type(entity), entity.id)
            first = seen.setdefault(key, entity)
            if first is not entity:
                yield self.at(
                    tree,
                    entity,
                    ("id",),
                    N_("{item} is already defined at {where}; give each one its own id"),
                    item=entity_label(entity),
                    where=_where(tree, first),
                )


class DuplicateCode(Rule):
    """Two measures, or two goals, share a code.

    People find a measure by its code: ``ictgov show 2.5``, ``ictgov update 2.5`` and
    the reports' tables. Two measures coded ``2.5`` make each of those a guess, so both
    places are reported. Give one of them the next free code under its goal.

    **Bad** (`data/measures/m-beta.yaml`):

    ```yaml
    id: m-beta
    code: "1.1"
    title: Beeta
    goals: [g2]
    responsible: mgmt
    followed_by: mgmt
    status: completed
    progress: 100
    schedule:
      planned_start: 2024-01-01
      planned_end: 2024-12-31
      actual_end: 2024-11-30
    depends_on:
      measures: [m-alpha]
    indicator:
      description: Johtoryhmä seuraa.
    updates:
      - date: 2024-11-30
        status: completed
        progress: 100
        note: Valmis.
    ```

    **Good** (`data/measures/m-beta.yaml`):

    ```yaml
    id: m-beta
    code: "2.1"
    title: Beeta
    goals: [g2]
    responsible: mgmt
    followed_by: mgmt
    status: completed
    progress: 100
    schedule:
      planned_start: 2024-01-01
      planned_end: 2024-12-31
      actual_end: 2024-11-30
    depends_on:
      measures: [m-alpha]
    indicator:
      description: Johtoryhmä seuraa.
    updates:
      - date: 2024-11-30
        status: completed
        progress: 100
        note: Valmis.
    ```
    """

    code = "ID04"
    name = "ids.duplicate-code"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Report every measure and goal whose code another of its kind also has."""
        for items in (tree.measures, tree.goals):
            by_code: dict[str, list[Any]] = {}
            for item in items:
                by_code.setdefault(str(item.code).strip(), []).append(item)
            for code, same in by_code.items():
                if len(same) < 2:
                    continue
                for item in same:
                    others = ", ".join(f"{o.id} ({_where(tree, o)})" for o in same if o is not item)
                    yield self.at(
                        tree,
                        item,
                        ("code",),
                        N_(
                            "code '{code}' of {item} is also the code of {others}; give each "
                            "its own code"
                        ),
                        code=code,
                        item=entity_label(item),
                        others=others,
                    )


class AmbiguousId(Rule):
    """Items of different kinds share an id, so references to it are ambiguous.

    An agenda item's ``concerns`` may name any item, and ``responsible`` may name a
    body or an organisation: a body and a municipality both called ``tampere``
    cannot be told apart there. Rename one of them.

    **Bad** (`data/strategy/organisations.yaml`):

    ```yaml
    organisations:
      - id: tampere
        name: Tampere
        role: lead
        business_id: "0211675-2"
      - id: orivesi
        name: Orivesi
      - id: mgmt
        name: Hallinto Oy
        type: company
    ```

    **Good** (`data/strategy/organisations.yaml`):

    ```yaml
    organisations:
      - id: tampere
        name: Tampere
        role: lead
        business_id: "0211675-2"
      - id: orivesi
        name: Orivesi
      - id: hallinto-oy
        name: Hallinto Oy
        type: company
    ```
    """

    code = "ID02"
    name = "ids.ambiguous"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Report every item whose id an item of another kind already took."""
        first_of_kind: dict[str, Any] = {}
        reported: set[tuple[type, str]] = set()
        for entity in _entities(tree):
            first = first_of_kind.setdefault(entity.id, entity)
            if type(first) is type(entity) or (type(entity), entity.id) in reported:
                continue
            reported.add((type(entity), entity.id))
            yield self.at(
                tree,
                entity,
                ("id",),
                N_(
                    "{item} has the same id as {other} at {where}; references to '{id}' are "
                    "ambiguous, rename one of them"
                ),
                item=entity_label(entity),
                other=entity_label(first),
                where=_where(tree, first),
                id=entity.id,
            )


class IdMatchesFileName(Rule):
    """A measure or meeting whose id differs from its file name.

    One file per measure or meeting, named ``<id>.yaml``, so that the file of an
    item is found from its id (and a pull request shows which item it changes).
    Rename the file or change the id.

    **Bad** (`data/meetings/mgmt-2024-05-01.yaml`):

    ```yaml
    id: mgmt-2024-05-02
    body: mgmt
    date: 2024-05-01
    ```

    **Good** (`data/meetings/mgmt-2024-05-01.yaml`):

    ```yaml
    id: mgmt-2024-05-01
    body: mgmt
    date: 2024-05-01
    ```
    """

    code = "ID03"
    name = "ids.file-name"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Compare each one-per-file item's id with its file's stem."""
        one_per_file: list[Measure | Meeting] = [*tree.measures, *tree.meetings]
        for entity in one_per_file:
            ref = tree.source_of(entity)
            if ref is None:
                continue
            stem = PurePosixPath(ref.file).stem
            if stem != entity.id:
                yield self.at(
                    tree,
                    entity,
                    ("id",),
                    N_(
                        "id '{id}' does not match the file name '{stem}'; rename the file to "
                        "{id}.yaml or set 'id: {stem}'"
                    ),
                    id=entity.id,
                    stem=stem,
                )


RULES = (DuplicateId, DuplicateCode, AmbiguousId, IdMatchesFileName)
