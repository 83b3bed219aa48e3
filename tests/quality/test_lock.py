"""The locks in requirements/ agree with pyproject.toml, so a fresh install is the tested one.

``lock.txt`` pins what the README's test command and CI install; ``lowest.txt`` pins each
direct dependency at the minimum pyproject.toml allows, so the published ranges are tested
too. Both are made by uv (README, "Developing ictgov"); these tests fail when someone edits
a range without refreshing them.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]


def _direct() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    return [Requirement(r) for r in reqs]


def _pins(name: str) -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (REPO / "requirements" / name).read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9._-]+)==([^\s;]+)", line)
        if match:
            pins[canonicalize_name(match[1])] = match[2]
    return pins


@pytest.mark.parametrize("lock", ["lock.txt", "lowest.txt"])
def test_every_direct_dependency_is_pinned_inside_its_range(lock: str) -> None:
    pins = _pins(lock)
    for req in _direct():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is missing from requirements/{lock}: refresh it"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"requirements/{lock} pins {req.name}=={pins[name]} outside {req.specifier}"
        )


def test_the_lowest_lock_is_at_each_minimum() -> None:
    pins = _pins("lowest.txt")
    for req in _direct():
        minimum = [s.version for s in req.specifier if s.operator in (">=", "==")]
        assert minimum, f"{req.name} has no minimum version in pyproject.toml"
        assert Version(pins[canonicalize_name(req.name)]) == Version(minimum[0]), (
            f"requirements/lowest.txt has {req.name}=={pins[canonicalize_name(req.name)]}, "
            f"the minimum is {minimum[0]}: refresh it (README, Developing ictgov)"
        )


def test_install_commands_use_the_lock() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in readme.splitlines() if "pytest" in line)
    assert "-c requirements/lock.txt" in test_command
    assert test_command in ci, "the README's test command must run verbatim in .ci/run"
    assert "-c requirements/lowest.txt" in ci


def test_the_package_declares_its_licence() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "EUPL-1.2"
    assert (
        (REPO / "LICENSE")
        .read_text(encoding="utf-8")
        .startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    )


def test_readme_links_work_on_a_package_index_page() -> None:
    """PyPI shows the README without the repository around it: relative links would 404."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", readme)
    relative = [t for t in targets if not re.match(r"(https?|mailto):|#", t)]
    assert targets and not relative, relative


def test_the_installed_metadata_carries_the_licence() -> None:
    from importlib.metadata import metadata

    assert metadata("ictgov")["License-Expression"] == "EUPL-1.2"
