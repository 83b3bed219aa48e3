"""Commits and the blobs they changed, from one ``git log --raw -z`` process.

The raw diff of each commit already names the old and new blob of every file it
touched, so history never looks up a tree: it reads exactly those blobs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ictgov.vcs.repo import NULL_OID, GitRepo, is_data_file

_FORMAT = "--format=%x1e%H%x00%P%x00%an%x00%ae%x00%aI%x00%s"
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
    date: str
    subject: str
    files: tuple[FileChange, ...]

    def file(self, path: str) -> FileChange | None:
        """The change to *path*, if this commit touched it."""
        return next((f for f in self.files if f.path == path), None)


def _files(repo: GitRepo, tokens: list[bytes]) -> list[FileChange]:
    """Data files from ``--raw -z`` records: ``:mode mode old new status``, then the path."""
    files: list[FileChange] = []
    i = 0
    while i + 1 < len(tokens):
        meta = tokens[i].strip(b"\n").decode("ascii", "replace")
        path = tokens[i + 1].decode("utf-8", "surrogateescape")
        i += 2
        if not meta.startswith(":"):
            continue
        old_mode, new_mode, old, new, _status = meta[1:].split(" ")[:5]
        rel = repo.project_path(path)
        if rel is None or not is_data_file(rel) or {old_mode, new_mode} & _SKIP_MODES:
            continue
        files.append(
            FileChange(rel, None if old == NULL_OID else old, None if new == NULL_OID else new)
        )
    return files


def _parse(repo: GitRepo, raw: bytes) -> list[Commit]:
    commits: list[Commit] = []
    for record in raw.split(b"\x1e"):
        if not record:
            continue
        tokens = record.split(b"\0")
        head = [t.decode("utf-8", "replace") for t in tokens[:6]]
        if len(head) < 6:
            continue
        sha, parents, author, email, when, subject = head
        files = _files(repo, tokens[6:])
        commits.append(
            Commit(sha, tuple(parents.split()), author, email, when, subject, tuple(files))
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
    return tuple(_files(repo, raw.split(b"\0")))


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
    if reverse:
        args.append("--reverse")
    if since is not None:
        args.append(f"--since={since.isoformat()} 00:00:00")
    if until is not None:
        args.append(f"--until={until.isoformat()} 23:59:59")
    wanted = [repo.git_path(p) for p in paths] if paths else [repo.data_pathspec]
    return _parse(repo, repo.run(*args, start, "--", *wanted))
