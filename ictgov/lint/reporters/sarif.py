"""SARIF 2.1.0, for code-scanning dashboards, with every rule's metadata."""

from __future__ import annotations

import json
from typing import Any

from ictgov import ISSUES_URL, __version__
from ictgov.lint.reporters.base import Reporter
from ictgov.lint.result import LintResult

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


class SarifReporter(Reporter):
    """One run of the ``ictgov`` driver; rules listed in registry order."""

    format = "sarif"

    def render(self, result: LintResult) -> str:
        """The SARIF log as indented JSON with sorted keys."""
        from ictgov.lint.registry import registry  # the rules' metadata: loaded only here

        infos = registry()
        index = {info.code: i for i, info in enumerate(infos)}
        rules = [
            {
                "id": info.code,
                "name": info.name,
                "shortDescription": {"text": info.summary},
                "fullDescription": {"text": info.doc},
                "defaultConfiguration": {"level": _LEVEL[info.severity.value]},
                "properties": {"group": info.group},
            }
            for info in infos
        ]
        results: list[dict[str, Any]] = []
        for d in result.diagnostics:
            entry: dict[str, Any] = {
                "ruleId": d.code,
                "level": _LEVEL[d.severity.value],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": d.file, "uriBaseId": "%SRCROOT%"},
                            "region": {"startLine": d.line, "startColumn": d.column},
                        }
                    }
                ],
            }
            if d.code in index:
                entry["ruleIndex"] = index[d.code]
            if d.path:
                entry["properties"] = {"dataPath": d.path}
            results.append(entry)
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "ictgov",
                            "version": __version__,
                            "informationUri": ISSUES_URL.rsplit("/issues", 1)[0],
                            "rules": rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        return json.dumps(log, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
