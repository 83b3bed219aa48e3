"""Build small trees for lint tests: the minimal fixture plus files, linted in-process."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from ictgov.diagnostics import Diagnostic
from ictgov.lint import LintContext, build_selection, run_rules
from ictgov.project import Project

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MINIMAL = FIXTURES / "minimal"
#: The minimal fixture is clean on this day (on the suite's 2024-11-01 it has late records).
CASE_TODAY = date(2024, 12, 31)


def make_tree(dest: Path, files: dict[str, str] | None = None, config: str | None = None) -> Path:
    """A copy of the minimal tree at *dest* with *files* written over it."""
    shutil.copytree(MINIMAL, dest, ignore=shutil.ignore_patterns(".ictgov-cache"))
    for rel, text in (files or {}).items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if config is not None:
        (dest / "ictgov.toml").write_text(config, encoding="utf-8")
    return dest


def lint_root(root: Path, today: date = CASE_TODAY) -> list[Diagnostic]:
    """All findings of the default rule set on the tree at *root*."""
    project = Project.open(root)
    lint = project.config.lint
    selection = build_selection(lint.select, lint.ignore, lint.severity)
    result = run_rules(project.tree(), LintContext(today, project.config), selection)
    return result.diagnostics


def located(diagnostics: list[Diagnostic]) -> list[tuple[str, str, int, int]]:
    """``(code, file, line, column)`` of each finding, as the case files write them."""
    return [(d.code, d.file, d.line, d.column) for d in diagnostics]
