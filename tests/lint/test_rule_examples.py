"""Every rule documents a bad and a good example, and the engine agrees with both.

The examples are in the rule docstrings (so ``docs/rules.md`` shows them, as
sqlfluff's rule pages do): each is a file of the minimal tree, written over it and
linted on the case day. A bad example must make its rule fire; a good one must leave
the whole tree clean, so that copying it never trades one finding for another.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ictgov.lint.registry import RuleInfo, registry
from tests.lint.helpers import lint_root, make_tree

#: ``**Bad** (`path`):`` then a fenced YAML block: the shape rule docstrings use.
EXAMPLE = re.compile(
    r"^\*\*(?P<kind>Bad|Good)\*\* \(`(?P<path>[^`]+)`\):\n\n```yaml\n(?P<text>.*?)\n```$",
    re.MULTILINE | re.DOTALL,
)

RULES = [info for info in registry() if info.rule is not None]


def examples(info: RuleInfo, kind: str) -> dict[str, str]:
    """Path -> file text of a rule's examples of one kind."""
    found = [m for m in EXAMPLE.finditer(info.doc) if m.group("kind") == kind]
    return {m.group("path"): m.group("text") + "\n" for m in found}


@pytest.mark.parametrize("info", RULES, ids=lambda i: i.code)
def test_every_rule_shows_a_bad_and_a_good_example(info: RuleInfo) -> None:
    assert examples(info, "Bad"), f"{info.code} has no **Bad** example"
    assert examples(info, "Good"), f"{info.code} has no **Good** example"


@pytest.mark.parametrize("info", RULES, ids=lambda i: i.code)
def test_the_bad_example_triggers_its_rule(info: RuleInfo, tmp_path: Path) -> None:
    found = lint_root(make_tree(tmp_path / "repo", examples(info, "Bad")))
    assert info.code in {d.code for d in found}


@pytest.mark.parametrize("info", RULES, ids=lambda i: i.code)
def test_the_good_example_leaves_the_tree_clean(info: RuleInfo, tmp_path: Path) -> None:
    found = lint_root(make_tree(tmp_path / "repo", examples(info, "Good")))
    assert [(d.code, d.message) for d in found] == []


def test_the_pattern_reads_a_docstring_example() -> None:
    doc = "Summary.\n\n**Bad** (`data/x.yaml`):\n\n```yaml\nid: x\n```\n"
    info = RuleInfo("XX01", "x.y", registry()[0].severity, "Summary.", doc)
    assert examples(info, "Bad") == {"data/x.yaml": "id: x\n"}
    assert examples(info, "Good") == {}
