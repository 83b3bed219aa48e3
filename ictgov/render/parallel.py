"""Run a list of rendering tasks on every core, this process included.

Forked workers inherit the computed views, so only task numbers go in and only
finished text comes out. The tasks are shared out as they go (a worker that is
slowed down, say by another program on the machine, simply takes fewer), and the
workers take them from the front of the list while this process takes them from
the back: with HTML tasks listed before Markdown ones, each process mostly renders
one format and compiles only that format's templates, after the fork and so at the
same time. The result is the union of every task's output, whatever the split.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")
Work = Callable[[T], dict[str, str]]

#: Set to a number to choose how many processes render (1 renders in this process).
WORKERS_ENV = "ICTGOV_RENDER_WORKERS"


def processes(tasks: int, pages: int, parallel_from: int) -> int:
    """How many processes to use: one per available core for big sites, where fork exists."""
    wanted = os.environ.get(WORKERS_ENV, "").strip()
    if wanted.isdigit():
        limit = max(1, int(wanted))
    elif pages < parallel_from:
        return 1
    else:
        limit = _cores()
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(limit, tasks))


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def run(tasks: Sequence[T], work: Work[T], count: int) -> dict[str, str]:
    """Every task's output, rendered in *count* processes (this one and forked workers)."""
    if count <= 1 or len(tasks) <= 1:
        return _serial(tasks, work)
    context = multiprocessing.get_context("fork")
    lock = context.Lock()
    # Next task from the front (workers) and one past the last from the back (this process).
    front = context.RawValue("i", 0)
    back = context.RawValue("i", len(tasks))

    def take(from_front: bool) -> int | None:
        with lock:
            if front.value >= back.value:
                return None
            if from_front:
                front.value += 1
                return int(front.value - 1)
            back.value -= 1
            return int(back.value)

    def drain(from_front: bool) -> dict[str, str]:
        out: dict[str, str] = {}
        while (index := take(from_front)) is not None:
            out.update(work(tasks[index]))
        return out

    # Keep the collector from touching (and so copying) the objects the workers inherit.
    gc.freeze()
    workers: list[tuple[Any, Connection]] = []
    try:
        for _ in range(count - 1):
            receive, send = context.Pipe(duplex=False)
            worker = context.Process(target=_worker, args=(drain, send), daemon=True)
            try:
                worker.start()
            except OSError:  # no more processes allowed: this one does the rest
                receive.close()
                send.close()
                break
            send.close()
            workers.append((worker, receive))
        out = drain(False)
        for worker, receive in workers:
            out.update(_result(worker, receive))
        return out
    finally:
        for worker, receive in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
            receive.close()
        gc.unfreeze()


def _serial(tasks: Sequence[T], work: Work[T]) -> dict[str, str]:
    out: dict[str, str] = {}
    for task in tasks:
        out.update(work(task))
    return out


def _worker(drain: Callable[[bool], dict[str, str]], send: Connection) -> None:
    """In a forked worker: render tasks from the front, send back the text or the error."""
    try:
        payload: tuple[str, Any] = ("ok", drain(True))
    except BaseException as exc:  # handed to the parent, which raises it
        payload = ("error", exc)
    try:
        send.send(payload)
    except Exception as exc:  # e.g. an exception that cannot be pickled
        send.send(("error", RuntimeError(f"a render worker failed: {exc!r}")))
    finally:
        send.close()


def _result(worker: Any, receive: Connection) -> dict[str, str]:
    try:
        status, payload = receive.recv()
    except EOFError:
        worker.join()
        raise RuntimeError(f"a render worker stopped (exit code {worker.exitcode})") from None
    worker.join()
    if status == "error":
        raise payload
    result: dict[str, str] = payload
    return result
