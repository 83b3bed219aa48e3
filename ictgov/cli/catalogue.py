"""The help texts of the command line, for ``pybabel extract`` (see ``ictgov/i18n``).

Help texts are the options' ``help=`` strings and the commands' docstrings: English
message ids that :mod:`ictgov.cli.localize` translates when the app runs. Babel's
Python extractor sees neither (docstrings are no calls), so ``babel.cfg`` sends
``ictgov/cli/main.py`` here: the usual keyword extraction of that file, plus every
help text of the app as Typer builds it, which is exactly the set that is shown.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

#: What a Babel extraction method yields (its shape differs between Babel versions).
MessageTuple = tuple[Any, ...]


def cli_help_texts() -> list[str]:
    """Every help text of the ``ictgov`` command line, once each, in command order."""
    import typer.main

    from ictgov.cli.localize import help_texts
    from ictgov.cli.main import build_app

    return list(dict.fromkeys(help_texts(typer.main.get_command(build_app()))))


def extract(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: dict[str, Any],
) -> Iterator[MessageTuple]:
    """Babel extraction method: the Python messages of *fileobj*, then every help text."""
    from babel.messages.extract import extract_python

    yield from extract_python(fileobj, keywords, comment_tags, options)  # type: ignore[arg-type]
    for text in cli_help_texts():
        yield 0, None, text, []


__all__ = ["cli_help_texts", "extract"]
