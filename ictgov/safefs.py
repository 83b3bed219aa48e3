"""Writing under a folder without ever following a symlink out of it.

An output folder may come from a stranger's repository (a committed ``site/`` with
``site/fi/index.html -> ~/.bashrc`` or ``site/sv -> /elsewhere``). Every folder on
the way down is checked with ``lstat`` and created if missing; a file that is a
symlink is replaced by a real file (the link goes, its target is untouched); a
folder that is a symlink is refused, since what lies behind it is not ours.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PurePosixPath

from ictgov.errors import UnsafePathError

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def check_target_folder(out: Path, option: str = "--out") -> None:
    """*out* must be a real folder, or not exist yet (it is then created)."""
    try:
        info = out.lstat()
    except FileNotFoundError:
        out.mkdir(parents=True)
        return
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePathError(
            f"{option} {out} is a symlink; ictgov does not write through symlinks. "
            "Give the real folder, or a new folder name"
        )
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafePathError(
            f"{option} {out} is a file, not a folder; give a folder (it is created if missing)"
        )


def check_output_file(path: Path, option: str = "--out") -> None:
    """*path* must be a regular file or not exist: never a symlink, folder, pipe or device.

    Writing into a FIFO blocks forever, and a committed ``export.xlsx -> ~/.bashrc``
    would otherwise be overwritten by a CI job that exports there.
    """
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise UnsafePathError(
            f"{option} {path} is a symlink; ictgov does not write through symlinks. "
            "Remove the link or give another file name"
        )
    if stat.S_ISDIR(mode):
        raise UnsafePathError(f"{option} {path} is a folder; give a file name")
    if not stat.S_ISREG(mode):
        raise UnsafePathError(f"{option} {path} is {kind_of(mode)}; give a regular file name")


class FolderWriter:
    """Writes files below one base folder, checking each folder once."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self._checked: set[PurePosixPath] = {PurePosixPath(".")}

    def folder(self, rel: PurePosixPath) -> Path:
        """The folder *rel* under the base, created part by part; never through a symlink."""
        if rel in self._checked:
            return self.base / rel
        self.folder(rel.parent)
        path = self.base / rel
        try:
            info = path.lstat()
        except FileNotFoundError:
            path.mkdir()
            info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            raise UnsafePathError(
                f"{path} is a symlink; ictgov does not write through symlinks. "
                "Replace the link with a real folder, or write somewhere else"
            )
        if not stat.S_ISDIR(info.st_mode):
            raise UnsafePathError(
                f"{path} is a file where a folder is needed; remove it and run again"
            )
        self._checked.add(rel)
        return path

    def path(self, rel: str) -> Path:
        """Where *rel* (a relative posix path) goes, its folders made safe; refuses ``..``."""
        pure = PurePosixPath(rel)
        if pure.is_absolute() or ".." in pure.parts:
            raise UnsafePathError(f"{rel}: a path leaving the output folder; this is a bug")
        return self.folder(pure.parent) / pure.name

    def write(self, rel: str, data: bytes, *, keep_same: bool = True) -> Path:
        """Write *data* to *rel*; with *keep_same*, an identical file keeps its mtime."""
        path = self.path(rel)
        if not (keep_same and holds(path, data)):
            write_file(path, data)
        return path


def holds(path: Path, data: bytes) -> bool:
    """Whether *path* is a regular file (not a symlink) with exactly these bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read() == data
    finally:
        os.close(fd)


def write_file(path: Path, data: bytes) -> None:
    """Write *path* as a regular file; a symlink there is replaced, never followed."""
    if path.is_symlink():
        path.unlink()
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _NOFOLLOW | _NONBLOCK | _BINARY
    fd = os.open(path, flags, 0o666)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnsafePathError(f"{path} is not a regular file; remove it and run again")
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(data)
    finally:
        os.close(fd)


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words, for messages."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file; OSError for anything else (FIFO, device, folder).

    ``O_NONBLOCK`` makes opening a FIFO return at once instead of waiting for a writer.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, f"{kind_of(info.st_mode)}, not a file", str(path))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)
