"""The one Jinja2 environment of a run: built-in templates, user overrides, the sandbox.

Templates resolve datasette-style: a strategy repository's own ``templates/`` folder
first, then the built-in ones, which are also reachable as ``default:<name>`` so a
user template can ``{% extends "default:html/page.html" %}`` the one it replaces.
Every template, built-in or user, runs in the same immutable sandbox with
autoescape on and undefined variables as errors, so both behave the same.
"""

from __future__ import annotations

import dataclasses
import traceback
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    FileSystemLoader,
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
from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pydantic import BaseModel

from ictgov.errors import IctgovError
from ictgov.render.codegen import ReportCodeGenerator

#: The package the top-level ``templates/`` folder is installed as (see pyproject.toml).
BUILTIN_PACKAGE = "ictgov._templates"
#: The folder of a strategy repository that overrides built-in templates.
USER_FOLDER = "templates"


class TemplateProblem(IctgovError):
    """A template could not be loaded or rendered: the message names file and line."""


class ReportSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with its attribute verdicts remembered per type and name.

    Jinja decides whether ``obj.attr`` is safe from the type of ``obj`` and the name
    alone, so caching the verdict is exact; it makes attribute access several times
    faster on sites with thousands of pages. Templates are compiled by
    :class:`~ictgov.render.codegen.ReportCodeGenerator`, whose code reads the sets
    kept here (``plain_types``, ``trusted_ids``) to skip checks whose answer is known.
    """

    code_generator_class = ReportCodeGenerator

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._verdicts: dict[tuple[type, str], bool] = {}
        self._trusted: dict[int, Any] = {}
        #: ids of the trusted helpers, which generated code calls directly.
        self.trusted_ids: frozenset[int] = frozenset()
        #: ``escape(finalize(value))`` as one function, when the renderer gives one.
        self.output: Callable[[Any], str] | None = None
        #: Types whose public attributes generated code reads directly (see getattr).
        self.plain_types: set[type] = set()

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute``, straight through for ictgov's own data classes.

        For instances of the data model and the views (dataclasses and pydantic
        models, not strings) the sandbox's verdict is always "allowed unless the name
        starts with an underscore", so it is skipped; everything else goes through
        the full check.
        """
        if attribute[:1] != "_" and _plain_data(type(obj)):
            self.plain_types.add(type(obj))
            try:
                return getattr(obj, attribute)
            except AttributeError:
                pass
        return super().getattr(obj, attribute)

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as one plain dict: the environment's, overlaid by *d*.

        Jinja returns a ChainMap that follows later changes of the environment's
        globals, which Jinja advises against and ictgov never makes (they are set
        before any template loads). Every page's context and every ``{% import %}``
        walks the globals, and a dict makes that several times faster.
        """
        return {**self.globals, **(d or {})}

    def getitem(self, obj: Any, argument: Any) -> Any:
        """``obj[name]``; for ictgov's data classes, which have no items, the attribute.

        The sandbox tries ``obj[name]`` and falls back to the attribute; for the data
        classes the first always fails and the second is always allowed for a public
        name, so it is read at once (e.g. by ``sort(attribute="date")``).
        """
        if (
            type(argument) is str
            and argument[:1] != "_"
            and _plain_data(type(obj))
            and not hasattr(type(obj), "__getitem__")
        ):
            try:
                return getattr(obj, argument)
            except AttributeError:
                pass
        return super().getitem(obj, argument)

    def trust(self, callables: dict[str, Any]) -> None:
        """Remember ictgov's own helper functions: calling them needs no check."""
        self._trusted.update({id(f): f for f in callables.values() if callable(f)})
        self.trusted_ids = frozenset(self._trusted)

    def checked(self, context: Context, obj: Any, **extra: Any) -> Callable[..., Any]:
        """*obj* as called through the sandbox's :meth:`call` (for generated code).

        The check runs when the returned function is called, after the arguments
        are evaluated, as in Jinja's own generated code.
        """

        def through_sandbox(*args: Any, **kwargs: Any) -> Any:
            return self.call(context, obj, *args, **kwargs, **extra)

        return through_sandbox

    def call(
        __self,
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Call from a template; macros and ictgov's helpers are called directly.

        They take no Jinja context or environment argument, so the generic dispatch of
        ``Context.call`` (the bulk of the time of a big site) is skipped for them.
        """
        if __self._direct(__obj):
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            return __obj(*args, **kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def _direct(self, obj: object) -> bool:
        """Whether *obj* is a template macro or one of ictgov's helpers."""
        return type(obj) is Macro or self._trusted.get(id(obj)) is obj

    def is_safe_callable(self, obj: Any) -> bool:
        """Jinja's check, skipped for template macros and ictgov's helpers.

        Templates cannot set attributes, so a macro never carries ``unsafe_callable``;
        the helpers are known objects, held alive by the environment.
        """
        return self._direct(obj) or bool(super().is_safe_callable(obj))

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's verdict, computed once per (type, attribute)."""
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = super().is_safe_attribute(obj, attr, value)
            self._verdicts[key] = verdict
        return verdict


_PLAIN: dict[type, bool] = {}


def _plain_data(cls: type) -> bool:
    """Whether *cls* is one of ictgov's data classes (a model or a view, not a str).

    Jinja's loop object counts too: the sandbox allows all its public attributes.
    """
    known = _PLAIN.get(cls)
    if known is None:
        known = cls is LoopContext or (
            cls.__module__.startswith(("ictgov.model", "ictgov.views", "ictgov.render"))
            and (dataclasses.is_dataclass(cls) or issubclass(cls, BaseModel))
            and not issubclass(cls, str | int | float | list | dict | set | tuple)
        )
        _PLAIN[cls] = known
    return known


def builtin_loader() -> BaseLoader:
    """Loads the built-in templates wherever the package is (editable or wheel)."""
    return PackageLoader(BUILTIN_PACKAGE, ".")


def make_environment(
    user_dir: Path | None,
    finalize: Callable[[Any], Any],
    globals_: dict[str, Any],
    output: Callable[[Any], str] | None = None,
) -> ReportSandbox:
    """The environment: user folder, then ``default:`` prefix, then the built-ins."""
    builtin = builtin_loader()
    loaders: list[BaseLoader] = []
    if user_dir is not None and user_dir.is_dir():
        loaders.append(FileSystemLoader(str(user_dir)))
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
    env.output = output
    return env


def load(env: ImmutableSandboxedEnvironment, name: str) -> Template:
    """Get a template, turning loader and syntax errors into a clear message."""
    try:
        return env.get_template(name)
    except TemplateError as exc:
        raise problem(exc, name) from None


def source(env: ImmutableSandboxedEnvironment, name: str) -> str:
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
    if isinstance(exc, SecurityError):
        return TemplateProblem(
            f"{where}: not allowed in a template: {exc} (templates run sandboxed: they may "
            "read the data they are given, not Python internals)"
        )
    if isinstance(exc, UndefinedError):
        return TemplateProblem(f"{where}: {exc.message} (check the variable's name)")
    return TemplateProblem(f"{where}: template error: {exc}")


def _where(exc: BaseException) -> str | None:
    """``file:line`` of the innermost template frame of the error."""
    if isinstance(exc, TemplateSyntaxError) and exc.lineno:
        return f"{exc.filename or exc.name}:{exc.lineno}"
    found = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        filename = frame.f_code.co_filename
        if filename.endswith((".html", ".md", ".svg")) or "<template>" in filename:
            found = f"{filename}:{lineno}"
    return found
