"""The outcome of a lint run: findings, files counted, crashed rules.

Kept free of heavy imports (no pydantic, no models): the reporters and the
result cache (``lint.cache``) use it without loading the data model.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ictgov.diagnostics import Diagnostic, Severity


@dataclass
class LintResult:
    """The findings of one run, sorted, with what is needed to pick an exit code."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    #: Codes of the rules that crashed: any makes the exit code 2.
    crashed: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Findings per severity, every severity present (zero if none)."""
        found = Counter(d.severity.value for d in self.diagnostics)
        return {s.value: found.get(s.value, 0) for s in Severity}

    def exit_code(self, fail_on: Severity) -> int:
        """2 if a rule crashed, 1 if a finding is at or above *fail_on*, else 0."""
        if self.crashed:
            return 2
        if any(d.severity.rank >= fail_on.rank for d in self.diagnostics):
            return 1
        return 0


def sort_key(d: Diagnostic) -> tuple[str, int, int, str, str]:
    """Stable order: file, line, column, code, message."""
    return (d.file, d.line, d.column, d.code, d.message)
