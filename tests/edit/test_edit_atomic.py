"""Atomic writes: a crash leaves the old file whole, a concurrent change is never lost."""

from __future__ import annotations

import os
import stat
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
