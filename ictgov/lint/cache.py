"""The lint result cache: answer ``ictgov lint`` on an unchanged tree without loading it.

After a full run, ``remember`` stores the findings (plain JSON) with what they
depended on: the code, the command-line options, today, the configuration files'
bytes, and the size, mtime, ctime and inode of every data file and folder (a
folder's stat changes when a file is added or removed). ``probe`` checks all of
those with ``stat`` calls only and returns the stored result if nothing changed. It
imports neither pydantic nor the data model, which is most of what a warm run
would otherwise cost. Entries modified after, or within two seconds before, the
start of the run that recorded them are not trusted (a later change could keep the
same time stamp), as git does with its index.

The file lives in ``.ictgov-cache/`` and is bound to that folder (``cachedir``): a
committed one is ignored. The ctimes and inodes of a fresh checkout are unknown to
whoever commits it anyway.

The root is found as ``ictgov.config.find_root`` finds it (same rules, without
importing the configuration model); anything unusual makes ``probe`` return None
and the full path decides.
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
from ictgov.diagnostics import Diagnostic, Severity
from ictgov.lint.result import LintResult

RESULT_FILE = "lint.json"
#: Bump when the stored record changes.
FORMAT = 4

#: Whose changes may change a finding: the lint code and everything below it.
CODE_FOLDERS = (
    "",
    "model",
    "load",
    "verdicts",
    "views",
    "i18n",
    "lint",
    "lint/rules",
    "lint/reporters",
)
RACY_NS = 2_000_000_000
_CONFIG_FILES = ("ictgov.toml", "pyproject.toml")


@dataclass(frozen=True)
class LintRequest:
    """What decides a lint result besides the files: from the command line."""

    root: Path | None
    today: str | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    fail_on: str | None


@dataclass
class CachedResult:
    """A stored result that still holds."""

    result: LintResult
    fail_on: Severity
    today: date
    #: The language the repository speaks (``ictgov.toml``, else the strategy), if any.
    language: str | None = None


def find_root(root: Path | None) -> Path | None:
    """The repository root the full path would use (``ictgov.invocation``), or None."""
    if root is not None:
        return root.resolve() if root.is_dir() else None
    return invocation.find_root(Path.cwd())


def _key(request: LintRequest, root: Path, today: date) -> bytes:
    h = hashlib.blake2b(digest_size=20)
    parts = (
        cachedir.code_fingerprint(*CODE_FOLDERS),
        str(FORMAT),
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
            st = os.lstat(root / rel)
            if stat.S_ISLNK(st.st_mode):
                # A symlinked data folder is never walked here (``data -> /`` would walk the
                # whole file system); its stamp never matches, so it is never cached.
                out[rel] = (-1, -1, -1, -1)
                continue
            out[rel] = stamp(st)
            with os.scandir(root / rel) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                        pending.append(f"{rel}/{entry.name}")
        except OSError:
            out[rel] = (-1, -1, -1, -1)
    return out


def file_stats(root: Path, paths: Iterable[str]) -> dict[str, Stat] | None:
    """The stat of each file, or None if one cannot be taken (then nothing is stored)."""
    out: dict[str, Stat] = {}
    prefix = str(root) + os.sep
    for rel in paths:
        try:
            out[rel] = stamp(os.stat(prefix + rel))
        except OSError:
            return None
    return out


def probe(request: LintRequest) -> CachedResult | None:
    """The stored result if nothing it depends on changed, else None."""
    root = find_root(request.root)
    today = invocation.parse_today(request.today)
    base = None if root is None else cachedir.base(root)
    if root is None or today is None or base is None:
        return None
    record = cachedir.read_json(base / RESULT_FILE, "lint")  # None if missing or not ours
    try:
        if record["key"] != _key(request, root, today).hex():
            return None
        trusted_before = int(record["written"]) - RACY_NS
        prefix = str(root) + os.sep
        for group in ("dirs", "files"):
            for rel, known in record[group].items():
                try:
                    st = os.stat(prefix + rel)
                except OSError:
                    return None
                if list(stamp(st)) != known or st.st_mtime_ns >= trusted_before:
                    return None
        stored = record["result"]
        result = LintResult(
            [Diagnostic.from_dict(d) for d in stored["diagnostics"]], int(stored["files"])
        )
        language = record.get("language")
        return CachedResult(
            result,
            Severity(record["fail_on"]),
            today,
            language if isinstance(language, str) else None,
        )
    except (TypeError, ValueError, KeyError, AttributeError):  # not a record of ours
        return None


def remember(
    request: LintRequest,
    root: Path,
    today: date,
    fail_on: Severity,
    result: LintResult,
    paths: Iterable[str],
    started: int,
    language: str | None = None,
) -> None:
    """Store a full run's result for ``probe``; silently skipped when impossible.

    *paths* are the files the result was computed from, *started* is when the run
    began: entries modified since are not trusted. Stats taken after the files were
    read are safe for that reason.
    """
    base = cachedir.base(root, create=True)
    if result.crashed or base is None or find_root(request.root) != root:
        return
    files = file_stats(root, paths)
    if files is None:
        return
    record: dict[str, Any] = {
        "key": _key(request, root, today).hex(),
        "written": started,
        "dirs": directory_stats(root),
        "files": files,
        "result": {
            "diagnostics": [d.as_dict() for d in result.diagnostics],
            "files": result.files,
        },
        "fail_on": fail_on.value,
        "language": language,
    }
    cachedir.write_json(base / RESULT_FILE, "lint", record)
    cachedir.remove_file(base / "quick.pkl")  # left by ictgov before 0.2: never read
