"""Every command takes ``--root`` and ``--today`` (issue 2), with two deliberate exceptions.

``init`` creates a repository, so it takes the folder as its argument instead of
``--root``; ``schema`` does not depend on the date, so a ``--today`` there would mean
nothing.
"""

from __future__ import annotations

from typing import Any

import typer

from ictgov.cli.main import COMMANDS, app

WITHOUT_ROOT = {"init"}
WITHOUT_TODAY = {"schema"}


def commands() -> dict[str, Any]:
    """Command path (``new meeting``) -> click command, for every leaf command.

    Typed loosely: Typer builds on its own copy of click, so groups are told apart by
    their ``commands``.
    """
    root: Any = typer.main.get_command(app)
    out: dict[str, Any] = {}
    for name, command in root.commands.items():
        if hasattr(command, "commands"):
            out.update({f"{name} {sub}": c for sub, c in command.commands.items()})
        else:
            out[name] = command
    return out


def options(command: Any) -> dict[str, Any]:
    return {opt: p for p in command.params for opt in getattr(p, "opts", [])}


def test_every_command_is_covered() -> None:
    assert {path.split()[0] for path in commands()} == set(COMMANDS)


def test_every_command_has_root_and_today() -> None:
    for path, command in commands().items():
        top = path.split()[0]
        opts = options(command)
        assert ("--root" in opts) != (top in WITHOUT_ROOT), path
        assert ("--today" in opts) != (top in WITHOUT_TODAY), path
        if "--today" in opts:
            today = opts["--today"]
            assert today.envvar == "ICTGOV_TODAY", path


def test_cli_choices_mirror_the_model_enums() -> None:
    """The CLI keeps its own copies (no model import at start-up); they must not drift."""
    from ictgov.cli.options import HealthChoice, StatusChoice
    from ictgov.model import Health, Status

    assert [c.value for c in StatusChoice] == [s.value for s in Status]
    assert [c.value for c in HealthChoice] == [h.value for h in Health]
