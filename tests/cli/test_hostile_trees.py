"""Fuzz: hostile file trees under ``data/`` never reach outside the repository or crash.

Each example adds generated entries to a copy of the minimal tree: symlinks inside,
outside, looping and dangling, FIFOs, deep nesting, odd names (bytes that are not
UTF-8, newlines, leading dashes) and encodings (BOM, UTF-16, latin-1), and plants
symlinks in the output folder. Then lint, status, show, render and export run. A
sentinel folder beside the repository, snapshot with modes, sizes, mtimes and bytes,
must come out unchanged, and no command may end in an internal error or traceback.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ictgov.cli.main import app
from tests.conftest import FIXTURES

MEASURE = "id: m-{n}\ncode: '9.{n}'\ntitle: Ä {n}\ngoals: [g1]\nresponsible: mgmt\n"
FOLDERS = ("data/measures", "data/meetings", "data/strategy", "data/measures/sub/deeper")
NAMES = (
    "m-x.yaml",
    "-rf.yaml",
    "--root.yaml",
    "new\nline.yaml",
    os.fsdecode(b"\xff\xfe.yaml"),
    os.fsdecode(b"caf\xe9.yaml"),
    " .yaml",
    "a b.yml",
    ".hidden.yaml",
    ".m-x.yaml.ab12cd34.ictgov.tmp",
)


def _contents(n: int) -> dict[str, bytes]:
    text = MEASURE.format(n=n)
    return {
        "utf-8": text.encode(),
        "bom": b"\xef\xbb\xbf" + text.encode(),
        "utf-16": text.encode("utf-16"),
        "latin-1": text.encode("latin-1"),
        "deep": ("id: m-deep\nx: " + "[" * 600 + "]" * 600 + "\n").encode(),
        "deep-map": ("id: m-deep\nx: " + "{a: " * 400 + "1" + "}" * 400 + "\n").encode(),
        "junk": bytes(range(256)),
        "empty": b"",
    }


KINDS = (
    "file",
    "symlink-inside",
    "symlink-outside-file",
    "symlink-outside-dir",
    "symlink-loop",
    "dangling",
    "fifo",
)


@dataclass(frozen=True)
class Entry:
    """One generated thing under data/."""

    kind: str
    folder: str
    name: str
    content: str


entries = st.builds(
    Entry,
    kind=st.sampled_from(KINDS),
    folder=st.sampled_from(FOLDERS),
    name=st.sampled_from(NAMES),
    content=st.sampled_from(tuple(_contents(0))),
)
out_traps = st.sampled_from(("none", "file-link", "folder-link", "out-is-link"))


def snapshot(folder: Path) -> dict[str, tuple[int, int, int, str]]:
    """Everything under *folder*, symlinks not followed: mode, size, mtime and a hash."""
    out: dict[str, tuple[int, int, int, str]] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            info = path.lstat()
            digest = ""
            if path.is_file() and not path.is_symlink():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            rel = path.relative_to(folder).as_posix()
            out[rel] = (info.st_mode, info.st_size, info.st_mtime_ns, digest)
    return out


def plant(root: Path, sentinel: Path, entry: Entry, index: int) -> None:
    folder = root / entry.folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{index}{entry.name}"
    if os.path.lexists(path):
        return
    if entry.kind == "file":
        path.write_bytes(_contents(index)[entry.content])
    elif entry.kind == "symlink-inside":
        os.symlink(root / "data/measures/m-alpha.yaml", path)
    elif entry.kind == "symlink-outside-file":
        os.symlink(sentinel / "secret.yaml", path)
    elif entry.kind == "symlink-outside-dir":
        os.symlink(sentinel, path)
    elif entry.kind == "symlink-loop":
        os.symlink(path.name, path)
    elif entry.kind == "dangling":
        os.symlink(folder / "nowhere.yaml", path)
    else:
        os.mkfifo(path)


def trap_output(out: Path, sentinel: Path, trap: str) -> Path:
    """Symlinks in the output folder that a careless writer would follow."""
    if trap == "out-is-link":
        os.symlink(sentinel, out)
        return out
    out.mkdir()
    if trap == "file-link":
        (out / "fi").mkdir()
        os.symlink(sentinel / "secret.yaml", out / "fi" / "index.html")
    elif trap == "folder-link":
        os.symlink(sentinel / "dir", out / "fi")
    return out


COMMANDS = (
    ("lint", "--format", "json"),
    ("lint", "--no-cache"),
    ("status", "--format", "json"),
    ("show", "m-alpha"),
    ("export", "--format", "json"),
)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(planted=st.lists(entries, min_size=1, max_size=6), trap=out_traps)
def test_hostile_trees_stay_inside_and_never_crash(planted: list[Entry], trap: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        root = base / "repo"
        shutil.copytree(FIXTURES / "minimal", root)
        sentinel = base / "sentinel"
        (sentinel / "dir").mkdir(parents=True)
        (sentinel / "secret.yaml").write_text(MEASURE.format(n=99), encoding="utf-8")
        (sentinel / "dir" / "keep.txt").write_text("keep", encoding="utf-8")
        for index, entry in enumerate(planted):
            plant(root, sentinel, entry, index)
        out = trap_output(base / "out", sentinel, trap)
        before, beside = snapshot(sentinel), sorted(os.listdir(base))

        runner = CliRunner()
        runs = [[*c, "--root", str(root), "--today", "2024-12-31"] for c in COMMANDS]
        runs.append(
            [
                "render",
                "--root",
                str(root),
                "--out",
                str(out),
                "--lang",
                "fi",
                "--format",
                "html",
                "--today",
                "2024-12-31",
            ]
        )
        for args in runs:
            result = runner.invoke(app, args)
            shown = f"{args[0]}: {result.output}"
            assert result.exit_code in (0, 1, 2), shown
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                shown,
                result.exception,
            )
            assert "internal error" not in result.output, shown
            assert "Traceback" not in result.output, shown

        assert snapshot(sentinel) == before
        assert sorted(os.listdir(base)) == beside
