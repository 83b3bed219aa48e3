"""The lint cache treats ``.ictgov-cache/`` as untrusted repository content (issue 9).

A committed symlink in or as the cache folder must never let ictgov delete, read or
write anything outside the repository; the folder ignores itself in git; an edit
that restores the modification time is still seen; odd file names do not crash.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from ictgov.cachedir import CACHE_DIR
from ictgov.lint.run import LintOptions, lint
from tests.lint.helpers import located, make_tree
from tests.lint.test_cli import COMPLETED_AT_40

ST01_GAMMA = [("ST01", "data/measures/m-gamma.yaml", 8, 11)]


def _run(root: Path, **kwargs: object) -> list[tuple[str, str, int, int]]:
    outcome = lint(LintOptions(root=root, today="2024-12-31", **kwargs))  # type: ignore[arg-type]
    return located(outcome.result.diagnostics)


def _age(root: Path) -> None:
    """Make every file look older than the racy window, as files usually are."""
    old = time.time() - 60
    for path in [root, *root.rglob("*")]:
        if CACHE_DIR not in path.parts:
            os.utime(path, (old, old), follow_symlinks=False)


def _sentinel(folder: Path) -> Path:
    folder.mkdir()
    (folder / "notes.txt").write_text("precious", encoding="utf-8")
    return folder


def _intact(folder: Path) -> bool:
    return sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_a_version_folder_linked_outside_is_never_emptied(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    victim = _sentinel(tmp_path / "victim")
    (root / CACHE_DIR).mkdir()
    (root / CACHE_DIR / "v1-evil").symlink_to(victim, target_is_directory=True)
    assert _run(root) == ST01_GAMMA
    _age(root)
    assert _run(root) == ST01_GAMMA
    assert _run(root) == ST01_GAMMA
    assert _intact(victim)


def test_a_committed_link_in_a_git_repository_is_harmless(tmp_path: Path) -> None:
    """The exploit of issue 9 as written: ``git add -f`` the link, then lint (as CI does)."""
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    victim = _sentinel(tmp_path / "victim")
    (root / CACHE_DIR).mkdir()
    (root / CACHE_DIR / "v1-evil").symlink_to(victim, target_is_directory=True)
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "cache"], check=True)
    assert _run(root) == ST01_GAMMA
    assert _intact(victim)


def test_cache_folder_linked_to_the_parent_is_not_used(tmp_path: Path) -> None:
    """``ln -s .. .ictgov-cache``: no folder beside the repository is touched or written."""
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    beside = _sentinel(tmp_path / "v1-beside")
    (root / CACHE_DIR).symlink_to("..", target_is_directory=True)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert _run(root) == ST01_GAMMA
    _age(root)
    assert _run(root) == ST01_GAMMA
    assert _intact(beside)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written there
    assert (root / CACHE_DIR).is_symlink()


def test_cache_files_linked_outside_are_neither_read_nor_deleted(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    victim = _sentinel(tmp_path / "victim")
    _age(root)
    assert _run(root) == ST01_GAMMA
    cache_files = [
        p for p in (root / CACHE_DIR).rglob("*") if p.is_file() and p.name != ".gitignore"
    ]
    assert cache_files
    for path in cache_files:
        path.unlink()
        path.symlink_to(victim / "notes.txt")
    assert _run(root) == ST01_GAMMA
    assert _run(root) == ST01_GAMMA
    assert _intact(victim)
    assert (victim / "notes.txt").read_text(encoding="utf-8") == "precious"


def test_the_cache_folder_ignores_itself_in_git(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    subprocess.run(["git", "-C", str(root), "init", "-q"], check=True)
    _run(root)
    assert (root / CACHE_DIR / ".gitignore").read_text(encoding="utf-8") == "*\n"
    status = subprocess.run(
        ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert status and CACHE_DIR not in status


def test_an_edit_that_restores_size_mtime_and_inode_is_seen(tmp_path: Path) -> None:
    done = COMPLETED_AT_40.replace("progress: 40", "progress: 100")
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": done})
    _age(root)
    assert _run(root) == []
    measure = root / "data/measures/m-gamma.yaml"
    before = os.stat(measure)
    with open(measure, "r+b") as handle:  # same inode, same size: 100 -> 040 (= 40)
        handle.write(done.replace("progress: 100", "progress: 040").encode())
    os.utime(measure, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(measure)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    assert _run(root) == ST01_GAMMA


def test_a_file_name_that_is_not_utf8_does_not_crash(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    odd = os.path.join(os.fsencode(root / "data/measures"), b"x\xff.yaml")
    with open(odd, "wb") as handle:
        handle.write(COMPLETED_AT_40.replace("m-gamma", "m-odd").encode())
    plain = _run(root, use_cache=False)
    assert {d[0] for d in plain} >= {"ST01", "YM09"}  # the odd name is a finding of its own
    assert _run(root) == plain
    _age(root)
    assert _run(root) == plain
    assert _run(root) == plain


def test_a_data_folder_linked_outside_is_never_walked_by_the_cache(tmp_path: Path) -> None:
    from ictgov.lint.cache import directory_stats

    outside = tmp_path / "outside"
    (outside / "deep" / "deeper").mkdir(parents=True)
    root = tmp_path / "repo"
    root.mkdir()
    (root / "data").symlink_to(outside, target_is_directory=True)
    stats = directory_stats(root)
    assert stats == {"data": (-1, -1, -1, -1)}  # not data/deep, not data/deep/deeper
