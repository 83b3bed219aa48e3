"""Remembered answers: what a read-only command printed, given again for an unchanged tree.

``ictgov status`` on 20,000 measures validates every file, builds the views and
draws 50,000 lines; asked again about the same tree, it need do none of that. After
a full run, ``remember`` stores the printed text with everything it depended on,
and ``recall`` gives it back when all of that still holds, with ``stat`` calls only
(no YAML, no pydantic, no data model):

- the question (``Question``): the command and every option that shapes the output
  (format, filters, language, width), the root and the cwd it was found from;
- today, the bytes of ``ictgov.toml`` and ``pyproject.toml``, the environment
  variables that choose a language or a terminal (``ICTGOV_*``, ``LANG``, ``LC_*``,
  ``LANGUAGE``, ``TERM``, ``COLUMNS``);
- the code: every file of the ``ictgov`` package (size and mtime), catalogues
  included, so a change of the model, a view or a message is a new key;
- the tree: the size, mtime, ctime and inode of every data file and folder (a
  folder's stat changes when a file is added, removed or renamed in it), as git's
  index and the lint result cache (``lint.cache``) keep them. Files modified after,
  or within two seconds before, the start of the run that recorded them are not
  trusted (a later edit could keep the same time stamp).

Each command keeps one record, ``.ictgov-cache/answers-<command>.json``: the stats of
the tree it last saw and the keys of up to ``KEEP`` answers to different questions
about that tree (text and ``--format json``, say). Each answer is a text file beside
it, ``answers-<command>-<key>.txt``, believed only if the record holds its hash. The
record is plain JSON, never pickle, bound to its folder (``cachedir``), so a
committed cache is never believed. Nothing is stored or given
back when a data file, ``data/`` itself or a configuration file is a symlink (its
target could change under an unchanged link) or when anything else is unusual: the
full run then decides, and no failure here is ever an error.

Standard library, ``cachedir`` and ``invocation`` only: importing this module costs
nothing, which is the point.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ictgov import cachedir, invocation
from ictgov.cachedir import Stat, stamp

#: Bump when the stored record changes.
FORMAT = 1
#: Answers kept per command (each to another question about the same tree).
KEEP = 4
#: A file modified this close to the start of the recording run is not trusted.
RACY_NS = 2_000_000_000
CONFIG_FILES = (invocation.CONFIG_FILE, invocation.PYPROJECT)
#: Environment variables that may change what a command prints.
ENVIRONMENT = ("LANG", "LANGUAGE", "TERM", "COLUMNS", "LINES", "NO_COLOR")
ENVIRONMENT_PREFIXES = ("ICTGOV_", "LC_")
_NO_STAT: Stat = (-1, -1, -1, -1)
PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Question:
    """What was asked: the command, its root and today as given, and the other options.

    *options* must name everything else that changes the printed text, e.g.
    ``("format=json", "goal=g1")``.
    """

    command: str
    root: Path | None
    today: str | None
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Basis:
    """What a full run's answer rested on.

    The root and today it used, the data files it read, and ``time.time_ns()`` from
    before it read them.
    """

    root: Path
    today: date
    files: tuple[str, ...]
    started: int


def find_root(root: Path | None) -> Path | None:
    """The repository root the full run would use (``ictgov.invocation``), or None."""
    if root is not None:
        return root.resolve() if root.is_dir() else None
    return invocation.find_root(Path.cwd())


def package_fingerprint(package: Path = PACKAGE) -> str:
    """Changes whenever any file of the ictgov package does (code, catalogues, schemas)."""
    parts = [cachedir.code_fingerprint("")]
    for directory, folders, files in os.walk(package):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(files):
            try:
                st = os.stat(os.path.join(directory, name))
            except OSError:
                continue
            parts.append(f"{directory}/{name}:{st.st_size}:{st.st_mtime_ns}")
    text = "\n".join(parts).encode("utf-8", "surrogateescape")
    return hashlib.blake2b(text, digest_size=16).hexdigest()


def _config_bytes(root: Path) -> bytes | None:
    """The configuration files as the key holds them; None when one is not a plain file."""
    out = b""
    for name in CONFIG_FILES:
        path = root / name
        if not os.path.lexists(path):
            out += name.encode() + b"\0-\0"
            continue
        raw = cachedir.read_bytes(path)  # None for a symlink, a folder, a FIFO ...
        if raw is None:
            return None
        out += name.encode() + b"\0" + raw + b"\0"
    return out


def key(question: Question, root: Path, today: date) -> str | None:
    """Everything besides the tree that the answer depends on, hashed; None if unusable."""
    config = _config_bytes(root)
    if config is None:
        return None
    env = sorted(
        f"{name}={value}"
        for name, value in os.environ.items()
        if name in ENVIRONMENT or name.startswith(ENVIRONMENT_PREFIXES)
    )
    parts = (
        str(FORMAT),
        package_fingerprint(),
        question.command,
        str(root),
        "" if question.root is not None else os.getcwd(),
        today.isoformat(),
        *question.options,
        "\0env",
        *env,
    )
    h = hashlib.blake2b(digest_size=20)
    h.update("\0".join(parts).encode("utf-8", "surrogateescape"))
    h.update(config)
    return h.hexdigest()


def directory_stats(root: Path) -> dict[str, Stat]:
    """Every folder under ``data/`` that the loader walks, with its stat.

    A symlinked folder is not walked (``data -> /`` would walk the whole file system);
    it gets a stat that never matches.
    """
    out: dict[str, Stat] = {}
    pending = ["data"]
    while pending:
        rel = pending.pop()
        try:
            st = os.lstat(root / rel)
            if stat.S_ISLNK(st.st_mode):
                out[rel] = _NO_STAT
                continue
            out[rel] = stamp(st)
            with os.scandir(root / rel) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                        pending.append(f"{rel}/{entry.name}")
        except OSError:
            out[rel] = _NO_STAT
    return out


def file_stats(root: Path, paths: Iterable[str]) -> dict[str, Stat] | None:
    """The ``lstat`` of each file; None if one cannot be taken or is not a regular file."""
    out: dict[str, Stat] = {}
    prefix = str(root) + os.sep
    for rel in paths:
        try:
            st = os.lstat(prefix + rel)
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        out[rel] = stamp(st)
    return out


def _record_path(root: Path, command: str, *, create: bool = False) -> Path | None:
    base = cachedir.base(root, create=create)
    return None if base is None else base / f"answers-{command}.json"


def _answer_path(record: Path, wanted: str) -> Path:
    return record.with_name(f"{record.stem}-{wanted}.txt")


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _tree_holds(root: Path, record: dict[str, Any]) -> bool:
    """Whether every folder and file of the record still has its recorded stat."""
    trusted_before = int(record["written"]) - RACY_NS
    prefix = str(root) + os.sep
    for group in ("dirs", "files"):
        for rel, known in record[group].items():
            try:
                st = os.lstat(prefix + rel)
            except OSError:
                return False
            if list(stamp(st)) != known or st.st_mtime_ns >= trusted_before:
                return False
    return True


def recall(question: Question) -> bytes | None:
    """The remembered answer to *question* if nothing it depends on changed, else None."""
    root = find_root(question.root)
    today = invocation.parse_today(question.today)
    if root is None or today is None:
        return None
    wanted = key(question, root, today)
    path = _record_path(root, question.command)
    if wanted is None or path is None:
        return None
    record = cachedir.read_json(path, "answers")  # None if missing, corrupt or not ours
    try:
        digest = record["answers"].get(wanted)
        if not isinstance(digest, str) or not _tree_holds(root, record):
            return None
    except (TypeError, ValueError, KeyError, AttributeError):  # not a record of ours
        return None
    # The text is kept beside the record, which vouches for it by its hash.
    data = cachedir.read_bytes(_answer_path(path, wanted))
    if data is None or _digest(data) != digest:
        return None
    return data


def recall_text(question: Question) -> str | None:
    """``recall`` for an answer that was text."""
    data = recall(question)
    return None if data is None else data.decode("utf-8", "surrogatepass")


def remember(question: Question, basis: Basis, answer: str | bytes) -> None:
    """Store a full run's *answer* for ``recall``; silently skipped when impossible.

    Files modified since ``basis.started`` are not trusted, so the stats taken here,
    after the files were read, are safe.
    """
    root, today, started = basis.root, basis.today, basis.started
    if find_root(question.root) != root:
        return
    wanted = key(question, root, today)
    path = _record_path(root, question.command, create=True)
    stats = file_stats(root, basis.files)
    if wanted is None or path is None or stats is None:
        return
    dirs = directory_stats(root)
    if _NO_STAT in dirs.values():
        return
    answers: dict[str, str] = {}
    old = cachedir.read_json(path, "answers")
    try:
        # Answers about the very same tree, all of it still trusted, are kept.
        if old["dirs"] == _lists(dirs) and old["files"] == _lists(stats) and _tree_holds(root, old):
            answers = {k: v for k, v in old["answers"].items() if isinstance(v, str)}
            started = int(old["written"])
    except (TypeError, ValueError, KeyError, AttributeError):
        answers = {}
    answers.pop(wanted, None)
    answers = dict(list(answers.items())[-(KEEP - 1) :])
    data = answer.encode("utf-8", "surrogatepass") if isinstance(answer, str) else answer
    if not cachedir.write_bytes(_answer_path(path, wanted), data):
        return
    answers[wanted] = _digest(data)
    record = {"written": started, "dirs": dirs, "files": stats, "answers": answers}
    cachedir.write_json(path, "answers", record)
    for stale in path.parent.glob(f"{path.stem}-*.txt"):
        if stale.stem.removeprefix(f"{path.stem}-") not in answers:
            cachedir.remove_file(stale)


def _lists(stats: dict[str, Stat]) -> dict[str, list[int]]:
    """Stats as JSON gives them back (lists), to compare with a stored record."""
    return {rel: list(value) for rel, value in stats.items()}
