"""Reading a strategy tree: bytes -> YAML 1.2 data with positions -> validated models.

Commands read the working tree through the parse cache (``load.cache``), which
parses big cold trees in worker processes (``load.parallel``).
"""

from ictgov.load.document import Document, SourceRef, load_document
from ictgov.load.source import DATA_DIR, FsSource, TreeSource
from ictgov.load.sourcemap import Position, SourceMap, format_path
from ictgov.load.tree import Location, Tree, build_tree, load_documents, load_tree
from ictgov.load.yaml12 import parse_yaml

__all__ = [
    "DATA_DIR",
    "Document",
    "FsSource",
    "Location",
    "Position",
    "SourceMap",
    "SourceRef",
    "Tree",
    "TreeSource",
    "build_tree",
    "format_path",
    "load_document",
    "load_documents",
    "load_tree",
    "parse_yaml",
]
