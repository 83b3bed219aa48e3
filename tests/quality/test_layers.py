"""No package imports one above it, lazily or not (the caches were the offenders, issue 15).

Every ``import`` statement counts, also one inside a function or under
``TYPE_CHECKING``: a lazy import is still an import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "ictgov"

#: module or package -> what it must never import
BELOW = {
    "cachedir": ("ictgov.",),  # only ictgov itself (its version), checked below
    "load": (
        "ictgov.lint",
        "ictgov.views",
        "ictgov.render",
        "ictgov.cli",
        "ictgov.vcs",
        "ictgov.edit",
        "ictgov.exchange",
        "ictgov.scaffold",
        "ictgov.diff",
        "ictgov.project",
    ),
    "lint": ("ictgov.render", "ictgov.cli", "ictgov.cache"),
}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _modules(name: str) -> list[Path]:
    path = PACKAGE / name
    return sorted(path.rglob("*.py")) if path.is_dir() else [PACKAGE / f"{name}.py"]


@pytest.mark.parametrize("layer", sorted(BELOW))
def test_no_import_from_above(layer: str) -> None:
    bad = []
    for module in _modules(layer):
        for name in _imports(module):
            if layer == "cachedir" and name.startswith("ictgov") and name != "ictgov":
                if name != "ictgov.__version__":
                    bad.append(f"{module.name}: {name}")
            elif layer != "cachedir" and any(
                name == above or name.startswith(above + ".") for above in BELOW[layer]
            ):
                bad.append(f"{module.relative_to(PACKAGE)}: {name}")
    assert not bad, "imports from a layer above: " + ", ".join(bad)


def test_no_module_of_the_caches_is_over_400_lines() -> None:
    for module in [*_modules("cachedir"), PACKAGE / "load/cache.py", PACKAGE / "lint/cache.py"]:
        assert len(module.read_text(encoding="utf-8").splitlines()) <= 400, module


def test_nothing_is_pickled_in_the_caches() -> None:
    for module in [*_modules("cachedir"), *_modules("load"), *_modules("lint")]:
        assert not any(n.split(".")[0] in {"pickle", "marshal", "shelve"} for n in _imports(module))
