"""The warm-run shortcut: answer ``ictgov lint`` on an unchanged tree without loading it.

After a full run, ``remember`` stores the result with what it depended on: the
code, the command-line options, today, the configuration files' bytes, and the
size, modification time and inode of every data file and folder. ``probe``
checks all of those with ``stat`` calls only; if nothing changed it returns the
stored result. It imports neither pydantic nor the data model, which is most of
the time a warm run would otherwise take. Entries modified after, or within two
seconds before, the start of the run that recorded them are not trusted (a later
change could keep the same time stamp), as git does with its index.

The root is found as ``ictgov.config.find_root`` finds it (same rules, without
importing the configuration model); anything unusual makes ``probe`` return None
and the full path decides.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ictgov import __version__, cachedir
from ictgov.diagnostics import Severity
from ictgov.lint import sealed
from ictgov.lint.result import LintResult

CACHE_DIR = cachedir.CACHE_DIR
QUICK_FILE = "quick.pkl"
FORMAT = 2
RACY_NS = 2_000_000_000
_CONFIG_FILES = ("ictgov.toml", "pyproject.toml")

#: size, mtime_ns, ctime_ns, inode, compared as git compares its index: an edit that
#: restores the mtime (``touch -r``, ``os.utime``) still moves the ctime, which no user
#: call can set. As in git, the racy-time rule looks at the mtime.
Stat = tuple[int, int, int, int]


def stamp(st: os.stat_result) -> Stat:
    """What says a file may have changed since it was last seen."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


@dataclass(frozen=True)
class QuickRequest:
    """What decides a lint result besides the files: from the command line."""

    root: Path | None
    today: str | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    fail_on: str | None


@dataclass
class QuickHit:
    """A stored result that still holds."""

    result: LintResult
    fail_on: Severity
    today: date


def code_fingerprint() -> str:
    """Changes whenever the code a lint result depends on does (also when editable)."""
    package = Path(__file__).resolve().parent.parent
    parts = [__version__, sys.version, str(FORMAT)]
    for directory in ("", "model", "load", "lint", "lint/rules", "lint/reporters"):
        try:
            with os.scandir(package / directory) as entries:
                for entry in entries:
                    if entry.name.endswith(".py"):
                        st = entry.stat()
                        parts.append(f"{directory}/{entry.name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            continue
    return hashlib.blake2b("\n".join(sorted(parts)).encode(), digest_size=8).hexdigest()


def _is_root(directory: Path) -> bool | None:
    """As ``ictgov.config._is_root``; None when unsure (let the full path decide)."""
    if (directory / "ictgov.toml").is_file() or (directory / "data" / "strategy").is_dir():
        return True
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return False
        tool = data.get("tool")
        return isinstance(tool, dict) and isinstance(tool.get("ictgov"), dict)
    return False


def find_root(root: Path | None) -> Path | None:
    """The repository root the full path would use, or None when in doubt."""
    if root is not None:
        return root.resolve() if root.is_dir() else None
    here = Path.cwd().resolve()
    for directory in (here, *here.parents):
        found = _is_root(directory)
        if found:
            return directory
        if found is None:
            return None
    return None


def _today(value: str | None) -> date | None:
    raw = value or os.environ.get("ICTGOV_TODAY")
    if not raw:
        return date.today()
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        return None  # the full path reports the error


def _key(request: QuickRequest, root: Path, today: date) -> bytes:
    h = hashlib.blake2b(digest_size=20)
    parts = (
        code_fingerprint(),
        str(root),
        "" if request.root is not None else os.getcwd(),
        today.isoformat(),
        repr(request.select),
        repr(request.ignore),
        repr(request.fail_on),
    )
    h.update("\0".join(parts).encode())
    for name in _CONFIG_FILES:
        try:
            h.update(name.encode() + b"\0" + (root / name).read_bytes())
        except OSError:
            h.update(name.encode() + b"\0-")
    return h.digest()


def directory_stats(root: Path) -> dict[str, Stat]:
    """Every folder under ``data/`` that the loader walks, with its stat."""
    out: dict[str, Stat] = {}
    pending = ["data"]
    while pending:
        rel = pending.pop()
        try:
            st = os.stat(root / rel)
            out[rel] = stamp(st)
            with os.scandir(root / rel) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                        pending.append(f"{rel}/{entry.name}")
        except OSError:
            out[rel] = (-1, -1, -1, -1)
    return out


def _path(root: Path) -> Path:
    return root / CACHE_DIR / QUICK_FILE


def probe(request: QuickRequest) -> QuickHit | None:
    """The stored result if nothing it depends on changed, else None."""
    root = find_root(request.root)
    today = _today(request.today)
    if root is None or today is None or cachedir.base(root) is None:
        return None
    record = sealed.read(_path(root))  # None if missing, corrupt or not ours
    if not isinstance(record, dict) or record.get("key") != _key(request, root, today):
        return None
    trusted_before = record["written"] - RACY_NS
    prefix = str(root) + os.sep
    for group in ("dirs", "files"):
        stats: dict[str, Stat] = record[group]
        for rel, known in stats.items():
            try:
                st = os.stat(prefix + rel)
            except OSError:
                return None
            if stamp(st) != known or st.st_mtime_ns >= trusted_before:
                return None
    return QuickHit(record["result"], Severity(record["fail_on"]), today)


def remember(
    request: QuickRequest,
    root: Path,
    today: date,
    fail_on: Severity,
    result: LintResult,
    dirs: dict[str, Stat],
    files: dict[str, Stat],
    started: int,
) -> None:
    """Store a full run's result for ``probe``; silently skipped when impossible.

    *started* is when the run began: entries modified since are not trusted.
    """
    if result.crashed or find_root(request.root) != root:
        return
    if cachedir.base(root, create=True) is None:
        return
    record: dict[str, Any] = {
        "key": _key(request, root, today),
        "written": started,
        "dirs": dirs,
        "files": files,
        "result": LintResult(list(result.diagnostics), result.files, list(result.crashed)),
        "fail_on": fail_on.value,
    }
    sealed.write(_path(root), record)
