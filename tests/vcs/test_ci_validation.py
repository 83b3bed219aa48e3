"""Every CI template, as shipped and as ``ictgov init --ci`` writes it, passes its
vendor's JSON Schema (check-jsonschema's built-in schemas, offline) and, for GitHub
Actions, zizmor's audits at the strictest everyday persona (``auditor``).

The tools come from the test environment (``pip install -e '.[test]'``): next to
``sys.executable``, never from PATH. Without them the tests skip locally and fail
when ``CI`` is set, so a CI run can never pass by not checking.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.scaffold.ci_templates import PROVIDERS, TEMPLATES

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = {
    "github": ["vendor.github-workflows", "custom.github-workflows-require-timeout"],
    "gitlab": ["vendor.gitlab-ci"],
    "azure": ["vendor.azure-pipelines"],
}
#: The Azure schema has patterns that unicode-mode regular expressions reject (an
#: escape such as "\-"); Azure itself reads them as .NET expressions.
REGEX_VARIANT = {"azure": "nonunicode"}
STATIC = {
    "github": [
        REPO / "ictgov" / "scaffold" / "ci" / "github.yml",
        REPO / "ci" / "github" / "ictgov.yml",
        REPO / ".github" / "workflows" / "ictgov.yml",
    ],
    "gitlab": [
        REPO / "ictgov" / "scaffold" / "ci" / "gitlab-ci.yml",
        REPO / "ci" / "gitlab" / ".gitlab-ci.yml",
    ],
    "azure": [
        REPO / "ictgov" / "scaffold" / "ci" / "azure-pipelines.yml",
        REPO / "ci" / "azure" / "azure-pipelines.yml",
    ],
}


def venv_tool(name: str) -> Path:
    """*name* from the bin (Scripts) folder of the running interpreter, or skip/fail."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    message = f"{name} is not installed next to {sys.executable}: pip install -e '.[test]'"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=False, timeout=300
    )


def check_schema(provider: str, path: Path) -> None:
    tool = venv_tool("check-jsonschema")
    for schema in SCHEMAS[provider]:
        variant = REGEX_VARIANT.get(provider)
        extra = ["--regex-variant", variant] if variant else []
        result = run(tool, *extra, "--builtin-schema", schema, path)
        assert result.returncode == 0, f"{path} against {schema}:\n{result.stdout}{result.stderr}"


def check_zizmor(path: Path) -> None:
    result = run(venv_tool("zizmor"), "--offline", "--no-progress", "--persona=auditor", path)
    assert result.returncode == 0, f"zizmor on {path}:\n{result.stdout}{result.stderr}"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """provider -> the CI file that 'ictgov init --ci provider' wrote."""
    out: dict[str, Path] = {}
    for provider in PROVIDERS:
        dest = tmp_path_factory.mktemp(f"init-{provider}")
        result = CliRunner().invoke(
            app, ["init", str(dest), "--ci", provider, "--today", "2025-01-15", "--force"]
        )
        assert result.exit_code == 0, result.output
        (target,) = TEMPLATES[provider]
        out[provider] = dest / target
        assert out[provider].is_file()
    return out


@pytest.mark.parametrize(
    ("provider", "path"),
    [(p, path) for p in PROVIDERS for path in STATIC[p]],
    ids=lambda v: v.name if isinstance(v, Path) else v,
)
def test_static_template_passes_its_vendor_schema(provider: str, path: Path) -> None:
    check_schema(provider, path)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_init_output_passes_its_vendor_schema(provider: str, written: dict[str, Path]) -> None:
    check_schema(provider, written[provider])


@pytest.mark.parametrize("path", STATIC["github"], ids=lambda p: str(p.relative_to(REPO)))
def test_static_github_workflow_passes_zizmor(path: Path) -> None:
    check_zizmor(path)


def test_init_github_workflow_passes_zizmor(written: dict[str, Path]) -> None:
    check_zizmor(written["github"])


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """A workflow with a classic mistake fails both tools: the tests above mean something."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request_target\n"
        "jobs:\n"
        "  x:\n"
        "    runs-on: ubuntu-latest\n"
        "    timeout-minutes: 5\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "        with:\n"
        "          ref: ${{ github.event.pull_request.head.sha }}\n"
        "      - run: echo '${{ github.event.pull_request.title }}'\n",
        encoding="utf-8",
    )
    assert run(venv_tool("zizmor"), "--offline", "--no-progress", bad).returncode != 0
    broken = tmp_path / "broken.yml"
    broken.write_text("jobs:\n  x:\n    runs-on: [1]\n    stepz: []\n", encoding="utf-8")
    tool = venv_tool("check-jsonschema")
    assert run(tool, "--builtin-schema", "vendor.github-workflows", broken).returncode != 0


def test_missing_tools_skip_locally_but_fail_under_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="zizmor is not installed"):
        venv_tool("zizmor")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        venv_tool("zizmor")
