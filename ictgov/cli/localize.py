"""The command line in the reader's language: help, Click's own words and usage errors.

The language is decided once, before Click parses anything (``--lang`` anywhere on the
command line, ``ICTGOV_LANG``, the repository, the locale: ``interface_language``), so
that ``--help`` and a usage error are already in it.

How, through public APIs only (Typer vendors its own Click, which has no gettext):

- **Help texts** stay English in the code (the message ids) and are translated in
  place on the Click objects Typer builds for this run (:func:`translate_tree`), at
  :meth:`LocalizedGroup.main`, so every help, command list and option is covered
  with no change to how commands are declared. ``tools/cli_messages.py`` lists the
  same texts for ``pybabel extract``, and a test fails when one lacks a translation.
- **Typer's panel titles** (``Options``, ``Error``, ``Try ... for help``) are the
  module constants of ``typer.rich_utils``, which it reads at each use.
- **"Usage:"** is the default prefix of the help formatter: :class:`LocalizedContext`
  gives its own ``formatter_class``.
- **Usage errors** are Click exceptions: :func:`translated` rewrites each by its
  kind (no such option, missing argument, bad value ...) with the option or argument
  it names, and suggests only close matches (Click's list of "possible options"
  offered ``--at`` for ``--lang``).
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import os
import re
import tomllib
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup, TyperOption

from ictgov.i18n import N_
from ictgov.i18n.language import ENV_VAR, interface_language, supported
from ictgov.i18n.speak import _, ngettext, speaking
from ictgov.invocation import CONFIG_FILE, PYPROJECT, find_root

#: Options that choose the interface language (``render --lang all`` chooses none).
LANG_OPTIONS = ("--lang",)
LANG_HELP = N_("Language of the messages and help: fi, sv or en.")
#: Click's usage placeholders, translated with the help (see ``translate_tree``).
USAGE_WORDS = (N_("[OPTIONS]"), N_("COMMAND [ARGS]..."))
#: Largest strategy file read to learn the repository's language.
_STRATEGY_READ_LIMIT = 1_000_000


def _option_value(args: Sequence[str], names: Sequence[str]) -> str | None:
    """The value of the last ``--name VALUE`` / ``--name=VALUE`` in *args*."""
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        for name in names:
            if arg == name and index + 1 < len(args):
                found = args[index + 1]
            elif arg.startswith(name + "="):
                found = arg.split("=", 1)[1]
    return found


def repository_language(root: Path | None) -> str | None:
    """The language the repository sets on purpose: ``ictgov.toml``, else the strategy's.

    Read with the standard library only (no configuration model, no YAML parser), and
    never failing: a broken file is reported by the command itself, in whatever
    language the rest decides.
    """
    found = find_root(root or Path.cwd()) if root is None or root.is_dir() else None
    if found is None:
        return None
    for name in (CONFIG_FILE, PYPROJECT):
        path = found / name
        with contextlib.suppress(OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            if not path.is_file() or not path.resolve().is_relative_to(found.resolve()):
                continue
            data: Any = tomllib.loads(path.read_text(encoding="utf-8"))
            if name == PYPROJECT:
                tool = data.get("tool")
                data = tool.get("ictgov") if isinstance(tool, dict) else None
                if not isinstance(data, dict):
                    continue
            if lang := supported(str(data.get("language", ""))):
                return lang
            break
    strategy = found / "data" / "strategy" / "strategy.yaml"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if strategy.is_file() and strategy.stat().st_size <= _STRATEGY_READ_LIMIT:
            text = strategy.read_text(encoding="utf-8")
            match = re.search(r"^language:\s*['\"]?([A-Za-z_-]+)", text, re.MULTILINE)
            if match:
                return supported(match.group(1))
    return None


def decide_language(args: Sequence[str]) -> str:
    """The interface language for a command line (see ``interface_language``)."""
    requested = _option_value(args, LANG_OPTIONS)
    if supported(requested) or supported(os.environ.get(ENV_VAR)):
        return interface_language(requested)
    root = _option_value(args, ("--root",))
    return interface_language(None, repository_language(Path(root) if root else None))


def _rich_words() -> None:
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


#: Click object -> its English help texts, so a second run in another language
#: translates from English again.
_ORIGINAL: weakref.WeakKeyDictionary[Any, dict[str, Any]] = weakref.WeakKeyDictionary()


def _translate(obj: Any, attributes: Sequence[str]) -> None:
    original = _ORIGINAL.setdefault(obj, {})
    for name in attributes:
        original.setdefault(name, getattr(obj, name, None))
    for name, text in original.items():
        if isinstance(text, str) and text:
            setattr(obj, name, _(text))


def check_lang(value: str | None) -> str | None:
    """A ``--lang`` that names no interface language is a usage error."""
    if value is not None and supported(value) is None:
        raise typer.BadParameter(
            _("{value!r} is not a language of ictgov: write fi, sv or en (e.g. --lang fi).").format(
                value=value
            )
        )
    return value


def commands_of(command: Any) -> Iterator[Any]:
    """*command* and every command under it (a group's sub-commands, recursively)."""
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from commands_of(sub)


def _lang_param(command: Any) -> Any:
    return next((p for p in command.params if set(LANG_OPTIONS) & set(p.opts)), None)


def translate_tree(root: Any) -> None:
    """Translate the help of *root* and everything under it; give each a ``--lang``.

    A command with no ``--lang`` of its own gets a copy of the root's, which only
    chooses the language (read before parsing) and is not passed to the command.
    """
    template = _lang_param(root)
    for command in commands_of(root):
        _translate(command, ("help", "short_help", "epilog", "options_metavar"))
        if isinstance(command, TyperGroup):
            _translate(command, ("subcommand_metavar",))
        if template is not None and _lang_param(command) is None:
            option = copy.copy(template)
            option.expose_value = False
            command.params.append(option)
        for param in command.params:
            _translate(param, ("help",))


def help_texts(root: Any) -> Iterator[str]:
    """Every English help text under *root*: what :func:`translate_tree` translates."""
    for command in commands_of(root):
        for name in ("help", "short_help", "epilog"):
            text = _ORIGINAL.get(command, {}).get(name, getattr(command, name, None))
            if isinstance(text, str) and text:
                yield text
        for param in command.params:
            text = _ORIGINAL.get(param, {}).get("help", getattr(param, "help", None))
            if isinstance(text, str) and text:
                yield text


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
    except typer.TyperException as exc:
        kind = type(exc).__name__
        if (
            kind == "NoArgsIsHelpError"
            or not hasattr(exc, "ctx")
            or getattr(exc, "_ictgov_translated", False)
        ):
            raise
        _rich_words()
        message = translated_message(exc)
        target: Any = exc
        target.message = message
        target.format_message = lambda: message
        target._ictgov_translated = True
        raise


_Formatter: Any = typer.Context.formatter_class


class LocalizedFormatter(_Formatter):  # type: ignore[misc]
    """Click's help formatter with the usage prefix in the reader's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line, prefixed "Usage: " in the reader's language."""
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)


