"""Where file bytes come from: the working tree here, git objects in ``ictgov.vcs``.

A source lists the YAML files under ``data/`` and reads their bytes. Keeping this
behind a small protocol lets ``status --at REV`` and ``diff`` load a tree straight
from git objects with the very same loader.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ictgov.diagnostics import FILE_OUTSIDE, FILE_UNREADABLE, Diagnostic
from ictgov.i18n import N_
from ictgov.i18n.messages import msg
from ictgov.model.files import YAML_SUFFIXES
from ictgov.safefs import kind_of as _kind_of
from ictgov.safefs import read_regular

DATA_DIR = "data"


class TreeSource(Protocol):
    """Lists and reads the files of one version of a strategy tree."""

    label: str

    def list_files(self) -> list[str]:
        """Repository-relative posix paths of the YAML files under ``data/``, sorted."""
        ...

    def read(self, relpath: str) -> bytes:
        """The bytes of one listed file. Raises OSError when it cannot be read."""
        ...

    def problems(self) -> list[Diagnostic]:
        """Files that were found but must not be read (e.g. symlinks leaving the tree)."""
        ...


def display_name(name: str) -> str:
    """A file name as text that any output can carry: bytes that are not UTF-8 escaped."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # os.scandir hands undecodable bytes over as surrogates
        return False
    return True


@dataclass
class FsSource:
    """The working tree on disk: only regular files, only inside the repository.

    Every entry is examined with ``lstat`` first: symlinks are followed only to
    regular files inside the repository, folders reached through a symlink are not
    walked, and pipes, sockets and devices are never opened (opening a FIFO blocks
    forever). Whatever is refused becomes a finding on that one entry.
    """

    root: Path
    label: str = "working tree"
    _problems: list[Diagnostic] = field(default_factory=list)

    def list_files(self) -> list[str]:
        """Walk ``data/`` and return the repository-relative YAML files, sorted.

        ``os.scandir`` tells symlinks and folders apart without a system call per
        file, which matters at 20,000 measures.
        """
        self._problems = []
        root = self.root.resolve()
        base = self.data_dir(root)
        found: list[str] = []
        if base is None:
            return found
        pending = [(str(base), DATA_DIR + "/")]
        while pending:
            directory, rel = pending.pop()
            try:
                with os.scandir(directory) as entries:
                    listed = list(entries)
            except OSError as exc:
                self._problems.append(
                    FILE_UNREADABLE.at(
                        N_("cannot list this folder ({error}); check its permissions"),
                        rel.rstrip("/"),
                        args={"error": str(exc.strerror or exc)},
                    )
                )
                continue
            for entry in listed:
                name = entry.name
                if name.startswith("."):
                    continue
                self._examine(entry, rel, root, found, pending)
        return sorted(found)

    def data_dir(self, root: Path) -> Path | None:
        """``data/``, or None when it is missing or a symlink leading out of the repository."""
        base = self.root / DATA_DIR
        if base.is_symlink():
            target = base.resolve()
            if not target.is_relative_to(root) or target == root:
                self._problems.append(
                    FILE_OUTSIDE.at(
                        N_(
                            "data/ is a symlink to {target}, outside the repository; make "
                            "data/ a real folder inside the repository"
                        ),
                        DATA_DIR,
                        args={"target": str(target)},
                    )
                )
                return None
        return base if base.is_dir() else None

    def _examine(
        self,
        entry: os.DirEntry[str],
        rel: str,
        root: Path,
        found: list[str],
        pending: list[tuple[str, str]],
    ) -> None:
        name = entry.name
        wanted = name.endswith(YAML_SUFFIXES)
        if not _is_utf8(name):
            if wanted or entry.is_dir(follow_symlinks=False):
                self._problems.append(
                    FILE_UNREADABLE.at(
                        N_(
                            "the file name is not UTF-8 text; rename it with letters, digits "
                            "and '-' only (e.g. 'my-measure.yaml')"
                        ),
                        rel + display_name(name),
                    )
                )
            return
        # The entry's type comes with the listing (d_type): no system call per file.
        if entry.is_symlink():
            self._check_symlink(Path(entry.path), root, found, wanted=wanted)
        elif entry.is_dir(follow_symlinks=False):
            pending.append((entry.path, rel + name + "/"))
        elif not wanted:
            return
        elif entry.is_file(follow_symlinks=False):
            found.append(rel + name)
        else:
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError:
                return  # vanished while we looked
            self._problems.append(
                FILE_UNREADABLE.at(
                    N_("this is {kind}, not a file; ictgov reads only plain files, so remove it"),
                    rel + name,
                    args={"kind": _kind(mode)},
                )
            )

    def _check_symlink(self, path: Path, root: Path, found: list[str], *, wanted: bool) -> None:
        rel = path.relative_to(self.root).as_posix()
        try:
            info = path.stat()
        except OSError as exc:
            if wanted:
                msgid = (
                    N_(
                        "this symlink loops back on itself (it points to '{target}'); remove "
                        "it or point it at a file in the repository"
                    )
                    if exc.errno == errno.ELOOP
                    else N_(
                        "this symlink is broken (it points to '{target}'); remove it or "
                        "point it at a file in the repository"
                    )
                )
                self._problems.append(
                    FILE_UNREADABLE.at(msgid, rel, args={"target": os.readlink(path)})
                )
            return
        is_dir = stat.S_ISDIR(info.st_mode)
        if not (is_dir or wanted):
            return
        target = path.resolve()
        if not target.is_relative_to(root):
            self._problems.append(
                FILE_OUTSIDE.at(
                    N_(
                        "the symlink points outside the repository (to {target}); copy the "
                        "file into the repository or remove the link"
                    ),
                    rel,
                    args={"target": str(target)},
                )
            )
        elif is_dir:
            self._problems.append(
                FILE_UNREADABLE.at(
                    N_("symlinked folders are not followed; move the files into data/"), rel
                )
            )
        elif stat.S_ISREG(info.st_mode):
            found.append(rel)
        else:
            self._problems.append(
                FILE_UNREADABLE.at(
                    N_(
                        "this symlink leads to {kind}, not a file; ictgov reads only plain "
                        "files, so remove it"
                    ),
                    rel,
                    args={"kind": _kind(info.st_mode)},
                )
            )

    def read(self, relpath: str) -> bytes:
        """Read one file's bytes; never blocks on a pipe that replaced a listed file."""
        return read_regular(self.root / relpath)

    def problems(self) -> list[Diagnostic]:
        """Entries refused by the last ``list_files``."""
        return list(self._problems)


#: ``safefs.kind_of``'s words, for the messages (translated when shown).
_KINDS: dict[str, str] = {
    "a named pipe (FIFO)": N_("a named pipe (FIFO)"),
    "a socket": N_("a socket"),
    "a device": N_("a device"),
    "not a regular file": N_("not a regular file"),
}


def _kind(mode: int) -> dict[str, Any]:
    words = _kind_of(mode)
    return msg(_KINDS.get(words, words))
