"""Semantic diff of two versions of the tree: entities matched by id, not by file.

Give it the documents of the files that differ (or of whole trees): an entity that
moved from one file to another is a move, an entity that did not validate on one
side is reported as unreadable there instead of as removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from ictgov.diagnostics import Diagnostic, Severity
from ictgov.diff.data import diff_data
from ictgov.diff.entities import KINDS, Entry, index, text_of, unreadable_ids
from ictgov.diff.hints import ReviewContext, future_hints, measure_hints
from ictgov.diff.model import MISSING, ItemDiff, TreeDiff
from ictgov.diff.words import describe
from ictgov.load import Document, Tree
from ictgov.model import Goal, Measure

_ORDER = {kind: n for n, kind in enumerate(KINDS)}


def _title(entry: Entry, lang: str) -> str:
    model = entry.model
    for name in ("title", "name"):
        value = getattr(model, name, None)
        if value:
            return text_of(value, lang)
    if hasattr(model, "body") and hasattr(model, "date"):
        return f"{model.body} {model.date.isoformat()}"
    return entry.id


def _errors(documents: Iterable[Document]) -> list[Diagnostic]:
    found = [d for doc in documents for d in doc.diagnostics if d.severity is Severity.ERROR]
    return sorted(found, key=Diagnostic.sort_key)


def _broken(docs: Mapping[str, Document], path: str) -> bool:
    """Whether *path* exists on this side but has errors (so its items may be unread)."""
    doc = docs.get(path)
    return doc is not None and any(d.severity is Severity.ERROR for d in doc.diagnostics)


def diff_documents(
    base_docs: Mapping[str, Document],
    head_docs: Mapping[str, Document],
    *,
    base_label: str = "base",
    head_label: str = "head",
    context: ReviewContext | None = None,
    lang: str = "fi",
) -> TreeDiff:
    """Compare the entities of two sets of documents (usually only the changed files)."""
    context = context or ReviewContext()
    base = index(base_docs.values())
    head = index(head_docs.values())
    base_bad = set().union(*(unreadable_ids(d) for d in base_docs.values()))
    head_bad = set().union(*(unreadable_ids(d) for d in head_docs.values()))
    result = TreeDiff(
        base_label,
        head_label,
        base_problems=_errors(base_docs.values()),
        head_problems=_errors(head_docs.values()),
    )
    for key in sorted(base.keys() | head.keys(), key=lambda k: (_ORDER.get(k[0], 99), k[1])):
        kind, entity_id = key
        old, new = base.get(key), head.get(key)
        old_data = old.data if old is not None else None
        new_data = new.data if new is not None else None
        if old is not None and new is not None:
            changes = diff_data(old_data, new_data, key)
            if not changes and old.file == new.file:
                continue
            change = "modified"
        else:
            changes = diff_data(
                MISSING if old is None else old_data, MISSING if new is None else new_data, key
            )
            change = "added" if old is None else "removed"
        shown = new or old
        assert shown is not None
        item = ItemDiff(
            kind=kind,
            id=entity_id,
            title=_title(shown, lang),
            change=change,  # type: ignore[arg-type]
            old_file=old.file if old else None,
            new_file=new.file if new else None,
            changes=changes,
            events=describe(kind, old, new, changes, lang),
        )
        if old is None and (key in base_bad or _broken(base_docs, shown.file)):
            item.unreadable = "base"
        elif new is None and (key in head_bad or _broken(head_docs, shown.file)):
            item.unreadable = "head"
        if item.unreadable:
            item.events = []  # not "added" or "removed": one side could not be read
        if (
            old is not None
            and new is not None
            and isinstance(old.model, Measure)
            and isinstance(new.model, Measure)
        ):
            files = {old.file, new.file}
            item.hints = measure_hints(old.model, new.model, files, context)
        if context.today is not None and new is not None and isinstance(new.model, Measure | Goal):
            before = old.model if old is not None else None
            previous = before if isinstance(before, Measure | Goal) else None
            item.hints += future_hints(previous, new.model, context.today)
        result.items.append(item)
    return result


def diff_trees(
    base: Tree,
    head: Tree,
    *,
    context: ReviewContext | None = None,
    lang: str = "fi",
    today: date | None = None,
) -> TreeDiff:
    """Compare two whole trees (every document of each); *today* judges recorded dates."""
    if context is None:
        context = ReviewContext(bodies=dict(head.body_by_id), today=today)
    return diff_documents(
        base.documents,
        head.documents,
        base_label=base.label,
        head_label=head.label,
        context=context,
        lang=lang,
    )
