"""A strategy repository on disk: its root, configuration, and trees at any version.

The one entry point commands use to get a ``Tree``, so that ``--root``, ``--at`` and
configuration mean the same thing in every command.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ictgov.config import Config, load_config, resolve_root
from ictgov.load import Tree
from ictgov.load.cache import load_working_tree


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
