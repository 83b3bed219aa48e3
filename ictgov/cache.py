"""The parse cache under ``<root>/.ictgov-cache/``: parse a file once per content.

Three layers, each a plain pickle written atomically (temporary file, then
``os.replace``), each ignored and rebuilt when unreadable, corrupt or of another
ictgov version or code (never an error):

- ``files.pkl``: path -> (size, mtime, inode, content key), as git's index does,
  so a warm run need not read 20,000 files to know that none changed. A file whose
  modification time is too close to when the index was written is hashed again.
- ``parse-*.pkl``: shards of loaded documents by content key (a hash of the path
  and the bytes): a changed file is parsed again, the others are not.
- ``result.pkl``: the last lint result with its key (every content key, the
  configuration, today, the selected rules, the code): an unchanged tree is not
  even loaded.

Cached documents are for linting: they keep the model, the items, diagnostics,
suppressions and a packed source map, but not the text, and the raw data only of
files that had problems.

A large cold tree is read and parsed by two worker processes; each returns its
documents as one pickle, which is also written as that chunk's cache shard.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
import pickle
import tempfile
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ictgov.diagnostics import FILE_UNREADABLE, Diagnostic
from ictgov.lint.quick import Stat, code_fingerprint, directory_stats
from ictgov.load.document import DEFAULT_MAX_BYTES, Document, load_document
from ictgov.load.source import FsSource
from ictgov.load.sourcemap import DataPath, Position, SourceMap

if TYPE_CHECKING:
    from ictgov.lint.result import LintResult
    from ictgov.lint.rule import LintContext
    from ictgov.lint.selection import Selection
    from ictgov.project import Project

CACHE_DIR = ".ictgov-cache"
#: Bump when the layout or the cached structures change.
FORMAT = 1
#: Below this many files to parse, worker processes cost more than they save.
PARALLEL_THRESHOLD = 3000
WORKERS = 2
CHUNK = 1000
#: A file modified this close to the writing of the index is hashed again (racy-git rule).
RACY_NS = 2_000_000_000
_PICKLE = pickle.HIGHEST_PROTOCOL

Entry = tuple[str, bytes, Document]


class PackedSourceMap(SourceMap):
    """A source map kept as compact bytes until a position is asked for.

    Most files have no finding, so most source maps are never unpacked: this
    keeps a cached tree of 20,000 files quick to unpickle.
    """

    __slots__ = ("_packed",)

    def __init__(self, packed: bytes) -> None:
        self._packed = packed

    def __getattr__(self, name: str) -> Any:
        if name != "positions":
            raise AttributeError(name)
        keys, flat = marshal.loads(self._packed)
        it = iter(flat)
        positions: dict[DataPath, Position] = dict(
            zip(keys, map(Position._make, zip(it, it, it, it, strict=True)), strict=True)
        )
        self.positions = positions
        return positions

    def __reduce__(self) -> tuple[Any, ...]:
        return (PackedSourceMap, (self._packed,))

    @classmethod
    def pack(cls, smap: SourceMap) -> SourceMap:
        """A packed copy of *smap* (or *smap* itself if it holds unusual keys)."""
        if isinstance(smap, PackedSourceMap):
            return smap
        positions = smap.positions
        try:
            flat = tuple(chain.from_iterable(positions.values()))
            packed = marshal.dumps((tuple(positions), flat))
        except ValueError:
            return smap
        return cls(packed)


def content_key(path: str, raw: bytes) -> bytes:
    """What a loaded document depends on: its path and its bytes."""
    return hashlib.blake2b(raw, digest_size=16, key=path.encode("utf-8")[:64]).digest() + (
        hashlib.blake2b(path.encode("utf-8"), digest_size=4).digest()
    )


def compact(doc: Document) -> Document:
    """A document as the cache keeps it: no text, raw data only if something was wrong."""
    doc.text = ""
    if not doc.diagnostics:
        doc.data = None
    doc.source_map = PackedSourceMap.pack(doc.source_map)
    return doc


def unreadable(path: str, exc: OSError) -> Document:
    """The document of a file that could not be read, as ``load_documents`` makes it."""
    doc = Document(path=path, kind=None)
    doc.diagnostics.append(
        FILE_UNREADABLE.at(f"cannot read the file ({exc.strerror or exc}); check it", path)
    )
    return doc


def parse_chunk(root: str, paths: list[str], max_bytes: int, shard: str | None) -> bytes:
    """Worker: read, hash and load *paths*; return the pickled entries (also the shard)."""
    gc.disable()
    entries: list[tuple[str, bytes | None, Document]] = []
    for path in paths:
        try:
            raw = Path(root, path).read_bytes()
        except OSError as exc:
            entries.append((path, None, unreadable(path, exc)))
            continue
        doc = compact(load_document(path, raw, max_bytes=max_bytes))
        entries.append((path, content_key(path, raw), doc))
    blob = pickle.dumps(entries, protocol=_PICKLE)
    if shard is not None:
        _write_bytes(Path(shard), blob)
    return blob


def _write_bytes(path: Path, blob: bytes) -> None:
    """Write atomically; a cache that cannot be written is simply not written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(blob)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def _read_pickle(path: Path) -> Any:
    """The object in *path*, or None if it is missing or unusable for any reason."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # corrupt, truncated, or written by other code: rebuild
        with contextlib.suppress(OSError):
            path.unlink()
        return None


@dataclass
class ParseCache:
    """The cache of one repository. Every method degrades to 'no cache' on failure."""

    root: Path
    max_bytes: int = DEFAULT_MAX_BYTES
    fingerprint: str = field(default_factory=code_fingerprint)

    @property
    def directory(self) -> Path:
        """``<root>/.ictgov-cache/v<FORMAT>-<fingerprint>``: other code, other directory."""
        return self.root / CACHE_DIR / f"v{FORMAT}-{self.fingerprint}"

    def read_index(self) -> tuple[int, dict[str, tuple[int, int, int, bytes]]]:
        """When the stat index was written, and its entries."""
        data = _read_pickle(self.directory / "files.pkl")
        if (
            isinstance(data, tuple)
            and len(data) == 3
            and data[0] == self.max_bytes
            and isinstance(data[2], dict)
        ):
            return int(data[1]), data[2]
        return 0, {}

    def write_index(self, entries: dict[str, tuple[int, int, int, bytes]]) -> None:
        """Remember the stat and key of every file, and when."""
        blob = pickle.dumps((self.max_bytes, time.time_ns(), entries), protocol=_PICKLE)
        _write_bytes(self.directory / "files.pkl", blob)
        self._drop_other_versions()

    def read_shards(self) -> tuple[dict[bytes, Document], list[Path]]:
        """Every cached document by content key, and the shard files holding them."""
        docs: dict[bytes, Document] = {}
        shards = sorted(self.directory.glob("parse-*.pkl")) if self.directory.is_dir() else []
        for shard in shards:
            entries = _read_pickle(shard)
            if not isinstance(entries, list):
                continue
            for entry in entries:
                if isinstance(entry, tuple) and len(entry) == 3 and entry[1] is not None:
                    docs[entry[1]] = entry[2]
        return docs, shards

    def new_shard(self) -> Path:
        """A fresh shard file name."""
        return self.directory / f"parse-{time.time_ns():x}-{os.getpid()}-{os.urandom(3).hex()}.pkl"

    def write_shard(self, entries: list[tuple[str, bytes | None, Document]]) -> Path:
        """Write documents as one new shard."""
        path = self.new_shard()
        _write_bytes(path, pickle.dumps(entries, protocol=_PICKLE))
        return path

    def read_result(self, key: bytes) -> LintResult | None:
        """The lint result stored under *key*, if it is the one stored."""
        data = _read_pickle(self.directory / "result.pkl")
        if isinstance(data, tuple) and len(data) == 2 and data[0] == key:
            return data[1]  # type: ignore[no-any-return]
        return None

    def write_result(self, key: bytes, result: LintResult) -> None:
        """Store the result of this run."""
        _write_bytes(self.directory / "result.pkl", pickle.dumps((key, result), protocol=_PICKLE))

    def _drop_other_versions(self) -> None:
        base = self.root / CACHE_DIR
        try:
            for other in base.iterdir():
                if other.is_dir() and other.name.startswith("v") and other != self.directory:
                    for file in other.iterdir():
                        file.unlink()
                    other.rmdir()
        except OSError:
            pass


@dataclass
class _Scan:
    """The files of the tree with what the stat index already knows of them."""

    paths: list[str]
    problems: list[Diagnostic]
    keys: dict[str, bytes] = field(default_factory=dict)
    stats: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)


def _scan(cache: ParseCache, source: FsSource) -> _Scan:
    paths = source.list_files()
    scan = _Scan(paths, source.problems())
    written, index = cache.read_index()
    trusted_before = written - RACY_NS
    root = str(cache.root) + os.sep
    for path in paths:
        try:
            st = os.stat(root + path)
        except OSError:
            scan.unknown.append(path)
            continue
        stat = (st.st_size, st.st_mtime_ns, st.st_ino)
        scan.stats[path] = stat
        known = index.get(path)
        if known is not None and known[:3] == stat and st.st_mtime_ns < trusted_before:
            scan.keys[path] = known[3]
        else:
            scan.unknown.append(path)
    return scan


def _result_key(
    cache: ParseCache, project: Project, ctx: LintContext, selection: Selection, scan: _Scan
) -> bytes:
    h = hashlib.blake2b(digest_size=20)
    h.update(cache.fingerprint.encode())
    h.update(project.config.model_dump_json().encode())
    h.update(ctx.today.isoformat().encode())
    h.update(repr(sorted((c, s.value) for c, s in selection.severities.items())).encode())
    h.update(repr([(d.code, d.file, d.message) for d in scan.problems]).encode())
    for path in scan.paths:
        h.update(path.encode() + b"\0" + scan.keys[path])
    return h.digest()


def _parallel(
    cache: ParseCache, paths: list[str], write_shards: bool
) -> Iterator[tuple[str, bytes | None, Document]]:
    """Parse *paths* in worker processes, chunk by chunk, in path order."""
    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    root = str(cache.root)
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        futures: list[Future[bytes]] = [
            pool.submit(
                parse_chunk,
                root,
                chunk,
                cache.max_bytes,
                str(cache.new_shard()) if write_shards else None,
            )
            for chunk in chunks
        ]
        for future in futures:
            yield from pickle.loads(future.result())


def _serial(
    cache: ParseCache, paths: list[str], raws: dict[str, bytes]
) -> Iterator[tuple[str, bytes | None, Document]]:
    for path in paths:
        raw = raws.get(path)
        if raw is None:
            try:
                raw = (cache.root / path).read_bytes()
            except OSError as exc:
                yield path, None, unreadable(path, exc)
                continue
        doc = compact(load_document(path, raw, max_bytes=cache.max_bytes))
        yield path, content_key(path, raw), doc


def load_cached_documents(
    cache: ParseCache,
    scan: _Scan,
    raws: dict[str, bytes] | None = None,
    *,
    parallel: bool | None = None,
    write: bool = True,
) -> list[Document]:
    """Every document of the scanned tree: from the cache if known, else parsed now.

    *raws* holds the bytes of files already read (to hash them); the others are
    read here, by worker processes when there are many.
    """
    raws = raws or {}
    cached, shards = cache.read_shards() if scan.keys else ({}, [])
    docs: dict[str, Document] = {}
    missing: list[str] = []
    for path in scan.paths:
        key = scan.keys.get(path)
        doc = cached.get(key) if key is not None else None
        if doc is None:
            missing.append(path)
        else:
            docs[path] = doc
    if parallel is None:
        parallel = len(missing) >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) >= 2
    fresh: list[tuple[str, bytes | None, Document]] = []
    if parallel:
        fresh.extend(_parallel(cache, missing, write))
    else:
        fresh.extend(_serial(cache, missing, raws))
        if write and fresh:
            shards.append(cache.write_shard(fresh))
    for path, key, doc in fresh:
        docs[path] = doc
        if key is not None:
            scan.keys[path] = key
            cached[key] = doc
    if write:
        _compact_shards(cache, cached, shards, scan)
    return [docs[p] for p in scan.paths]


def _compact_shards(
    cache: ParseCache, cached: dict[bytes, Document], shards: list[Path], scan: _Scan
) -> None:
    """Rewrite the shards when they hold far more dead documents than live ones."""
    live = {scan.keys[p] for p in scan.paths if p in scan.keys}
    if len(shards) <= 32 and len(cached) <= 2 * len(live) + 100:
        return
    entries: list[tuple[str, bytes | None, Document]] = [
        (p, scan.keys[p], cached[scan.keys[p]])
        for p in scan.paths
        if p in scan.keys and scan.keys[p] in cached
    ]
    new = [cache.write_shard(entries[i : i + 5000]) for i in range(0, len(entries), 5000)]
    for shard in shards:
        if shard not in new:
            with contextlib.suppress(OSError):
                shard.unlink()


def _problem_documents(problems: Iterable[Diagnostic]) -> list[Document]:
    out = []
    for problem in problems:
        doc = Document(path=problem.file, kind=None)
        doc.diagnostics.append(problem)
        out.append(doc)
    return out


@dataclass
class CachedRun:
    """A result with the stats of what it was computed from (for ``lint.quick``)."""

    result: LintResult
    dirs: dict[str, Stat]
    files: dict[str, Stat]


def cached_lint(project: Project, ctx: LintContext, selection: Selection) -> CachedRun:
    """Lint the working tree, reusing everything the cache holds."""
    from ictgov.lint.engine import run_rules
    from ictgov.load.tree import build_tree

    cache = ParseCache(project.root, project.config.max_file_bytes)
    source = FsSource(project.root)
    enabled = gc.isenabled()
    gc.disable()  # the loader makes millions of acyclic objects: collecting is pure cost
    try:
        dirs = directory_stats(project.root)  # before listing: a later change shows
        scan = _scan(cache, source)
        raws: dict[str, bytes] = {}
        if len(scan.unknown) < PARALLEL_THRESHOLD:  # hash the few changed files here
            for path in scan.unknown:
                try:
                    raws[path] = raw = (cache.root / path).read_bytes()
                except OSError:
                    continue
                scan.keys[path] = content_key(path, raw)
            if all(p in scan.keys for p in scan.paths):
                hit = cache.read_result(_result_key(cache, project, ctx, selection, scan))
                if hit is not None:
                    _remember_index(cache, scan)
                    return CachedRun(hit, dirs, scan.stats)
        docs = load_cached_documents(cache, scan, raws)
        docs += _problem_documents(scan.problems)
        tree = build_tree(docs, label=source.label)
        result = run_rules(tree, ctx, selection)
        _remember(cache, scan, project, ctx, selection, result)
        return CachedRun(result, dirs, scan.stats)
    finally:
        if enabled:
            gc.enable()


def _remember(
    cache: ParseCache,
    scan: _Scan,
    project: Project,
    ctx: LintContext,
    selection: Selection,
    result: LintResult,
) -> None:
    index = _remember_index(cache, scan)
    if all(p in index for p in scan.paths) and not result.crashed:
        cache.write_result(_result_key(cache, project, ctx, selection, scan), result)


def _remember_index(cache: ParseCache, scan: _Scan) -> dict[str, tuple[int, int, int, bytes]]:
    """Write the stat index (only when something in it changed) and return it."""
    root = str(cache.root) + os.sep
    index: dict[str, tuple[int, int, int, bytes]] = {}
    for path in scan.paths:
        key = scan.keys.get(path)
        stat = scan.stats.get(path)
        if key is None or stat is None:
            continue
        try:
            st = os.stat(root + path)
        except OSError:
            continue
        if (st.st_size, st.st_mtime_ns, st.st_ino) == stat:  # unchanged while we read it
            index[path] = (*stat, key)
    if scan.unknown:
        cache.write_index(index)
    return index
