"""``ictgov lint``: rules over a loaded tree, configured, cached and reported.

The engine (``engine``) runs rules (``rules/``, one module per family) that the
registry (``registry``) lists; ``selection`` applies configuration and
suppression comments; ``reporters`` render a result; ``run`` ties loading, the
parse cache and the engine together for the command.
"""

from ictgov.lint.engine import LintResult, run_rules
from ictgov.lint.registry import RuleInfo, registry
from ictgov.lint.rule import LintContext, Rule
from ictgov.lint.selection import Selection, build_selection

__all__ = [
    "LintContext",
    "LintResult",
    "Rule",
    "RuleInfo",
    "Selection",
    "build_selection",
    "registry",
    "run_rules",
]
