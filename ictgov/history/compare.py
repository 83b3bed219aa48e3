"""``ictgov diff``: pick the two versions, parse only the files that differ, compare.

Both sides are listed as blob ids first (``ls-tree`` for a commit, hashing for the
working tree); a file whose blob is the same on both sides cannot hold a change and
is never parsed. Changed blobs are parsed once through the repository's blob cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ictgov.diff import ReviewContext, TreeDiff, diff_documents
from ictgov.diff.entities import entity_kind
from ictgov.i18n.speak import _
from ictgov.model import Body
from ictgov.model.files import BODIES
from ictgov.project import Project
from ictgov.vcs.repo import GitRepo
from ictgov.vcs.revisions import check_not_future, check_revision, looks_like_date, parse_date
from ictgov.vcs.versions import Version, commit_version, worktree_version

BODIES_PATH = f"data/{BODIES.location}"


@dataclass(frozen=True, slots=True)
class Sides:
    """The two versions a diff compares, and how BASE was chosen."""

    base: Version
    head: Version
    #: Why this BASE, when it was not given: shown in the output.
    note: str | None = None


def check_side(rev: str, what: str, today: date | None = None) -> None:
    """Refuse a bad revision, or a date after *today* (its answer would change over time)."""
    if not looks_like_date(rev):
        check_revision(rev, what)
        return
    check_not_future(parse_date(rev, what), today, what)


def choose_sides(
    repo: GitRepo,
    project: Project,
    base: str | None,
    head: str | None,
    today: date | None = None,
) -> Sides:
    """BASE and HEAD as versions: defaults as documented for ``ictgov diff``."""
    for rev, what in ((base, "BASE"), (head, "HEAD")):  # both checked before git runs
        if rev is not None:
            check_side(rev, what, today)
    head_version = (
        worktree_version(repo)
        if head is None
        else commit_version(repo, repo.resolve_at(head, "HEAD"))
    )
    if base is not None:
        return Sides(commit_version(repo, repo.resolve_at(base, "BASE")), head_version)
    head_commit = repo.resolve("HEAD", "HEAD")
    if repo.data_is_dirty():
        note = _("BASE is HEAD: the working tree has uncommitted changes")
        return Sides(commit_version(repo, head_commit), head_version, note)
    branch, tip = repo.default_branch(project.config.default_branch)
    merge_base = repo.merge_base(head_commit, tip, branch)
    note = _("BASE is the merge-base of HEAD and {branch}").format(branch=branch)
    return Sides(commit_version(repo, merge_base), head_version, note)


def changed_paths(base: Version, head: Version) -> list[str]:
    """Files whose content differs between the versions (added and removed included)."""
    return sorted(
        p for p in base.blobs.keys() | head.blobs.keys() if base.blobs.get(p) != head.blobs.get(p)
    )


def review_context(repo: GitRepo, sides: Sides, paths: list[str]) -> ReviewContext:
    """Bodies of the new version and who authored the changes to each changed file."""
    bodies_doc = sides.head.documents([BODIES_PATH]).get(BODIES_PATH)
    bodies = {b.id: b for b in (bodies_doc.items if bodies_doc else []) if isinstance(b, Body)}
    authors: dict[str, set[tuple[str, str]]] = {}
    base_commit = sides.base.commit
    head_commit = sides.head.commit
    if head_commit is None and repo.has_commits():
        head_commit = repo.resolve("HEAD", "HEAD")
        user = repo.current_user()
        if user is not None:
            committed = repo.list_tree(head_commit).blobs
            for path in paths:
                if sides.head.blobs.get(path) != committed.get(path):
                    authors.setdefault(path, set()).add(user)
    if base_commit is not None and head_commit is not None and base_commit != head_commit:
        for path, who in repo.authors_by_file(base_commit, head_commit, paths).items():
            authors.setdefault(path, set()).update(who)
    return ReviewContext(bodies=bodies, authors=authors)


def diff_sides(
    repo: GitRepo, sides: Sides, lang: str = "fi", today: date | None = None
) -> TreeDiff:
    """The semantic diff of two versions, parsing only what changed.

    With *today*, dates the change records are judged against it (hint RV05).
    """
    paths = changed_paths(sides.base, sides.head)
    base_docs = sides.base.documents(paths)
    head_docs = sides.head.documents(paths)
    measures = any(entity_kind(d) == "measures" for d in (*base_docs.values(), *head_docs.values()))
    context = review_context(repo, sides, paths) if measures else ReviewContext()
    context.today = today
    result = diff_documents(
        base_docs,
        head_docs,
        base_label=sides.base.label,
        head_label=sides.head.label,
        context=context,
        lang=lang,
    )
    result.base_commit = sides.base.commit
    result.head_commit = sides.head.commit
    result.base_problems += [p for p in sides.base.problems if p not in sides.head.problems]
    result.head_problems += [p for p in sides.head.problems if p not in sides.base.problems]
    return result


def diff_revisions(
    project: Project,
    base: str | None = None,
    head: str | None = None,
    *,
    today: date | None = None,
) -> tuple[TreeDiff, str | None]:
    """Diff two revisions (HEAD None = working tree); returns the diff and a note on BASE.

    *today* bounds date revisions and judges the dates the change records.
    """
    with GitRepo.open(project.root, max_bytes=project.config.max_file_bytes) as repo:
        sides = choose_sides(repo, project, base, head, today)
        return diff_sides(repo, sides, project.config.language, today), sides.note
