"""The built-in templates and catalogues ship in the wheel and are found when installed.

``templates/`` lives at the top of the repository and is installed as the package
``ictgov._templates`` (``package-dir`` in pyproject.toml). Because that needs an
explicit package list, a test checks the list still names every package folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


def _setuptools() -> dict[str, object]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return data["tool"]["setuptools"]  # type: ignore[no-any-return]


def test_every_package_folder_is_listed() -> None:
    listed = set(_setuptools()["packages"])  # type: ignore[call-overload]
    on_disk = {
        ".".join(p.parent.relative_to(REPO).parts)
        for p in (REPO / "ictgov").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    missing = sorted(on_disk - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"
    assert _setuptools()["package-dir"] == {"ictgov._templates": "templates"}


@pytest.mark.slow
def test_wheel_contains_templates_and_catalogues(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is needed to copy the checkout")
    src = tmp_path / "src"
    files = subprocess.run(
        [
            "git",
            "ls-files",
            "-co",
            "--exclude-standard",
            "pyproject.toml",
            "README.md",
            "ictgov",
            "templates",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for rel in files:
        if (REPO / rel).is_file():
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / rel, src / rel)
    if not (src / "README.md").exists():
        (src / "README.md").write_text("ictgov\n", encoding="utf-8")
    # An isolated build, as users get it (pip fetches setuptools and wheel from PyPI).
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(src),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = (tmp_path / "dist").glob("ictgov-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for kind in ("overview", "measure", "timeline", "governance", "meetings", "annual"):
        assert f"ictgov/_templates/html/{kind}.html" in names
        assert f"ictgov/_templates/md/{kind}.md" in names
    assert "ictgov/_templates/html/style.css" in names
    for lang in ("fi", "sv", "en"):
        assert f"ictgov/i18n/locale/{lang}/LC_MESSAGES/ictgov.mo" in names
    # Installed from the wheel (unpacked), the loader finds the templates by package.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from ictgov.render.engine import builtin_loader;"
        "from jinja2 import Environment;"
        "env = Environment(loader=builtin_loader());"
        "print(env.loader.get_source(env, 'html/overview.html')[1])"
    )
    found = subprocess.run(
        [sys.executable, "-c", code, str(site)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.strip()
    assert found.startswith(str(site)), found
