"""``ictgov history``: every change to one item, or to the whole tree, commit by commit.

An item is followed through the commits that touched its file (``git log --raw``,
one process); where the file appeared, the same commit's other changes tell where
the item came from, so a move between files or a rename continues the history.
Blobs are read through the one ``cat-file`` process and parsed once each.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from ictgov.diff import ReviewContext, TreeDiff, diff_documents
from ictgov.diff.entities import entity_ids, unreadable_ids
from ictgov.errors import IctgovError
from ictgov.history.compare import BODIES_PATH
from ictgov.i18n.speak import _
from ictgov.load import Document
from ictgov.model import Body
from ictgov.project import Project
from ictgov.vcs.log import Commit, changed_files, log
from ictgov.vcs.repo import GitRepo


class ItemNotFoundError(IctgovError):
    """No version of the tree holds an item with this id."""


@dataclass
class HistoryEntry:
    """One commit and what it changed."""

    commit: Commit
    diff: TreeDiff

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        c = self.commit
        return {
            "commit": c.sha,
            "date": c.date or None,
            "author": c.author,
            "email": c.email,
            "subject": c.subject,
            **{k: v for k, v in self.diff.as_dict().items() if k in ("summary", "items")},
        }


@dataclass
class History:
    """Changes newest first; ``item`` is None for the history of the whole tree."""

    item: str | None
    entries: list[HistoryEntry] = field(default_factory=list)
    #: Files the item lived in, newest first.
    files: list[str] = field(default_factory=list)
    #: What history could not show, and why (a commit with a broken file ...).
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        """Remember *text* once."""
        if text not in self.notes:
            self.notes.append(text)

    def add(self, entry: HistoryEntry) -> None:
        """Append *entry*, with a note when its commit's date cannot be read."""
        self.entries.append(entry)
        if entry.commit.day is None:
            self.note(
                _(
                    "commit {sha} has a malformed date (timestamp or time zone); it is shown "
                    "as unknown"
                ).format(sha=entry.commit.sha[:7])
            )

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "item": self.item,
            "files": self.files,
            "entries": [e.as_dict() for e in self.entries],
            "notes": self.notes,
        }


def _broken(doc: Document | None) -> bool:
    """Whether the file exists but could not be read as YAML at all (no data to diff)."""
    return doc is not None and doc.data is None


def _broken_note(commit: Commit, path: str, *, tree: bool = False) -> str:
    if tree:
        return _(
            "commit {sha}: {path} is not valid YAML there; its changes to that file are not shown"
        ).format(sha=commit.sha[:7], path=path)
    return _(
        "commit {sha}: {path} is not valid YAML there; its changes are skipped and the next "
        "commit is compared with the last readable version"
    ).format(sha=commit.sha[:7], path=path)


def _last_readable(walker: _Walker, older: list[Commit], path: str) -> Document | None:
    """The newest readable version of *path* among *older* commits (None: it did not exist)."""
    for commit in older:
        change = commit.file(path)
        if change is None:
            continue
        doc = walker.doc(path, change.new)
        if not _broken(doc):
            return doc
    return None


def _has(doc: Document | None, item_id: str) -> bool:
    """Whether the document declares the item, valid or not."""
    if doc is None:
        return False
    return item_id in entity_ids(doc) or any(k[1] == item_id for k in unreadable_ids(doc))


class _Walker:
    """Reads blobs of one repository and diffs single commits."""

    def __init__(self, repo: GitRepo, lang: str, today: date | None = None) -> None:
        self.repo = repo
        self.lang = lang
        self.today = today
        self.bodies: dict[str, Body] = {}

    def doc(self, path: str, blob: str | None) -> Document | None:
        if blob is None:
            return None
        return self.repo.cache.documents({path: blob})[path]

    def mentions(self, blobs: dict[str, str], item_id: str) -> list[str]:
        """Paths among *blobs* whose text contains the id at all (before parsing)."""
        needle = item_id.encode("utf-8")
        contents = self.repo.catfile.read_many(list(blobs.values()))
        return [p for p, oid in blobs.items() if needle in contents.get(oid, b"")]

    def locate(self, blobs: dict[str, str], item_id: str) -> str | None:
        """The file of *blobs* that holds the item: the file named after it first."""
        named = [p for p in blobs if PurePosixPath(p).stem == item_id]
        for path in named:
            if _has(self.doc(path, blobs[path]), item_id):
                return path
        for path in self.mentions(blobs, item_id):  # read as text, parse only mentions
            if path not in named and _has(self.doc(path, blobs[path]), item_id):
                return path
        return None

    def commit_diff(
        self, commit: Commit, old: dict[str, Document], new: dict[str, Document]
    ) -> TreeDiff:
        authors = {path: {(commit.author, commit.email)} for path in old.keys() | new.keys()}
        return diff_documents(
            old,
            new,
            base_label=commit.parents[0][:7] if commit.parents else "(nothing)",
            head_label=commit.sha[:7],
            context=ReviewContext(self.bodies, authors, self.today),
            lang=self.lang,
        )

    def docs(self, commit: Commit, side: str) -> dict[str, Document]:
        """The documents a commit changed, before (side "old") or after ("new") it."""
        wanted = {f.path: blob for f in commit.files if (blob := getattr(f, side)) is not None}
        return self.repo.cache.documents(wanted)


