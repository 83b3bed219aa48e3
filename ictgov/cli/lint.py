"""``ictgov lint``: parse options, call ``ictgov.lint.run.lint``, print, pick the exit code."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import AtOption, Language, RootOption, TodayOption
from ictgov.i18n.speak import _, ngettext


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
    INFO = "info"


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
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="First apply the safe fixes (Finnish and Swedish words for values and keys, "
            '26.4.2019 -> 2019-04-26, code: 1.10 -> "1.10"), keeping comments; then lint.',
        ),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="With --fix: show the fixes as a diff; write nothing.")
    ] = False,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            help="Language of the messages (default: ICTGOV_LANG, else the repository's "
            "language, else the locale).",
            show_default=False,
        ),
    ] = None,
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

    if diff and not fix:
        raise _usage("--diff goes with --fix")
    if fix:
        _fix(root, write=not diff, show_diff=diff)
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
    from ictgov.i18n.language import interface_language

    outcome = lint(options)
    color = output_format is Format.TEXT and sys.stdout.isatty()
    speak = interface_language(lang.value if lang else None, outcome.language)
    reporter = REPORTERS[output_format.value](color=color, lang=speak)

    sys.stdout.write(reporter.render(outcome.result))
    sys.stdout.flush()
    raise typer.Exit(outcome.exit_code)


def _fix(root: Path | None, *, write: bool, show_diff: bool) -> None:
    """Apply (or show) the safe fixes; say on stderr what changed and what was left."""
    from ictgov.config import load_config, resolve_root
    from ictgov.edit.fix import fix_tree
    from ictgov.visible import visible

    found = resolve_root(root)
    report = fix_tree(found, write=write, max_bytes=load_config(found).max_file_bytes)
    for item in report.files:
        if item.skipped is not None:
            left = _("left {file} as it was: {reason}").format(file=item.path, reason=item.skipped)
            typer.echo(visible(left), err=True)
            continue
        if show_diff:
            sys.stdout.write(visible(item.diff()))
            continue
        typer.echo(visible(_("fixed {file}:").format(file=item.path)), err=True)
        for one in item.fixes:
            typer.echo(visible(f"  {one.line}:{one.column} {one.what}"), err=True)
    n = report.fixed
    if show_diff:
        said = ngettext(
            "would fix {n} problem; what remains follows",
            "would fix {n} problems; what remains follows",
            n,
        )
    else:
        said = ngettext(
            "fixed {n} problem; what remains follows", "fixed {n} problems; what remains follows", n
        )
    typer.echo(said.format(n=n), err=True)
    if show_diff:
        raise typer.Exit(0)


def _usage(message: str) -> typer.Exit:
    from ictgov.cli.errors import fail

    return fail(message, 2)


def register(app: typer.Typer) -> None:
    """Add ``ictgov lint`` to the application."""
    app.command("lint")(lint_command)
