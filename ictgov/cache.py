"""The parse cache under ``<root>/.ictgov-cache/``, and parallel loading of large trees.

Layers, each a pickle signed with a per-user key (``lint.sealed``: a cache
committed into a cloned repository is never unpickled) and written atomically
(temporary file, then ``os.replace``), each ignored and rebuilt when unreadable,
corrupt, or written by another ictgov version or code (never an error):

- ``files.pkl``: path -> (size, mtime, inode, content key), as git's index does,
  so that a run need not read every file to know which changed. A file modified
  too close to when the index was written is hashed again.
- ``parse-*.pkl``: shards of parsed files by content key (a hash of the path and
  the bytes): the YAML data, its problems and suppression comments. Parsing is
  the expensive step; validation is redone from the data, and a file's source
  map is rebuilt only when a finding needs a position in it.
- ``result.pkl``: the last result with its key (every content key, the
  configuration, today, the selected rules, the code). (``lint.quick`` keeps the
  result of an unchanged tree too, checkable without importing the model.)

A large cold tree is parsed by two worker processes. Each also validates its
files, runs the item-scope rules on them (see ``Rule.scope``) and returns only
its findings and a skeleton of each measure, which is what the tree-scope rules
read; and it writes its own cache shard.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import time
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ictgov import cachedir
from ictgov.diagnostics import FILE_UNREADABLE, Diagnostic
from ictgov.lint import sealed
from ictgov.lint.quick import Stat, code_fingerprint, directory_stats, stamp
from ictgov.load.document import (
    DEFAULT_MAX_BYTES,
    Document,
    SourceRef,
    data_relpath,
    decode,
    parse_document,
    validate_document,
)
from ictgov.load.source import FsSource
from ictgov.load.sourcemap import DataPath, Position, SourceMap
from ictgov.load.yaml12 import parse_yaml
from ictgov.model import Measure, Schedule
from ictgov.model.files import KINDS, STRATEGY, kind_for

if TYPE_CHECKING:
    from ictgov.lint.result import LintResult
    from ictgov.lint.rule import LintContext
    from ictgov.lint.selection import Selection
    from ictgov.load.tree import Tree
    from ictgov.project import Project

CACHE_DIR = cachedir.CACHE_DIR
#: Bump when the layout or the cached structures change.
FORMAT = 3
#: Below this many files to parse, worker processes cost more than they save.
PARALLEL_THRESHOLD = 500
WORKERS = 2
#: Files per task: small enough to balance the two workers, large enough to be cheap.
CHUNK = (100, 1000)
#: A file modified this close to the writing of the index is hashed again (racy-git rule).
RACY_NS = 2_000_000_000
_PICKLE = pickle.HIGHEST_PROTOCOL

#: A parsed file as cached: path, key, ready-to-validate, data, problems, suppressions.
Entry = tuple[str, bytes, bool, Any, tuple[Diagnostic, ...], dict[int, frozenset[str]]]


def content_key(path: str, raw: bytes) -> bytes:
    """What a loaded document depends on: its path and its bytes."""
    h = hashlib.blake2b(digest_size=20)
    h.update(path.encode("utf-8", "surrogateescape") + b"\0")  # file names need not be UTF-8
    h.update(raw)
    return h.digest()


class LazySourceMap(SourceMap):
    """A source map rebuilt from the file when a position is first asked for.

    Most files have no finding, so most source maps are never needed: not
    keeping them makes cached and worker-loaded documents cheap to move around.
    If the file changed meanwhile, positions fall back to line 1.
    """

    __slots__ = ("_file", "_key", "_rel")

    def __init__(self, file: str, rel: str, key: bytes | None) -> None:
        self._file, self._rel, self._key = file, rel, key

    def __getattr__(self, name: str) -> Any:
        if name != "positions":
            raise AttributeError(name)
        positions: dict[DataPath, Position] = {}
        try:
            raw = Path(self._file).read_bytes()
        except OSError:
            raw = b""
        if self._key is None or content_key(self._rel, raw) == self._key:
            text, _ = decode(self._rel, raw)
            if text is not None:
                positions = parse_yaml(text).source_map.positions
        self.positions = positions
        return positions

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazySourceMap, (self._file, self._rel, self._key))


def unreadable(path: str, exc: OSError) -> Document:
    """The document of a file that could not be read, as ``load_documents`` makes it."""
    doc = Document(path=path, kind=None)
    doc.diagnostics.append(
        FILE_UNREADABLE.at(f"cannot read the file ({exc.strerror or exc}); check it", path)
    )
    return doc


def _parse(root: str, path: str, raw: bytes, max_bytes: int) -> tuple[Document, Entry]:
    """Parse (not validate) one file; the cache entry is taken before validation."""
    doc, ready = parse_document(path, raw, max_bytes=max_bytes, positions=False)
    doc.text = ""
    key = content_key(path, raw)
    entry: Entry = (path, key, ready, doc.data, tuple(doc.diagnostics), doc.suppressions)
    doc.source_map = LazySourceMap(os.path.join(root, path), path, key)
    if ready:
        validate_document(doc)
    return doc, entry


def from_entry(root: str, entry: Entry) -> Document:
    """A validated document from a cache entry, without parsing."""
    path, key, ready, data, problems, suppressions = entry
    doc = Document(
        path=path,
        kind=kind_for(data_relpath(path)),
        data=data,
        source_map=LazySourceMap(os.path.join(root, path), path, key),
        diagnostics=list(problems),
        suppressions=suppressions,
    )
    if ready:
        validate_document(doc)
    return doc


_KINDS = {kind.name: kind for kind in KINDS}
_EMPTY_MEASURE_PARTS: dict[str, Any] = {
    "schedule": Schedule(),
    "description": None,
    "notes": None,
    "updates": [],
    "indicator": None,
    "links": [],
    "tags": [],
}


def skeleton(doc: Document) -> Document:
    """The document as the main process needs it after the item rules ran in a worker."""
    model = doc.model
    if isinstance(model, Measure):
        # A shallow copy with the bulky fields emptied (model_construct is far slower).
        slim = model.model_copy()
        slim.__dict__.update(_EMPTY_MEASURE_PARTS)
        private = slim.__pydantic_private__
        if private is not None:  # a dataclass, slow to unpickle: ``adopt`` sets it again
            private["_source"] = None
        doc.model = slim
    if not doc.diagnostics:
        doc.data = None
    return doc


def adopt(doc: Document) -> Document:
    """A skeleton back in the main process: its kind and its measure's source again."""
    if doc.kind is not None:  # the loader's own constant, not an unpickled copy
        doc.kind = _KINDS[doc.kind.name]
    model = doc.model
    if isinstance(model, Measure):
        private = model.__pydantic_private__
        if private is not None:  # straight into the dict: BaseModel.__setattr__ is slow
            private["_source"] = SourceRef(doc.path, ())
        else:  # pragma: no cover - pydantic always keeps a dict for private attributes
            model._source = SourceRef(doc.path, ())
    return doc


