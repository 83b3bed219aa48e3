"""Turn every failure into a message and an exit code: never a traceback.

Errors go to stderr as ``error: ...``. When the command was asked for ``--format
json``, a JSON error document goes to stdout as well, so that a script reading
stdout gets an object it can parse instead of nothing.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from enum import Enum
from typing import Any, ParamSpec, TypeVar

import typer

from ictgov import ISSUES_URL, __version__
from ictgov.errors import ConfigError, IctgovError, RootNotFoundError
from ictgov.i18n import N_
from ictgov.i18n.speak import _

P = ParamSpec("P")
R = TypeVar("R")

#: Whether the running command prints JSON, so errors must be JSON documents too.
_JSON_ERRORS: ContextVar[bool] = ContextVar("ictgov_json_errors", default=False)

#: errno -> what it means for the person, and what to do about it.
_OS_HINTS: dict[int, str] = {
    errno.ENOSPC: N_("the disk is full; free some space and run again"),
    errno.EDQUOT: N_("the disk quota is used up; free some space and run again"),
    errno.EROFS: N_(
        "the file system is read-only; write somewhere else (e.g. --out) and run again"
    ),
    errno.EACCES: N_("permission denied; check the permissions of the file and its folder"),
    errno.EPERM: N_(
        "the operation is not permitted; check the permissions of the file and its folder"
    ),
    errno.ENOENT: N_("no such file or folder; check the path"),
    errno.EISDIR: N_("this is a folder; give a file name"),
    errno.ENOTDIR: N_("a part of this path is a file, not a folder; check the path"),
    errno.EEXIST: N_("this already exists; remove it or choose another name"),
    errno.ENAMETOOLONG: N_("the name is too long; choose a shorter path"),
    errno.ELOOP: N_("too many symlinks (a symlink loop?); check the path"),
    errno.EMFILE: N_("too many open files; close other programs or raise the limit"),
}


_started: list[bool] = []


def command_started() -> bool:
    """Whether a guarded command began to run (else an exit 2 was Click's usage error)."""
    return bool(_started)


def wants_json(kwargs: dict[str, Any]) -> bool:
    """Whether a command's options ask for JSON output (``--format json``)."""
    return any(isinstance(value, Enum) and value.value == "json" for value in kwargs.values())


@contextlib.contextmanager
def json_errors(enabled: bool) -> Iterator[None]:
    """Within the block, errors are also printed as a JSON document on stdout."""
    token = _JSON_ERRORS.set(enabled)
    try:
        yield
    finally:
        _JSON_ERRORS.reset(token)


def error_document(kind: str, message: str, code: int) -> str:
    """The JSON object printed on stdout for an error under ``--format json``."""
    body = {"error": {"kind": kind, "message": message, "exit_code": code}}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def fail(message: str, code: int = 2, kind: str = "usage", prefix: str | None = None) -> typer.Exit:
    """Print ``error: message`` to stderr (and a JSON document if asked); return the Exit.

    The prefix and *message* are in the reader's language; the JSON keys stay English.
    """
    typer.echo(f"{_('error: ') if prefix is None else prefix}{message}", err=True)
    if _JSON_ERRORS.get():
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.write(error_document(kind, message, code))
            sys.stdout.flush()
    return typer.Exit(code)


def describe_os_error(exc: OSError) -> str:
    """``file: what happened; what to do``, for any OSError from reading or writing."""
    known = _OS_HINTS.get(exc.errno or -1)
    hint = _(known) if known else _("{problem}; check the path").format(problem=exc.strerror or exc)
    where = exc.filename if exc.filename is not None else None
    if where is None:
        return _("cannot write the output ({problem}); {what_to_do}").format(
            problem=exc.strerror or exc, what_to_do=hint.split("; ", 1)[-1]
        )
    if isinstance(where, bytes):
        where = os.fsdecode(where)
    return f"{os.fsencode(str(where)).decode('utf-8', 'backslashreplace')}: {hint}"


def _is_output_failure(exc: OSError) -> bool:
    """A failed write to stdout (full disk, closed pipe) has no file name."""
    return exc.filename is None and exc.errno in {errno.ENOSPC, errno.EPIPE, errno.EIO}


def silence_stdout() -> None:
    """Point stdout at the null device, so that the flush at exit cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _kind_of(exc: IctgovError) -> str:
    if isinstance(exc, ConfigError | RootNotFoundError):
        return "configuration"
    return "usage"


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate a command: user errors exit 2 with a message, bugs ask to be reported."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        _started.append(True)
        with json_errors(wants_json(kwargs)):
            try:
                return func(*args, **kwargs)
            except (typer.Exit, typer.Abort, SystemExit):
                raise
            except IctgovError as exc:
                raise fail(str(exc), exc.exit_code, _kind_of(exc)) from None
            except KeyboardInterrupt:
                typer.echo(_("interrupted"), err=True)
                raise typer.Exit(130) from None
            except BrokenPipeError:  # the reader went away (| head): not an error
                silence_stdout()
                raise typer.Exit(0) from None
            except OSError as exc:
                if _is_output_failure(exc):
                    silence_stdout()
                    typer.echo(_("error: ") + describe_os_error(exc), err=True)
                    raise typer.Exit(2) from None
                raise fail(describe_os_error(exc), 2, "file-system") from None
            except UnicodeEncodeError as exc:
                raise fail(
                    _(
                        "the output cannot be written in the terminal's encoding ({encoding}); "
                        "set PYTHONIOENCODING=utf-8 or use a UTF-8 locale"
                    ).format(encoding=exc.encoding),
                    2,
                    "environment",
                ) from None
            except Exception as exc:
                if os.environ.get("ICTGOV_DEBUG"):
                    raise
                raise fail(
                    _("internal error: {error}").format(error=f"{type(exc).__name__}: {exc}")
                    + "\n"
                    + _(
                        "This is a bug in ictgov {version}. Please report it at {url} with the "
                        "command you ran; set ICTGOV_DEBUG=1 to see the traceback."
                    ).format(version=__version__, url=ISSUES_URL),
                    2,
                    "internal",
                    prefix="",
                ) from None

    return wrapper
