"""``file:line:col: severity CODE [name] message`` lines and a summary."""

from __future__ import annotations

from ictgov.diagnostics import Diagnostic, severity_word
from ictgov.lint.reporters.base import Reporter, summary_line
from ictgov.lint.result import LintResult
from ictgov.visible import visible

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class TextReporter(Reporter):
    """For people: one line per finding; colours only on a terminal."""

    format = "text"

    def render(self, result: LintResult) -> str:
        """Plain text, or rich-rendered ANSI when ``color`` is set."""
        if self.color:
            return self._rich(result)
        lines = [self.line(d, self.lang) for d in result.diagnostics]
        lines.append(summary_line(result, self.lang))
        return "\n".join(lines) + "\n"

    @staticmethod
    def line(d: Diagnostic, lang: str = "en") -> str:
        """One finding as one line, its severity and message in *lang*."""
        severity = severity_word(d.severity, lang)
        return visible(
            f"{d.file}:{d.line}:{d.column}: {severity} {d.code} [{d.name}] {d.text(lang)}"
        )

    def _rich(self, result: LintResult) -> str:
        from rich.console import Console
        from rich.text import Text

        console = Console(record=True, force_terminal=True, width=10_000, soft_wrap=True)
        with console.capture() as capture:
            for d in result.diagnostics:
                text = Text()
                text.append(visible(f"{d.file}:{d.line}:{d.column}:"), style="bold")
                text.append(" ")
                text.append(severity_word(d.severity, self.lang), style=_STYLE[d.severity.value])
                text.append(f" {d.code}", style="bold")
                text.append(f" [{d.name}]", style="dim")
                text.append(visible(f" {d.text(self.lang)}"))
                console.print(text)
            counts = result.counts()
            style = "bold red" if counts["error"] else "yellow" if sum(counts.values()) else "green"
            console.print(Text(summary_line(result, self.lang), style=style))
        return capture.get()