def lint_chunk(
    root: str,
    paths: list[str],
    max_bytes: int,
    shard: str | None,
    context: list[Document],
    ctx: LintContext,
    selection: Selection,
) -> bytes:
    """Worker: load *paths*, run the item rules on them, return findings and skeletons."""
    from ictgov.lint.engine import run_item_rules
    from ictgov.load.tree import build_tree

    gc.disable()
    docs: list[Document] = []
    entries: list[Entry] = []
    for path in paths:
        try:
            with open(os.path.join(root, path), "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            docs.append(unreadable(path, exc))
            continue
        doc, entry = _parse(root, path, raw, max_bytes)
        docs.append(doc)
        entries.append(entry)
    if shard is not None:
        sealed.write(Path(shard), entries)
    mini = build_tree([*context, *docs])
    found, crashed = run_item_rules(mini, ctx, selection, set(paths))
    keys = {entry[0]: entry[1] for entry in entries}
    return pickle.dumps(([skeleton(d) for d in docs], keys, found, crashed), protocol=_PICKLE)


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

    def usable(self, *, create: bool = False) -> bool:
        """Whether the cache folder and this version's folder are real directories."""
        base = cachedir.base(self.root, create=create)
        return (
            base is not None
            and cachedir.subdir(base, self.directory.name, create=create) is not None
        )

    def read_index(self) -> tuple[int, dict[str, tuple[int, int, int, int, bytes]]]:
        """When the stat index was written, and its entries."""
        if not self.usable():
            return 0, {}
        data = sealed.read(self.directory / "files.pkl")
        if isinstance(data, tuple) and len(data) == 3 and isinstance(data[2], dict):
            return int(data[1]), data[2]
        return 0, {}

    def write_index(
        self, entries: dict[str, tuple[int, int, int, int, bytes]], started: int
    ) -> None:
        """Remember the stat and key of every file, and when the run that saw them began.

        Any file modified after that moment is hashed again next time, so stats
        taken at any point of the run are safe to keep.
        """
        if not self.usable(create=True):
            return
        sealed.write(self.directory / "files.pkl", (FORMAT, started, entries))
        self._drop_other_versions()

    def read_shards(self) -> tuple[dict[bytes, Entry], list[Path]]:
        """Every cached entry by content key, and the shard files holding them."""
        entries: dict[bytes, Entry] = {}
        shards = sorted(self.directory.glob("parse-*.pkl")) if self.usable() else []
        for shard in shards:
            data = sealed.read(shard)
            if not isinstance(data, list):
                continue
            for entry in data:
                if isinstance(entry, tuple) and len(entry) == 6:
                    entries[entry[1]] = entry
        return entries, shards

    def new_shard(self) -> Path:
        """A fresh shard file name (its folder made if need be)."""
        self.usable(create=True)
        return self.directory / f"parse-{time.time_ns():x}-{os.getpid()}-{os.urandom(3).hex()}.pkl"

    def write_shard(self, entries: list[Entry]) -> Path:
        """Write entries as one new shard."""
        path = self.new_shard()
        sealed.write(path, entries)
        return path

    def read_result(self, key: bytes) -> LintResult | None:
        """The lint result stored under *key*, if it is the one stored."""
        if not self.usable():
            return None
        data = sealed.read(self.directory / "result.pkl")
        if isinstance(data, tuple) and len(data) == 2 and data[0] == key:
            return data[1]  # type: ignore[no-any-return]
        return None

    def write_result(self, key: bytes, result: LintResult) -> None:
        """Store the result of this run."""
        if self.usable(create=True):
            sealed.write(self.directory / "result.pkl", (key, result))

    def _drop_other_versions(self) -> None:
        """Remove other versions' folders; links are never followed (see ``cachedir``)."""
        cachedir.remove_tree_files(self.root / CACHE_DIR, keep=self.directory.name)


@dataclass
class _Scan:
    """The files of the tree with what the stat index already knows of them."""

    paths: list[str]
    problems: list[Diagnostic]
    keys: dict[str, bytes] = field(default_factory=dict)
    stats: dict[str, Stat] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    raws: dict[str, bytes] = field(default_factory=dict)
    dirs: dict[str, Stat] = field(default_factory=dict)

    def complete_stats(self, root: Path) -> None:
        """Stat the files not yet statted, and the folders (for ``lint.quick``)."""
        prefix = str(root) + os.sep
        for path in self.paths:
            if path not in self.stats:
                with contextlib.suppress(OSError):
                    self.stats[path] = stamp(os.stat(prefix + path))
        self.dirs = directory_stats(root)


def _scan(cache: ParseCache, source: FsSource) -> _Scan:
    paths = source.list_files()
    scan = _Scan(paths, source.problems())
    written, index = cache.read_index()
    if not index:  # cold: every file is unknown; stats are taken while workers parse
        scan.unknown = list(paths)
        return scan
    trusted_before = written - RACY_NS
    prefix = str(cache.root) + os.sep
    for path in paths:
        try:
            st = os.stat(prefix + path)
        except OSError:
            scan.unknown.append(path)
            continue
        stat = stamp(st)
        scan.stats[path] = stat
        known = index.get(path)
        if known is not None and known[:4] == stat and st.st_mtime_ns < trusted_before:
            scan.keys[path] = known[4]
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
        h.update(path.encode("utf-8", "surrogateescape") + b"\0" + scan.keys[path])
    return h.digest()


@dataclass
class Loaded:
    """Documents of a tree, with what workers already found in them."""

    #: Every document, in path order.
    docs: list[Document]
    #: Documents this process loaded in full (item rules run on these here).
    full: list[Document]
    findings: list[Diagnostic] = field(default_factory=list)
    crashed: list[tuple[str, str]] = field(default_factory=list)
    #: True when some documents are skeletons from workers.
    parallel: bool = False


def load_for_lint(
    cache: ParseCache,
    scan: _Scan,
    ctx: LintContext,
    selection: Selection,
    *,
    parallel: bool | None = None,
    write: bool = True,
) -> Loaded:
    """Every document of the scanned tree: cached files validated, others parsed now."""
    root = str(cache.root)
    cached, shards = cache.read_shards() if scan.keys else ({}, [])
    docs: dict[str, Document] = {}
    missing: list[str] = []
    for path in scan.paths:
        key = scan.keys.get(path)
        entry = cached.get(key) if key is not None else None
        if entry is None:
            missing.append(path)
        else:
            docs[path] = from_entry(root, entry)
    if parallel is None:
        parallel = len(missing) >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) >= 2
    loaded = Loaded([], [])
    fresh: list[Entry] = []
    if parallel:
        # The strategy files give the workers their context (e.g. the period).
        context = [p for p in missing if p.startswith("data/strategy/")]
        fresh = _serial(cache, scan, context, docs)
        in_context = set(context)
        missing = [p for p in missing if p not in in_context]
        try:
            _parallel(cache, scan, missing, docs, loaded, ctx, selection, write)
        except (OSError, RuntimeError, pickle.PickleError):  # no processes here: go on alone
            loaded = Loaded([], [])
        else:
            worker_paths = set(missing)
            loaded.full = [docs[p] for p in scan.paths if p not in worker_paths]
            loaded.parallel = True
            missing = []
    fresh += _serial(cache, scan, missing, docs)
    if write and fresh:
        shards.append(cache.write_shard(fresh))
    for entry in fresh:
        cached[entry[1]] = entry
    if write:
        _compact_shards(cache, cached, shards, scan)
    loaded.docs = [docs[p] for p in scan.paths]
    return loaded


