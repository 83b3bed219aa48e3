"""Rendering in worker processes: the same files as in one process, errors come back."""

from __future__ import annotations

import gc
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest

from ictgov.project import Project
from ictgov.render import parallel
from ictgov.render.engine import TemplateProblem
from ictgov.render.site import RenderOptions, build_site, plan_pages, plan_tasks
from tests.conftest import TODAY
from tests.render.conftest import render


def _square(n: int) -> dict[str, str]:
    return {f"{n:03d}": str(n * n), f"pid-{n:03d}": str(os.getpid())}


def test_every_task_is_done_once_whatever_the_process() -> None:
    tasks = list(range(40))
    out = parallel.run(tasks, _square, 2)
    assert {k: v for k, v in out.items() if not k.startswith("pid")} == {
        f"{n:03d}": str(n * n) for n in tasks
    }
    assert parallel.run(tasks, _square, 1).keys() == out.keys()


def test_this_process_and_a_worker_share_the_tasks(tmp_path: Path) -> None:
    """With two processes, both render: this one waits in its first task for the worker."""
    parent = os.getpid()
    marker = tmp_path / "a-worker-ran"

    def work(n: int) -> dict[str, str]:
        if os.getpid() == parent:
            deadline = time.monotonic() + 120  # a loaded CI machine starts a worker slowly
            while not marker.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
        else:
            marker.touch()
        return _square(n)

    out = parallel.run(list(range(40)), work, 2)
    pids = {v for k, v in out.items() if k.startswith("pid")}
    assert len(pids) == 2 and str(parent) in pids
    assert parallel.run(list(range(40)), _square, 1).keys() == out.keys()


def _fail_on_first(n: int) -> dict[str, str]:
    if n == 0:  # the first task: the worker's, unless this process got there first
        raise TemplateProblem("html/page.html:3: broken")
    return {str(n): ""}


def test_an_error_in_a_task_is_raised_here() -> None:
    with pytest.raises(TemplateProblem, match=r"page\.html:3"):
        parallel.run(list(range(6)), _fail_on_first, 2)


def test_user_template_error_is_reported_from_a_worker(
    minimal_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = minimal_root / "templates" / "html" / "measure.html"
    path.parent.mkdir(parents=True)
    path.write_text("{{ nothing_here }}", encoding="utf-8")
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    with pytest.raises(TemplateProblem, match="nothing_here"):
        render(minimal_root, TODAY)


def test_the_number_of_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(parallel.WORKERS_ENV, raising=False)
    assert parallel.processes(tasks=10, pages=10, parallel_from=400) == 1
    assert parallel.processes(tasks=1, pages=5000, parallel_from=400) == 1
    monkeypatch.setenv(parallel.WORKERS_ENV, "3")
    assert parallel.processes(tasks=10, pages=10, parallel_from=400) == 3
    monkeypatch.setenv(parallel.WORKERS_ENV, "0")
    assert parallel.processes(tasks=10, pages=5000, parallel_from=400) == 1


_PARENT = os.getpid()


def _die_in_a_worker(n: int) -> dict[str, str]:
    if os.getpid() != _PARENT:
        os._exit(3)
    time.sleep(0.01)  # leave the worker time to start and take a task
    return {str(n): ""}


def test_a_worker_that_dies_is_reported() -> None:
    with pytest.raises(RuntimeError, match="exit code 3"):
        parallel.run(list(range(40)), _die_in_a_worker, 2)


def test_the_heap_is_frozen_while_rendering_and_thawed_after(minimal_root: Path) -> None:
    assert gc.get_freeze_count() == 0
    with parallel.frozen_heap():
        assert gc.get_freeze_count() > 0
        with parallel.frozen_heap():
            pass
        assert gc.get_freeze_count() > 0  # the inner one leaves the outer freeze alone
    assert gc.get_freeze_count() == 0
    render(minimal_root, TODAY, languages=("fi",))
    assert gc.get_freeze_count() == 0


def test_without_temporary_files_this_process_does_all(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_room() -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", no_room)
    out = parallel.run(list(range(10)), _square, 2)
    assert {v for k, v in out.items() if k.startswith("pid")} == {str(os.getpid())}


def test_the_task_plan_covers_every_page_once_per_language_and_format(
    minimal_root: Path,
) -> None:
    tree = Project.open(minimal_root).tree()
    for options in (
        RenderOptions(),
        RenderOptions(formats=("md",), languages=("sv",)),
        RenderOptions(single_file=True),
    ):
        site = build_site(tree, TODAY, 120, options, "fi")
        pages = plan_pages(site)
        tasks = plan_tasks(pages, options)
        seen = Counter((lang, fmt, i) for lang, fmt, indices in tasks for i in indices)
        expected = {
            (lang, fmt, i)
            for lang in options.languages
            for fmt in options.formats
            for i in range(len(pages))
        }
        assert set(seen) == expected and set(seen.values()) == {1}
        # HTML first, Markdown last; measure pages in the middle, where processes meet.
        fmts = [fmt for _, fmt, _ in tasks]
        assert fmts == sorted(fmts, key=lambda f: f != "html")
        if not options.single_file and len(options.formats) == 2:
            middle = tasks[len(tasks) // 2 - 1 : len(tasks) // 2 + 1]
            assert all(pages[i].kind == "measure" for _, _, ix in middle for i in ix)
