"""``ictgov init``: start a new strategy repository."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import Language, TodayOption
from ictgov.i18n import N_
from ictgov.i18n.speak import _


class CiChoice(StrEnum):
    """CI services ``--ci`` can write configuration for."""

    GITHUB = "github"
    GITLAB = "gitlab"
    AZURE = "azure"


#: Where a pin came from (``Pin.source``, English in requirements-ictgov.txt) -> its words.
_SOURCES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ictgov_requirement in (?P<file>.+)"), N_("ictgov_requirement in {file}")),
    (re.compile(r"the installed ictgov \(git\)"), N_("the installed ictgov (git)")),
    (re.compile(r"the installed ictgov archive"), N_("the installed ictgov archive")),
    (
        re.compile(r"the ictgov checkout's HEAD \((?P<remote>.+)\)"),
        N_("the ictgov checkout's HEAD ({remote})"),
    ),
    (
        re.compile(r"the release tag v(?P<version>\S+) of (?P<repository>.+)"),
        N_("the release tag v{version} of {repository}"),
    ),
)


def source_words(source: str) -> str:
    """Where the pin came from, in the reader's language (the source itself if unknown)."""
    for pattern, words in _SOURCES:
        if match := pattern.fullmatch(source):
            return _(words).format(**match.groupdict())
    return source


def register(app: typer.Typer) -> None:
    """Add the ``init`` command to the app."""
    app.command("init")(init)


@guarded
def init(
    directory: Annotated[
        Path, typer.Argument(metavar="[DIR]", help="Folder to create it in (default: here).")
    ] = Path("."),
    ci: Annotated[
        CiChoice | None,
        typer.Option(
            "--ci", help="Also write CI configuration for this service.", show_default=False
        ),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            help="Name of the strategy, e.g. 'Kuntien ICT-strategia 2025-2029'.",
            show_default=False,
        ),
    ] = None,
    language: Annotated[
        Language,
        typer.Option(
            "--language", help="Language of the content and README.", case_sensitive=False
        ),
    ] = Language.FI,
    force: Annotated[
        bool,
        typer.Option("--force", help="Accept a non-empty folder (existing files are kept)."),
    ] = False,
    today: TodayOption = None,
) -> None:
    """Create a new strategy repository: config, a minimal valid tree, schemas, README.

    CI and the pre-commit hook install the ictgov pinned in
    requirements-ictgov.txt: ictgov_requirement of DIR/ictgov.toml if set,
    else the commit this ictgov was installed from, else its release tag.

    'ictgov lint' passes on the result at once; replace the placeholders, then run
    'git init' and commit.
    """
    from ictgov.config import resolve_today
    from ictgov.scaffold.init import init_repository

    result = init_repository(
        directory,
        name=name,
        language=language.value,
        ci=ci.value if ci else None,
        force=force,
        today=resolve_today(today),
    )
    for relpath in result.written:
        typer.echo(_("created {file}").format(file=relpath))
    for relpath in result.kept:
        typer.echo(_("kept {file} (already there)").format(file=relpath))
    typer.echo(
        _("pinned {requirement} (from {source})").format(
            requirement=result.pin.requirement, source=source_words(result.pin.source)
        )
    )
    typer.echo(_("next: cd {folder} && ictgov lint").format(folder=directory))
