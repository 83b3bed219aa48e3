"""docs/format.md is generated from the models and its examples are valid data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ictgov.load import Tree, load_document
from ictgov.model.files import KINDS
from ictgov.views.overview import build_overview
from ictgov.views.status import status_report
from ictgov.views.status_json import status_data
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


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_committed_settings_doc_is_current(lang: str) -> None:
    from tools.settings_doc import PATHS, render_settings_doc

    committed = (REPO / PATHS[lang]).read_text(encoding="utf-8")
    assert committed == render_settings_doc(lang), (
        f"{PATHS[lang]} is stale; regenerate it with 'python -m tools.docs_gen'"
    )


def test_every_setting_is_in_the_settings_doc_with_its_default() -> None:
    from ictgov.config import settings, toml_value
    from tools.settings_doc import render_settings_doc

    page = render_settings_doc("en")
    for item in settings():
        default = "not set" if item.default is None else f"`{toml_value(item.default)}`"
        assert f"| `{item.name}` |" in page and f"| {default} |" in page, item.key
        assert item.description and item.example is not None, item.key


def _readme_configuration() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Configuration\n", 1)[1].split("\n## ", 1)[0]
    return section.split("```toml\n", 1)[1].split("```", 1)[0]


def test_the_readme_configuration_is_valid_and_points_at_the_reference(tmp_path: Path) -> None:
    """README's example loads (every key a real setting) and links the generated page."""
    from ictgov.config import load_config

    block = _readme_configuration()
    (tmp_path / "ictgov.toml").write_text(block, encoding="utf-8")
    config = load_config(tmp_path)  # unknown keys raise
    assert config.lint.ignore == ["DT02"] and config.round.sender == "ict-strategia@example.fi"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "https://github.com/ictgov/ictgov/blob/main/docs/settings.md" in readme


def test_both_spellings_of_the_lint_settings_mean_the_same(tmp_path: Path) -> None:
    from ictgov.config import load_config

    (tmp_path / "ictgov.toml").write_text(
        '[lint]\nfail_on = "warning"\nignore = ["DT02"]\n', encoding="utf-8"
    )
    table = load_config(tmp_path)
    (tmp_path / "ictgov.toml").write_text(
        'fail-on = "warning"\nignore = ["DT02"]\n', encoding="utf-8"
    )
    flat = load_config(tmp_path)
    assert table.lint == flat.lint and flat.lint.ignore == ["DT02"]
