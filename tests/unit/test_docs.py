"""docs/format.md is generated from the models and its examples are valid data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ictgov.load import Tree, load_document
from ictgov.model.files import KINDS
from ictgov.views.overview import build_overview
from ictgov.views.status import status_data, status_report
from tools.docs_gen import _STATUS_KEYS, EXAMPLES, render_format_doc, type_name

REPO = Path(__file__).resolve().parents[2]


def test_committed_format_doc_is_current() -> None:
    committed = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    assert committed == render_format_doc(), (
        "docs/format.md is stale; regenerate it with 'python -m tools.docs_gen'"
    )


def test_every_kind_and_every_field_is_documented() -> None:
    page = render_format_doc()
    for kind in KINDS:
        assert f"\n## {kind.name}\n" in page
        for field in kind.model.model_fields:
            assert f"| `{field}` |" in page, (kind.name, field)


@pytest.mark.parametrize("kind", [k.name for k in KINDS])
def test_each_example_loads_without_a_diagnostic(kind: str) -> None:
    path, text = EXAMPLES[kind]
    doc = load_document(path, text.encode("utf-8"))
    assert doc.kind is not None and doc.kind.name == kind
    assert doc.diagnostics == []


def test_type_names() -> None:
    assert type_name({"type": "string", "format": "date"}) == "date"
    assert type_name({"anyOf": [{"type": "integer"}, {"type": "null"}]}) == "integer"
    assert (
        type_name({"type": "array", "items": {"$ref": "#/$defs/Link"}}) == "list of [Link](#link)"
    )
    defs = {"Level": {"enum": ["a", "b"], "type": "string"}}
    assert type_name({"$ref": "#/$defs/Level"}, defs) == "one of `a`, `b`"


def test_status_json_keys_are_all_documented() -> None:
    tree = Tree()
    data = status_data(status_report(tree, build_overview(tree, date(2024, 1, 1))))
    documented = {key for key, _ in _STATUS_KEYS}
    assert documented - set(data) == {"trend"}  # present only with --trend
    assert set(data) <= documented
