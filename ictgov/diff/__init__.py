"""Semantic diff of two versions of the strategy tree, by entity id.

``diff_trees``/``diff_documents`` compare, ``apply_changes`` replays the reported
changes on plain data, and ``ictgov.diff.formats`` renders text, Markdown and JSON.
"""

from ictgov.diff.data import apply_changes, diff_data
from ictgov.diff.entities import snapshot
from ictgov.diff.hints import ReviewContext
from ictgov.diff.model import MISSING, Change, Event, Hint, ItemDiff, Key, TreeDiff, format_path
from ictgov.diff.semantic import diff_documents, diff_trees

__all__ = [
    "MISSING",
    "Change",
    "Event",
    "Hint",
    "ItemDiff",
    "Key",
    "ReviewContext",
    "TreeDiff",
    "apply_changes",
    "diff_data",
    "diff_documents",
    "diff_trees",
    "format_path",
    "snapshot",
]
