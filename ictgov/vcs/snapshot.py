"""The tree as it was at a revision or a date: ``--at`` for every command.

Read straight from git objects (no checkout, no temporary worktree), so a council
report for 2024 can be reproduced years later from the same repository.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ictgov.load import Tree
from ictgov.vcs.repo import GitRepo
from ictgov.vcs.revisions import looks_like_date, parse_date
from ictgov.vcs.versions import commit_version

if TYPE_CHECKING:
    from ictgov.project import Project


def resolve_at(repo: GitRepo, at: str) -> str:
    """A commit id for ``--at``: a date means the last commit on or before that day."""
    if looks_like_date(at):
        return repo.commit_on_or_before(parse_date(at, "--at"))
    return repo.resolve(at, "--at")


def load_tree_at(project: Project, at: str) -> Tree:
    """The tree at a revision or date (YYYY-MM-DD); RevisionError when it cannot be read."""
    with GitRepo.open(project.root, max_bytes=project.config.max_file_bytes) as repo:
        commit = resolve_at(repo, at)
        return commit_version(repo, commit).tree()
