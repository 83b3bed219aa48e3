"""The lint cache's code fingerprint must change when any code a rule runs changes.

``ictgov.lint.cache`` hashes the files of the folders in ``CODE_FOLDERS``; a cached
result computed by old code is reused if a folder the rules import is missing from
that list. The rules ask ``ictgov/verdicts/``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import ictgov
from ictgov.lint.cache import CODE_FOLDERS

PKG = Path(ictgov.__file__).resolve().parent
ROOTS = [
    *(PKG / "lint" / "rules").glob("*.py"),
    PKG / "lint" / "rule.py",
    PKG / "lint" / "engine.py",
]


def _module_file(name: str) -> Path | None:
    rel = Path(*name.split(".")[1:])
    for candidate in (PKG / rel.with_suffix(".py"), PKG / rel / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return {n for n in names if n.startswith("ictgov.")}


def rule_folders() -> set[str]:
    """Package folders (``""`` for the top) of every module the rules import, transitively."""
    seen: set[Path] = set()
    pending = list(ROOTS)
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        pending += [f for f in map(_module_file, _imported(path)) if f is not None]
    return {"" if p.parent == PKG else p.parent.relative_to(PKG).as_posix() for p in seen}


def test_the_fingerprint_covers_every_folder_the_rules_import() -> None:
    assert rule_folders() - set(CODE_FOLDERS) == set()


def test_the_rules_import_the_verdicts() -> None:
    assert "verdicts" in rule_folders()
