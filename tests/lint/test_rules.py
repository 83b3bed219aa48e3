"""Every rule, as data: cases in tests/fixtures/lint/cases/*.yaml (see the README there).

Each case lints a copy of the minimal tree with a few files added or replaced and
expects exactly the listed findings, with file, line and column.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from ictgov.lint.registry import registry
from tests.lint.helpers import CASE_TODAY, FIXTURES, lint_root, located, make_tree

CASES_DIR = FIXTURES / "lint" / "cases"


def _cases() -> list[Any]:
    out = []
    for file in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(file.read_text(encoding="utf-8")):
            out.append(pytest.param(case, id=f"{file.stem}: {case['name']}"))
    return out


@pytest.mark.parametrize("case", _cases())
def test_rule_case(case: dict[str, Any], tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", case.get("files"), case.get("config"))
    today = case.get("today", CASE_TODAY)
    assert isinstance(today, date)
    expected = [tuple(e) for e in case["expect"]]
    assert located(lint_root(root, today)) == expected


def test_minimal_fixture_is_clean_on_case_day(tmp_path: Path) -> None:
    assert lint_root(make_tree(tmp_path / "repo")) == []


def test_every_rule_has_a_firing_case() -> None:
    """A rule without a case that makes it fire is an untested rule."""
    fired: set[str] = set()
    for file in CASES_DIR.glob("*.yaml"):
        for case in yaml.safe_load(file.read_text(encoding="utf-8")):
            fired.update(e[0] for e in case["expect"])
    rules = {info.code for info in registry() if info.rule is not None}
    assert rules - fired == set()
