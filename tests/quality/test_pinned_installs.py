"""No file of this repository, and no file ``ictgov init`` writes, installs ictgov by
bare name: the name is unclaimed on PyPI, so whoever registers it would run code in
every CI job and on every machine that follows such an instruction."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.scaffold.ci_templates import PROVIDERS

REPO = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", ".git", "node_modules", "__pycache__", ".mypy_cache", ".ruff_cache",
             ".pytest_cache", ".hypothesis", ".ictgov-cache"}  # fmt: skip
#: One install command: pip, pip3, python -m pip, uv pip or pipx, up to its end.
INSTALL = re.compile(
    r"(?:\buv\s+pip|\bpipx|(?:\bpython3?\s+-m\s+)?\bpip3?)\s+install\b([^\n`;|&]*)"
)
NAME = re.compile(r"^ictgov(?:\[[^\]]*\])?(?P<spec>\s*(?:[<>=!~]=?|===).*)?$", re.IGNORECASE)
FULL_COMMIT = re.compile(r"@(?:[0-9a-f]{40}|[0-9a-f]{64})\b")
#: Options whose next word is a value, not a package.
VALUE_OPTIONS = {"-r", "--requirement", "-c", "--constraint", "-i", "--index-url",
                 "--extra-index-url", "-f", "--find-links", "-t", "--target"}  # fmt: skip


def unpinned_installs(text: str) -> list[str]:
    """Every install command in *text* that names ictgov without pinning it."""
    found = []
    for match in INSTALL.finditer(text):
        command = match.group(0)
        rest = match.group(1)
        if re.search(r"\bictgov\s*@\s*\S", rest):
            if not FULL_COMMIT.search(rest) and "#sha256=" not in rest:
                found.append(command.strip())
            continue
        try:
            words = shlex.split(rest, comments=True)
        except ValueError:
            words = rest.split()
        has_index = any(w in ("-i", "--index-url") or w.startswith("--index-url=") for w in words)
        skip = False
        for word in words:
            if skip:
                skip = False
                continue
            if word in VALUE_OPTIONS:
                skip = True
                continue
            named = NAME.match(word.strip("'\""))
            if named is None:
                continue
            spec = (named.group("spec") or "").strip()
            if not (spec.startswith("==") and has_index):
                found.append(command.strip())
    return found


def text_files(root: Path) -> Iterator[Path]:
    for path in root.iterdir():
        if path.is_dir():
            if path.name not in SKIP_DIRS and not path.name.endswith(".egg-info"):
                yield from text_files(path)
        elif path.is_file() and path.resolve() != Path(__file__).resolve():
            yield path


def read(path: Path) -> str | None:
    data = path.read_bytes()
    if b"\0" in data[:4096]:
        return None
    return data.decode("utf-8", errors="replace")


BARE = "pip install " + "ictgov"  # built so this file does not match itself


@pytest.mark.parametrize(
    "text",
    [
        BARE,
        f"python -m {BARE}",
        f"{BARE}[xlsx]",
        "pip3 install --quiet 'ictgov>=0.1'",
        "uv pip install -U ictgov",
        "pipx install ictgov",
        f"`{BARE}==0.1.0`",  # a version without its index is the same bet
        f"{BARE} @ git+https://github.com/ictgov/ictgov@v0.1.0",  # a tag can move
        f"{BARE} @ git+https://github.com/ictgov/ictgov",
        f"pip install pre-commit && {BARE}",
    ],
)
def test_the_detector_catches_unpinned_installs(text: str) -> None:
    assert unpinned_installs(text), text


@pytest.mark.parametrize(
    "text",
    [
        "pip install -r requirements-ictgov.txt",
        "python -m pip install --requirement requirements-ictgov.txt",
        "pip install -e '.[test]'",
        "pip install pre-commit && pre-commit install",
        "pip install ictgov-docs-theme",
        "pip install -r ictgov",  # a file called ictgov
        "pip install -r requirements-ictgov.txt  # the pinned ictgov",
        f"{BARE} @ git+https://git.example.fi/ict/ictgov@{'a' * 40}",
        f"{BARE} @ https://files.example.fi/ictgov-0.2.tar.gz#sha256={'b' * 64}",
        f"{BARE}==0.2.0 --index-url https://pypi.example.fi/simple",
    ],
)
def test_the_detector_lets_pinned_installs_pass(text: str) -> None:
    assert unpinned_installs(text) == []


def test_no_file_in_the_repository_installs_ictgov_unpinned() -> None:
    offenders = []
    for path in text_files(REPO):
        text = read(path)
        if text is not None:
            offenders += [f"{path.relative_to(REPO)}: {c}" for c in unpinned_installs(text)]
    assert offenders == []


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_no_file_init_writes_installs_ictgov_unpinned(tmp_path: Path, language: str) -> None:
    offenders = []
    for provider in PROVIDERS:
        dest = tmp_path / provider
        result = CliRunner().invoke(
            app, ["init", str(dest), "--ci", provider, "--language", language]
        )
        assert result.exit_code == 0, result.output
        for path in text_files(dest):
            text = read(path)
            assert text is not None
            offenders += [f"{path.relative_to(dest)}: {c}" for c in unpinned_installs(text)]
    assert offenders == []
