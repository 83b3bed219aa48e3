"""Progress over time from git history: the use-case behind ``status --trend``.

One ``git log --first-parent --raw`` lists, for every commit of the current branch,
which measure files changed and their new blob ids. The state is kept as a running
tally (counts by status, progress sums per goal; ``ictgov.views.trend``), so each commit
costs only the files it changed, and each blob is parsed once through the repository's
blob cache.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ictgov.model import Measure
from ictgov.vcs.log import Commit, log
from ictgov.vcs.repo import GitRepo
from ictgov.views.trend import By, Facts, Tally, TrendPoint, monthly

MEASURES_DIR = "data/measures"


def _facts(repo: GitRepo, path: str, blob: str | None) -> Facts | None:
    if blob is None:
        return None
    model = repo.cache.documents({path: blob})[path].model
    if not isinstance(model, Measure):
        return None
    return Facts(model.status.value, model.progress, tuple(dict.fromkeys(model.goals)))


def _day(commit: Commit) -> date:
    """The commit's day; a malformed date sorts first (it is not a point of its own)."""
    return commit.day or date.min


def progress_over_time(
    root: Path, max_bytes: int, by: By = "month", since: date | None = None
) -> list[TrendPoint]:
    """Counts by status and mean progress per goal, per commit or per month, oldest first.

    With ``since``, the series starts with the state on that day. Monthly points cover
    every month from the first to the last, carrying the state through quiet months; a
    month's point is the state after its last commit. A repository without commits has
    no trend (RevisionError says so).
    """
    if by not in ("month", "commit"):
        raise ValueError(f"by must be 'month' or 'commit', not {by!r}")
    with GitRepo.open(root, max_bytes=max_bytes) as repo:
        head = repo.resolve("HEAD", "HEAD")
        commits = log(repo, head, [MEASURES_DIR], first_parent=True, reverse=True)
        tally = Tally()
        states: list[tuple[date, TrendPoint]] = []
        if since is not None:
            before = [c for c in commits if _day(c) < since]
            commits = [c for c in commits if _day(c) >= since]
            if before:
                blobs = repo.list_tree(before[-1].sha).blobs
                measures = {p: b for p, b in blobs.items() if p.startswith(MEASURES_DIR + "/")}
                repo.cache.documents(measures)  # one batch read for the starting state
                for path, blob in measures.items():
                    tally.set(path, _facts(repo, path, blob))
            if before:
                initial = tally.point(before[-1].sha[:7], _day(before[-1]), before[-1].sha)
                states.append((since, initial))
        for commit in commits:
            for change in commit.files:
                tally.set(change.path, _facts(repo, change.path, change.new))
            if commit.day is None:  # a malformed date: its changes count from the next commit
                continue
            states.append((commit.day, tally.point(commit.sha[:7], commit.day, commit.sha)))
    if by == "commit":
        return [point for _, point in states]
    return monthly(states)
