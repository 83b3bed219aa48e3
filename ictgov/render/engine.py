"""The one Jinja2 environment of a run: built-in templates, user overrides, the sandbox.

Templates resolve datasette-style: a strategy repository's own ``templates/`` folder
first, then the built-in ones, which are also reachable as ``default:<name>`` so a
user template can ``{% extends "default:html/page.html" %}`` the one it replaces.
Every template, built-in or user, runs in the same bounded, immutable sandbox
(:mod:`ictgov.render.sandbox`) with autoescape on and undefined variables as
errors, so both behave the same; a user template is read only from a regular file
inside the repository's folder (:mod:`ictgov.render.loader`).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    PackageLoader,
    PrefixLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError

from ictgov.errors import IctgovError
from ictgov.render import limits
from ictgov.render.loader import ContainedLoader
from ictgov.render.sandbox import ReportSandbox

#: The package the top-level ``templates/`` folder is installed as (see pyproject.toml).
BUILTIN_PACKAGE = "ictgov._templates"
#: The folder of a strategy repository that overrides built-in templates.
USER_FOLDER = "templates"
#: What a template can raise at run time besides Jinja's own errors: each is the
#: template's doing (a wrong type, a bad value, endless recursion, too much memory).
RUNTIME_ERRORS: tuple[type[BaseException], ...] = (
    TemplateError,
    ArithmeticError,
    LookupError,
    TypeError,
    ValueError,
    AttributeError,
    RecursionError,
    MemoryError,
)
#: Output pieces joined between two checks of the page's size and time.
_PIECES = 100


class TemplateProblem(IctgovError):
    """A template could not be loaded or rendered: the message names file and line."""


def builtin_loader() -> BaseLoader:
    """Loads the built-in templates wherever the package is (editable or wheel)."""
    return PackageLoader(BUILTIN_PACKAGE, ".")


def make_environment(
    user_dir: Path | None,
    finalize: Callable[[Any], Any],
    globals_: dict[str, Any],
    filters: dict[str, Any] | None = None,
) -> ReportSandbox:
    """The environment: user folder, then ``default:`` prefix, then the built-ins."""
    builtin = builtin_loader()
    loaders: list[BaseLoader] = []
    if user_dir is not None and user_dir.is_dir():
        loaders.append(ContainedLoader(user_dir, user_dir.parent))
    loaders.append(PrefixLoader({"default": builtin}, delimiter=":"))
    loaders.append(builtin)
    env = ReportSandbox(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,
        # Constant folding buys nothing in these templates and costs a tenth of compiling.
        optimized=False,
    )
    env.globals.update(globals_)
    env.trust(globals_)
    env.filters.update(filters or {})
    return env


def load(env: ReportSandbox, name: str) -> Template:
    """Get a template, turning loader and syntax errors into a clear message."""
    try:
        return env.get_template(name)
    except TemplateError as exc:
        raise problem(exc, name) from None


def render(env: ReportSandbox, name: str, variables: dict[str, Any]) -> str:
    """Render the template *name* within the page's bounds of time and size.

    The output is streamed, so a template that prints without end is stopped at
    :data:`~ictgov.render.limits.MAX_OUTPUT` characters; a timer stops one that
    loops without end. Every failure becomes a :class:`TemplateProblem`.
    """
    template = load(env, name)
    env.budget.start(limits.PAGE_SECONDS)
    try:
        with limits.alarm(limits.PAGE_SECONDS):
            pieces = template.generate(variables)
            parts: list[str] = []
            size = 0
            while chunk := "".join(islice(pieces, _PIECES)):
                size += len(chunk)
                if size > limits.MAX_OUTPUT:
                    raise limits.RenderLimit(
                        f"the page would have more than {limits.MAX_OUTPUT} characters; print less"
                    )
                env.budget.check_time()
                parts.append(chunk)
            return "".join(parts)
    except RUNTIME_ERRORS as exc:
        raise problem(exc, name) from None


def source(env: ReportSandbox, name: str) -> str:
    """The raw text of a template file (the stylesheet is used verbatim, not rendered)."""
    assert env.loader is not None
    try:
        return env.loader.get_source(env, name)[0]
    except TemplateNotFound:
        raise TemplateProblem(f"template {name!r} not found") from None


def problem(exc: BaseException, name: str) -> TemplateProblem:
    """A user-facing message for a template failure: where, what, and how to fix it."""
    where = _where(exc) or name
    if isinstance(exc, TemplateNotFound):
        return TemplateProblem(
            f"{where}: template {exc.name!r} not found (user templates go in "
            f"'{USER_FOLDER}/html/' or '{USER_FOLDER}/md/'; the built-in one is "
            f"'default:{exc.name}')"
        )
    if isinstance(exc, TemplateSyntaxError):
        return TemplateProblem(f"{where}: template syntax error: {exc.message}")
    if isinstance(exc, limits.RenderLimit):
        return TemplateProblem(f"{where}: too much work for a template: {exc}")
    if isinstance(exc, SecurityError):
        return TemplateProblem(
            f"{where}: not allowed in a template: {exc} (templates run sandboxed: they may "
            "read the data they are given, not Python internals)"
        )
    if isinstance(exc, UndefinedError):
        return TemplateProblem(f"{where}: {exc.message} (check the variable's name)")
    if isinstance(exc, RecursionError):
        return TemplateProblem(
            f"{where}: macros call each other too deeply (a macro that calls itself without "
            "end?); make the recursion stop"
        )
    if isinstance(exc, MemoryError):
        return TemplateProblem(f"{where}: the template needs too much memory; print less")
    if isinstance(exc, TemplateError):
        return TemplateProblem(f"{where}: template error: {exc}")
    return TemplateProblem(
        f"{where}: template error: {type(exc).__name__}: {exc} (check the values and "
        "filters used on this line)"
    )


def _where(exc: BaseException) -> str | None:
    """``file:line`` of the innermost template frame of the error."""
    if isinstance(exc, TemplateSyntaxError) and exc.lineno:
        return f"{exc.filename or exc.name}:{exc.lineno}"
    found = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        filename = frame.f_code.co_filename
        if filename.endswith((".html", ".md", ".svg", ".css")) or "<template>" in filename:
            found = f"{filename}:{lineno}"
    return found
