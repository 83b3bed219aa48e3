"""The parse cache: every command that loads the working tree reads it through here.

Parsing YAML is most of the time of loading a big tree; validation is cheaper and
is always redone, so the cache holds only plain parsed data (``plain``), as JSON,
in ``<root>/.ictgov-cache/v<FORMAT>-<code fingerprint>/``:

- ``files.json``: path -> (size, mtime, ctime, inode, content key), as git's index,
  so that a warm run reads no file it has seen: only ``stat`` calls. A file
  modified within two seconds of the run that wrote the index is read again.
- ``parse-*.json``: shards of parsed files by content key (a hash of the path and
  the bytes), so the same bytes are never parsed twice, also after a checkout
  that changed every time stamp.

A file's source map is not kept: most files have no finding, and a position is
rebuilt from the file when one is first asked for (``LazySourceMap``).

Every cache file is bound to the folder that holds it (``cachedir``): a cache
committed into a repository is never believed. Anything unreadable, corrupt or
foreign is ignored and rebuilt; no failure of the cache is ever an error.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ictgov import cachedir
from ictgov.cachedir import Stat, stamp
from ictgov.diagnostics import FILE_UNREADABLE, Diagnostic
from ictgov.i18n import N_
from ictgov.load import parallel
from ictgov.load.document import (
    DEFAULT_MAX_BYTES,
    Document,
    data_relpath,
    decode,
    validate_document,
)
from ictgov.load.plain import Parsed, content_key, from_json, parse, to_json
from ictgov.load.source import FsSource
from ictgov.load.sourcemap import DataPath, Position, SourceMap
from ictgov.load.tree import Tree, build_tree, load_tree
from ictgov.load.yaml12 import parse_yaml
from ictgov.model.files import kind_for

#: Bump when the layout or the meaning of the cached data changes.
FORMAT = 6
#: A file modified this close to the writing of the index is read again (racy-git rule).
RACY_NS = 2_000_000_000
#: Entries per shard when the shards are rewritten.
SHARD_SIZE = 5000


class LazySourceMap(SourceMap):
    """A source map parsed from the file when a position is first asked for.

    If the file no longer has the bytes it was loaded from, positions fall back to
    line 1 rather than pointing at the wrong line.
    """

    __slots__ = ("_read",)

    def __init__(self, read: Callable[[], dict[DataPath, Position]]) -> None:
        super().__init__({})
        self._read: Callable[[], dict[DataPath, Position]] | None = read

    def find(self, path: DataPath) -> tuple[Position, bool]:
        """As ``SourceMap.find``, parsing the file on first use."""
        if self._read is not None:
            read, self._read = self._read, None
            self.positions = read()
        return super().find(path)


@dataclass
class ParseCache:
    """The parse cache of one working tree. With no usable folder, it loads uncached."""

    root: Path
    max_bytes: int = DEFAULT_MAX_BYTES
    fingerprint: str = field(default_factory=lambda: cachedir.code_fingerprint("", "load", "model"))

    @property
    def name(self) -> str:
        """The folder of this code's cache: other code, other folder."""
        return f"v{FORMAT}-{self.fingerprint}"

    def folder(self, *, create: bool = False) -> Path | None:
        """``.ictgov-cache/<name>`` if it is (or, with *create*, is made) a real directory."""
        base = cachedir.base(self.root, create=create)
        return None if base is None else cachedir.subdir(base, self.name, create=create)

    def load_documents(self, source: FsSource) -> list[Document]:
        """Every document of the working tree, in path order, parsed files from the cache."""
        enabled = gc.isenabled()
        gc.disable()  # loading makes millions of acyclic objects: collecting is pure cost
        try:
            return self._load(source)
        finally:
            if enabled:
                gc.enable()

    def _load(self, source: FsSource) -> list[Document]:
        folder = self.folder(create=True)
        started = time.time_ns()  # anything modified from now on is not trusted next time
        paths = source.list_files()
        written, index = self._read_index(folder)
        stats, keys = self._known(paths, index, written)
        entries, shards, stored = (
            self._read_shards(folder) if folder is not None and index else ({}, [], 0)
        )
        if entries:  # e.g. after a checkout: the bytes may well be known under another stat
            self._hash_unvouched(source, paths, keys)
        missing = [p for p in paths if keys.get(p) not in entries]
        done: dict[str, Document] = {}
        if len(missing) >= parallel.PARALLEL_FROM:
            done = self._parse_in_workers(folder, missing, keys, entries, shards)
        fresh: dict[str, Parsed] = {}
        docs: list[Document] = []
        for path in paths:
            if path in done:
                docs.append(done[path])
                continue
            key = keys.get(path)
            parsed = entries.get(key) if key is not None else None
            if key is None or parsed is None:
                try:
                    raw = source.read(path)
                except OSError as exc:
                    docs.append(unreadable(path, exc))
                    continue
                key = keys[path] = content_key(path, raw)
                parsed = entries.get(key)
                if parsed is None:
                    parsed = entries[key] = fresh[key] = parse(path, raw, self.max_bytes)
            docs.append(self._document(path, key, parsed))
        docs.extend(problem_documents(source.problems()))
        if folder is not None:
            self._remember(
                folder, paths, keys, stats, index, started, fresh, entries, shards, stored
            )
        return docs

    def _hash_unvouched(self, source: FsSource, paths: list[str], keys: dict[str, str]) -> None:
        """The content key of each file the index does not vouch for (read, not parsed).

        Hashing 20,000 files costs a fraction of a second; parsing them again in
        worker processes, after a checkout or a ``touch`` changed their stats, a minute.
        """
        for path in paths:
            if path not in keys:
                try:
                    keys[path] = content_key(path, source.read(path))
                except OSError:
                    continue  # the loop in ``_load`` reports it

    def _known(
        self, paths: list[str], index: dict[str, list[object]], written: int
    ) -> tuple[dict[str, Stat], dict[str, str]]:
        """The stat of each file, and the content key of those the index vouches for."""
        trusted_before = written - RACY_NS
        stats: dict[str, Stat] = {}
        keys: dict[str, str] = {}
        prefix = str(self.root) + os.sep
        for path in paths:
            try:
                st = os.stat(prefix + path)
            except OSError:
                continue
            stats[path] = stamp(st)
            known = index.get(path)
            if (
                isinstance(known, list)
                and len(known) == 5
                and tuple(known[:4]) == stats[path]
                and st.st_mtime_ns < trusted_before
            ):
                keys[path] = str(known[4])
        return stats, keys

    def _parse_in_workers(
        self,
        folder: Path | None,
        missing: list[str],
        keys: dict[str, str],
        entries: dict[str, Parsed],
        shards: list[Path],
    ) -> dict[str, Document]:
        """Parse many files in worker processes (which write their own shards).

        Each chunk is validated here as it comes, while the workers go on.
        """

        def shard() -> Path | None:
            if folder is None:
                return None
            shards.append(self._shard_name(folder))
            return shards[-1]

        done: dict[str, Document] = {}
        for outcomes in parallel.parse_many(self.root, missing, self.max_bytes, shard) or ():
            for path, outcome in outcomes.items():
                if isinstance(outcome, OSError):
                    done[path] = unreadable(path, outcome)
                else:
                    keys[path], entries[outcome[0]] = outcome
                    done[path] = self._document(path, *outcome)
        return done

    def _document(self, path: str, key: str, parsed: Parsed) -> Document:
        doc = Document(
            path=path,
            kind=kind_for(data_relpath(path)),
            data=parsed.data,
            source_map=LazySourceMap(lambda: self._positions(path, key)),
            diagnostics=list(parsed.problems),
            suppressions=parsed.suppressions,
        )
        if parsed.ready:
            validate_document(doc)
        return doc

    def _positions(self, path: str, key: str) -> dict[DataPath, Position]:
        try:
            raw = (self.root / path).read_bytes()
        except OSError:
            return {}
        if content_key(path, raw) != key:
            return {}
        text, _ = decode(path, raw)
        return {} if text is None else parse_yaml(text).source_map.positions

    def _read_index(self, folder: Path | None) -> tuple[int, dict[str, list[object]]]:
        payload = None if folder is None else cachedir.read_json(folder / "files.json", "index")
        if isinstance(payload, dict) and isinstance(payload.get("files"), dict):
            return int(payload.get("written", 0)), payload["files"]
        return 0, {}

    def _read_shards(self, folder: Path) -> tuple[dict[str, Parsed], list[Path], int]:
        """Every cached entry by content key, the shard files, and how many entries they hold.

        The count includes entries held twice, which only reading costs.
        """
        entries: dict[str, Parsed] = {}
        stored = 0
        shards = sorted(folder.glob("parse-*.json"))
        for shard in shards:
            payload = cachedir.read_json(shard, "parse")
            if not isinstance(payload, dict):
                continue
            stored += len(payload)
            for key, entry in payload.items():
                parsed = from_json(entry)
                if parsed is not None:
                    entries[key] = parsed
        return entries, shards, stored

    def _shard_name(self, folder: Path) -> Path:
        return folder / f"parse-{time.time_ns():x}-{os.getpid()}-{os.urandom(3).hex()}.json"

    def _write_shard(self, folder: Path, entries: dict[str, Parsed]) -> Path:
        path = self._shard_name(folder)
        cachedir.write_json(path, "parse", {k: to_json(p) for k, p in entries.items()})
        return path

    def _remember(
        self,
        folder: Path,
        paths: list[str],
        keys: dict[str, str],
        stats: dict[str, Stat],
        index: dict[str, list[object]],
        started: int,
        fresh: dict[str, Parsed],
        entries: dict[str, Parsed],
        shards: list[Path],
        stored: int,
    ) -> None:
        """Write new entries, the index (when it changed), and compact the shards."""
        if fresh:
            shards.append(self._write_shard(folder, fresh))
        files = {p: [*stats[p], keys[p]] for p in paths if p in stats and p in keys}
        if files != index:
            cachedir.write_json(
                folder / "files.json", "index", {"written": started, "files": files}
            )
            cachedir.remove_tree_files(folder.parent, keep=self.name)
        live = {keys[p] for p in paths if p in keys}
        if len(shards) > 40 or max(stored, len(entries)) > 2 * len(live) + 100:
            kept = sorted(k for k in live if k in entries)
            new = [
                self._write_shard(folder, {k: entries[k] for k in kept[i : i + SHARD_SIZE]})
                for i in range(0, len(kept), SHARD_SIZE)
            ]
            for shard in shards:
                if shard not in new:
                    cachedir.remove_file(shard)


def load_working_tree(
    root: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, cached: bool = True
) -> Tree:
    """The tree in the working directory, through the parse cache unless *cached* is False."""
    source = FsSource(root)
    if not cached:
        return load_tree(source, max_bytes=max_bytes)
    return build_tree(ParseCache(root, max_bytes).load_documents(source), label=source.label)


def unreadable(path: str, exc: OSError) -> Document:
    """The document of a file that could not be read, as ``load_documents`` makes it."""
    doc = Document(path=path, kind=None)
    doc.diagnostics.append(
        FILE_UNREADABLE.at(
            N_("cannot read the file ({error}); check it"),
            path,
            args={"error": str(exc.strerror or exc)},
        )
    )
    return doc


def problem_documents(problems: list[Diagnostic]) -> list[Document]:
    """Documents for files found but not read (e.g. symlinks out of the tree)."""
    out = []
    for problem in problems:
        doc = Document(path=problem.file, kind=None)
        doc.diagnostics.append(problem)
        out.append(doc)
    return out
