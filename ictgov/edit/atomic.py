"""Atomic, conflict-checked file writes: a crash or a concurrent edit never loses data.

A write goes to a temporary file in the same folder (same file system, so the
final rename is atomic), is flushed to disk, takes the original's permissions and
only then replaces the original. Right before the rename the original is read
again: if its bytes differ from what the edit was based on, someone (an editor, a
``git pull``) changed it meanwhile and the write is refused.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ictgov.edit.lock import locked
from ictgov.edit.tempfiles import TEMP_SUFFIX, clean_stale, temp_prefix
from ictgov.errors import IctgovError, WriteConflictError
from ictgov.i18n.speak import _


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a file held when it was read: the base an edit is computed from."""

    path: Path
    raw: bytes
    sha256: str
    mtime_ns: int
    mode: int

    @classmethod
    def read(cls, path: Path) -> Snapshot:
        """Read *path* once and remember its bytes, hash, mtime and permission bits."""
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            raw = handle.read()
        return cls(path, raw, _digest(raw), info.st_mtime_ns, stat.S_IMODE(info.st_mode))


def _exists(path: Path) -> str:
    """Why a new file was not created: the name is taken."""
    return _("{file} already exists; ictgov never overwrites a file").format(file=path)


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _default_mode() -> int:
    """Permissions a newly created file gets under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_temp(path: Path, data: bytes, mode: int, *, sync: bool = True) -> Path:
    """Write *data* to a new temporary file next to *path* (and flush it to disk)."""
    fd, name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def check_unchanged(snapshot: Snapshot) -> None:
    """Raise WriteConflictError if the file no longer holds the snapshot's bytes."""
    path = snapshot.path
    try:
        # The content decides, not the mtime: an mtime has coarse resolution on some file
        # systems, and a checkout can restore an old mtime with new bytes.
        current = path.read_bytes()
    except FileNotFoundError:
        raise WriteConflictError(
            _(
                "{file}: the file was deleted or moved after it was read; nothing was "
                "written. Run the command again."
            ).format(file=path)
        ) from None
    if _digest(current) != snapshot.sha256:
        raise WriteConflictError(
            _(
                "{file}: the file changed on disk after ictgov read it (edited in another "
                "program, or by git?); nothing was written. Run the command again to apply "
                "your change on top of the new content."
            ).format(file=path)
        )


def atomic_write(path: Path, data: bytes, snapshot: Snapshot) -> None:
    """Replace *path* with *data*, keeping its permissions; refuse if it changed since read.

    The check and the rename happen under a lock on *path*, so that a concurrent
    ictgov write cannot land between them and be lost.
    """
    clean_stale(path.parent)
    tmp = _write_temp(path, data, snapshot.mode)
    try:
        with locked([path]):
            check_unchanged(snapshot)
            os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def atomic_create(path: Path, data: bytes) -> None:
    """Create *path* with *data*; refuse if it exists (never overwrite a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        raise IctgovError(_exists(path))
    clean_stale(path.parent)
    tmp = _write_temp(path, data, _default_mode())
    try:
        try:
            os.link(tmp, path)  # fails if the name was taken meanwhile: no overwrite race
        except FileExistsError:
            raise IctgovError(_exists(path)) from None
        except OSError:  # file systems without hard links
            if path.exists():
                raise IctgovError(_exists(path)) from None
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    _fsync_dir(path.parent)


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_many(items: Sequence[tuple[Path, bytes, Snapshot]]) -> list[Path]:
    """Replace many files, all or nothing; return those replaced.

    All new contents are written to temporary files first and flushed in parallel
    (a flush waits for the disk, so a thousand one after another take seconds).
    Then, under a lock on every file, each is checked for concurrent changes before
    any is replaced. If a replacement still fails, the files already replaced get
    their old bytes back, so "nothing was written" stays true. A crash leaves each
    file either old or new, never partly written.
    """
    from concurrent.futures import ThreadPoolExecutor  # only batch writes need threads

    for folder in {path.parent for path, _data, _mode in items}:
        clean_stale(folder)
    temps: list[Path] = []
    done: list[tuple[Path, Snapshot]] = []
    try:
        for path, data, snapshot in items:
            temps.append(_write_temp(path, data, snapshot.mode, sync=False))
        with ThreadPoolExecutor(max_workers=min(32, max(1, len(temps)))) as pool:
            list(pool.map(_fsync_path, temps))
        with locked(path for path, _, _ in items):
            for _, _, snapshot in items:
                check_unchanged(snapshot)
            try:
                for (path, _, snapshot), tmp in zip(items, temps, strict=True):
                    check_unchanged(snapshot)  # an editor does not take our lock
                    os.replace(tmp, path)
                    done.append((path, snapshot))
            except BaseException:
                _restore(done)
                done.clear()
                raise
    finally:
        for tmp in temps[len(done) :]:
            with contextlib.suppress(OSError):
                tmp.unlink()
    for folder in {path.parent for path, _ in done}:
        _fsync_dir(folder)
    return [path for path, _ in done]


def _restore(done: Sequence[tuple[Path, Snapshot]]) -> None:
    """Put the snapshot bytes back into files a failed batch had already replaced."""
    for path, snapshot in reversed(done):
        with contextlib.suppress(OSError):
            tmp = _write_temp(path, snapshot.raw, snapshot.mode)
            os.replace(tmp, path)
