"""The git repository that holds a strategy tree: discovery, revisions, listings.

GitPython finds the repository and answers questions about refs and merge-bases;
listings and logs come from single plumbing commands whose ``-z`` output we parse,
and blob contents from one ``cat-file --batch`` process (see ``catfile``). Every
revision from the command line passes ``revisions.check_revision`` and is resolved
with ``rev-parse --verify --end-of-options`` before it is used anywhere else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from ictgov.diagnostics import FILE_UNREADABLE, Diagnostic
from ictgov.errors import RevisionError, UnsafePathError
from ictgov.i18n import N_
from ictgov.i18n.speak import _
from ictgov.load.document import DEFAULT_MAX_BYTES
from ictgov.load.source import DATA_DIR
from ictgov.model.files import YAML_SUFFIXES
from ictgov.vcs.cache import BlobCache
from ictgov.vcs.catfile import CatFile
from ictgov.vcs.command import SAFE_CONFIG, git_command
from ictgov.vcs.records import header_format, parse_log
from ictgov.vcs.revisions import check_not_future, check_revision, looks_like_date, parse_date
from ictgov.vcs.stamps import UNKNOWN, ident_day

if TYPE_CHECKING:
    import git

NULL_OID = "0" * 40
#: Fixed for every git process: no prompts, no index writes, literal paths, C messages.
_GIT_ENV = {
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_LITERAL_PATHSPECS": "1",
    "GIT_PAGER": "cat",
    "LC_ALL": "C",
    "LANGUAGE": "C",
}
UNSHALLOW_HINT = N_(
    "fetch the whole history with 'git fetch --unshallow' (in GitHub Actions give "
    "actions/checkout 'fetch-depth: 0'; in GitLab CI set GIT_DEPTH: 0; in Azure "
    "Pipelines 'fetchDepth: 0')"
)


class GitError(RevisionError):
    """A git command failed in a way the user can act on; the message quotes git."""


@dataclass(frozen=True, slots=True)
class Listing:
    """The data files of one commit: path (relative to the project root) -> blob id."""

    blobs: dict[str, str]
    problems: list[Diagnostic]


def git_environment() -> dict[str, str]:
    """The environment of every git process: ours, minus variables that redirect git."""
    env = {**os.environ, **_GIT_ENV}
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR"):
        env.pop(name, None)
    return env


class GitRepo:
    """The repository around a project root; close it (or use ``with``) when done.

    Discovery is one ``rev-parse`` (a few milliseconds); GitPython is imported only
    when a question needs it (merge-bases, configuration), which keeps ``history`` and
    ``--at`` fast enough to start as a whole process.
    """

    def __init__(self, root: Path, toplevel: Path, prefix: str, max_bytes: int) -> None:
        self.root = root
        self.toplevel = toplevel
        #: The project root relative to the repository's top, '' or ending in '/'.
        self.prefix = prefix
        self.env = git_environment()
        self.catfile = CatFile(toplevel, self.env)
        self.cache = BlobCache(self.catfile.read_many, max_bytes=max_bytes)
        self._gitpython: git.Repo | None = None
        self._listings: dict[str, Listing] = {}

    @classmethod
    def open(cls, root: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> GitRepo:
        """The repository containing *root*; RevisionError when there is none."""
        if shutil.which("git") is None:
            raise RevisionError(
                _("git is not installed or not on PATH; install git to read earlier versions")
            )
        root = root.resolve()
        proc = subprocess.run(
            git_command(root, "rev-parse", "--show-toplevel"),
            capture_output=True,
            env=git_environment(),
            check=False,
        )
        top = proc.stdout.decode("utf-8", "surrogateescape").strip()
        if proc.returncode != 0 or not top:
            if b"work tree" in proc.stderr:
                raise RevisionError(
                    _("{root}: the repository is bare; use a clone with a work tree").format(
                        root=root
                    )
                )
            raise RevisionError(
                _(
                    "{root} is not inside a git repository; ictgov reads earlier versions "
                    "from git: run 'git init' and commit the data, or use --root with a clone"
                ).format(root=root)
            )
        toplevel = Path(top).resolve()
        data = (root / DATA_DIR).resolve()
        for what, path in (("the project root", root), ("data/", data)):
            if not path.is_relative_to(toplevel):
                raise UnsafePathError(
                    f"{what} ({path}) is outside the git repository at {toplevel}; "
                    "move the data into the repository (a symlink out of it is not followed)"
                )
        rel = root.relative_to(toplevel).as_posix()
        return cls(root, toplevel, "" if rel == "." else rel + "/", max_bytes)

    @property
    def repo(self) -> git.Repo:
        """The GitPython repository, opened on first use."""
        if self._gitpython is None:
            import git

            self._gitpython = git.Repo(self.toplevel)
            self._gitpython.git.set_persistent_git_options(c=list(SAFE_CONFIG[1::2]))
        return self._gitpython

    def close(self) -> None:
        """End the git processes this object started."""
        self.catfile.close()
        if self._gitpython is not None:
            self._gitpython.close()
            self._gitpython = None

    def __enter__(self) -> GitRepo:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- running git ---------------------------------------------------------

    def _git(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            git_command(self.toplevel, *args),
            capture_output=True,
            env=self.env,
            check=False,
        )

    def run(self, *args: str) -> bytes:
        """Run git with already-checked arguments; GitError quoting git when it fails."""
        proc = self._git(*args)
        if proc.returncode != 0:
            message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            first = message[0] if message else f"exit code {proc.returncode}"
            raise GitError(f"git {args[0]} failed: {first}")
        return proc.stdout

    def git_path(self, relpath: str) -> str:
        """A project-relative path as git names it (relative to the repository top)."""
        return self.prefix + relpath

    def project_path(self, gitpath: str) -> str | None:
        """The project-relative path of a repository path, or None if outside the project."""
        if not gitpath.startswith(self.prefix):
            return None
        return gitpath[len(self.prefix) :]

    @property
    def data_pathspec(self) -> str:
        """The pathspec that limits git to the project's ``data/`` folder."""
        return self.git_path(DATA_DIR)

    # -- revisions -----------------------------------------------------------

    def has_commits(self) -> bool:
        """Whether HEAD points at a commit (false in a freshly initialised repository)."""
        return self._try_resolve("HEAD") is not None

    def is_shallow(self) -> bool:
        """Whether this is a shallow clone (part of the history is missing)."""
        out = self._git("rev-parse", "--is-shallow-repository")
        return out.stdout.strip() == b"true"

    def _require_commits(self) -> None:
        if not self.has_commits():
            raise RevisionError(
                _(
                    "the repository at {root} has no commits yet; commit the strategy data "
                    "first (git add data && git commit -m 'Strategy data')"
                ).format(root=self.toplevel)
            )

    def _try_resolve(self, rev: str) -> str | None:
        proc = self._git(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"
        )
        text = proc.stdout.decode("ascii", "replace").strip()
        return text if proc.returncode == 0 and text else None

    def resolve(self, rev: str, what: str = "revision") -> str:
        """The commit id of a checked revision, or a RevisionError that says what to do."""
        check_revision(rev, what)
        sha = self._try_resolve(rev)
        if sha is not None:
            return sha
        self._require_commits()
        if self.is_shallow():
            raise RevisionError(
                _(
                    "{what} '{rev}' is not in this clone, which is shallow (it holds only part "
                    "of the history); {hint}"
                ).format(what=what, rev=rev, hint=_(UNSHALLOW_HINT))
            )
        raise RevisionError(
            _(
                "{what} '{rev}': unknown revision; no commit, branch or tag has that name "
                "(see 'git log --oneline' and 'git branch -a')"
            ).format(what=what, rev=rev)
        )

    def resolve_at(self, rev: str, what: str = "--at", today: date | None = None) -> str:
        """A commit id for a revision, or for a date up to *today*: the last commit then."""
        if looks_like_date(rev):
            day = check_not_future(parse_date(rev, what), today, what)
            return self.commit_on_or_before(day, what)
        return self.resolve(rev, what)

    def commit_on_or_before(self, day: date, what: str = "--at") -> str:
        """The last commit of the current branch made on or before the end of *day*."""
        self._require_commits()
        out = self.run(
            "rev-list", "-1", "--first-parent", f"--before={day.isoformat()} 23:59:59", "HEAD"
        )
        sha = out.decode("ascii").strip()
        if sha:
            return sha
        first = self.run("log", "--first-parent", "--reverse", "--format=%cs", "HEAD")
        oldest = first.decode("ascii").split("\n", 1)[0].strip()
        shallow = "; " + _("the clone is shallow: {hint}").format(hint=_(UNSHALLOW_HINT))
        raise RevisionError(
            _(
                "{what} {day}: there is no commit on or before that day on the current branch "
                "(the oldest is from {oldest})"
            ).format(what=what, day=day.isoformat(), oldest=oldest)
            + (shallow if self.is_shallow() else "")
        )

    def default_branch(self, configured: str) -> tuple[str, str]:
        """(ref, commit) of the default branch: the configured one, origin/HEAD, main, master."""
        names: list[str] = []
        for name in (configured, "main", "master"):
            if name and name not in names:
                try:
                    check_revision(name, "default_branch")
                except RevisionError:
                    continue
                names.append(name)
        candidates = [f"refs/remotes/origin/{names[0]}", f"refs/heads/{names[0]}"] if names else []
        candidates.append("refs/remotes/origin/HEAD")
        for name in names[1:]:
            candidates += [f"refs/remotes/origin/{name}", f"refs/heads/{name}"]
        for ref in candidates:
            sha = self._try_resolve(ref)
            if sha is not None:
                return ref.removeprefix("refs/heads/").removeprefix("refs/remotes/"), sha
        raise RevisionError(
            f"cannot find the default branch (tried {', '.join(candidates)}); give BASE "
            "explicitly (ictgov diff BASE) or set default_branch in [tool.ictgov]"
        )

    def merge_base(self, a: str, b: str, what: str) -> str:
        """The best common ancestor of two commits (ids), or a RevisionError."""
        import git

        try:
            bases = self.repo.merge_base(a, b)
        except git.GitCommandError:
            bases = []
        if bases and bases[0] is not None:  # GitPython 3.1.40's types allow None
            return str(bases[0].hexsha)
        if self.is_shallow():
            raise RevisionError(
                f"no common ancestor with {what} in this shallow clone; {UNSHALLOW_HINT}"
            )
        raise RevisionError(f"HEAD and {what} share no history; give BASE explicitly")

    def data_is_dirty(self) -> bool:
        """Whether ``data/`` has uncommitted changes or untracked files."""
        out = self.run(
            "status", "--porcelain", "-z", "--untracked-files=all", "--", self.data_pathspec
        )
        return bool(out.strip(b"\0"))

    def label(self, sha: str) -> str:
        """``abc1234 (2024-05-01)``: a commit as people read it (committer's own date)."""
        raw = self.catfile.read(sha) or b""
        for line in raw.split(b"\n\n", 1)[0].split(b"\n"):
            if line.startswith(b"committer "):
                day = ident_day(line)
                return f"{sha[:7]} ({day.isoformat() if day else UNKNOWN})"
        return sha[:7]

    # -- listings ------------------------------------------------------------

    def list_tree(self, commit: str) -> Listing:
        """Every YAML file under ``data/`` at *commit* (a resolved id) with its blob id."""
        if commit not in self._listings:
            self._listings[commit] = self._list_tree(commit)
        return self._listings[commit]

    def _list_tree(self, commit: str) -> Listing:
        out = self.run("ls-tree", "-r", "-z", "--full-tree", commit, "--", self.data_pathspec)
        blobs: dict[str, str] = {}
        problems: list[Diagnostic] = []
        for record in out.split(b"\0"):
            if not record:
                continue
            meta, _, raw_path = record.partition(b"\t")
            mode, kind, oid = meta.decode("ascii").split(" ")
            path = self.project_path(raw_path.decode("utf-8", "surrogateescape"))
            if kind != "blob" or path is None or not is_data_file(path):
                continue
            if mode == "120000":
                problems.append(
                    FILE_UNREADABLE.at(
                        N_(
                            "symlinks are not followed when reading a git revision; commit the "
                            "file itself"
                        ),
                        path,
                    )
                )
                continue
            blobs[path] = oid
        return Listing(blobs, problems)

    def authors_by_file(
        self, base: str, head: str, paths: Iterable[str]
    ) -> dict[str, set[tuple[str, str]]]:
        """(name, e-mail) of the non-merge commits in base..head that touched each path.

        One log over all of ``data/``, filtered here: git matches one folder pathspec
        quickly but fifty file pathspecs slowly.
        """
        wanted = set(paths)
        out: dict[str, set[tuple[str, str]]] = {}
        if not wanted:
            return out
        raw = self.run(
            "log", "--no-merges", "-z", "--raw", "--no-renames", "--no-abbrev",
            header_format(("%an", "%ae")), f"{base}..{head}", "--", self.data_pathspec,
        )  # fmt: skip
        for record in parse_log(raw, 2):
            author = (record.fields[0], record.fields[1])
            for entry in record.entries:
                rel = self.project_path(entry.path.decode("utf-8", "surrogateescape"))
                if rel in wanted:
                    out.setdefault(rel, set()).add(author)
        return out

    def current_user(self) -> tuple[str, str] | None:
        """(name, e-mail) of who would commit here, for changes in the working tree."""
        reader = self.repo.config_reader()
        name = str(reader.get_value("user", "name", ""))
        email = str(reader.get_value("user", "email", ""))
        return (name, email) if name or email else None


def is_data_file(path: str) -> bool:
    """Whether a project-relative path is a YAML file under ``data/`` (no hidden parts)."""
    return (
        path.startswith(DATA_DIR + "/")
        and path.endswith(YAML_SUFFIXES)
        and "/." not in path
        and len(path) > len(DATA_DIR) + 1
    )
