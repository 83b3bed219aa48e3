"""``ictgov lint``: rules over a loaded tree, configured, cached and reported.

The engine (``engine``) runs rules (``rules/``, one module per family) that the
registry (``registry``) lists; ``selection`` applies configuration and
suppression comments; ``reporters`` render a ``result``; ``run`` ties loading
(through the parse cache of ``ictgov.load.cache``) and the engine together for the
command, and ``cache`` answers a warm run of an unchanged tree without loading it.

Importing this package is cheap: the names below load their modules on first use,
so the warm path never imports pydantic or the data model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ictgov.lint.engine import run_rules
    from ictgov.lint.registry import RuleInfo, registry
    from ictgov.lint.result import LintResult
    from ictgov.lint.rule import LintContext, Rule
    from ictgov.lint.selection import Selection, build_selection

_LAZY = {
    "LintContext": "rule",
    "Rule": "rule",
    "LintResult": "result",
    "RuleInfo": "registry",
    "registry": "registry",
    "Selection": "selection",
    "build_selection": "selection",
    "run_rules": "engine",
}

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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ictgov.lint' has no attribute {name!r}")
    return getattr(importlib.import_module(f"ictgov.lint.{module}"), name)
