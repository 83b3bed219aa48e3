"""The tree as it was at a revision or a date: ``--at`` for every command.

Read straight from git objects (no checkout, no temporary worktree), so a council
report for 2024 can be reproduced years later from the same repository.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ictgov.load import Tree
from ictgov.vcs.repo import GitRepo
from ictgov.vcs.versions import commit_version

if TYPE_CHECKING:
    from pathlib import Path


def load_tree_at(root: Path, at: str, today: date | None, max_bytes: int) -> Tree:
    """The tree at a revision or date up to *today*; RevisionError when it cannot be read."""
    with GitRepo.open(root, max_bytes=max_bytes) as repo:
        commit = repo.resolve_at(at, "--at", today)
        return commit_version(repo, commit).tree()
