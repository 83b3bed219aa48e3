"""An exclusive lock on the files an edit replaces, held from the last check to the rename.

Without it two ictgov processes can both check a file, both find it unchanged and
both rename their version over it: the first edit is lost. The lock is taken on
the file being replaced (``flock`` on POSIX), so no lock file is left behind: a
second writer that waited for the lock then reads the new content, sees that it
differs from what its edit was based on, and refuses.

On Windows the lock is a no-op: ``os.replace`` fails there while another process
has the file open, which already keeps a second writer from renaming over it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def locked(paths: Iterable[Path]) -> Iterator[None]:
    """Hold an exclusive lock on every existing file of *paths* (taken in sorted order)."""
    fds: list[int] = []
    try:
        if fcntl is not None:
            for path in sorted({os.path.realpath(p) for p in paths}):
                try:
                    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
                except FileNotFoundError:
                    continue  # the conflict check that follows reports it
                fds.append(fd)
                fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        for fd in fds:
            os.close(fd)  # closing the last descriptor releases the lock
