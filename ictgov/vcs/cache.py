"""Parse each blob once: documents cached by blob id (and path).

Two versions of a tree share most of their blobs. Diff, history and the trend all ask
for the same blob many times; ``load_document`` is a pure function of (path, bytes),
so the parse of a blob is reused wherever the same file content appears again. The
path is part of the key because it decides the file's kind and every diagnostic's
file name; a renamed file is the one case that parses its blob again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping

from ictgov.load.document import DEFAULT_MAX_BYTES, Document, load_document

ReadMany = Callable[[list[str]], dict[str, bytes]]


def blob_id(raw: bytes) -> str:
    """The id git gives these bytes as a blob (what ``git hash-object`` prints)."""
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw, usedforsecurity=False).hexdigest()


class BlobCache:
    """Documents by (blob id, path); bytes come from git or from the working tree."""

    def __init__(self, read_many: ReadMany, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._read_many = read_many
        self._max_bytes = max_bytes
        self._docs: dict[tuple[str, str], Document] = {}
        #: How many blobs were parsed: tests and the benchmark check the reuse.
        self.parsed = 0

    def documents(
        self, entries: Mapping[str, str], raw: Mapping[str, bytes] | None = None
    ) -> dict[str, Document]:
        """Documents for ``path -> blob id``; *raw* supplies bytes git does not hold."""
        missing = [(path, oid) for path, oid in entries.items() if (oid, path) not in self._docs]
        from_git = [oid for path, oid in missing if raw is None or path not in raw]
        contents = self._read_many(from_git) if from_git else {}
        for path, oid in missing:
            data = raw[path] if raw is not None and path in raw else contents.get(oid)
            if data is None:
                doc = _unreadable(path, oid)
            else:
                doc = load_document(path, data, max_bytes=self._max_bytes)
                self.parsed += 1
            self._docs[(oid, path)] = doc
        return {path: self._docs[(oid, path)] for path, oid in entries.items()}


def _unreadable(path: str, oid: str) -> Document:
    from ictgov.diagnostics import FILE_UNREADABLE
    from ictgov.i18n import N_

    doc = Document(path=path, kind=None)
    doc.diagnostics.append(
        FILE_UNREADABLE.at(
            N_(
                "blob {oid} is missing from the repository (a partial or shallow clone?); "
                "fetch the full history with 'git fetch --unshallow'"
            ),
            path,
            args={"oid": oid[:12]},
        )
    )
    return doc
