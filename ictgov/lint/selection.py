"""Applying configuration: which codes run, at which severity, and what is suppressed.

A selector names a rule by code (``RF01``), code family (``RF``), dotted name
(``references.dangling``), group or name prefix (``references``), or ``all``.
Unknown selectors are configuration errors, with a did-you-mean.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.errors import ConfigError
from ictgov.lint.registry import RULE_CRASHED, RuleInfo, registry


def _norm(selector: str) -> str:
    return selector.strip().lower().replace("_", "-")


def specificity(selector: str, info: RuleInfo) -> int:
    """How precisely *selector* names *info*: 0 no match, 1 all, 2 family/group, 3 exact."""
    sel = _norm(selector)
    if sel in (info.code.lower(), info.name):
        return 3
    if sel == info.family.lower() or sel == info.group or info.name.startswith(sel + "."):
        return 2
    if sel == "all":
        return 1
    return 0


def matches(selector: str, info: RuleInfo) -> bool:
    """Whether *selector* names *info*."""
    return specificity(selector, info) > 0


def check_selectors(selectors: Iterable[str], where: str) -> None:
    """Raise ConfigError for a selector that names no code."""
    infos = registry()
    for selector in selectors:
        if not any(matches(selector, info) for info in infos):
            known = [i.code for i in infos] + [i.name for i in infos]
            known += sorted({i.group for i in infos})
            close = difflib.get_close_matches(selector, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else "; see 'ictgov lint --list-rules'"
            raise ConfigError(f"{where}: {selector!r} names no lint rule{hint}")


@dataclass
class Selection:
    """The result of configuration: enabled codes and their severities."""

    severities: dict[str, Severity] = field(default_factory=dict)

    def enabled(self, code: str) -> bool:
        """Whether findings of *code* are reported."""
        return code in self.severities

    def apply(self, diagnostic: Diagnostic) -> Diagnostic | None:
        """The diagnostic at its configured severity, or None if its code is off."""
        severity = self.severities.get(diagnostic.code)
        if severity is None:
            return None
        if severity is diagnostic.severity:
            return diagnostic
        return replace(diagnostic, severity=severity)


def build_selection(
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    severity: Mapping[str, Severity] | None = None,
) -> Selection:
    """Which codes run and how severe each is, from select, ignore and severity maps."""
    select, ignore = list(select), list(ignore)
    overrides = dict(severity or {})
    check_selectors(select, "select")
    check_selectors(ignore, "ignore")
    check_selectors(overrides, "severity")
    out: dict[str, Severity] = {}
    for info in registry():
        if info is RULE_CRASHED:
            out[info.code] = info.severity
            continue
        if select and not any(matches(s, info) for s in select):
            continue
        # The most specific of select/ignore wins; on a tie, ignore wins.
        best_select = max((specificity(s, info) for s in select), default=0)
        best_ignore = max((specificity(s, info) for s in ignore), default=0)
        if best_ignore and best_ignore >= best_select:
            continue
        level = info.severity
        ranked = sorted((specificity(sel, info), sel) for sel in overrides if matches(sel, info))
        for _, sel in ranked:  # most specific applied last, so it wins
            level = Severity(overrides[sel])
        out[info.code] = level
    return Selection(out)


def is_suppressed(diagnostic: Diagnostic, suppressions: Mapping[int, frozenset[str]]) -> bool:
    """Whether a ``# ictgov: disable=...`` on the diagnostic's line (or file) names it."""
    if not suppressions or diagnostic.code == RULE_CRASHED.code:
        return False
    names = suppressions.get(diagnostic.line, frozenset()) | suppressions.get(0, frozenset())
    if not names:
        return False
    info = RuleInfo(diagnostic.code, diagnostic.name, diagnostic.severity, "", "")
    return any(matches(name, info) for name in names)
