"""Bad input through the CLI: every file gets a located diagnostic, the run goes on.

Each case breaks one file and adds a measure completed at 40 % elsewhere: the
broken file must be reported where it breaks, the other file's ST01 must still be
reported, nothing may print a traceback. Run with and without the cache.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from tests.lint.helpers import make_tree
from tests.lint.test_cli import COMPLETED_AT_40

runner = CliRunner()
BAD = "data/measures/m-bad.yaml"

ALIAS_BOMB = "\n".join(
    ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    + ["id: m-bad", ""]
)


def _write(rel: str, data: bytes) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        (root / rel).write_bytes(data)

    return setup


def _huge(root: Path) -> None:
    with (root / BAD).open("wb") as handle:
        handle.write(b"id: m-bad\nnotes: |\n")
        line = b"  " + b"x" * 98 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)


def _symlink_out(root: Path) -> None:
    outside = root.parent / "outside.yaml"
    outside.write_text(COMPLETED_AT_40, encoding="utf-8")
    os.symlink(outside, root / BAD)


def _symlink_to(target: str, rel: str = BAD) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        os.symlink(target, root / rel)

    return setup


def _fifo(root: Path) -> None:
    os.mkfifo(root / BAD)


def _undecodable_name(root: Path) -> None:
    (root / os.fsdecode(b"data/measures/\xff.yaml")).write_text(COMPLETED_AT_40, encoding="utf-8")


def _deep_block(root: Path) -> None:
    """Block lists nested 2,000 levels: beyond libyaml's own limit of 1,000."""
    lines = "".join(" " * i + "-\n" for i in range(2000))
    (root / BAD).write_text("id: m-bad\nx:\n" + lines, encoding="utf-8")


DEEP_FLOW = "id: m-bad\nx: " + "[" * 400 + "]" * 400 + "\n"

CASES: list[tuple[str, Callable[[Path], None], tuple[str, str, int, int], str]] = [
    ("malformed", _write(BAD, b"id: m-bad\ncode: [1, 2\ntitle: x\n"), ("YM01", BAD, 3, 6), ""),
    ("tab", _write(BAD, b"id: m-bad\ngoals:\n\t- g1\n"), ("YM01", BAD, 3, 1), "tabs"),
    ("duplicate key", _write(BAD, b"id: m-bad\nid: m-bad2\n"), ("YM02", BAD, 2, 1), "twice"),
    (
        "not utf-8",
        _write(BAD, "id: m-bad\ntitle: Jyväskylä\n".encode("latin-1")),
        ("YM03", BAD, 2, 11),
        "UTF-8",
    ),
    ("empty", _write(BAD, b""), ("YM04", BAD, 1, 1), "no data"),
    ("only a comment", _write(BAD, b"# nothing yet\n"), ("YM04", BAD, 1, 1), "no data"),
    (
        "list not map",
        _write(BAD, b"- id: m-bad\n- code: x\n"),
        ("SC02", BAD, 1, 1),
        "keys and values",
    ),
    ("alias bomb", _write(BAD, ALIAS_BOMB.encode()), ("YM07", BAD, 1, 1), "aliases"),
    ("50 MB", _huge, ("YM05", BAD, 1, 1), "over the limit"),
    ("symlink out", _symlink_out, ("YM06", BAD, 1, 1), "outside the repository"),
    ("nested 400 deep", _write(BAD, DEEP_FLOW.encode()), ("YM01", BAD, 2, 103), "nested"),
    # libyaml stops at 1,000 levels in newer PyYAML wheels, ictgov itself at 100 in older
    # ones: either way one finding on that file (its place is checked in the test below).
    ("nested 2000 deep", _deep_block, ("YM01", BAD, None, None), "nest"),
    ("symlink loop", _symlink_to("m-bad.yaml"), ("YM09", BAD, 1, 1), "loops"),
    ("dangling symlink", _symlink_to("gone.yaml"), ("YM09", BAD, 1, 1), "broken"),
    ("name not utf-8", _undecodable_name, ("YM09", "data/measures/\\xff.yaml", 1, 1), "UTF-8"),
]


@pytest.mark.parametrize("cache", [True, False], ids=["cache", "no-cache"])
@pytest.mark.parametrize(("name", "setup", "where", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_located_and_others_still_reported(
    tmp_path: Path,
    name: str,
    setup: Callable[[Path], None],
    where: tuple[str, str, int | None, int | None],
    words: str,
    cache: bool,
) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    setup(root)
    args = ["lint", "--root", str(root), "--today", "2024-12-31", "--format", "json"]
    result = runner.invoke(app, args if cache else [*args, "--no-cache"])
    assert "Traceback" not in result.output
    assert result.exit_code == 1, result.output
    found = json.loads(result.output)["diagnostics"]
    located = [(d["code"], d["file"], d["line"], d["column"]) for d in found]
    if where[2] is None:  # the place depends on which parser gives up first
        place = next(loc for loc in located if loc[:2] == where[:2])
        assert place[2] in (102, 1002) and place[3] == place[2] - 2, place
    else:
        assert where in located
    message = next(d["message"] for d in found if d["code"] == where[0])
    assert words in message
    assert ("ST01", "data/measures/m-gamma.yaml", 8, 11) in located


@pytest.mark.parametrize("command", [["lint"], ["lint", "--no-cache"], ["status"]])
def test_fifo_is_a_finding_not_a_hang(tmp_path: Path, command: list[str]) -> None:
    """Opening a FIFO waits for a writer forever: run in a child process with a time limit."""
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    _fifo(root)
    args = [*command, "--root", str(root), "--today", "2024-12-31", "--format", "json"]
    done = subprocess.run(
        [sys.executable, "-m", "ictgov", *args], capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in done.stderr
    if command[0] == "lint":
        found = json.loads(done.stdout)["diagnostics"]
        located = [(d["code"], d["file"], d["line"]) for d in found]
        assert ("YM09", BAD, 1) in located
        assert "FIFO" in next(d["message"] for d in found if d["file"] == BAD)
        assert ("ST01", "data/measures/m-gamma.yaml", 8) in located
    else:  # status names the unread FIFO first and exits 1 (issue 11)
        assert done.returncode == 1, done.stderr
        assert [u["file"] for u in json.loads(done.stdout)["unread"]] == [BAD]
