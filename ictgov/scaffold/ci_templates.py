"""The CI workflow templates that ship in the package, for ``ictgov init --ci``.

The files live in ``ictgov/scaffold/ci/`` (so they are in the wheel); ``ci/`` at the top of
the repository mirrors them for people who copy by hand, and a test keeps the two
identical.
"""

from __future__ import annotations

from importlib import resources

from ictgov.errors import ConfigError

#: provider -> {path in the user's repository: packaged file name}
TEMPLATES: dict[str, dict[str, str]] = {
    "github": {".github/workflows/ictgov.yml": "github.yml"},
    "gitlab": {".gitlab-ci.yml": "gitlab-ci.yml"},
    "azure": {"azure-pipelines.yml": "azure-pipelines.yml"},
}
PROVIDERS = tuple(TEMPLATES)


def ci_files(provider: str) -> dict[str, str]:
    """Relative path -> content of the workflow files for *provider* (github, gitlab, azure)."""
    files = TEMPLATES.get(provider)
    if files is None:
        raise ConfigError(f"unknown CI provider {provider!r}; use one of {', '.join(PROVIDERS)}")
    folder = resources.files("ictgov.scaffold") / "ci"
    return {target: (folder / name).read_text(encoding="utf-8") for target, name in files.items()}
