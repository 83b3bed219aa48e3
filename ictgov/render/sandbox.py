"""The sandbox every report template runs in, built-in or user, with bounded work.

Jinja's immutable sandbox keeps templates from Python internals and from changing
the data; this subclass adds, through the sandbox's documented hooks only
(``call``, ``call_binop``/``intercepted_binops``, ``is_safe_attribute``,
``getattr``/``getitem``, ``make_globals``) and replaced globals and filters, the
bounds of :mod:`ictgov.render.limits`: sizes of ``range``, ``*``, ``**``, ``%``,
width arguments, and the page's deadline.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable, MutableMapping
from typing import Any

from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum
from pydantic import BaseModel

from ictgov.render import limits

#: Arguments of str methods and filters that are widths or counts, by name.
_WIDTHS: dict[str, tuple[str, ...]] = {
    "center": ("width",),
    "ljust": ("width",),
    "rjust": ("width",),
    "zfill": ("width",),
    "expandtabs": ("tabsize",),
    "indent": ("width",),
    "wordwrap": ("width",),
    "batch": ("linecount",),
    "slice": ("slices",),
    "tojson": ("indent",),
    "truncate": ("length", "leeway"),
}
_FORMATS = frozenset({"format", "format_map"})
_REPLACE = "replace"


class ReportSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with bounded work, and attribute verdicts remembered.

    Jinja decides whether ``obj.attr`` is safe from the type of ``obj`` and the name
    alone, so remembering the verdict per (type, name) is exact; it makes attribute
    access several times faster on sites with thousands of pages.
    """

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._verdicts: dict[tuple[type, str], bool] = {}
        self._trusted: dict[int, Any] = {}
        #: What the page being rendered has used (see :mod:`ictgov.render.limits`).
        self.budget = limits.PageBudget()
        self.globals["range"] = self.bounded_range
        self.globals["lipsum"] = bounded_lipsum
        for name in ("center", "indent", "wordwrap", "batch", "slice", "tojson", "truncate"):
            self.filters[name] = _bounded_filter(name, self.filters[name])
        self.filters["format"] = _checked_format(self.filters["format"])
        self.filters["replace"] = _checked_replace(self.filters["replace"])

    def bounded_range(self, *args: int) -> range:
        """``range`` counted against the page: at most ``MAX_RANGE`` items, and per page."""
        numbers = range(*args)
        try:
            size = len(numbers)
        except OverflowError:
            size = limits.MAX_RANGE + 1
        self.budget.take_range(size)
        return numbers

    def trust(self, helpers: dict[str, Any]) -> None:
        """Remember ictgov's own helper functions (the globals): they need no safety check.

        They are held by the environment's globals, so their ids stay theirs.
        """
        self._trusted.update({id(f): f for f in helpers.values() if callable(f)})

    def call(
        __self,
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Jinja's sandboxed call, after the page's deadline and the size of str methods.

        Template macros and ictgov's own helpers skip the sandbox's safety check, whose
        answer for them is known (a macro cannot be marked unsafe from a template), and
        none takes the context, so without keyword arguments they are called as they
        are: most calls of a page are to them.
        """
        if __self._known(__obj):
            if not kwargs:  # none of them takes the context: a plain call is the same
                return __obj(*args)
            return __context.call(__obj, *args, **kwargs)
        __self.budget.check_time()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            _check_str_method(owner, getattr(__obj, "__name__", ""), args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def _known(self, obj: Any) -> bool:
        """Whether *obj* is a template macro or one of ictgov's helpers."""
        return type(obj) is Macro or self._trusted.get(id(obj)) is obj

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """``*``, ``**``, ``+`` and ``%``, refused before they would build a huge value."""
        self.budget.check_time()
        limits.check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute``, straight through for ictgov's own data classes.

        For instances of the data model and the views (dataclasses and pydantic
        models, not strings) the sandbox's verdict is always "allowed unless the name
        starts with an underscore", so it is skipped; everything else goes through
        the full check.
        """
        if attribute[:1] != "_" and _plain_data(type(obj)):
            try:
                return getattr(obj, attribute)
            except AttributeError:
                pass
        if isinstance(obj, str) and attribute in _FORMATS:
            limits.check_format(obj, f"str.{attribute}()")
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """``obj[name]``; for ictgov's data classes, which have no items, the attribute."""
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
        if isinstance(obj, str) and argument in _FORMATS:
            limits.check_format(obj, f"str.{argument}()")
        return super().getitem(obj, argument)

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as one plain dict: the environment's, overlaid by *d*.

        Jinja returns a ChainMap that follows later changes of the environment's
        globals, which ictgov never makes (they are set before any template loads);
        every page's context and every ``{% import %}`` walks the globals, and a dict
        makes that several times faster.
        """
        return {**self.globals, **(d or {})}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's verdict, computed once per (type, attribute)."""
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = super().is_safe_attribute(obj, attr, value)
            self._verdicts[key] = verdict
        return verdict


def bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Jinja's ``lipsum`` with its counts bounded."""
    limits.check_width(n * 100, "lipsum() paragraphs")
    limits.check_width(max, "lipsum() words")
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


def _check_str_method(text: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a str method call that would build a huge string."""
    if name in _WIDTHS:
        for value in (*args, *kwargs.values()):
            limits.check_width(value, f"str.{name}()")
    elif name == _REPLACE and len(args) >= 2:
        _check_replace(text, args[0], args[1], f"str.{name}()")


def _check_replace(text: Any, old: Any, new: Any, what: str) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        count = len(text) + 1 if not old else text.count(old)
        limits.check_size(len(text) + count * (len(new) - len(old)), what)


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """*func* with its width arguments checked (the wrapper keeps Jinja's pass_* marker)."""
    signature = inspect.signature(func)

    @functools.wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind_partial(*args, **kwargs).arguments
        for param in _WIDTHS[name]:
            limits.check_width(bound.get(param), f"the {name} filter's {param}")
        return func(*args, **kwargs)

    return bounded


def _checked_format(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def bounded(value: Any, *args: Any, **kwargs: Any) -> Any:
        limits.check_format(value, "the format filter")
        return func(value, *args, **kwargs)

    return bounded


def _checked_replace(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def bounded(eval_ctx: Any, s: Any, old: Any, new: Any, count: int | None = None) -> Any:
        if count is None:
            _check_replace(str(s), str(old), str(new), "the replace filter")
        else:
            limits.check_size(len(str(s)) + count * len(str(new)), "the replace filter")
        return func(eval_ctx, s, old, new, count)

    return bounded


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
