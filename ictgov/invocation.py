"""What a command settles before it loads anything: the repository root and today.

A root is the nearest directory upwards holding ``ictgov.toml``, a ``pyproject.toml``
with a ``[tool.ictgov]`` table, or a ``data/strategy/`` folder. Today is ``--today``,
else ``$ICTGOV_TODAY``, else the real date, so every date-dependent verdict is
reproducible when asked. Standard library and ``ictgov.safefs`` only: the warm lint
path asks this without importing the configuration model, and must agree with it.
"""

from __future__ import annotations

import os
import tomllib
from datetime import date
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


TODAY_ENV = "ICTGOV_TODAY"


def today_source(value: str | None) -> tuple[str | None, str]:
    """The raw text that decides today and what it came from (``--today`` or the variable)."""
    if value:
        return value, "--today"
    return os.environ.get(TODAY_ENV) or None, TODAY_ENV


def parse_today(value: str | None) -> date | None:
    """The day asked for; the real date when nothing is asked; None when not a date."""
    raw, _ = today_source(value)
    if not raw:
        return date.today()
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        return None
