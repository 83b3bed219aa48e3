"""What ``ictgov init`` writes installs one pinned ictgov, from one file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.load import parse_yaml
from ictgov.scaffold.ci_templates import PROVIDERS
from ictgov.scaffold.pinning import REQUIREMENTS_FILE

SHA = "fedcba9876543210fedcba9876543210fedcba98"
PINNED = f"ictgov @ git+https://git.example.fi/ict/ictgov@{SHA}"
runner = CliRunner()


def init(dest: Path, *args: str) -> Any:
    return runner.invoke(app, ["init", str(dest), "--today", "2025-01-15", *args])


def yaml(path: Path) -> Any:
    parsed = parse_yaml(path.read_text(encoding="utf-8"))
    assert not parsed.problems
    return parsed.data


def requirement_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_the_configured_requirement_goes_to_one_file_and_the_hook(tmp_path: Path) -> None:
    (tmp_path / "ictgov.toml").write_text(f'ictgov_requirement = "{PINNED}"\n', encoding="utf-8")
    result = init(tmp_path, "--force", "--ci", "github")
    assert result.exit_code == 0, result.output
    assert requirement_lines(tmp_path / REQUIREMENTS_FILE) == [PINNED]
    text = (tmp_path / REQUIREMENTS_FILE).read_text(encoding="utf-8")
    assert "To update" in text and "ictgov.toml" in text
    config = yaml(tmp_path / ".pre-commit-config.yaml")
    (repo,) = config["repos"]
    assert repo["repo"] == "local" and "rev" not in repo
    (hook,) = repo["hooks"]
    assert hook["id"] == "ictgov-lint" and hook["entry"] == "ictgov lint"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert hook["additional_dependencies"] == [PINNED]


def test_a_version_pin_carries_its_index_everywhere(tmp_path: Path) -> None:
    (tmp_path / "ictgov.toml").write_text(
        'ictgov_requirement = "ictgov==0.3.0"\n'
        'ictgov_index_url = "https://pypi.example.fi/simple"\n',
        encoding="utf-8",
    )
    assert init(tmp_path, "--force").exit_code == 0
    assert requirement_lines(tmp_path / REQUIREMENTS_FILE) == [
        "--index-url https://pypi.example.fi/simple",
        "ictgov==0.3.0",
    ]
    (repo,) = yaml(tmp_path / ".pre-commit-config.yaml")["repos"]
    assert repo["hooks"][0]["additional_dependencies"] == [
        "--index-url=https://pypi.example.fi/simple",
        "ictgov==0.3.0",
    ]


def test_an_unpinned_configured_requirement_stops_init_before_writing(tmp_path: Path) -> None:
    (tmp_path / "ictgov.toml").write_text('ictgov_requirement = "ictgov>=0.1"\n', encoding="utf-8")
    result = init(tmp_path, "--force")
    assert result.exit_code == 2
    assert "is not pinned" in result.output and "ictgov.toml" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ictgov.toml"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_ci_file_installs_from_the_requirements_file(tmp_path: Path, provider: str) -> None:
    assert init(tmp_path / "r", "--ci", provider).exit_code == 0
    installs = [
        line.strip().removeprefix("- ").removeprefix("run: ").removeprefix("script: ")
        for path in (tmp_path / "r").rglob("*.yml")
        for line in path.read_text(encoding="utf-8").splitlines()
        if "pip install" in line and not line.lstrip().startswith("#")
    ]
    assert installs, "the CI file installs nothing"
    for line in installs:
        assert line in (
            "python -m pip install --requirement requirements-ictgov.txt",
            "python -m pip install --quiet --requirement requirements-ictgov.txt",
        )


def test_without_configuration_the_pin_is_still_pinned(tmp_path: Path) -> None:
    assert init(tmp_path / "r").exit_code == 0
    (line,) = requirement_lines(tmp_path / "r" / REQUIREMENTS_FILE)
    assert line.startswith("ictgov @ git+") and "@" in line.removeprefix("ictgov @ git+")
    (repo,) = yaml(tmp_path / "r" / ".pre-commit-config.yaml")["repos"]
    assert repo["hooks"][0]["additional_dependencies"] == [line]
    readme = (tmp_path / "r" / "README.md").read_text(encoding="utf-8")
    assert f"pip install -r {REQUIREMENTS_FILE}" in readme
