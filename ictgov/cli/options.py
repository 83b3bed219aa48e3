"""Options shared by every command, declared once so they mean the same everywhere."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="Repository root (default: found by walking up from the working directory).",
        file_okay=False,
        show_default=False,
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        envvar="ICTGOV_TODAY",
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
