"""One version of the tree as blob ids: a commit's, or the working tree's.

Comparing two versions starts with their blob ids, so only files whose content
differs are ever parsed; the working tree's files are hashed as git would hash them
so an unchanged file reuses the parse of the committed blob.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ictgov.diagnostics import FILE_UNREADABLE, Diagnostic
from ictgov.i18n import N_
from ictgov.load import Document, FsSource, Tree, build_tree
from ictgov.vcs.cache import BlobCache, blob_id
from ictgov.vcs.repo import GitRepo


@dataclass
class Version:
    """Which blob each data file has in one version, and how to get its documents."""

    label: str
    #: The commit id, or None for the working tree.
    commit: str | None
    blobs: dict[str, str]
    problems: list[Diagnostic]
    cache: BlobCache
    #: Bytes of working-tree files (git does not hold them).
    raw: dict[str, bytes] = field(default_factory=dict)

    def documents(self, paths: Iterable[str] | None = None) -> dict[str, Document]:
        """Documents of the given paths (all by default) that exist in this version."""
        wanted = (
            self.blobs if paths is None else {p: self.blobs[p] for p in paths if p in self.blobs}
        )
        return self.cache.documents(wanted, self.raw or None)

    def problem_documents(self) -> list[Document]:
        """Files listed but not readable, as documents carrying the diagnostic."""
        out = []
        for problem in self.problems:
            doc = Document(path=problem.file, kind=None)
            doc.diagnostics.append(problem)
            out.append(doc)
        return out

    def tree(self) -> Tree:
        """The whole tree of this version (parses only blobs not parsed before)."""
        docs = self.documents()
        ordered = [docs[p] for p in sorted(docs)] + self.problem_documents()
        return build_tree(ordered, label=self.label)


def commit_version(repo: GitRepo, commit: str, label: str | None = None) -> Version:
    """The version at a resolved commit id."""
    listing = repo.list_tree(commit)
    return Version(
        label=label or repo.label(commit),
        commit=commit,
        blobs=listing.blobs,
        problems=listing.problems,
        cache=repo.cache,
    )


def worktree_version(repo: GitRepo) -> Version:
    """The working tree under the project root, hashed like git would."""
    source = FsSource(repo.root)
    blobs: dict[str, str] = {}
    raw: dict[str, bytes] = {}
    problems: list[Diagnostic] = []
    for path in source.list_files():
        try:
            data = source.read(path)
        except OSError as exc:
            problems.append(
                FILE_UNREADABLE.at(
                    N_("cannot read the file ({error}); check it"),
                    path,
                    args={"error": str(exc.strerror or exc)},
                )
            )
            continue
        blobs[path] = blob_id(data)
        raw[path] = data
    problems.extend(source.problems())
    return Version("working tree", None, blobs, problems, repo.cache, raw)
