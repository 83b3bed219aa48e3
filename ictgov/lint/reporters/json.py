"""A stable JSON object for scripts: ``{"diagnostics": [...], "summary": {...}}``."""

from __future__ import annotations

import json
from typing import Any

from ictgov.lint.reporters.base import Reporter
from ictgov.lint.result import LintResult


class JsonReporter(Reporter):
    """Every diagnostic with all its fields, and counts; keys sorted, no timestamps."""

    format = "json"

    def render(self, result: LintResult) -> str:
        """The JSON document, indented, with a final newline."""
        counts = result.counts()
        payload: dict[str, Any] = {
            "diagnostics": [d.as_dict(self.lang) for d in result.diagnostics],
            "summary": {
                "files": result.files,
                "total": sum(counts.values()),
                "errors": counts["error"],
                "warnings": counts["warning"],
                "infos": counts["info"],
                "crashed_rules": list(result.crashed),
            },
        }
        return json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
