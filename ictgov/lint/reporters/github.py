"""GitHub Actions workflow commands: findings become annotations on the pull request."""

from __future__ import annotations

from ictgov.diagnostics import Diagnostic
from ictgov.lint.reporters.base import Reporter, summary_line
from ictgov.lint.result import LintResult

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message, as the Actions toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """``::error file=...,line=...,col=...,title=CODE name::message`` per finding."""

    format = "github"

    def render(self, result: LintResult) -> str:
        """One workflow command per finding, then the summary as a plain line."""
        lines = [self.command(d, self.lang) for d in result.diagnostics]
        lines.append(summary_line(result, self.lang))
        return "\n".join(lines) + "\n"

    @staticmethod
    def command(d: Diagnostic, lang: str = "en") -> str:
        """One annotation, its message in *lang*."""
        props = ",".join(
            (
                f"file={escape_property(d.file)}",
                f"line={d.line}",
                f"col={d.column}",
                f"title={escape_property(f'{d.code} {d.name}')}",
            )
        )
        return f"::{_LEVEL[d.severity.value]} {props}::{escape_data(d.text(lang))}"
