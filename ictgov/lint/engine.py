"""Run the selected rules over a tree: filter, re-grade, suppress, sort.

A rule that raises does not stop the run: it becomes one ``LN01`` finding naming
the rule, the other rules still report, and the run exits 2 (an internal error).
"""

from __future__ import annotations

from collections.abc import Iterable

from ictgov import ISSUES_URL, __version__
from ictgov.diagnostics import Diagnostic, Severity
from ictgov.i18n import N_
from ictgov.lint.registry import RULE_CRASHED, RuleInfo, registry
from ictgov.lint.result import LintResult, sort_key
from ictgov.lint.rule import LintContext
from ictgov.lint.selection import Selection, is_suppressed
from ictgov.load import Tree


def describe(exc: BaseException) -> str:
    """``ZeroDivisionError: division by zero``."""
    return f"{type(exc).__name__}: {exc}"


def _crash(info: RuleInfo, error: str) -> Diagnostic:
    return Diagnostic(
        RULE_CRASHED.code,
        RULE_CRASHED.name,
        Severity.ERROR,
        N_(
            "rule {code} ({name}) failed: {error}; the other rules ran. This is a bug in "
            "ictgov {version}: please report it at {url}"
        ),
        "data",
        args={
            "code": info.code,
            "name": info.name,
            "error": error,
            "version": __version__,
            "url": ISSUES_URL,
        },
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
        except Exception as exc:  # a broken rule must not hide the others
            result.crashed.append(info.code)
            raw.append(_crash(info, describe(exc)))
    result.diagnostics = finish(raw, tree, selection)
    return result


def finish(raw: Iterable[Diagnostic], tree: Tree, selection: Selection) -> list[Diagnostic]:
    """Configured severities, suppressions applied, duplicates dropped, sorted."""
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
    return sorted(out.values(), key=sort_key)
