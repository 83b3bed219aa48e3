"""Reporters: golden files for every format, and the escaping rules of each.

The golden files live in tests/fixtures/lint/golden/. After an intended change of
output, regenerate them with ``ICTGOV_UPDATE_GOLDEN=1 python -m pytest tests/lint``
and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.diagnostics import Diagnostic, Severity
from ictgov.lint.registry import registry
from ictgov.lint.reporters import REPORTERS
from ictgov.lint.reporters.github import GithubReporter, escape_data, escape_property
from ictgov.lint.reporters.text import TextReporter
from ictgov.lint.result import LintResult
from tests.lint.helpers import FIXTURES, make_tree
from tests.lint.test_cli import COMPLETED_AT_40, OVERDUE_ACTION

GOLDEN = FIXTURES / "lint" / "golden"
UPDATE = bool(os.environ.get("ICTGOV_UPDATE_GOLDEN"))
runner = CliRunner()


@pytest.fixture(scope="module")
def report_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tree(
        tmp_path_factory.mktemp("golden") / "repo",
        {
            "data/measures/m-gamma.yaml": COMPLETED_AT_40,
            "data/meetings/mgmt-2024-06-01.yaml": OVERDUE_ACTION,
            "data/extra/notes.yaml": "a: 1\n",
        },
    )


@pytest.mark.parametrize(
    ("fmt", "golden"),
    [
        ("text", "report.txt"),
        ("json", "report.json"),
        ("github", "report.github.txt"),
        ("sarif", "report.sarif.json"),
    ],
)
def test_golden(report_root: Path, fmt: str, golden: str) -> None:
    result = runner.invoke(
        app, ["lint", "--root", str(report_root), "--today", "2024-12-31", "--format", fmt]
    )
    assert result.exit_code == 1
    path = GOLDEN / golden
    if UPDATE:
        path.write_text(result.output, encoding="utf-8")
    assert result.output == path.read_text(encoding="utf-8")


def test_every_format_has_a_reporter() -> None:
    assert sorted(REPORTERS) == ["github", "json", "sarif", "text"]


def test_sarif_rules_metadata_and_indices(report_root: Path) -> None:
    log = json.loads((GOLDEN / "report.sarif.json").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [i.code for i in registry()]
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in {"error", "warning", "note"}
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_github_escaping() -> None:
    assert escape_data("50 %\r\nnext") == "50 %25%0D%0Anext"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"
    d = Diagnostic("ST01", "status.progress", Severity.INFO, "x: 1, y\n", "data/a,b:c.yaml", 2, 3)
    assert GithubReporter.command(d) == (
        "::notice file=data/a%2Cb%3Ac.yaml,line=2,col=3,title=ST01 status.progress::x: 1, y%0A"
    )


def test_text_colour_only_when_asked() -> None:
    d = Diagnostic("ST01", "status.progress", Severity.ERROR, "bad", "data/x.yaml", 2, 3)
    result = LintResult([d], files=1)
    plain = TextReporter().render(result)
    assert "\x1b[" not in plain
    assert plain == (
        "data/x.yaml:2:3: error ST01 [status.progress] bad\nFound 1 problem (1 error) in 1 file.\n"
    )
    coloured = TextReporter(color=True).render(result)
    assert "\x1b[" in coloured
    assert "error" in coloured and "ST01" in coloured


def test_json_summary_counts() -> None:
    ds = [
        Diagnostic("ST01", "status.progress", Severity.ERROR, "a", "f", 1, 1),
        Diagnostic("FU01", "followup.stale", Severity.WARNING, "b", "f", 2, 1),
    ]
    out = json.loads(REPORTERS["json"]().render(LintResult(ds, files=3)))
    assert out["summary"] == {
        "files": 3,
        "total": 2,
        "errors": 1,
        "warnings": 1,
        "infos": 0,
        "crashed_rules": [],
    }
