"""Options shared by every command, declared once so they mean the same everywhere."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ictgov.invocation import TODAY_ENV

RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="Repository root (default: found by walking up from the working directory).",
        file_okay=False,
        show_default=False,
    ),
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        envvar=TODAY_ENV,
        help="Take this date (YYYY-MM-DD) as today, for reproducible results.",
        show_default=False,
    ),
]
AtOption = Annotated[
    str | None,
    typer.Option(
        "--at",
        help="Use the tree as it was at a git revision, or at the last commit on or before "
        "a date (YYYY-MM-DD).",
        show_default=False,
    ),
]


class Language(StrEnum):
    """The languages ictgov speaks, as ``--lang`` / ``--language`` accept them."""

    FI = "fi"
    SV = "sv"
    EN = "en"


class StatusChoice(StrEnum):
    """Lifecycle statuses for ``--status``: the model's, without importing the model.

    Command modules stay light so that a warm ``ictgov lint`` never loads Pydantic;
    a test checks these mirror :class:`ictgov.model.Status` and ``Health``.
    """

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    ON_HOLD = "on_hold"
    DISCONTINUED = "discontinued"


class HealthChoice(StrEnum):
    """Health of a measure in progress, for ``--health``."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
