"""The parse cache, the warm-run shortcut and parallel loading give the same findings.

Every rule case of tests/fixtures/lint/cases is linted serially without cache,
then cold through the cache in worker processes, then warm from the parse cache:
all three must agree. That also guards ``Rule.scope``: a tree rule reading a
measure field that workers do not send would differ here.
"""

from __future__ import annotations

import os
import pickle
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ictgov.cache import CACHE_DIR, ParseCache, cached_lint
from ictgov.lint import LintContext, build_selection, quick
from ictgov.lint.run import LintOptions, lint
from ictgov.project import Project
from tests.lint.helpers import CASE_TODAY, lint_root, located, make_tree
from tests.lint.test_cli import COMPLETED_AT_40
from tests.lint.test_rules import _cases


def _cached(root: Path, today: date = CASE_TODAY, parallel: bool | None = None) -> list[Any]:
    project = Project.open(root)
    lint_config = project.config.lint
    selection = build_selection(lint_config.select, lint_config.ignore, lint_config.severity)
    ctx = LintContext(today, project.config)
    return cached_lint(project, ctx, selection, parallel=parallel).result.diagnostics


def _age(root: Path) -> None:
    """Make every file look older than the racy window, as files usually are."""
    old = time.time() - 60
    for path in [root, *root.rglob("*")]:
        if CACHE_DIR not in path.parts:
            os.utime(path, (old, old))


