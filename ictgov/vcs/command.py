"""How every git process starts: ``git -c <safe configuration> -C <folder> ...``.

A repository's own ``.git/config`` may name programs git runs on its own: a file-system
monitor (``core.fsmonitor``, run by ``status``) or hooks. Reading a stranger's
repository must not run them, so every command line turns them off first.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Given to every git process: a repository's own configuration may not make git run
#: programs (a file-system monitor, hooks) just because ictgov read it.
SAFE_CONFIG = (
    "-c",
    "core.fsmonitor=false",
    "-c",
    f"core.hooksPath={os.devnull}",
    "-c",
    "core.untrackedCache=false",
)


def git_command(cwd: Path, *args: str) -> list[str]:
    """The argument vector of a git process in *cwd*, with the safe configuration first."""
    return ["git", *SAFE_CONFIG, "-C", str(cwd), *args]
