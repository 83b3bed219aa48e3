"""``ictgov schema``: JSON Schema of each kind of file, for editors and for CI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ictgov.cli.errors import fail, guarded
from ictgov.cli.options import Language, RootOption
from ictgov.i18n.speak import _, ngettext

KindOption = Annotated[
    str | None,
    typer.Option(
        "--kind",
        "-k",
        help="Only this kind of file: strategy, goals, organisations, bodies, projects, "
        "stakeholders, measure, meeting, round.",
        show_default=False,
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="Write <kind>.schema.json files into this folder (default: schemas/ of the root).",
        file_okay=False,
        show_default=False,
    ),
]
CheckOption = Annotated[
    bool,
    typer.Option(
        "--check",
        help="Write nothing; exit 1 when the schema files differ from the models.",
    ),
]
LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help="Language of the descriptions editors show: fi, sv or en. Default: the "
        "repository's language when writing into its schemas/ folder, else English.",
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    """Add the ``schema`` command to the app."""
    app.command("schema")(schema)


@guarded
def schema(
    kind: KindOption = None,
    out: OutOption = None,
    check: CheckOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Print or write the JSON Schema of each kind of data file.

    With --kind and no --out, print that schema. Otherwise write every schema (or the
    one kind) into --out, or into schemas/ at the repository root. Data files point
    editors at them with a first line such as
    '# yaml-language-server: $schema=../../schemas/measure.schema.json'.
    The descriptions are in the strategy's language when written into its schemas/.
    """
    from ictgov.model.files import KINDS
    from ictgov.schema import SCHEMA_DIR, rendered_schemas, stale_schemas, write_schemas

    names = [k.name for k in KINDS]
    if kind is not None and kind not in names:
        import difflib

        close = difflib.get_close_matches(kind, names, n=1)
        hint = _("; did you mean {kind!r}?").format(kind=close[0]) if close else ""
        raise fail(
            _("unknown kind {kind!r}{hint} (kinds: {kinds})").format(
                kind=kind, hint=hint, kinds=", ".join(names)
            )
        )
    kinds = [kind] if kind else None
    language = lang.value if lang is not None else "en"
    if kind is not None and out is None and not check:
        typer.echo(rendered_schemas(kinds, language)[f"{kind}.schema.json"], nl=False)
        return
    if out is None:
        from ictgov.config import resolve_root
        from ictgov.scaffold.schemas import schema_language

        found = resolve_root(root)
        out = found / SCHEMA_DIR
        language = schema_language(lang.value if lang is not None else None, found)
    if check:
        stale = stale_schemas(out, kinds, language)
        if stale:
            typer.echo(
                ngettext(
                    "{n} schema file in {folder} is missing or out of date: {files}; "
                    "run 'ictgov schema --out {folder} --lang {lang}' to regenerate it",
                    "{n} schema files in {folder} are missing or out of date: {files}; "
                    "run 'ictgov schema --out {folder} --lang {lang}' to regenerate them",
                    len(stale),
                ).format(n=len(stale), folder=out, files=", ".join(stale), lang=language),
                err=True,
            )
            raise typer.Exit(1)
        typer.echo(_("schemas in {folder} are up to date").format(folder=out))
        return
    for path in write_schemas(out, kinds, language):
        typer.echo(str(path))
