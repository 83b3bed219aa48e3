"""One reporter per output format, over one abstract base (as in check-jsonschema).

A reporter turns a ``LintResult`` into text; it never decides the exit code and
never reads files. Adding a format is adding a subclass to ``REPORTERS``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from ictgov.i18n import LANGUAGES, translations
from ictgov.lint.result import LintResult


class Reporter(ABC):
    """Renders a lint result in one format, its messages in one language."""

    format: ClassVar[str]

    def __init__(self, *, color: bool = False, lang: str = "en") -> None:
        self.color = color
        self.lang = lang if lang in LANGUAGES else "en"

    @abstractmethod
    def render(self, result: LintResult) -> str:
        """The whole output for *result*, ending with a newline."""


def summary_line(result: LintResult, lang: str = "en") -> str:
    """``Found 3 problems (2 errors, 1 warning) in 12 files.`` or a clean-bill line."""
    t = translations(lang if lang in LANGUAGES else "en")
    counts = result.counts()
    total = sum(counts.values())
    files = t.ngettext("{n} file", "{n} files", result.files).format(n=result.files)
    if not total:
        return t.gettext("No problems found in {files}.").format(files=files)
    words = {
        "error": t.ngettext("{n} error", "{n} errors", counts["error"]),
        "warning": t.ngettext("{n} warning", "{n} warnings", counts["warning"]),
        "info": t.ngettext("{n} info", "{n} infos", counts["info"]),
    }
    parts = [words[sev].format(n=n) for sev, n in counts.items() if n]
    problems = t.ngettext("{n} problem", "{n} problems", total).format(n=total)
    return t.gettext("Found {problems} ({parts}) in {files}.").format(
        problems=problems, parts=", ".join(parts), files=files
    )
