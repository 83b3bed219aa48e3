"""SARIF: file locations as percent-encoded relative URIs, and every rule's help."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.diagnostics import Diagnostic, Severity
from ictgov.lint.docs import RULES_DOC_URL, github_anchor, rule_heading
from ictgov.lint.registry import registry
from ictgov.lint.reporters.sarif import SRCROOT, SarifReporter, artifact_path, artifact_uri
from ictgov.lint.result import LintResult
from tests.lint.helpers import make_tree

REPO = Path(__file__).resolve().parents[2]
#: RFC 3986 path characters of a relative reference as we write it: unreserved
#: characters, "/" and well-formed percent-encodings, nothing else.
RFC3986_PATH = re.compile(r"^(?:[A-Za-z0-9\-._~/]|%[0-9A-F]{2})*$")


def sarif(*files: str) -> Any:
    ds = [Diagnostic("YM08", "file.unknown", Severity.WARNING, "m", f, 1, 1) for f in files]
    return json.loads(SarifReporter().render(LintResult(ds, files=len(ds))))


def uris(log: Any) -> list[str]:
    (run,) = log["runs"]
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert all(loc["uriBaseId"] == SRCROOT for loc in locations)
    return [loc["uri"] for loc in locations]


def test_file_uris_are_percent_encoded_and_relative() -> None:
    log = sarif(
        "data/measures/plain-name.yaml",
        "data/measures/ä ö.yaml",
        "data/Kokoukset 2024/hallitus:12#3?.yaml",
        "data/100%.yaml",
    )
    assert uris(log) == [
        "data/measures/plain-name.yaml",
        "data/measures/%C3%A4%20%C3%B6.yaml",
        "data/Kokoukset%202024/hallitus%3A12%233%3F.yaml",
        "data/100%25.yaml",
    ]
    assert log["runs"][0]["originalUriBaseIds"][SRCROOT]


def test_lint_of_a_tree_with_awkward_file_names(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", {"data/lisätiedot/muistio ä.yaml": "a: 1\n"})
    result = CliRunner().invoke(
        app, ["lint", "--root", str(root), "--today", "2024-12-31", "--format", "sarif"]
    )
    found = uris(json.loads(result.output))
    assert "data/lis%C3%A4tiedot/muistio%20%C3%A4.yaml" in found
    assert all(RFC3986_PATH.match(uri) for uri in found)


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
    min_size=1,
    max_size=40,
)


@given(name=names, folder=st.lists(names, max_size=3))
@example(name="ä ö%20#?:.yaml", folder=["data", "Kokoukset 2024"])
@example(name="..", folder=[])
@example(name="C:\\x.yaml", folder=[])
def test_any_file_name_round_trips_through_the_uri(name: str, folder: list[str]) -> None:
    path = "/".join([*folder, name])
    uri = artifact_uri(path)
    assert RFC3986_PATH.match(uri), uri
    assert artifact_path(uri) == path
    assert uri.count("/") == path.count("/")  # no separator is invented or lost
    (written,) = uris(sarif(path))
    assert written == uri


def test_undecodable_file_name_bytes_round_trip() -> None:
    path = "data/" + os.fsdecode(b"bad\xff\xfename.yaml")
    uri = artifact_uri(path)
    assert uri == "data/bad%FF%FEname.yaml"
    assert artifact_path(uri) == path


def test_every_rule_has_help_and_a_help_uri_into_the_reference() -> None:
    log = sarif()
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    infos = registry()
    assert [r["id"] for r in rules] == [i.code for i in infos]
    for rule, info in zip(rules, infos, strict=True):
        assert rule["help"]["text"] == info.doc
        assert info.doc in rule["help"]["markdown"] and f"`{info.name}`" in rule["help"]["markdown"]
        assert rule["helpUri"] == f"{RULES_DOC_URL}#{info.code.lower()}"
        assert rule["helpUri"].startswith(
            "https://github.com/ictgov/ictgov/blob/main/docs/rules.md#"
        )


def test_help_uris_resolve_to_headings_of_docs_rules_md() -> None:
    """Each anchor is one GitHub gives a heading of the committed page, and only one."""
    page = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    headings = [line.lstrip("#").strip() for line in page.splitlines() if line.startswith("#")]
    anchors = [github_anchor(h) for h in headings]
    rules = sarif()["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        fragment = rule["helpUri"].rsplit("#", 1)[1]
        assert anchors.count(fragment) == 1, (rule["id"], fragment)
    assert {rule_heading(i) for i in registry()} <= set(headings)


def test_github_anchor_follows_githubs_rules() -> None:
    assert github_anchor("YM01") == "ym01"
    assert github_anchor("The pull-request workflow in CI") == "the-pull-request-workflow-in-ci"
    assert github_anchor("`ictgov diff`: what a change means") == "ictgov-diff-what-a-change-means"
    assert github_anchor("Installing a pinned ictgov") == "installing-a-pinned-ictgov"
    assert github_anchor("snake_case stays") == "snake_case-stays"
