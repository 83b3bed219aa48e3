"""A strategy repository on disk: its root, configuration, and trees at any version.

The one entry point commands use to get a ``Tree``, so that ``--root``, ``--at`` and
configuration mean the same thing in every command.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ictgov.answers import Basis
from ictgov.config import Config, load_config, resolve_root, resolve_today
from ictgov.diagnostics import Diagnostic
from ictgov.errors import NothingLoadedError
from ictgov.i18n.speak import _, ngettext
from ictgov.load import Tree
from ictgov.load.cache import load_working_tree
from ictgov.model.files import kind_for


@dataclass
class Project:
    """The repository at ``root`` with its configuration."""

    root: Path
    config: Config

    @classmethod
    def open(cls, root: Path | None = None) -> Project:
        """Find (or take) the root and read its configuration."""
        found = resolve_root(root)
        return cls(found, load_config(found))

    def tree(
        self, at: str | None = None, today: date | None = None, *, cached: bool = True
    ) -> Tree:
        """The tree in the working directory, or as it was at a git revision or date.

        A date after *today* is refused, as ``diff`` refuses it. The working tree is
        read through the parse cache (``load.cache``) unless *cached* is False
        (``--no-cache``).
        """
        if at is not None:
            from ictgov.vcs.snapshot import load_tree_at

            return load_tree_at(self.root, at, today, self.config.max_file_bytes)
        return load_working_tree(self.root, max_bytes=self.config.max_file_bytes, cached=cached)

    def tree_on(self, day: date, today: date | None = None) -> Tree | None:
        """The tree as last committed on or before *day*; None when git has no such commit.

        The annual report asks this for measures whose update log says nothing about the
        year: a folder that is not a git repository, or one whose history starts later,
        simply has no answer (the report then says the state came from the dates).
        """
        from ictgov.errors import RevisionError
        from ictgov.vcs.snapshot import load_tree_at

        try:
            return load_tree_at(self.root, day.isoformat(), today, self.config.max_file_bytes)
        except (RevisionError, OSError):
            return None


@dataclass(frozen=True)
class Opened:
    """A project, its tree (now or at a revision) and the day taken as today."""

    project: Project
    tree: Tree
    today: date
    #: ``time.time_ns()`` before the tree was read (files modified since are not trusted).
    started: int = 0

    @property
    def basis(self) -> Basis:
        """What an answer computed from this tree rests on (``ictgov.answers``)."""
        return Basis(self.project.root, self.today, tuple(self.tree.documents), self.started)

    @property
    def problems(self) -> int:
        """How many findings loading the tree gave (lint shows them)."""
        return len(self.tree.diagnostics)

    @property
    def broken_files(self) -> frozenset[str]:
        """Files that did not load (their items may be missing from the tree)."""
        return frozenset(d.file for d in self.tree.diagnostics if d.severity.value == "error")

    @property
    def unread(self) -> list[UnreadFile]:
        """The files that did not load, each with its first error and what it leaves out."""
        first: dict[str, Diagnostic] = {}
        for d in self.tree.diagnostics:
            if d.severity.value == "error" and d.file not in first:
                first[d.file] = d
        return [UnreadFile.of(d) for _, d in sorted(first.items())]

    @property
    def warning(self) -> str | None:
        """One line for stderr when some files did not load: what loaded is still used."""
        n = self.problems
        if not n:
            return None
        return ngettext(
            "warning: the tree did not load cleanly; what loaded is shown; "
            "'ictgov lint' shows {n} problem",
            "warning: the tree did not load cleanly; what loaded is shown; "
            "'ictgov lint' shows {n} problems",
            n,
        ).format(n=n)


#: What a file of each kind that did not load leaves out of the morning view.
HIDES: dict[str, str] = {
    "strategy": "the strategy's period, vision and value promises",
    "goals": "the goals and their roll-up",
    "organisations": "the organisations",
    "bodies": "the bodies and whether they keep their meeting cadence",
    "projects": "the major projects the schedules depend on",
    "stakeholders": "the stakeholder groups",
    "categories": "the categories and their roll-up",
    "measure": "this measure: its status, progress and whether it needs attention",
    "meeting": "this meeting's decisions and follow-up actions (open and overdue ones too)",
}


@dataclass(frozen=True)
class UnreadFile:
    """A file that did not load: where its first error is and what the views lack."""

    file: str
    line: int
    column: int
    message: str
    hides: str
    #: The kind of file (``meeting``, ``measure``, ``bodies`` ...), or ``other``.
    kind: str = "other"
    #: The finding itself, so the message can be said in the reader's language.
    finding: Diagnostic | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, first: Diagnostic) -> UnreadFile:
        """The unread file that *first* (its first error) is about."""
        kind = kind_for(first.file.removeprefix("data/"))
        name = kind.name if kind is not None and kind.name in HIDES else "other"
        hides = HIDES.get(name, "its items")
        return cls(first.file, first.line, first.column, first.message, hides, name, first)

    def text(self, lang: str) -> str:
        """The first error's message in *lang*."""
        return self.finding.text(lang) if self.finding is not None else self.message

    def as_dict(self, lang: str = "en") -> dict[str, object]:
        """Plain data for ``--format json``, the message in *lang*."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.text(lang),
            "kind": self.kind,
            "hides": self.hides,
        }


def open_tree(root: Path | None, at: str | None, today: str | None) -> Opened:
    """Decide today, open the project and load its tree; the one way commands open one.

    A tree with some broken files is opened (the morning view should not go blank
    over one typo; ``Opened.warning`` says so); one where nothing loaded raises
    ``NothingLoadedError``, as a missing root raises ``RootNotFoundError``.
    """
    when = resolve_today(today)
    project = Project.open(root)
    started = time.time_ns()
    tree = project.tree(at=at, today=when)
    if tree.strategy is None and not tree.measures and not tree.goals:
        problems = len(tree.diagnostics)
        shows = ngettext(
            "; 'ictgov lint' shows the {n} problem",
            "; 'ictgov lint' shows the {n} problems",
            problems,
        )
        raise NothingLoadedError(
            _("no strategy data could be loaded from {root}").format(root=project.root)
            + (shows.format(n=problems) if problems else "")
        )
    return Opened(project, tree, when, started)
