"""Run the selected rules over a tree: filter, re-grade, suppress, sort.

A rule that raises does not stop the run: it becomes one ``LN01`` finding naming
the rule, the other rules still report, and the run exits 2 (an internal error).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ictgov import ISSUES_URL, __version__
from ictgov.diagnostics import Diagnostic, Severity
from ictgov.lint.registry import RULE_CRASHED, RuleInfo, registry
from ictgov.lint.rule import LintContext
from ictgov.lint.selection import Selection, is_suppressed
from ictgov.load import Tree


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


def _crash(info: RuleInfo, exc: Exception) -> Diagnostic:
    return Diagnostic(
        RULE_CRASHED.code,
        RULE_CRASHED.name,
        Severity.ERROR,
        f"rule {info.code} ({info.name}) failed: {type(exc).__name__}: {exc}; the other rules "
        f"ran. This is a bug in ictgov {__version__}: please report it at {ISSUES_URL}",
        "data",
    )


def run_rules(
    tree: Tree,
    ctx: LintContext,
    selection: Selection,
    infos: Iterable[RuleInfo] | None = None,
) -> LintResult:
    """Load diagnostics plus every enabled rule's findings, configured and sorted."""
    result = LintResult(files=len(tree.documents))
    raw: list[Diagnostic] = list(tree.diagnostics)
    for info in infos if infos is not None else registry():
        if info.rule is None or not selection.enabled(info.code):
            continue
        try:
            raw.extend(info.rule().check(tree, ctx))
        except Exception as exc:
            result.crashed.append(info.code)
            raw.append(_crash(info, exc))
    out: dict[tuple[object, ...], Diagnostic] = {}
    for diagnostic in raw:
        configured = selection.apply(diagnostic)
        if configured is None:
            continue
        doc = tree.documents.get(configured.file)
        if doc is not None and is_suppressed(configured, doc.suppressions):
            continue
        key = (*sort_key(configured), configured.severity.value, configured.path)
        out.setdefault(key, configured)
    result.diagnostics = sorted(out.values(), key=sort_key)
    return result
