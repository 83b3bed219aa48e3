"""Build real git repositories for tests, deterministically (fixed authors and dates).

Commits go through GitPython's index with explicit author, committer and dates, so the
same steps give the same commit ids on every machine: golden files can show them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import git

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
#: Caches other commands write into a tree: never part of a commit.
IGNORED = (".ictgov-cache", "__pycache__")
MAIJA = ("Maija Meikäläinen", "maija.meikalainen@example.fi")
OUTSIDER = ("Olli Outsider", "olli@example.org")


class GitTree:
    """A strategy tree in a git repository, edited and committed step by step."""

    def __init__(self, root: Path, *, source: Path | None = None) -> None:
        self.root = root
        if source is not None:
            shutil.copytree(source, root, ignore=shutil.ignore_patterns(*IGNORED))
        root.mkdir(parents=True, exist_ok=True)
        self.repo = git.Repo.init(root, initial_branch="main")
        #: Commit message -> commit id, for tests that name commits.
        self.shas: dict[str, str] = {}
        exclude = Path(self.repo.git_dir) / "info" / "exclude"
        exclude.parent.mkdir(exist_ok=True)
        exclude.write_text("".join(f"{name}/\n" for name in IGNORED), encoding="utf-8")
        with self.repo.config_writer() as config:
            config.set_value("user", "name", MAIJA[0])
            config.set_value("user", "email", MAIJA[1])
            config.set_value("commit", "gpgsign", "false")

    def close(self) -> None:
        """End GitPython's helper processes."""
        self.repo.close()

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        self.path(rel).parent.mkdir(parents=True, exist_ok=True)
        self.path(rel).write_text(text, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        """Replace one exact text in a file; the test fails loudly if it is not there."""
        text = self.read(rel)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
        self.write(rel, text.replace(old, new))

    def move(self, old: str, new: str) -> None:
        self.repo.index.move([old, new])

    def remove(self, rel: str) -> None:
        self.repo.index.remove([rel], working_tree=True)

    def commit(self, message: str, day: str, author: tuple[str, str] = MAIJA) -> str:
        """Stage everything under the root and commit at noon UTC of *day*."""
        self.repo.git.add("--all", ".")
        actor = git.Actor(*author)
        when = f"{day}T12:00:00+0000"
        commit = self.repo.index.commit(
            message, author=actor, committer=actor, author_date=when, commit_date=when
        )
        self.shas[message] = str(commit.hexsha)
        return str(commit.hexsha)

    def short(self, message: str) -> str:
        """The seven-character id of the commit made with *message*."""
        return self.shas[message][:7]

    def branch(self, name: str) -> None:
        self.repo.git.checkout("-q", "-b", name)

    def checkout(self, rev: str) -> None:
        self.repo.git.checkout("-q", rev)


ALPHA = "data/measures/m-alpha.yaml"
#: The story's commit messages: ``story.short(C1)`` is the first commit's id.
C1, C2, C3 = "Initial strategy", "Alpha: pilot done", "Alpha completed, beta moved"


def minimal_repo(root: Path) -> GitTree:
    """The minimal fixture tree committed once on main (2024-01-10)."""
    tree = GitTree(root, source=FIXTURES / "minimal")
    tree.commit(C1, "2024-01-10")
    return tree


BETA = "data/measures/m-beta.yaml"
MEETING = "data/meetings/mgmt-2024-09-01.yaml"


def story_repo(root: Path) -> GitTree:
    """A repository with a history and a feature branch, used across the vcs tests.

    Commit ids depend only on the fixture's content, so golden files can show them.

    main:    c1 initial (2024-01-10) -> c2 alpha progress 40 -> 60 with a note (2024-03-05)
    feature: c3 by an outsider (2024-06-01): alpha completed 100 % without a note,
             planned end moved, an indicator value added; beta moved to another file
             and its progress lowered; a new agenda item in a meeting.
    """
    tree = minimal_repo(root)
    tree.replace(ALPHA, "progress: 40\nschedule:", "progress: 60\nschedule:")
    tree.replace(
        ALPHA,
        "    note: Eteni.\n    by: Palvelupäällikkö\n",
        "    note: Eteni.\n    by: Palvelupäällikkö\n  - date: 2024-03-05\n    progress: 60\n"
        "    note: Pilotti valmis.\n",
    )
    tree.commit(C2, "2024-03-05")
    tree.branch("feature")
    tree.replace(
        ALPHA,
        "status: in_progress\nhealth: on_track\nprogress: 60",
        "status: completed\nprogress: 100",
    )
    tree.replace(ALPHA, "planned_end: 2026-06-30\n", "planned_end: 2026-09-30\n")
    tree.replace(
        ALPHA,
        "    - {date: 2024-12-31, value: 30, source: Raportti}\n",
        "    - {date: 2024-12-31, value: 30, source: Raportti}\n"
        "    - {date: 2025-06-30, value: 100}\n",
    )
    tree.move(BETA, "data/measures/beta-renamed.yaml")
    tree.replace(
        "data/measures/beta-renamed.yaml", "progress: 100\nschedule:", "progress: 90\nschedule:"
    )
    tree.write(
        MEETING,
        tree.read(MEETING)
        + "  - section: 3\n    title: Alfan päättäminen\n    decision: Hyväksyttiin.\n"
        "    resolution: passed\n    concerns: [m-alpha]\n",
    )
    tree.commit(C3, "2024-06-01", OUTSIDER)
    return tree
