"""Atomic writes: a crash leaves the old file whole, a concurrent change is never lost."""

from __future__ import annotations

import os
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest

from ictgov.edit import atomic
from ictgov.edit.atomic import Snapshot, atomic_create, atomic_write
from ictgov.errors import IctgovError, WriteConflictError


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_replaces_content_and_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    snap = Snapshot.read(path)
    atomic_write(path, b"new\n", snap)
    assert path.read_bytes() == b"new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_crash_during_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"old content\n")
    snap = Snapshot.read(path)

    def crash(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, where, crash)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(path, b"new content\n" * 1000, snap)
    monkeypatch.undo()
    assert path.read_bytes() == b"old content\n"
    assert leftovers(tmp_path) == []


def test_file_changed_after_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"status: planned\n")
    snap = Snapshot.read(path)
    path.write_bytes(b"status: on_hold\n")  # someone else's edit
    os.utime(path, ns=(snap.mtime_ns, snap.mtime_ns))  # even with the old mtime
    with pytest.raises(WriteConflictError, match="changed on disk"):
        atomic_write(path, b"status: completed\n", snap)
    assert path.read_bytes() == b"status: on_hold\n"
    assert leftovers(tmp_path) == []


def test_file_deleted_after_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"x: 1\n")
    snap = Snapshot.read(path)
    path.unlink()
    with pytest.raises(WriteConflictError, match="deleted or moved"):
        atomic_write(path, b"x: 2\n", snap)
    assert not path.exists()


def test_create_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.yaml"
    atomic_create(path, b"a: 1\n")
    assert path.read_bytes() == b"a: 1\n"
    with pytest.raises(IctgovError, match="already exists"):
        atomic_create(path, b"a: 2\n")
    assert path.read_bytes() == b"a: 1\n"
    assert leftovers(path.parent) == []


def test_many_files_are_replaced_or_none_if_one_changed(tmp_path: Path) -> None:
    paths = [tmp_path / f"m{i}.yaml" for i in range(5)]
    for path in paths:
        path.write_bytes(b"old\n")
    snaps = [Snapshot.read(p) for p in paths]
    paths[3].write_bytes(b"someone else\n")
    with pytest.raises(WriteConflictError):
        atomic.atomic_write_many([(p, b"new\n", s) for p, s in zip(paths, snaps, strict=True)])
    assert [p.read_bytes() for p in paths] == [b"old\n"] * 3 + [b"someone else\n", b"old\n"]
    assert leftovers(tmp_path) == []
    snaps = [Snapshot.read(p) for p in paths]
    done = atomic.atomic_write_many([(p, b"new\n", s) for p, s in zip(paths, snaps, strict=True)])
    assert done == paths
    assert {p.read_bytes() for p in paths} == {b"new\n"}


def test_prepared_edit_is_refused_when_the_file_changed_meanwhile(minimal_root: Path) -> None:
    from datetime import date

    from ictgov.edit.measure import MeasureChange
    from ictgov.edit.service import measure_planner
    from ictgov.edit.transaction import commit, prepare

    path = minimal_root / "data" / "measures" / "m-alpha.yaml"
    change = MeasureChange(date=date(2024, 11, 1), progress=50)
    edit = prepare(minimal_root, path, measure_planner(change, "m-alpha"))
    assert edit.changed
    theirs = path.read_bytes().replace(b"progress: 40", b"progress: 45")
    path.write_bytes(theirs)
    with pytest.raises(WriteConflictError, match="changed on disk"):
        commit([edit])
    assert path.read_bytes() == theirs


def test_stale_temporary_files_are_removed_and_nothing_else(tmp_path: Path) -> None:
    """kill -9 during a write leaves a temporary file that git add -A would commit."""
    from ictgov.edit.tempfiles import STALE_SECONDS

    path = tmp_path / "m.yaml"
    path.write_bytes(b"old\n")
    old = time.time() - STALE_SECONDS - 60
    names = {
        "stale": ".m.yaml.ab12cd34.ictgov.tmp",
        "stale, earlier versions": ".x.yaml.k_9zq0aa.tmp",
        "young": ".m.yaml.zz12cd34.ictgov.tmp",
        "not ours": ".notes.tmp",
        "hidden yaml": ".m.yaml",
    }
    for name in names.values():
        (tmp_path / name).write_bytes(b"x")
        if name != names["young"]:
            os.utime(tmp_path / name, (old, old))
    target = tmp_path / "keep.txt"
    target.write_bytes(b"precious")
    os.symlink(target, tmp_path / ".l.yaml.ab12cd34.ictgov.tmp")
    os.utime(tmp_path / ".l.yaml.ab12cd34.ictgov.tmp", (old, old), follow_symlinks=False)
    atomic_write(path, b"new\n", Snapshot.read(path))
    left = {p.name for p in tmp_path.iterdir()}
    assert names["stale"] not in left and names["stale, earlier versions"] not in left
    assert {names["young"], names["not ours"], names["hidden yaml"]} <= left
    assert ".l.yaml.ab12cd34.ictgov.tmp" in left and target.read_bytes() == b"precious"


def test_init_gitignore_ignores_temporary_files(tmp_path: Path) -> None:
    from datetime import date

    from ictgov.edit.tempfiles import TEMP_SUFFIX
    from ictgov.scaffold.init import init_repository

    init_repository(tmp_path / "repo", today=date(2024, 1, 1))
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    name = f"data/measures/.m.yaml.ab12cd34{TEMP_SUFFIX}"
    done = subprocess.run(
        ["git", "-C", str(tmp_path / "repo"), "check-ignore", "-q", name], check=False
    )
    assert done.returncode == 0


def test_a_concurrent_write_between_check_and_rename_is_not_lost(tmp_path: Path) -> None:
    """Writer A holds the lock while it renames; writer B must wait, then see the change."""
    from ictgov.edit.lock import locked

    path = tmp_path / "m.yaml"
    path.write_bytes(b"v0\n")
    stale = Snapshot.read(path)
    held = threading.Event()

    def writer_a() -> None:
        with locked([path]):
            held.set()
            time.sleep(0.5)
            (tmp_path / "a.tmp").write_bytes(b"from A\n")
            os.replace(tmp_path / "a.tmp", path)

    thread = threading.Thread(target=writer_a)
    thread.start()
    held.wait(5)
    try:
        with pytest.raises(WriteConflictError):
            atomic_write(path, b"from B\n", stale)
    finally:
        thread.join()
    assert path.read_bytes() == b"from A\n"


def test_a_batch_that_fails_halfway_restores_what_it_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ictgov.edit.atomic import atomic_write_many

    paths = [tmp_path / f"m{i}.yaml" for i in range(3)]
    for p in paths:
        p.write_bytes(b"old " + p.name.encode())
    items = [(p, b"new", Snapshot.read(p)) for p in paths]
    real, calls = os.replace, []

    def replace(src: object, dst: object) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(dst))
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(OSError):
        atomic_write_many(items)
    monkeypatch.undo()
    assert [p.read_bytes() for p in paths] == [b"old " + p.name.encode() for p in paths]
    assert leftovers(tmp_path) == []
