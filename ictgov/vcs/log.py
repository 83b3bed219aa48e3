"""Commits and the blobs they changed, from one ``git log --raw -z`` process.

The raw diff of each commit already names the old and new blob of every file it
touched, so history never looks up a tree: it reads exactly those blobs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date

from ictgov.vcs.records import RawEntry, header_format, parse_log, parse_raw_meta
from ictgov.vcs.repo import NULL_OID, GitRepo, is_data_file
from ictgov.vcs.stamps import iso_day

_FIELDS = ("%P", "%an", "%ae", "%aI", "%s")
_FORMAT = header_format(_FIELDS)
_SKIP_MODES = {"120000", "160000"}


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file a commit touched: its blob before and after (None where absent)."""

    path: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class Commit:
    """A commit as history shows it, with the data files it changed."""

    sha: str
    parents: tuple[str, ...]
    author: str
    email: str
    #: The author date as git's ISO 8601, or "" when the commit's date is malformed.
    date: str
    subject: str
    files: tuple[FileChange, ...]

    @property
    def day(self) -> dt.date | None:
        """The author's day, or None when the commit's date is malformed."""
        return iso_day(self.date)

    def file(self, path: str) -> FileChange | None:
        """The change to *path*, if this commit touched it."""
        return next((f for f in self.files if f.path == path), None)


def _files(repo: GitRepo, entries: list[RawEntry]) -> list[FileChange]:
    """The data files among raw entries (a merge's entry compares with its first parent)."""
    files: list[FileChange] = []
    for entry in entries:
        rel = repo.project_path(entry.path.decode("utf-8", "surrogateescape"))
        modes = {entry.old_mode, entry.new_mode}
        if rel is None or not is_data_file(rel) or modes & _SKIP_MODES:
            continue
        old, new = entry.old, entry.new
        files.append(
            FileChange(rel, None if old == NULL_OID else old, None if new == NULL_OID else new)
        )
    return files


def _pairs(raw: bytes) -> list[RawEntry]:
    """Entries of ``diff-tree -z --raw`` output: meta, then path."""
    tokens = raw.split(b"\0")
    out: list[RawEntry] = []
    for meta, path in zip(tokens[::2], tokens[1::2], strict=False):
        meta = meta.strip(b"\n")
        if meta.startswith(b":"):
            out.append(RawEntry(*parse_raw_meta(meta), path))
    return out


def _parse(repo: GitRepo, raw: bytes) -> list[Commit]:
    commits: list[Commit] = []
    for record in parse_log(raw, len(_FIELDS)):
        parents, author, email, when, subject = record.fields
        when = when if iso_day(when) is not None else ""  # git prints what it can
        files = _files(repo, list(record.entries))
        commits.append(
            Commit(record.sha, tuple(parents.split()), author, email, when, subject, tuple(files))
        )
    return commits


def changed_files(repo: GitRepo, commit: Commit) -> tuple[FileChange, ...]:
    """Every data file *commit* changed against its first parent.

    A path-limited log lists only the paths it was asked about; a move needs the rest.
    """
    if not commit.parents:
        return commit.files
    raw = repo.run(
        "diff-tree",
        "-r",
        "-z",
        "--raw",
        "--no-renames",
        "--no-abbrev",
        commit.parents[0],
        commit.sha,
        "--",
        repo.data_pathspec,
    )
    return tuple(_files(repo, _pairs(raw)))


def log(
    repo: GitRepo,
    start: str,
    paths: list[str] | None = None,
    *,
    since: date | None = None,
    until: date | None = None,
    first_parent: bool = False,
    reverse: bool = False,
) -> list[Commit]:
    """Commits reachable from *start* (a resolved id) that touched *paths*, newest first."""
    args = ["log", _FORMAT, "--raw", "-z", "--no-renames", "--no-abbrev", "--root"]
    if first_parent:
        args += ["--first-parent", "--diff-merges=first-parent"]
    else:
        # A merge lists the files that differ from every parent (what the merge itself
        # changed, an "evil merge"), each compared with the first parent.
        args.append("--diff-merges=combined")
    if reverse:
        args.append("--reverse")
    if since is not None:
        args.append(f"--since={since.isoformat()} 00:00:00")
    if until is not None:
        args.append(f"--until={until.isoformat()} 23:59:59")
    wanted = [repo.git_path(p) for p in paths] if paths else [repo.data_pathspec]
    return _parse(repo, repo.run(*args, start, "--", *wanted))
