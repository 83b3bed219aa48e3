"""The ``ictgov`` command: a thin Typer layer over the library.

Each command lives in its own module with a ``register(app)`` function. Modules
import only Typer at the top and the rest of the library inside the command, so
``ictgov status`` does not pay for jinja2, GitPython or ruamel.yaml.
"""

from __future__ import annotations

import importlib

import typer

from ictgov import __version__

COMMAND_MODULES = (
    "lint",
    "status",
    "show",
    "schema",
    "render",
    "diff",
    "history",
    "update",
    "new",
    "init",
    "export",
    "import_",
)

app = typer.Typer(
    name="ictgov",
    help="Follow a public-sector ICT strategy through to the end: lint, status, diff and "
    "reports over a git-versioned YAML tree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ictgov {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Follow a public-sector ICT strategy through to the end."""


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"ictgov.cli.{_name}")
    except ModuleNotFoundError as _exc:  # a command not yet written
        if _exc.name != f"ictgov.cli.{_name}":
            raise
        continue
    _module.register(app)


def main() -> None:
    """Console-script entry point."""
    app()
