"""Cycles: nothing may depend on itself, no body may report to itself."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.i18n.messages import msg
from ictgov.lint.rule import LintContext, Rule
from ictgov.load import Tree


def strongly_connected(graph: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively (trees can be deep)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    adjacency = {node: [s for s in succ if s in graph] for node, succ in graph.items()}
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, pos = work.pop()
            if pos == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            succ = adjacency[node]
            if pos < len(succ):
                work.append((node, pos + 1))
                nxt = succ[pos]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                out.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return out


def find_cycles(graph: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """One cycle per strongly connected component, starting at its smallest node.

    Each cycle is listed as ``[a, b, ..., a]``; a self-loop is ``[a, a]``.
    """
    cycles = []
    for component in strongly_connected(graph):
        if len(component) == 1 and component[0] not in graph.get(component[0], ()):
            continue  # the usual case: a measure in no cycle
        members = set(component)
        start = min(component)
        # Breadth-first search for the shortest way back to the start inside the component.
        previous: dict[str, str] = {}
        frontier = [start]
        found = False
        while frontier and not found:
            nxt_frontier = []
            for node in frontier:
                for succ in sorted(set(graph.get(node, ()))):
                    if succ == start:
                        previous[start] = node
                        found = True
                        break
                    if succ in members and succ not in previous:
                        previous[succ] = node
                        nxt_frontier.append(succ)
                if found:
                    break
            frontier = nxt_frontier
        path = [start]
        node = previous[start]
        while node != start:
            path.append(node)
            node = previous[node]
        path.append(start)
        path.reverse()
        cycles.append(path)
    return sorted(cycles)


class DependencyCycle(Rule):
    """Measures depend on each other in a circle.

    If A waits for B and B waits for A, neither can start. Each cycle is reported
    once, at the dependency of its first measure, listing the whole circle:
    remove one of the ``depends_on.measures`` entries.

    **Bad** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    depends_on: {measures: [m-gamma]}
    ```

    **Good** (`data/measures/m-gamma.yaml`):

    ```yaml
    id: m-gamma
    code: "1.2"
    title: Gamma
    goals: [g1]
    responsible: mgmt
    indicator: {description: Johtoryhmä seuraa.}
    depends_on: {measures: [m-alpha]}
    ```
    """

    code = "CY01"
    name = "cycles.dependencies"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Find cycles in the measure dependency graph."""
        graph = {m.id: list(m.depends_on.measures) for m in tree.measures}
        by_id = tree.measure_by_id
        for cycle in find_cycles(graph):
            first = by_id[cycle[0]]
            where = first.depends_on.measures.index(cycle[1])
            yield self._report(
                tree, first, ("depends_on", "measures", where), cycle, msg(N_("depends_on"))
            )

    def _report(
        self,
        tree: Tree,
        entity: Any,
        path: tuple[str | int, ...],
        cycle: list[str],
        verb: dict[str, Any],
    ) -> Diagnostic:
        shown = cycle if len(cycle) <= 12 else [*cycle[:10], "...", cycle[-1]]
        arrow = " -> ".join(shown)
        if len(cycle) > 12:
            return self.at(
                tree,
                entity,
                path,
                N_("cycle of {n} ({kind}): {chain}; break it by removing one link"),
                n=len(cycle) - 1,
                kind=verb,
                chain=arrow,
            )
        return self.at(
            tree,
            entity,
            path,
            N_("cycle ({kind}): {chain}; break it by removing one link"),
            kind=verb,
            chain=arrow,
        )


class ReportingCycle(DependencyCycle):
    """Governance bodies report to each other in a circle.

    ``reports_to`` must lead up to a top body that reports to no one. Each cycle
    is reported once, at the ``reports_to`` of its first body: fix one link.

    **Bad** (`data/strategy/bodies.yaml`):

    ```yaml
    bodies:
      - id: board
        name: Hallitus
        level: strategic
        reports_to: steering
      - id: mgmt
        name: Johtoryhmä
        level: strategic
        reports_to: board
      - id: steering
        name: Ohjausryhmä
        level: tactical
        reports_to: mgmt
    ```

    **Good** (`data/strategy/bodies.yaml`):

    ```yaml
    bodies:
      - id: board
        name: Hallitus
        level: strategic
      - id: mgmt
        name: Johtoryhmä
        level: strategic
        reports_to: board
      - id: steering
        name: Ohjausryhmä
        level: tactical
        reports_to: mgmt
    ```
    """

    code = "CY02"
    name = "cycles.reporting"
    severity = Severity.ERROR

    def check(self, tree: Tree, ctx: LintContext) -> Iterator[Diagnostic]:
        """Find cycles in the reporting lines of bodies."""
        graph = {b.id: [b.reports_to] if b.reports_to else [] for b in tree.bodies}
        by_id = tree.body_by_id
        for cycle in find_cycles(graph):
            yield self._report(tree, by_id[cycle[0]], ("reports_to",), cycle, msg(N_("reports_to")))


RULES = (DependencyCycle, ReportingCycle)
