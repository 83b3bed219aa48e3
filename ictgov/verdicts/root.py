"""Where a strategy repository's root is: the nearest directory upwards that has one.

A root holds ``ictgov.toml``, a ``pyproject.toml`` with a ``[tool.ictgov]`` table, or
a ``data/strategy/`` folder. Standard library only: the warm lint path asks this
without importing the configuration model, and must find the same root.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG_FILE = "ictgov.toml"
PYPROJECT = "pyproject.toml"


def is_root(directory: Path) -> bool | None:
    """Whether *directory* is a repository root; None when its pyproject cannot be read.

    An unreadable or invalid ``pyproject.toml`` is not a root, but the caller may want
    to know it was unsure (the full path then reports the file's error).
    """
    if (directory / CONFIG_FILE).is_file() or (directory / "data" / "strategy").is_dir():
        return True
    pyproject = directory / PYPROJECT
    if not pyproject.is_file():
        return False
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
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