class LocalizedContext(typer.Context):
    """A context whose help formatter writes "Usage:" in the reader's language."""

    formatter_class = LocalizedFormatter


class _Localized:
    """What every ictgov command and group shares: the context, the help option, errors."""

    context_class: Any = LocalizedContext

    def get_help_option(self, ctx: Any) -> Any:
        """The ``-h/--help`` option, its help in the reader's language."""
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _("Show this help and exit.")
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The help, with Typer's panel titles in the reader's language."""
        _rich_words()
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        """Parse the command line; a usage error comes out translated."""
        with translated():
            return super().make_context(*args, **kwargs)  # type: ignore[misc]


class LocalizedCommand(_Localized, TyperCommand):
    """A Typer command that speaks the reader's language."""


class LocalizedGroup(_Localized, TyperGroup):
    """A Typer group that speaks the reader's language; the root decides the language."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """The sub-command; an unknown one comes out translated, with close names only."""
        with translated():
            return super().resolve_command(ctx, args)

    def main(self, args: Sequence[str] | None = None, *more: Any, **kwargs: Any) -> Any:
        """Decide the language from the command line, translate the help, then run."""
        import sys

        argv = list(sys.argv[1:] if args is None else args)
        with speaking(decide_language(argv)):
            translate_tree(self)
            return super().main(argv, *more, **kwargs)


def _chosen(cls: Any, base: type) -> bool:
    """Whether a command class was chosen on purpose (Typer's default is a placeholder)."""
    return isinstance(cls, type) and issubclass(cls, base) and cls is not base


def localize(app: typer.Typer) -> None:
    """Make every command and group of *app* (recursively) speak the reader's language."""
    if not _chosen(app.info.cls, TyperGroup):
        app.info.cls = LocalizedGroup
    for info in app.registered_commands:
        if not _chosen(info.cls, TyperCommand):
            info.cls = LocalizedCommand
    for group in app.registered_groups:
        if not _chosen(group.cls, TyperGroup):
            group.cls = LocalizedGroup
        if group.typer_instance is not None:
            localize(group.typer_instance)


__all__ = [
    "LocalizedCommand",
    "LocalizedContext",
    "LocalizedGroup",
    "decide_language",
    "help_texts",
    "localize",
    "repository_language",
    "translate_tree",
    "translated_message",
]
