"""Refuse an edit that lint would flag as an error, without loading the whole tree.

The edited files are checked inside a *neighbourhood* tree: every file that is not
a measure (strategy, goals, bodies, meetings ...), the edited files as they would
be written, and the measures they depend on; other measures are known by id only,
so references to them are not dangling. Rules run on that tree twice - with the
old and the new content - and only errors the edit *adds* in the edited files
refuse it: an owner can still report progress on a measure that already has an
unrelated problem. Loading 1,000 measures would cost more than the whole command
is allowed to take; the neighbourhood holds everything an edit of status,
progress, health, dates or values can interact with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ictgov.config import Config
from ictgov.diagnostics import Diagnostic, Severity
from ictgov.load import Document, FsSource, Tree, build_tree, load_document
from ictgov.load.source import DATA_DIR
from ictgov.model.files import MEASURE

MEASURE_PREFIX = f"{DATA_DIR}/{MEASURE.location}/"


def format_diagnostic(d: Diagnostic) -> str:
    """``data/measures/x.yaml:9:11: error ST01 message``: one finding on one line."""
    return f"{d.file}:{d.line}:{d.column}: {d.severity.value} {d.code} {d.message}"


def errors_of(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Only the findings of error severity."""
    return [d for d in diagnostics if d.severity is Severity.ERROR]


@dataclass
class Neighbourhood:
    """The part of the tree that edited files are checked in."""

    documents: dict[str, Document]
    #: Ids of measures whose files were not loaded.
    other_ids: set[str]

    def tree(self, replaced: Mapping[str, Document]) -> Tree:
        """A tree of these documents with *replaced* swapped in."""
        docs = {**self.documents, **replaced}
        tree = build_tree([docs[p] for p in sorted(docs)])
        tree.unvalidated_ids |= self.other_ids - {str(getattr(m, "id", "")) for m in tree.measures}
        return tree


def _dependencies(doc: Document) -> set[str]:
    data: Any = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("depends_on"), dict):
        return set()
    found = data["depends_on"].get("measures")
    return {str(v) for v in found} if isinstance(found, list) else set()


def neighbourhood(
    root: Path,
    config: Config,
    focus: Mapping[str, Document],
    loaded: Mapping[str, Document] | None = None,
) -> Neighbourhood:
    """Load every non-measure file, the measures *focus* depends on, and ids of the rest.

    Documents in *loaded* (read earlier in the same command) are not read again.
    """
    source = FsSource(root)
    files = source.list_files()
    measures = {f for f in files if f.startswith(MEASURE_PREFIX)}  # a set: 20,000 lookups
    wanted = set().union(*(_dependencies(d) for d in focus.values())) if focus else set()
    documents: dict[str, Document] = {}
    other_ids: set[str] = set()
    for path in files:
        if path in focus:
            continue
        if path in measures:
            # The file's stem, by string operations: PurePosixPath(path).stem for
            # 20,000 measure files took half of the command's time.
            stem = path.rpartition("/")[2].rpartition(".")[0]
            if stem not in wanted:
                other_ids.add(stem)
                continue
        if loaded is not None and path in loaded:
            documents[path] = loaded[path]
            continue
        try:
            raw = source.read(path)
        except OSError:
            continue
        documents[path] = load_document(path, raw, max_bytes=config.max_file_bytes)
    return Neighbourhood(documents, other_ids)


def lint_errors(tree: Tree, config: Config, today: date) -> list[Diagnostic]:
    """Error findings of the configured lint rules on *tree* (load errors included)."""
    from ictgov.lint import LintContext, build_selection, run_rules

    selection = build_selection(config.lint.select, config.lint.ignore, config.lint.severity)
    result = run_rules(tree, LintContext(today=today, config=config), selection)
    return errors_of(result.diagnostics)


def _keys(d: Diagnostic) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """Two ways an error is recognised as the same one as before the edit.

    By place *or* by words: an inserted list item shifts paths, and a changed value
    changes messages.
    """
    return (d.file, d.code, "path:" + d.path), (d.file, d.code, "message:" + d.message)


def new_errors(
    root: Path,
    config: Config,
    today: date,
    old: Mapping[str, Document],
    new: Mapping[str, Document],
    loaded: Mapping[str, Document] | None = None,
) -> dict[str, list[Diagnostic]]:
    """Per edited file, the lint errors that its new content adds to its old content."""
    hood = neighbourhood(root, config, new, loaded)
    after = [d for d in lint_errors(hood.tree(new), config, today) if d.file in new]
    if not after:
        return {}
    old_errors = lint_errors(hood.tree(old), config, today)
    before = {k for d in old_errors if d.file in old for k in _keys(d)}
    out: dict[str, list[Diagnostic]] = {}
    for d in after:
        if not before.intersection(_keys(d)):
            out.setdefault(d.file, []).append(d)
    return out
