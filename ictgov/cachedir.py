"""The ``.ictgov-cache/`` folder, handled as untrusted content of the repository.

A repository is a pull request from a stranger: ``.ictgov-cache`` or anything in it
may be a committed symlink (``git add -f``) to a folder outside the repository,
or to ``..``. So every step here looks at the link itself (``lstat``,
``O_NOFOLLOW``), never at what it points to: a folder is used only if it is a real
directory, a file is read only if it is a regular file, and clean-up removes only
regular files inside real directories, never anything through a link. When the
cache folder is not a real directory there is simply no cache.

Cache files are JSON (``read_json``/``write_json``), each bound to the folder that
holds it (``identity``). Standard library only: the warm lint path
(``lint.cache``) imports this module before anything heavy.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from ictgov import __version__

CACHE_DIR = ".ictgov-cache"
#: Written into the cache folder when ictgov creates it: repositories not made by
#: ``ictgov init`` have no ignore rule for it, and a cache must never be committed.
GITIGNORE = "*\n"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


#: size, mtime_ns, ctime_ns, inode, compared as git compares its index: an edit that
#: restores the mtime (``touch -r``, ``os.utime``) still moves the ctime, which no user
#: call can set. As in git, the racy-time rule looks at the mtime only.
Stat = tuple[int, int, int, int]


def stamp(st: os.stat_result) -> Stat:
    """What says that a file may have changed since it was last seen."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def is_real_dir(path: Path) -> bool:
    """True when *path* itself (not a link's target) is a directory."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def base(root: Path, *, create: bool = False) -> Path | None:
    """``<root>/.ictgov-cache`` if it is a real directory (made with *create*), else None.

    A new folder gets a ``.gitignore`` holding ``*``, so that it is never committed.
    """
    path = root / CACHE_DIR
    if is_real_dir(path):
        return path
    if not create or os.path.lexists(path):
        return None  # a link, a file, anything else: no cache
    try:
        path.mkdir()
    except FileExistsError:  # another ictgov run made it meanwhile
        return path if is_real_dir(path) else None
    except OSError:
        return None
    write_bytes(path / ".gitignore", GITIGNORE.encode())
    return path if is_real_dir(path) else None


def subdir(parent: Path, name: str, *, create: bool = False) -> Path | None:
    """``parent/name`` if it is a real directory (made with *create*), else None."""
    path = parent / name
    if not is_real_dir(path) and create and not os.path.lexists(path):
        with contextlib.suppress(OSError):
            path.mkdir()
    return path if is_real_dir(path) else None


def identity(folder: Path) -> str | None:
    """The device and inode of a real directory: what binds cache files to this folder.

    Every cache file records the identity of the folder it was written into and is
    ignored anywhere else. A ``.ictgov-cache`` committed into a repository gets a new
    inode in each clone, which its author cannot know: so a foreign cache is never
    believed, with no key to keep (a cache whose folder moved is simply rebuilt).
    """
    try:
        st = os.lstat(folder)
    except OSError:
        return None
    return f"{st.st_dev}:{st.st_ino}" if stat.S_ISDIR(st.st_mode) else None


def read_json(path: Path, kind: str) -> Any:
    """The payload of a cache file written by ``write_json`` into this very folder, or None.

    Missing, corrupt, foreign (another folder, another kind) all read as None.
    """
    raw = read_bytes(path)
    if raw is None:
        return None
    try:
        record = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if (
        not isinstance(record, dict)
        or record.get("kind") != kind
        or record.get("folder") != identity(path.parent)
    ):
        return None
    return record.get("payload")


def write_json(path: Path, kind: str, payload: Any) -> bool:
    """Write *payload* as JSON, tagged with its kind and the folder's identity."""
    folder = identity(path.parent)
    if folder is None:
        return False
    record = {"kind": kind, "folder": folder, "payload": payload}
    # ASCII with escapes: file names that are not UTF-8 (lone surrogates) round-trip.
    data = json.dumps(record, separators=(",", ":"))
    return write_bytes(path, data.encode("ascii"))


def code_fingerprint(*folders: str) -> str:
    """Changes whenever the code in *folders* (of the package) does, also when editable."""
    package = Path(__file__).resolve().parent
    parts = [__version__, sys.version]
    for folder in folders:
        try:
            with os.scandir(package / folder) as entries:
                for entry in entries:
                    if entry.name.endswith(".py"):
                        st = entry.stat()
                        parts.append(f"{folder}/{entry.name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            continue
    return hashlib.blake2b("\n".join(sorted(parts)).encode(), digest_size=8).hexdigest()


def read_bytes(path: Path) -> bytes | None:
    """The bytes of *path* if it is a regular file (not a link, not a FIFO), else None."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError:
        return None
    finally:
        os.close(fd)


def write_bytes(path: Path, data: bytes) -> bool:
    """Write *data* to *path* atomically; False when the folder is not a real directory.

    The temporary file is made in the folder and renamed over *path*: a link at
    *path* is replaced, never written through.
    """
    if not is_real_dir(path.parent):
        return False
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return False
    return True


def remove_file(path: Path) -> None:
    """Delete *path* if it is a regular file or a link (the link itself); else leave it."""
    with contextlib.suppress(OSError):
        if not stat.S_ISDIR(os.lstat(path).st_mode):
            os.unlink(path)


def remove_tree_files(parent: Path, keep: str, prefix: str = "v") -> None:
    """Remove the real folders ``parent/<prefix>*`` other than *keep*, and their files.

    Links are never followed: a link among them, or inside one, is left alone,
    and a folder that is not then empty stays.
    """
    if not is_real_dir(parent):
        return
    with contextlib.suppress(OSError), os.scandir(parent) as entries:
        for entry in entries:
            if (
                not entry.name.startswith(prefix)
                or entry.name == keep
                or not entry.is_dir(follow_symlinks=False)
            ):
                continue
            with contextlib.suppress(OSError), os.scandir(entry.path) as files:
                for file in files:
                    if file.is_file(follow_symlinks=False):
                        os.unlink(file.path)
            with contextlib.suppress(OSError):
                os.rmdir(entry.path)
