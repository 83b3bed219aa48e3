"""Run a list of rendering tasks on every core, this process included.

Forked workers inherit the computed views, so only task numbers go in and only
finished text comes out (through a temporary file per worker, which the worker
appends each result to, so it never waits for this process to read; this process
reads the results as they are reported, between its own tasks and while it waits). The tasks
are shared out as they go (a worker that is slowed down, say by another program
on the machine, simply takes fewer), and the
workers take them from the front of the list while this process takes them from
the back: with HTML tasks listed before Markdown ones, each process mostly renders
one format and compiles only that format's templates, after the fork and so at the
same time. The result is the union of every task's output, whatever the split.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any, BinaryIO, TypeVar

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


def run(
    tasks: Sequence[T], work: Work[T], count: int, done: Callable[[], None] | None = None
) -> dict[str, str]:
    """Every task's output, rendered in *count* processes (this one and forked workers).

    *done* is called in this process as each task is finished, wherever it ran.
    """
    done = done or _nothing
    if count <= 1 or len(tasks) <= 1:
        return _serial(tasks, work, done)
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

    def serve(send: Connection, sink: BinaryIO) -> None:
        """In a forked worker: tasks from the front, each result appended to *sink*.

        After each one the worker says where it lies in the file, so this process
        can read it while the worker goes on.
        """
        try:
            while (index := take(True)) is not None:
                start = sink.tell()
                pickle.dump(work(tasks[index]), sink, protocol=pickle.HIGHEST_PROTOCOL)
                sink.flush()
                send.send(("part", (start, sink.tell())))
            send.send(("done", None))
        except BaseException as exc:  # handed to the parent, which raises it
            try:
                send.send(("error", exc))
            except Exception as problem:  # e.g. an exception that cannot be pickled
                send.send(("error", RuntimeError(f"a render worker failed: {problem!r}")))
        finally:
            send.close()

    # Keep the collector from touching (and so copying) the objects the workers inherit.
    with frozen_heap():
        return _share(tasks, work, count - 1, context, take, serve, done)


def _share(
    tasks: Sequence[T],
    work: Work[T],
    forks: int,
    context: Any,
    take: Callable[[bool], int | None],
    serve: Callable[[Connection, BinaryIO], None],
    done: Callable[[], None],
) -> dict[str, str]:
    """Start *forks* workers, render from the back here, then gather everything."""
    workers: list[_Worker] = []
    try:
        for _ in range(forks):
            try:
                sink = tempfile.TemporaryFile()  # noqa: SIM115 - closed by _Worker.close
            except OSError:  # no room for temporary files: this one does the rest
                break
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=serve, args=(send, sink), daemon=True)
            try:
                process.start()
            except OSError:  # no more processes allowed: this one does the rest
                receive.close()
                send.close()
                sink.close()
                break
            send.close()
            workers.append(_Worker(process, receive, sink, done))
        out: dict[str, str] = {}
        while (index := take(False)) is not None:
            if not all([w.collect(wait=False) for w in workers]):
                break  # a worker failed: its error is raised below
            out.update(work(tasks[index]))
            done()
        for w in workers:
            w.collect(wait=True)
            out.update(w.result())
        return out
    finally:
        for w in workers:
            w.close()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the cyclic garbage collector away from every object that exists now.

    Rendering allocates a lot, and each full collection would walk the whole tree
    and its views (tenths of a second on a big site) only to find them alive; in
    forked workers it would also copy the pages it touches. Objects made inside
    are collected as usual. Nested use keeps the outermost freeze.
    """
    outermost = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        yield
    finally:
        if outermost:
            gc.unfreeze()


class _Worker:
    """A forked worker: its process, the pipe it reports on, the file of its results."""

    def __init__(
        self, process: Any, receive: Connection, sink: BinaryIO, done: Callable[[], None]
    ) -> None:
        self.process = process
        self.on_part = done
        self.receive = receive
        self.sink = sink
        self.results: dict[str, str] = {}
        self.done = False
        self.error: BaseException | None = None

    def collect(self, wait: bool) -> bool:
        """Read the results the worker has reported; with *wait*, until it has finished.

        Returns False once the worker has failed. The file is read with ``pread``,
        which leaves alone the position the worker writes at.
        """
        while not self.done and self.error is None and (wait or self.receive.poll()):
            try:
                status, payload = self.receive.recv()
            except EOFError:
                self.process.join()
                code = self.process.exitcode
                self.error = RuntimeError(f"a render worker stopped (exit code {code})")
                break
            if status == "part":
                start, end = payload
                self.results.update(pickle.loads(os.pread(self.sink.fileno(), end - start, start)))
                self.on_part()
            elif status == "done":
                self.done = True
            else:
                self.error = payload
        return self.error is None

    def result(self) -> dict[str, str]:
        """Everything the worker rendered; raises what the worker raised."""
        if self.error is not None:
            raise self.error
        return self.results

    def close(self) -> None:
        """End the process if it still runs; close the pipe and the file."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.receive.close()
        self.sink.close()


def _serial(tasks: Sequence[T], work: Work[T], done: Callable[[], None]) -> dict[str, str]:
    out: dict[str, str] = {}
    for task in tasks:
        out.update(work(task))
        done()
    return out


def _nothing() -> None:
    """No one is told of progress."""
