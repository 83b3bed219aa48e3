"""Turn every failure into a message and an exit code: never a traceback."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from ictgov import ISSUES_URL, __version__
from ictgov.errors import IctgovError

P = ParamSpec("P")
R = TypeVar("R")


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``error: message`` to stderr and return the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate a command: user errors exit 2 with a message, bugs ask to be reported."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except IctgovError as exc:
            raise fail(str(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None
        except Exception as exc:
            typer.echo(
                f"internal error: {type(exc).__name__}: {exc}\n"
                f"This is a bug in ictgov {__version__}. Please report it at {ISSUES_URL} "
                "with the command you ran; set ICTGOV_DEBUG=1 to see the traceback.",
                err=True,
            )
            import os

            if os.environ.get("ICTGOV_DEBUG"):
                raise
            raise typer.Exit(2) from None

    return wrapper
