"""One reporter per output format, over one abstract base (as in check-jsonschema).

A reporter turns a ``LintResult`` into text; it never decides the exit code and
never reads files. Adding a format is adding a subclass to ``REPORTERS``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from ictgov.lint.result import LintResult


class Reporter(ABC):
    """Renders a lint result in one format."""

    format: ClassVar[str]

    def __init__(self, *, color: bool = False) -> None:
        self.color = color

    @abstractmethod
    def render(self, result: LintResult) -> str:
        """The whole output for *result*, ending with a newline."""


def plural(n: int, word: str) -> str:
    """``1 error``, ``2 errors``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(result: LintResult) -> str:
    """``Found 3 problems (2 errors, 1 warning) in 12 files.`` or a clean-bill line."""
    counts = result.counts()
    total = sum(counts.values())
    files = plural(result.files, "file")
    if not total:
        return f"No problems found in {files}."
    parts = [plural(n, sev) for sev, n in counts.items() if n]
    return f"Found {plural(total, 'problem')} ({', '.join(parts)}) in {files}."
