"""Output formats of ``ictgov lint``: text, json, github, sarif."""

from __future__ import annotations

from ictgov.lint.reporters.base import Reporter
from ictgov.lint.reporters.github import GithubReporter
from ictgov.lint.reporters.json import JsonReporter
from ictgov.lint.reporters.sarif import SarifReporter
from ictgov.lint.reporters.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    r.format: r for r in (TextReporter, JsonReporter, GithubReporter, SarifReporter)
}

__all__ = ["REPORTERS", "Reporter"]