def _load_bodies(walker: _Walker, head: str) -> None:
    blobs = walker.repo.list_tree(head).blobs
    doc = walker.doc(BODIES_PATH, blobs.get(BODIES_PATH))
    walker.bodies = {b.id: b for b in (doc.items if doc else []) if isinstance(b, Body)}


def item_history(
    project: Project,
    item_id: str,
    *,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    today: date | None = None,
) -> History:
    """Every commit that changed the item with *item_id*, newest first.

    With *today*, dates each commit records are judged against it (hint RV05).
    """
    with GitRepo.open(project.root, max_bytes=project.config.max_file_bytes) as repo:
        head = repo.resolve("HEAD", "HEAD")
        walker = _Walker(repo, project.config.language, today)
        _load_bodies(walker, head)
        start, path = head, walker.locate(repo.list_tree(head).blobs, item_id)
        if path is None:
            start, path = _find_removed(walker, head, item_id)
        history = History(item_id)
        seen: set[tuple[str, str]] = set()
        span = _Span(since, until, limit)
        while path is not None and (start, path) not in seen and not span.full(history):
            seen.add((start, path))
            history.files.append(path)
            start, path = _walk(walker, history, start, path, item_id, span)
        return history


@dataclass(frozen=True, slots=True)
class _Span:
    """Which commits to show: dates (git's --since/--until) and how many."""

    since: date | None = None
    until: date | None = None
    limit: int | None = None

    def full(self, history: History) -> bool:
        return self.limit is not None and len(history.entries) >= self.limit


def _find_removed(walker: _Walker, head: str, item_id: str) -> tuple[str, str | None]:
    """Where a removed item last was: the commit that removed it, and its file before.

    The newest commit that changed a file holding the item must be the one that removed
    it (had it moved, it would still be in HEAD). Blobs are searched as text first, so
    only the few that mention the id are parsed.
    """
    for commit in log(walker.repo, head):
        olds = {f.path: f.old for f in commit.files if f.old is not None}
        for path in walker.mentions(olds, item_id):
            if _has(walker.doc(path, olds[path]), item_id):
                return commit.sha, path
    raise ItemNotFoundError(
        _(
            "no item with id '{id}' in the history of data/; check the id (ids are lowercase, "
            "e.g. 'evaka-rollout') with 'ictgov show' or 'git grep'"
        ).format(id=item_id)
    )


def _walk(
    walker: _Walker, history: History, start: str, path: str, item_id: str, span: _Span
) -> tuple[str, str | None]:
    """Follow *path* back from *start*; return where to continue when the item moved."""
    commits = log(walker.repo, start, [path], since=span.since, until=span.until)
    for number, commit in enumerate(commits):
        if span.full(history):
            break
        change = commit.file(path)
        if change is None:
            continue
        if _broken(walker.doc(path, change.new)):
            history.note(_broken_note(commit, path))
            continue
        old_doc = walker.doc(path, change.old)
        if _broken(old_doc):
            old_doc = _last_readable(walker, commits[number + 1 :], path)
        olds = {path: old_doc} if old_doc is not None else {}
        source: str | None = None
        if not _has(old_doc, item_id) and commit.parents:
            commit = replace(commit, files=changed_files(walker.repo, commit))
            candidates = {
                f.path: f.old for f in commit.files if f.path != path and f.old is not None
            }
            found = [
                p
                for p in walker.mentions(candidates, item_id)
                if _has(walker.doc(p, candidates[p]), item_id)
            ]
            if found:
                source = found[0]
                olds[source] = walker.doc(source, candidates[source])  # type: ignore[assignment]
        news = {p: d for p in olds.keys() | {path} if (d := _new_doc(walker, commit, p))}
        diff = walker.commit_diff(commit, olds, news)
        diff.items = [i for i in diff.items if i.id == item_id]
        if diff.items:
            history.add(HistoryEntry(commit, diff))
        if source is not None:
            return commit.parents[0], source
        if not _has(old_doc, item_id):
            return start, None
    return start, None


def _new_doc(walker: _Walker, commit: Commit, path: str) -> Document | None:
    change = commit.file(path)
    return walker.doc(path, change.new) if change is not None else None


def tree_history(
    project: Project,
    *,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    paths: list[str] | None = None,
    today: date | None = None,
) -> History:
    """Changes to the whole tree (or *paths*), newest first, within dates and a count.

    With *today*, dates each commit records are judged against it (hint RV05).
    """
    with GitRepo.open(project.root, max_bytes=project.config.max_file_bytes) as repo:
        head = repo.resolve("HEAD", "HEAD")
        walker = _Walker(repo, project.config.language, today)
        _load_bodies(walker, head)
        history = History(None)
        history.files = list(paths or [])
        for commit in log(repo, head, paths, since=since, until=until):
            if limit is not None and len(history.entries) >= limit:
                break
            olds, news = walker.docs(commit, "old"), walker.docs(commit, "new")
            for path in sorted(p for p, d in (olds | news).items() if _broken(d)):
                if _broken(olds.get(path)) or _broken(news.get(path)):
                    history.note(_broken_note(commit, path, tree=True))
                    olds.pop(path, None)
                    news.pop(path, None)
            diff = walker.commit_diff(commit, olds, news)
            if not diff.empty:
                history.add(HistoryEntry(commit, diff))
        return history
