"""Every code ``ictgov lint`` can report: the rules, and the load-time codes.

Load-time codes (``YM01`` syntax ... ``SC04``) come from reading files, not from
a rule, but they are registered here too, so that configuration can select,
ignore or re-grade them like any rule.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache

from ictgov.diagnostics import LOAD_CODES, Severity
from ictgov.lint.rule import Rule
from ictgov.lint.rules import RULE_MODULES


@dataclass(frozen=True)
class RuleInfo:
    """What users see of a rule: code, name, group, default severity, documentation."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    rule: type[Rule] | None = None

    @property
    def group(self) -> str:
        """First part of the name: ``references`` of ``references.dangling``."""
        return self.name.split(".", 1)[0]

    @property
    def family(self) -> str:
        """The letters of the code: ``RF`` of ``RF01``."""
        return self.code.rstrip("0123456789")


#: The engine's own finding when a rule crashes: always on, never suppressed.
RULE_CRASHED = RuleInfo(
    "LN01",
    "lint.rule-crashed",
    Severity.ERROR,
    "A rule failed with an internal error.",
    "A rule failed with an internal error.\n\nThis is a bug in ictgov, not in the data: "
    "the other rules still ran. Please report it with the message.",
)


def rule_classes() -> list[type[Rule]]:
    """The rule classes of every rule module, in module order."""
    out: list[type[Rule]] = []
    for name in RULE_MODULES:
        module = importlib.import_module(f"ictgov.lint.rules.{name}")
        out.extend(module.RULES)
    return out


@cache
def registry() -> tuple[RuleInfo, ...]:
    """All codes, load-time ones first, then the rules, each family in code order."""
    infos = [RuleInfo(c.code, c.name, c.severity, c.summary, c.summary) for c in LOAD_CODES]
    infos += [RuleInfo(r.code, r.name, r.severity, r.summary(), r.doc(), r) for r in rule_classes()]
    infos.append(RULE_CRASHED)
    return tuple(infos)


def by_code() -> dict[str, RuleInfo]:
    """Registry entries by code."""
    return {info.code: info for info in registry()}
