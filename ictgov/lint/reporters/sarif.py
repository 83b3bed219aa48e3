"""SARIF 2.1.0, for code-scanning dashboards, with every rule's metadata and help.

File locations are relative URI references (RFC 3986) against ``%SRCROOT%``, the
repository root: a path is percent-encoded as UTF-8 (``data/measures/ä b.yaml`` ->
``data/measures/%C3%A4%20b.yaml``), so a space, a non-ASCII letter or a ``:`` or ``#``
in a file name never turns into a scheme, a fragment or a broken link. Each rule
carries its documentation as ``help`` (text and Markdown) and a ``helpUri`` to its
section of the rules reference.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, unquote

from ictgov import REPOSITORY_URL, __version__
from ictgov.lint.reporters.base import Reporter
from ictgov.lint.result import LintResult

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """*path* (relative, ``/``-separated) as a percent-encoded relative URI reference.

    Only RFC 3986's unreserved characters and ``/`` stay as they are (a backslash is
    a character of a POSIX file name, so it is encoded too); undecodable bytes of a file
    name (surrogate escapes) are encoded as the bytes they were.
    """
    return quote(path, safe="/", errors="surrogateescape")


def artifact_path(uri: str) -> str:
    """The path an ``artifact_uri`` came from (the inverse, for consumers and tests)."""
    return unquote(uri, errors="surrogateescape")


class SarifReporter(Reporter):
    """One run of the ``ictgov`` driver; rules listed in registry order."""

    format = "sarif"

    def render(self, result: LintResult) -> str:
        """The SARIF log as indented JSON with sorted keys."""
        from ictgov.lint.docs import rule_body, rule_help_uri
        from ictgov.lint.registry import registry  # the rules' metadata: loaded only here

        infos = registry()
        index = {info.code: i for i, info in enumerate(infos)}
        rules = [
            {
                "id": info.code,
                "name": info.name,
                "shortDescription": {"text": info.summary},
                "fullDescription": {"text": info.doc},
                "help": {"text": info.doc, "markdown": rule_body(info)},
                "helpUri": rule_help_uri(info),
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
                "message": {"text": d.text(self.lang)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {
                                "uri": artifact_uri(d.file),
                                "uriBaseId": SRCROOT,
                            },
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
                            "informationUri": REPOSITORY_URL,
                            "rules": rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "originalUriBaseIds": {
                        SRCROOT: {"description": {"text": "The root of the strategy repository."}}
                    },
                    "results": results,
                }
            ],
        }
        return json.dumps(log, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
