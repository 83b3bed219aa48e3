"""Parse the files of a cold, big tree on every core.

Parsing YAML is most of a cold load, and each file stands alone: so when many
files are not in the parse cache, worker processes parse them in chunks. Only
plain data crosses between processes: paths go in, and the cache entries come
back as JSON text (``plain``), which each worker also writes as a shard of the
parse cache. Validation, the tree and every lint rule stay in the calling
process; nothing here knows about them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ictgov import cachedir
from ictgov.load.plain import Parsed, content_key, from_json, parse, to_json

#: Fewer files than this are parsed here: starting workers would cost more.
PARALLEL_FROM = 500
#: Files per task at least, and at most (each task writes one shard of the cache).
CHUNK = 200
MAX_CHUNK = 5000
#: Tasks per worker: enough to even out a worker slowed down by other programs.
TASKS_PER_WORKER = 4

#: A worker's answer for one file: its content key and entry, or why it was unreadable.
Outcome = tuple[str, Parsed] | OSError


def workers() -> int:
    """How many processes to parse in: the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def parse_chunk(root: str, paths: list[str], max_bytes: int, shard: str | None) -> str:
    """In a worker: read and parse *paths*; write them as a shard; return them as JSON."""
    out: dict[str, list[object]] = {}
    entries: dict[str, object] = {}
    for path in paths:
        try:
            raw = (Path(root) / path).read_bytes()
        except OSError as exc:
            out[path] = ["", exc.strerror or str(exc)]
            continue
        content = content_key(path, raw)
        entries[content] = entry = to_json(parse(path, raw, max_bytes))
        out[path] = [content, entry]
    if shard is not None:
        cachedir.write_json(Path(shard), "parse", entries)
    return json.dumps(out)


def parse_many(
    root: Path,
    paths: list[str],
    max_bytes: int,
    shard: Callable[[], Path | None],
) -> Iterator[dict[str, Outcome]] | None:
    """Each path's outcome, chunk by chunk as workers finish; None when they cannot run.

    The caller validates a chunk while the workers parse the next ones. *shard*
    names a new shard file for each chunk (None: write none).
    """
    count = min(workers(), (len(paths) + CHUNK - 1) // CHUNK)
    if count < 2:
        return None
    size = min(MAX_CHUNK, max(CHUNK, -(-len(paths) // (TASKS_PER_WORKER * count))))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    try:
        pool = ProcessPoolExecutor(max_workers=count)
        futures = []
        for chunk in chunks:
            name = shard()
            target = None if name is None else str(name)
            futures.append(pool.submit(parse_chunk, str(root), chunk, max_bytes, target))
    except (OSError, RuntimeError, BrokenProcessPool):  # no processes here: parse alone
        return None
    return _outcomes(pool, futures)


def _outcomes(
    pool: ProcessPoolExecutor, futures: list[Future[str]]
) -> Iterator[dict[str, Outcome]]:
    with pool:
        for future in as_completed(futures):
            try:
                answer = future.result()
            except Exception:  # a worker died or could not start: the rest is parsed here
                return
            outcomes: dict[str, Outcome] = {}
            for path, (content, entry) in json.loads(answer).items():
                parsed = from_json(entry) if content else None
                outcomes[path] = OSError(0, str(entry)) if parsed is None else (content, parsed)
            yield outcomes
