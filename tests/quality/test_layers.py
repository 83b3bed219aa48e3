"""The house has floors: no package imports one above it, and no modules import in a circle.

Every ``import`` statement counts, also one inside a function or under
``TYPE_CHECKING``: a lazy import is still an import (issue 15). Data flows one way,
files -> models -> verdicts -> checks and views -> renderers, and the CLI on top.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "ictgov"

#: Top-level module or package of ictgov -> its floor. A unit may import only units on
#: its own floor or below. A new unit must be placed here (the test says so).
FLOORS: dict[str, int] = {
    "ictgov": 0,  # the package itself: its version and repository URL
    "errors": 0,
    "visible": 0,
    "safefs": 1,
    "invocation": 2,  # the root and today, before anything is loaded (stdlib and safefs)
    "answers": 3,  # remembered answers of read-only commands (stdlib, cachedir, invocation)
    "diagnostics": 1,
    "i18n": 1,
    "cachedir": 1,
    "model": 2,
    "config": 3,
    "schema": 3,
    "load": 4,
    "verdicts": 5,
    "vcs": 6,
    "project": 7,
    "views": 8,
    "diff": 8,
    "lint": 9,
    "history": 10,
    "edit": 10,
    "exchange": 11,
    "scaffold": 11,
    "render": 11,
    "round": 12,
    "commands": 12,  # one library call per command, combining views, history and exchange
    "cli": 13,
    "__main__": 14,
}


def _module_name(path: Path) -> str:
    parts = path.with_suffix("").relative_to(PACKAGE.parent).parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The ictgov modules *path* imports, each resolved to the longest known module name."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        for name in names:
            parts = name.split(".")
            for end in range(len(parts), 0, -1):
                candidate = ".".join(parts[:end])
                if candidate in known:
                    found.add(candidate)
                    break
    return found


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "ictgov"


def test_every_unit_has_a_floor() -> None:
    units = {_unit(m) for m in _modules()}
    assert not units - set(FLOORS), "place these in FLOORS: " + ", ".join(units - set(FLOORS))


def test_no_unit_imports_one_above_it() -> None:
    known = _modules()
    bad = []
    for module, path in known.items():
        floor = FLOORS.get(_unit(module), 99)
        for target in _imports(path, known):
            if FLOORS.get(_unit(target), 99) > floor:
                bad.append(f"{module} -> {target}")
    assert not bad, "imports from a floor above:\n" + "\n".join(sorted(bad))


def test_no_modules_import_in_a_circle() -> None:
    known = _modules()
    graph = {m: _imports(p, known) - {m} for m, p in known.items()}
    circles = _strongly_connected(graph)
    assert not circles, "import circles: " + "; ".join(" <-> ".join(sorted(c)) for c in circles)


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the components of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def test_the_circle_finder_finds_a_circle() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    graph.update({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
    assert [sorted(c) for c in _strongly_connected(graph)] == [["a", "b", "c"]]


@pytest.mark.parametrize("module", sorted(_modules()))
def test_no_module_is_over_400_lines(module: str) -> None:
    lines = len(_modules()[module].read_text(encoding="utf-8").splitlines())
    assert lines <= LIMITS.get(module, 400), f"{module}: {lines} lines; split it by its jobs"


#: Modules allowed over the limit, with their size: none today; each may only shrink.
LIMITS: dict[str, int] = {}


def test_nothing_is_pickled_in_the_caches() -> None:
    known = _modules()
    for module, path in known.items():
        if _unit(module) in {"cachedir", "load", "lint"}:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
            names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
            assert not names & {"pickle", "marshal", "shelve"}, module
