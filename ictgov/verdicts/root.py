"""Where a strategy repository's root is: the nearest directory upwards that has one.

A root holds ``ictgov.toml``, a ``pyproject.toml`` with a ``[tool.ictgov]`` table, or
a ``data/strategy/`` folder. Standard library and ``ictgov.safefs`` only: the warm
lint path asks this without importing the configuration model, and must find the same
root.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from ictgov.safefs import read_regular

CONFIG_FILE = "ictgov.toml"
PYPROJECT = "pyproject.toml"


def is_root(directory: Path) -> bool | None:
    """Whether *directory* is a repository root; None when its pyproject cannot be read.

    A ``pyproject.toml`` that is a symlink out of *directory*, not a regular file, or
    not valid TOML makes the directory no root (None says it was unsure): nothing
    outside a repository is read, and the full path reports the file's error.
    """
    if (directory / CONFIG_FILE).is_file() or (directory / "data" / "strategy").is_dir():
        return True
    pyproject = directory / PYPROJECT
    if not pyproject.is_file():
        return False
    if not pyproject.resolve().is_relative_to(directory.resolve()):
        return None
    try:
        data = tomllib.loads(read_regular(pyproject).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    tool = data.get("tool")
    return isinstance(tool, dict) and isinstance(tool.get("ictgov"), dict)


def find_root(start: Path) -> Path | None:
    """The nearest root at or above *start*, or None when there is none."""
    here = start.resolve()
    for directory in (here, *here.parents):
        if is_root(directory):
            return directory
    return None
