"""One reference for ictgov.toml: generated from the model, and init and README agree."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from ictgov.config import Config, load_config
from ictgov.scaffold.init import planned_files
from ictgov.scaffold.pinning import release_pin
from tools.config_doc import DEFAULT_PATH, EXAMPLE, render_config_doc

REPO = Path(__file__).resolve().parents[2]
LINT_KEYS = {"select", "ignore", "severity", "fail_on"}


def documented() -> str:
    return (REPO / DEFAULT_PATH).read_text(encoding="utf-8")


def test_configuration_doc_is_current() -> None:
    assert documented() == render_config_doc(), (
        "docs/configuration.md is stale; regenerate it with 'python -m tools.config_doc'"
    )


def test_every_setting_is_documented() -> None:
    text = documented()
    names = [n for n in Config.model_fields if n != "source"] + sorted(LINT_KEYS)
    assert not [n for n in names if f"| `{n}` |" not in text and f"## [{n}]" not in text]


def readme_toml() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration") :]
    found = re.search(r"```toml\n(.*?)```", section, re.DOTALL)
    assert found is not None
    return found.group(1)


@pytest.mark.parametrize("source", ["example", "readme", "init"])
def test_examples_are_valid_and_use_the_lint_table(source: str, tmp_path: Path) -> None:
    if source == "init":
        text = planned_files("Testi", "fi", date(2025, 1, 1), release_pin())["ictgov.toml"]
    else:
        text = EXAMPLE if source == "example" else readme_toml()
    (tmp_path / "ictgov.toml").write_text(text, encoding="utf-8")
    load_config(tmp_path)  # raises on an unknown or invalid setting
    data = tomllib.loads(text)
    assert not LINT_KEYS & set(data), "lint settings go in [lint], as 'ictgov init' writes them"
    assert "lint" in data
    assert "docs/configuration.md" in (REPO / "README.md").read_text(encoding="utf-8")
