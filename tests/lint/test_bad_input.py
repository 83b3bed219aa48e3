"""Bad input through the CLI: every file gets a located diagnostic, the run goes on.

Each case breaks one file and adds a measure completed at 40 % elsewhere: the
broken file must be reported where it breaks, the other file's ST01 must still be
reported, nothing may print a traceback. Run with and without the cache.
"""

from __future__ import annotations

import os
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


CASES: list[tuple[str, Callable[[Path], None], tuple[str, str, int, int], str]] = [
    ("malformed", _write(BAD, b"id: m-bad\ncode: [1, 2\ntitle: x\n"), ("YM01", BAD, 3, 6), ""),
    ("tab", _write(BAD, b"id: m-bad\ngoals:\n\t- g1\n"), ("YM01", BAD, 3, 1), "tabs"),
    ("duplicate key", _write(BAD, b"id: m-bad\nid: m-bad2\n"), ("YM02", BAD, 2, 1), "twice"),
    ("not utf-8", _write(BAD, "id: m-bad\ntitle: Jyväskylä\n".encode("latin-1")),
     ("YM03", BAD, 2, 11), "UTF-8"),
    ("empty", _write(BAD, b""), ("YM04", BAD, 1, 1), "no data"),
    ("only a comment", _write(BAD, b"# nothing yet\n"), ("YM04", BAD, 1, 1), "no data"),
    ("list not map", _write(BAD, b"- id: m-bad\n- code: x\n"), ("SC02", BAD, 1, 1), "mapping"),
    ("alias bomb", _write(BAD, ALIAS_BOMB.encode()), ("YM07", BAD, 1, 1), "aliases"),
    ("50 MB", _huge, ("YM05", BAD, 1, 1), "over the limit"),
    ("symlink out", _symlink_out, ("YM06", BAD, 1, 1), "outside the repository"),
]


@pytest.mark.parametrize("cache", [True, False], ids=["cache", "no-cache"])
@pytest.mark.parametrize(("name", "setup", "where", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_located_and_others_still_reported(
    tmp_path: Path,
    name: str,
    setup: Callable[[Path], None],
    where: tuple[str, str, int, int],
    words: str,
    cache: bool,
) -> None:
    root = make_tree(tmp_path / "repo", {"data/measures/m-gamma.yaml": COMPLETED_AT_40})
    setup(root)
    args = ["lint", "--root", str(root), "--today", "2024-12-31", "--format", "json"]
    result = runner.invoke(app, args if cache else [*args, "--no-cache"])
    assert "Traceback" not in result.output
    assert result.exit_code == 1, result.output
    import json

    found = json.loads(result.output)["diagnostics"]
    located = [(d["code"], d["file"], d["line"], d["column"]) for d in found]
    assert where in located
    message = next(d["message"] for d in found if d["code"] == where[0])
    assert words in message
    assert ("ST01", "data/measures/m-gamma.yaml", 8, 11) in located