def _serial(
    cache: ParseCache, scan: _Scan, paths: list[str], docs: dict[str, Document]
) -> list[Entry]:
    root = str(cache.root)
    fresh: list[Entry] = []
    for path in paths:
        raw = scan.raws.get(path)
        if raw is None:
            try:
                raw = (cache.root / path).read_bytes()
            except OSError as exc:
                docs[path] = unreadable(path, exc)
                continue
        doc, entry = _parse(root, path, raw, cache.max_bytes)
        docs[path] = doc
        scan.keys[path] = entry[1]
        fresh.append(entry)
    return fresh


def _parallel(
    cache: ParseCache,
    scan: _Scan,
    paths: list[str],
    docs: dict[str, Document],
    loaded: Loaded,
    ctx: LintContext,
    selection: Selection,
    write: bool,
) -> None:
    """Load *paths* in worker processes, chunk by chunk."""
    context = [docs[p] for p in scan.paths if p in docs and _is_strategy(docs[p])]
    size = max(CHUNK[0], min(CHUNK[1], len(paths) // (4 * WORKERS) + 1))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    root = str(cache.root)
    sealed.secret()  # read (or make) the key once, before the workers fork
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        futures: list[Future[bytes]] = [
            pool.submit(
                lint_chunk,
                root,
                chunk,
                cache.max_bytes,
                str(cache.new_shard()) if write else None,
                context,
                ctx,
                selection,
            )
            for chunk in chunks
        ]
        scan.complete_stats(cache.root)  # meanwhile
        for future in futures:
            chunk_docs, keys, found, crashed = pickle.loads(future.result())
            for doc in chunk_docs:
                docs[doc.path] = adopt(doc)
            scan.keys.update(keys)
            loaded.findings.extend(found)
            loaded.crashed.extend(crashed)


def _is_strategy(doc: Document) -> bool:
    return doc.kind is STRATEGY


def _compact_shards(
    cache: ParseCache, cached: dict[bytes, Entry], shards: list[Path], scan: _Scan
) -> None:
    """Rewrite the shards when they hold many dead entries, or are too many files."""
    live = [scan.keys[p] for p in scan.paths if scan.keys.get(p) in cached]
    if len(shards) <= 40 and len(cached) <= 2 * len(live) + 100:
        return
    entries = [cached[key] for key in live]
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
    #: When the run began: files modified since are not trusted by the next run.
    started: int


def cached_lint(
    project: Project, ctx: LintContext, selection: Selection, *, parallel: bool | None = None
) -> CachedRun:
    """Lint the working tree, reusing everything the cache holds."""
    from ictgov.lint.engine import run_rules
    from ictgov.load.tree import build_tree

    cache = ParseCache(project.root, project.config.max_file_bytes)
    source = FsSource(project.root)
    enabled = gc.isenabled()
    gc.disable()  # the loader makes millions of acyclic objects: collecting is pure cost
    started = time.time_ns()  # anything modified from now on is not trusted next time
    try:
        scan = _scan(cache, source)
        if len(scan.unknown) < PARALLEL_THRESHOLD:  # hash the few changed files here
            for path in scan.unknown:
                try:
                    scan.raws[path] = raw = (cache.root / path).read_bytes()
                except OSError:
                    continue
                scan.keys[path] = content_key(path, raw)
            if all(p in scan.keys for p in scan.paths):
                hit = cache.read_result(_result_key(cache, project, ctx, selection, scan))
                if hit is not None:
                    scan.complete_stats(cache.root)
                    _remember_index(cache, scan, started)
                    return CachedRun(hit, scan.dirs, scan.stats, started)
        loaded = load_for_lint(cache, scan, ctx, selection, parallel=parallel)
        problems = _problem_documents(scan.problems)
        tree = build_tree([*loaded.docs, *problems], label=source.label)
        item_tree: Tree | None = None
        if loaded.parallel:
            item_tree = build_tree([*loaded.full, *problems], label=source.label)
        result = run_rules(
            tree,
            ctx,
            selection,
            item_tree=item_tree,
            extra=loaded.findings,
            crashed=loaded.crashed,
        )
        if not scan.dirs:
            scan.complete_stats(cache.root)
        _remember(cache, scan, project, ctx, selection, result, started)
        return CachedRun(result, scan.dirs, scan.stats, started)
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
    started: int,
) -> None:
    index = _remember_index(cache, scan, started)
    if all(p in index for p in scan.paths) and not result.crashed:
        cache.write_result(_result_key(cache, project, ctx, selection, scan), result)


def _remember_index(
    cache: ParseCache, scan: _Scan, started: int
) -> dict[str, tuple[int, int, int, int, bytes]]:
    """Write the stat index (only when something in it changed) and return it."""
    index: dict[str, tuple[int, int, int, int, bytes]] = {}
    for path in scan.paths:
        key = scan.keys.get(path)
        stat = scan.stats.get(path)
        if key is not None and stat is not None:
            index[path] = (*stat, key)
    if scan.unknown:
        cache.write_index(index, started)
    return index
