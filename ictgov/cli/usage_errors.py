"""Click's usage errors and Typer's panel words in the reader's language.

Typer vendors its own Click, which has no gettext: its exceptions carry English text.
:func:`translated` rewrites each by its kind (no such option, missing argument, bad
value ...) from what the exception names, and suggests only close matches (Click's list
of "possible options" offered ``--at`` for ``--lang``). Typer's panel titles are the
module constants of ``typer.rich_utils``, which it reads at each use.
"""

from __future__ import annotations

import contextlib
import difflib
import re
from collections.abc import Iterator, Sequence
from typing import Any

import typer
from typer.core import TyperOption

from ictgov.i18n.speak import _, ngettext


def _usage_error_types() -> tuple[type[BaseException], ...]:
    """The exception classes Click's usage errors derive from, in every Typer we support.

    Typer 0.2x vendors Click (its errors derive from ``typer.TyperException``); older
    Typer (our minimum, 0.19) uses the ``click`` package itself.
    """
    found: list[type[BaseException]] = []
    typer_base = getattr(typer, "TyperException", None)
    if isinstance(typer_base, type) and issubclass(typer_base, BaseException):
        found.append(typer_base)
    try:
        import click
    except ImportError:  # a Typer that vendors Click needs no click package
        pass
    else:
        found.append(click.exceptions.ClickException)
    return tuple(found)


USAGE_ERRORS = _usage_error_types()


def rich_words() -> None:
    """Typer's own words in the help and error panels, in the language of this run.

    Imported only here, when help or an error is shown: ``rich`` stays out of a
    piped ``ictgov status``.
    """
    import typer.rich_utils as rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = _("Arguments")
    rich_utils.OPTIONS_PANEL_TITLE = _("Options")
    rich_utils.COMMANDS_PANEL_TITLE = _("Commands")
    rich_utils.ERRORS_PANEL_TITLE = _("Error")
    rich_utils.ABORTED_TEXT = _("Aborted.")
    rich_utils.RICH_HELP = _("Help: [blue]{command_path} {help_option}[/]")
    rich_utils.DEFAULT_STRING = _("[default: {}]")
    rich_utils.REQUIRED_LONG_STRING = _("[required]")
    rich_utils.ENVVAR_STRING = _("[env var: {}]")
    rich_utils.DEPRECATED_STRING = _("(deprecated) ")


def _close(word: str, candidates: Sequence[str]) -> list[str]:
    """Candidates that look like *word*: a typo or a prefix, never a mere shared letter."""
    bare = word.lstrip("-").lower()
    scored = []
    for candidate in candidates:
        name = candidate.lstrip("-").lower()
        ratio = difflib.SequenceMatcher(None, bare, name).ratio()
        swapped = len(bare) >= 4 and sorted(bare) == sorted(name)  # stauts -> status
        if (len(bare) >= 3 and name.startswith(bare)) or ratio >= 0.75 or swapped:
            scored.append((-ratio, candidate))
    return [candidate for _score, candidate in sorted(scored)[:3]]


def _options_of(ctx: Any) -> list[str]:
    if ctx is None:
        return []
    names: list[str] = []
    for param in ctx.command.get_params(ctx):
        if isinstance(param, TyperOption) or getattr(param, "param_type_name", "") == "option":
            names.extend(o for o in [*param.opts, *param.secondary_opts] if o.startswith("--"))
    return names


def _suggest(word: str, candidates: Sequence[str]) -> str:
    matches = _close(word, candidates)
    if not matches:
        return ""
    return " " + _("Did you mean {options}?").format(options=_(" or ").join(matches))


def _hint(exc: Any) -> str:
    """How the exception names its option or argument (``--status``, ``ID``)."""
    param = getattr(exc, "param", None)
    hint = getattr(exc, "param_hint", None)
    if hint is None and param is not None:
        opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
        hint = opts or [str(getattr(param, "metavar", None) or param.name or "").upper()]
    if isinstance(hint, str):
        return hint
    return " / ".join(str(h).strip("'") for h in hint or [])