@pytest.mark.parametrize("case", _cases())
def test_parallel_and_cached_runs_equal_the_plain_run(case: dict[str, Any], tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", case.get("files"), case.get("config"))
    today = case.get("today", CASE_TODAY)
    plain = lint_root(root, today)
    assert _cached(root, today, parallel=True) == plain  # cold, in worker processes
    _age(root)
    (root / CACHE_DIR / quick.QUICK_FILE).unlink(missing_ok=True)
    for directory in (root / CACHE_DIR).glob("v*"):
        (directory / "result.pkl").unlink(missing_ok=True)
    assert _cached(root, today) == plain  # warm: every file from the parse cache


def _run(root: Path, **kwargs: Any) -> list[tuple[str, str, int, int]]:
    outcome = lint(LintOptions(root=root, today="2024-12-31", **kwargs))
    return located(outcome.result.diagnostics)


def test_changed_file_is_read_again(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo")
    _age(root)
    assert _run(root) == []
    measure = root / "data/measures/m-gamma.yaml"
    measure.write_text(COMPLETED_AT_40, encoding="utf-8")
    assert _run(root) == [("ST01", "data/measures/m-gamma.yaml", 8, 11)]
    measure.write_text(COMPLETED_AT_40.replace("progress: 40", "progress: 100"), encoding="utf-8")
    assert _run(root) == []
    measure.unlink()
    assert _run(root) == []


def test_quick_answers_only_an_unchanged_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    _age(root)
    first = _run(root)
    calls: list[int] = []
    real = quick.probe

    def probe(request: quick.QuickRequest) -> quick.QuickHit | None:
        hit = real(request)
        calls.append(hit is not None)
        return hit

    monkeypatch.setattr(quick, "probe", probe)
    assert _run(root) == first and calls == [True]
    assert _run(root, select=["CM"]) == [] and calls[-1] is False  # other options
    (root / "ictgov.toml").write_text("stale_after_days = 30\n", encoding="utf-8")
    assert [f[0] for f in _run(root)] == ["FU01", "ST01"] and calls[-1] is False  # config
    _age(root)
    _run(root)
    assert _run(root) == _run(root) and calls[-1] is True
    (root / "data/measures/m-new.yaml").write_text(
        COMPLETED_AT_40.replace("m-gamma", "m-new"), encoding="utf-8"
    )
    assert len(_run(root)) == 3 and calls[-1] is False  # a new file


def test_corrupt_cache_files_are_ignored_and_rebuilt(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    _age(root)
    expected = _run(root)
    cache_files = [p for p in (root / CACHE_DIR).rglob("*.pkl")]
    assert {p.name.split("-")[0] for p in cache_files} >= {"files.pkl", "parse", "quick.pkl"}
    for path in cache_files:
        path.write_bytes(b"\x80\x05garbage")
    assert _run(root) == expected
    for path in (root / CACHE_DIR).rglob("*.pkl"):
        path.write_bytes(pickle.dumps({"something": "else"}))
    assert _run(root) == expected
    for path in (root / CACHE_DIR).rglob("*.pkl"):
        path.write_bytes(b"")
    assert _run(root) == expected


def test_other_code_version_uses_another_directory(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo")
    _run(root)
    old = ParseCache(root).directory
    assert old.is_dir()
    other = ParseCache(root, fingerprint="0123456789abcdef")
    other.write_index({}, time.time_ns())
    assert other.directory.is_dir() and not old.exists()


def test_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    (root / CACHE_DIR).write_text("not a directory", encoding="utf-8")
    assert _run(root) == [("ST01", "data/measures/m-gamma.yaml", 8, 11)]
    assert _run(root, use_cache=False) == [("ST01", "data/measures/m-gamma.yaml", 8, 11)]


def test_parallel_run_reports_a_crash_in_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ictgov.lint.rules.status import ProgressContradiction

    def boom(*args: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(ProgressContradiction, "check", boom)
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    found = _cached(root, parallel=True)
    assert [d.code for d in found] == ["LN01"]
    assert "ST01 (status.progress) failed: ZeroDivisionError: boom" in found[0].message


def test_warm_run_of_unchanged_tree_skips_the_model(tmp_path: Path) -> None:
    """The point of ``lint.quick``: no data model, no YAML, no rules on a warm run.

    (pydantic itself is imported by Typer 0.29 to coerce options.)
    """
    import subprocess
    import sys

    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    _age(root)
    code = (
        "import sys\n"
        "from ictgov.cli.main import app\n"
        "try:\n"
        f"    app(['lint', '--root', {str(root)!r}, '--today', '2024-12-31'])\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code)\n"
        "heavy = ('yaml', 'ictgov.model', 'ictgov.lint.rule')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert runs[0].stdout.splitlines()[-1] == "['ictgov.lint.rule', 'ictgov.model', 'yaml']"
    assert runs[1].stdout.splitlines()[-1] == "[]"
    assert runs[0].stdout.splitlines()[:-1] == runs[1].stdout.splitlines()[:-1]
    assert "exit 1" in runs[1].stdout and "ST01" in runs[1].stdout


class _Trap:
    """Unpickling this creates a file: proof that foreign bytes were unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.marker,))


def test_foreign_cache_files_are_never_unpickled(tmp_path: Path) -> None:
    """A .ictgov-cache committed into a cloned repository must not run code."""
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    _age(root)
    expected = _run(root)
    marker = tmp_path / "pwned"
    files = list((root / CACHE_DIR).rglob("*.pkl"))
    assert len(files) >= 4
    for path in files:
        path.write_bytes(b"\0" * 32 + pickle.dumps(_Trap(marker)))
    assert _run(root) == expected
    assert _run(root) == expected
    assert not marker.exists()


def test_without_a_usable_key_there_is_simply_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ictgov.lint import sealed

    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(sealed.KEY_ENV, str(blocker / "sub"))
    sealed.secret.cache_clear()
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    assert _run(root) == [("ST01", "data/measures/m-gamma.yaml", 8, 11)]
    assert not list((root / CACHE_DIR).rglob("*.pkl"))


def test_no_worker_processes_falls_back_to_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ictgov.cache

    def no_pool(*args: object, **kwargs: object) -> None:
        raise OSError("no processes for you")

    monkeypatch.setattr(ictgov.cache, "ProcessPoolExecutor", no_pool)
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    assert located(_cached(root, parallel=True)) == [("ST01", "data/measures/m-gamma.yaml", 8, 11)]
