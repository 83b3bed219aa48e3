"""``ictgov render``: the reports as a static HTML site and/or Markdown."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ictgov.cli.errors import guarded
from ictgov.cli.options import AtOption, RootOption, TodayOption
from ictgov.i18n.speak import _, ngettext


class FormatChoice(StrEnum):
    """Output formats."""

    HTML = "html"
    MD = "md"
    PDF = "pdf"
    ALL = "all"


class LangChoice(StrEnum):
    """Interface languages."""

    FI = "fi"
    SV = "sv"
    EN = "en"
    ALL = "all"


def register(app: typer.Typer) -> None:
    """Add the ``render`` command."""
    app.command("render")(render)


@guarded
def render(
    format_: Annotated[
        FormatChoice,
        typer.Option(
            "--format",
            "-f",
            help="html, md (Markdown), all (both), or pdf: one PDF per language for a "
            "board's agenda (needs the PDF extra, ictgov[pdf]; see docs/publishing.md).",
            case_sensitive=False,
        ),
    ] = FormatChoice.ALL,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write the site into.", file_okay=False)
    ] = Path("site"),
    lang: Annotated[
        LangChoice,
        typer.Option("--lang", help="Interface language: fi, sv, en or all.", case_sensitive=False),
    ] = LangChoice.ALL,
    public: Annotated[
        bool,
        typer.Option(
            "--public", help="Leave out personal names and e-mail addresses (posts stay)."
        ),
    ] = False,
    single_file: Annotated[
        bool,
        typer.Option(
            "--single-file",
            help="Write one self-contained HTML file per language (ictgov-<lang>.html).",
        ),
    ] = False,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            min=1900,
            max=2200,
            help="Year of the annual report, every figure as of 31 December of it (default: "
            "the last full year of the strategy period that has data).",
            show_default=False,
        ),
    ] = None,
    stamp: Annotated[
        bool,
        typer.Option("--stamp", help="Print the generation time in the footer (not byte-stable)."),
    ] = False,
    body: Annotated[
        str | None,
        typer.Option(
            "--body",
            help="PDF only: the body the report goes to, named on the title page "
            "(default: the strategic-level body). Example: --body ohjausryhma",
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
    today: TodayOption = None,
    at: AtOption = None,
) -> None:
    """Render the reports: overview, goals, measures, timeline, governance, annual report."""
    from datetime import UTC, datetime

    from ictgov.config import resolve_today
    from ictgov.errors import IctgovError
    from ictgov.i18n import LANGUAGES, translations
    from ictgov.i18n.language import interface_language
    from ictgov.project import Project
    from ictgov.render.site import FORMATS, RenderOptions, render_site, write_site
    from ictgov.views.annual import YearNotReportable

    project = Project.open(root)
    day = resolve_today(today)
    tree = project.tree(at, today=day)
    if tree.strategy is None and not tree.measures:
        raise IctgovError(
            _(
                "{root}: no strategy data to render (expected data/strategy/strategy.yaml "
                "and data/measures/); run 'ictgov lint' to see what was found"
            ).format(root=project.root)
        )
    errors = [d for d in tree.diagnostics if d.severity == "error"]
    if errors:
        typer.echo(
            ngettext(
                "warning: {n} file could not be read; rendering what could be read "
                "(run 'ictgov lint' for details)",
                "warning: {n} files could not be read; rendering what could be read "
                "(run 'ictgov lint' for details)",
                len({d.file for d in errors}),
            ).format(n=len({d.file for d in errors})),
            err=True,
        )
    languages = LANGUAGES if lang == LangChoice.ALL else (lang.value,)
    if project.config.language in languages:
        languages = (
            project.config.language,
            *(x for x in languages if x != project.config.language),
        )
    try:
        if format_ == FormatChoice.PDF:
            from ictgov.render.pdf import render_pdfs

            pdf_options = RenderOptions(
                formats=("html",),
                languages=languages,
                public=public,
                year=year,
                on_track_late_after_days=project.config.on_track_late_after_days,
            )
            written = render_pdfs(
                tree,
                day,
                pdf_options,
                out,
                body_id=body,
                stale_after_days=project.config.stale_after_days,
                content_lang=project.config.language,
                user_templates=project.root / "templates",
                history=project.tree_on,
            )
            typer.echo(_("wrote {file}").format(file=", ".join(str(p) for p in written)))
            return
        options = RenderOptions(
            formats=FORMATS if format_ == FormatChoice.ALL else (format_.value,),
            languages=languages,
            public=public,
            single_file=single_file,
            year=year,
            stamp=f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC" if stamp else None,
            on_track_late_after_days=project.config.on_track_late_after_days,
        )
        with _progress() as progress:
            files = render_site(
                tree,
                day,
                options,
                stale_after_days=project.config.stale_after_days,
                content_lang=project.config.language,
                user_templates=project.root / "templates",
                history=project.tree_on,
                progress=progress,
            )
    except YearNotReportable as exc:
        asked = lang.value if lang != LangChoice.ALL else None
        strategy_lang = tree.strategy.language if tree.strategy else None
        speak = interface_language(asked, project.config.language_set or strategy_lang)
        raise IctgovError(translations(speak).gettext(exc.message_id) % exc.values) from None
    write_site(files, out)  # OSError: cli.errors names the file and what to do
    typer.echo(
        ngettext(
            "wrote {n} file to {out} ({languages}; {formats})",
            "wrote {n} files to {out} ({languages}; {formats})",
            len(files),
        ).format(
            n=len(files),
            out=out,
            languages=", ".join(options.languages),
            formats=", ".join(options.formats),
        )
    )


@contextmanager
def _progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on standard error while pages render, when that is a terminal.

    Redirected or piped output gets none (nothing to clean up in a log).
    """
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("rendering", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update
