"""``ictgov lint`` as a library call: options in, a result and a fail-on level out.

The CLI only fills ``LintOptions`` and renders what ``lint`` returns, so the whole
command can be tested without Typer (as check-jsonschema separates parsing from
doing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ictgov.diagnostics import Severity
from ictgov.lint.result import LintResult


@dataclass
class LintOptions:
    """What the command line can say."""

    root: Path | None = None
    today: str | None = None
    at: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity | None = None
    use_cache: bool = True


@dataclass
class LintOutcome:
    """A result with the settings that decide the exit code."""

    result: LintResult
    fail_on: Severity
    today: date
    #: The language the repository sets (``ictgov.toml``, else the strategy), if any:
    #: the CLI passes it to ``interface_language`` to pick the language of the messages.
    language: str | None = None

    @property
    def exit_code(self) -> int:
        """0 clean, 1 findings at or above fail-on, 2 a rule crashed."""
        return self.result.exit_code(self.fail_on)


def split_selectors(values: list[str] | None) -> list[str]:
    """``["RF01,ST", "CM"]`` -> ``["RF01", "ST", "CM"]`` (repeatable and comma-separated)."""
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out


def lint(options: LintOptions) -> LintOutcome:
    """Load the tree (through the parse cache unless told not to), run the rules.

    With the cache on, an unchanged tree is answered from the result cache
    (``lint.cache``) without importing the data model at all.
    """
    import time

    from ictgov.lint import cache

    started = time.time_ns()  # files modified from now on are not trusted next time
    request = cache.LintRequest(
        options.root,
        options.today,
        tuple(options.select),
        tuple(options.ignore),
        options.fail_on.value if options.fail_on else None,
    )
    cached = options.use_cache and options.at is None
    if cached:
        hit = cache.probe(request)
        if hit is not None:
            return LintOutcome(hit.result, hit.fail_on, hit.today, hit.language)

    from ictgov.config import resolve_today
    from ictgov.lint.engine import run_rules
    from ictgov.lint.rule import LintContext
    from ictgov.lint.selection import build_selection
    from ictgov.project import Project

    project = Project.open(options.root)
    today = resolve_today(options.today)
    lint_config = project.config.lint
    select = options.select or list(lint_config.select)
    ignore = [*lint_config.ignore, *options.ignore]
    selection = build_selection(select, ignore, lint_config.severity)
    fail_on = options.fail_on or lint_config.fail_on
    tree = project.tree(at=options.at, today=today, cached=cached)
    result = run_rules(tree, LintContext(today, project.config), selection)
    language = project.config.language_set or (
        tree.strategy.language if tree.strategy is not None else None
    )
    if cached:
        cache.remember(
            request, project.root, today, fail_on, result, tree.documents, started, language
        )
    return LintOutcome(result, fail_on, today, language)
