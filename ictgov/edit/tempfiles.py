"""The temporary files of atomic writes: one exact name pattern, stale ones cleaned.

A write goes to ``.<name>.<8 random>.ictgov.tmp`` beside the file. ``kill -9`` between
creating it and the rename leaves it behind, and ``git add -A`` would commit it: the
``.gitignore`` written by ``ictgov init`` ignores ``.*.ictgov.tmp``, the loader skips
dot files, and every write removes leftovers older than ``STALE_SECONDS``. Only
regular files matching our exact pattern are touched (also the ``.<name>.yaml.
<8 random>.tmp`` of earlier versions), never a symlink or someone else's file.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from pathlib import Path

TEMP_SUFFIX = ".ictgov.tmp"
#: A temporary file this old belongs to a write that died (a write takes milliseconds).
STALE_SECONDS = 600

_OURS = re.compile(
    r"\A\.(?:.+\.[a-z0-9_]{8}\.ictgov\.tmp|.+\.ya?ml\.[a-z0-9_]{8}\.tmp)\Z", re.DOTALL
)


def temp_prefix(path: Path) -> str:
    """``tempfile.mkstemp`` prefix for a temporary file beside *path*."""
    return f".{path.name}."


def is_temp_name(name: str) -> bool:
    """Whether *name* is the name of one of our temporary files."""
    return bool(_OURS.match(name))


def clean_stale(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove our temporary files in *folder* older than ``STALE_SECONDS``; return them."""
    limit = (time.time() if now is None else now) - STALE_SECONDS
    removed: list[Path] = []
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if e.name.startswith(".") and is_temp_name(e.name)]
    except OSError:
        return removed
    for name in names:
        path = folder / name
        with contextlib.suppress(OSError):
            info = path.lstat()
            if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                path.unlink()
                removed.append(path)
    return removed
