"""``ictgov lint``: parse options, call ``ictgov.lint.run.lint``, print, pick the exit code."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import AtOption, RootOption, TodayOption


class Format(StrEnum):
    """Output formats; ``markdown`` only lists rules (for docs/rules.md)."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"
    MARKDOWN = "markdown"


class FailOn(StrEnum):
    """The least severe finding that makes the exit code 1."""

    ERROR = "error"
    WARNING = "warning"


@guarded
def lint_command(
    root: RootOption = None,
    today: TodayOption = None,
    at: AtOption = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format.")
    ] = Format.TEXT,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 on findings at or above this severity (default: from config, else error).",
            show_default=False,
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            help="Only these rules: codes, families, names or groups; repeatable or "
            "comma-separated (replaces the configured select).",
            show_default=False,
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            help="Never report these rules (added to the configured ignore).",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the caches (.ictgov-cache/).")
    ] = False,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List every rule and exit.")
    ] = False,
) -> None:
    """Validate the strategy tree and check it against the lint rules."""
    if list_rules:
        from ictgov.lint import docs

        render = {
            Format.TEXT: docs.rules_text,
            Format.JSON: docs.rules_json,
            Format.MARKDOWN: docs.rules_markdown,
        }.get(output_format)
        if render is None:
            raise _usage(f"--list-rules prints text, json or markdown, not {output_format}")
        typer.echo(render(), nl=False)
        return
    if output_format is Format.MARKDOWN:
        raise _usage("--format markdown only goes with --list-rules")

    from ictgov.diagnostics import Severity
    from ictgov.lint.reporters import REPORTERS
    from ictgov.lint.run import LintOptions, lint, split_selectors

    options = LintOptions(
        root=root,
        today=today,
        at=at,
        select=split_selectors(select),
        ignore=split_selectors(ignore),
        fail_on=Severity(fail_on.value) if fail_on else None,
        use_cache=not no_cache,
    )
    outcome = lint(options)
    color = output_format is Format.TEXT and sys.stdout.isatty()
    reporter = REPORTERS[output_format.value](color=color)
    sys.stdout.write(reporter.render(outcome.result))
    sys.stdout.flush()
    raise typer.Exit(outcome.exit_code)


def _usage(message: str) -> typer.Exit:
    from ictgov.cli.errors import fail

    return fail(message, 2)


def register(app: typer.Typer) -> None:
    """Add ``ictgov lint`` to the application."""
    app.command("lint")(lint_command)