_CHOICE = re.compile(r"'(?P<value>.*)' is not one of (?P<choices>.*?)\.?$", re.DOTALL)
_LESS = re.compile(r"less than or equal to (?P<n>-?\d+)")
_GREATER = re.compile(r"greater than or equal to (?P<n>-?\d+)")
#: Click 8.1 and the Click that Typer 0.19 uses: "200 is not in the range 0<=x<=100."
_RANGE = re.compile(r"not in the range (?P<low>-?\d+)<=x<=(?P<high>-?\d+)")
_EXTRA = re.compile(r"unexpected extra argument.*\((?P<args>.*)\)", re.DOTALL)
_NO_COMMAND = re.compile(r"No such command '(?P<name>[^']*)'")
_REQUIRES = re.compile(r"Option '(?P<name>[^']*)' requires (an argument|(?P<n>\d+) arguments)")


def _bad_value(exc: Any) -> str:
    hint = _hint(exc)
    detail = str(getattr(exc, "message", ""))
    param = getattr(exc, "param", None)
    if match := _CHOICE.search(detail):
        choices = [c.strip().strip("'") for c in match.group("choices").split(",")]
        return _(
            "{option}: {value!r} is not a possible value. Write one of: {choices} "
            "(e.g. {option} {example})."
        ).format(
            option=hint,
            value=match.group("value"),
            choices=", ".join(choices),
            example=choices[0],
        )
    low = getattr(param, "min", None)
    high = getattr(param, "max", None)
    if match := _RANGE.search(detail):
        return _(
            "{option}: write a whole number from {low} to {high}, e.g. {option} {high}."
        ).format(option=hint, low=match.group("low"), high=match.group("high"))
    if _LESS.search(detail) or _GREATER.search(detail):
        bounds = _LESS.search(detail) or _GREATER.search(detail)
        assert bounds is not None
        low = low if low is not None else (bounds.group("n") if _GREATER.search(detail) else None)
        high = high if high is not None else (bounds.group("n") if _LESS.search(detail) else None)
        if low is not None and high is not None:
            return _(
                "{option}: write a whole number from {low} to {high}, e.g. {option} {high}."
            ).format(option=hint, low=low, high=high)
        return _("{option}: the number is out of range.").format(option=hint)
    if "integer" in detail:
        return _("{option}: write a whole number, e.g. {option} 50.").format(option=hint)
    if "number" in detail or "float" in detail:
        return _("{option}: write a number, e.g. {option} 12.5.").format(option=hint)
    return _("{option}: invalid value ({detail}).").format(option=hint, detail=detail)


def translated_message(exc: Any) -> str:
    """The message of Click usage error *exc* in the language of this run."""
    kind = type(exc).__name__
    ctx = getattr(exc, "ctx", None)
    message = str(getattr(exc, "message", "") or "")
    if kind == "NoSuchOption":
        name = str(getattr(exc, "option_name", ""))
        return _("There is no option {option}.").format(option=name) + _suggest(
            name, _options_of(ctx)
        )
    if kind == "MissingParameter":
        hint = _hint(exc)
        if getattr(getattr(exc, "param", None), "param_type_name", "") == "argument":
            return _("{argument} is missing: write it after the command.").format(argument=hint)
        return _("The option {option} is missing: it is required.").format(option=hint)
    if kind == "BadParameter":
        return _bad_value(exc)
    if match := _REQUIRES.search(message):
        return _("{option} needs a value after it, e.g. {option} VALUE.").format(
            option=match.group("name")
        )
    if match := _NO_COMMAND.search(message):
        name = match.group("name")
        commands = list(getattr(getattr(ctx, "command", None), "commands", {}) or [])
        return _("There is no command {command}.").format(command=name) + _suggest(name, commands)
    if match := _EXTRA.search(message):
        extra = match.group("args").split()
        return ngettext(
            "Too many arguments: {extra}. Put quotes around a text with spaces.",
            "Too many arguments: {extra}. Put quotes around a text with spaces.",
            len(extra),
        ).format(extra=" ".join(extra))
    if message.startswith("Missing command"):
        return _("Give a command.")
    return message


@contextlib.contextmanager
def translated() -> Iterator[None]:
    """Within the block, a Click usage error is raised again in the reader's language."""
    try:
        yield
    except USAGE_ERRORS as exc:
        kind = type(exc).__name__
        if (
            kind == "NoArgsIsHelpError"
            or not hasattr(exc, "ctx")
            or getattr(exc, "_ictgov_translated", False)
        ):
            raise
        rich_words()
        message = translated_message(exc)
        target: Any = exc
        target.message = message
        target.format_message = lambda: message
        target._ictgov_translated = True
        raise


__all__ = ["rich_words", "translated", "translated_message"]
