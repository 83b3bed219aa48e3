"""The command line in the reader's language: help, Click's own words and usage errors.

The language is decided once, before Click parses anything (``--lang`` anywhere on the
command line, ``ICTGOV_LANG``, the repository, the locale: ``interface_language``), so
that ``--help`` and a usage error are already in it.

How, through public APIs only (Typer vendors its own Click, which has no gettext):

- **Help texts** stay English in the code (the message ids) and are translated in
  place on the Click objects Typer builds for this run (:func:`translate_tree`), at
  :meth:`LocalizedGroup.main`, so every help, command list and option is covered
  with no change to how commands are declared. :mod:`ictgov.cli.catalogue` lists the
  same texts for ``pybabel extract``, and a test fails when one lacks a translation.
- **"Usage:"** is the default prefix of the help formatter: :class:`LocalizedContext`
  gives its own ``formatter_class``.
- **Usage errors and Typer's panel titles**: :mod:`ictgov.cli.usage_errors`.

Commands and groups get these classes through Typer's public ``cls`` (:func:`localize`).
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
import tomllib
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from ictgov.cli.usage_errors import rich_words, translated, translated_message
from ictgov.i18n import N_
from ictgov.i18n.language import ENV_VAR, interface_language, supported
from ictgov.i18n.speak import _, speaking
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
        rich_words()
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
