"""Failures of the environment end in a message naming the file and a fix, never a bug report."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from ictgov.cli.errors import describe_os_error, guarded
from ictgov.cli.main import app


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real entry point in a child process (streams and exit as a shell sees them)."""
    return subprocess.run(
        [sys.executable, "-m", "ictgov", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


def _raiser(code: int) -> object:
    def fail(path: object, *args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code), str(path))

    return fail


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only"), (errno.EACCES, "permission")],
)
def test_a_failed_render_write_names_the_file_and_the_fix(
    minimal_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    monkeypatch.setattr("ictgov.safefs.write_file", _raiser(code))
    result = run("render", "--root", str(minimal_root), "--out", str(tmp_path / "site"))
    assert result.exit_code == 2
    assert "internal error" not in result.output
    assert words in result.output and ".html" in result.output


def test_a_failed_new_file_names_the_file(
    minimal_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ictgov.edit.atomic._write_temp", _raiser(errno.EROFS))
    args = ["new", "measure", "--goal", "g1", "--title", "X", "--root", str(minimal_root)]
    result = run(*args)
    assert result.exit_code == 2
    assert "internal error" not in result.output
    assert "read-only" in result.output and "data/measures" in result.output


def test_json_output_gets_a_json_error_document(tmp_path: Path) -> None:
    result = run("status", "--format", "json", "--root", str(tmp_path / "missing"))
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["error"]["kind"] == "configuration"
    assert "missing" in document["error"]["message"]


def test_a_usage_error_under_format_json_is_a_json_document() -> None:
    done = cli("status", "--format", "json", "--no-such-option")
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"]["kind"] == "usage"
    assert "--no-such-option" in json.loads(done.stdout)["error"]["message"]


def test_an_internal_error_under_format_json_is_a_json_document(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from enum import Enum

    class Fmt(Enum):
        JSON = "json"

    @guarded
    def broken(output: Fmt) -> None:
        raise ValueError("boom")

    with pytest.raises(typer.Exit) as exited:
        broken(output=Fmt.JSON)
    assert exited.value.exit_code == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["kind"] == "internal" and "boom" in error["message"]


def test_a_closed_pipe_is_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from ictgov.cli import errors

    silenced: list[bool] = []
    # The real one points file descriptor 1 at /dev/null: in a test worker that is the
    # worker's own channel, so only record that it was asked for.
    monkeypatch.setattr(errors, "silence_stdout", lambda: silenced.append(True))

    @guarded
    def reader_went_away() -> None:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    with pytest.raises(typer.Exit) as exited:
        reader_went_away()
    assert exited.value.exit_code == 0 and silenced == [True]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_stdout_is_a_message_not_a_traceback(minimal_root: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "ictgov",
                "lint",
                "--format",
                "json",
                "--root",
                str(minimal_root),
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert "cannot write the output" in done.stderr


def test_an_ascii_terminal_gets_escaped_text_not_a_crash(minimal_root: Path) -> None:
    done = cli("export", "--format", "json", "--root", str(minimal_root), PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr
    assert "internal error" not in done.stderr
    assert "\\xe4" in done.stdout or "\\u00e4" in done.stdout


def test_export_into_an_existing_folder_says_so(minimal_root: Path, tmp_path: Path) -> None:
    result = run("export", "--format", "json", "--root", str(minimal_root), "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "internal error" not in result.output and "is a folder" in result.output


def test_an_os_error_without_a_file_is_described() -> None:
    text = describe_os_error(OSError(errno.ENOSPC, "No space left on device"))
    assert text.startswith("cannot write the output") and "free some space" in text


def test_export_into_a_fifo_is_refused_not_a_hang(minimal_root: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    args = ["export", "--format", "json", "--root", str(minimal_root)]
    done = cli(*args, "--out", str(tmp_path / "pipe.json"))  # child process: a hang times out
    assert done.returncode == 2
    assert "named pipe" in done.stderr and "internal error" not in done.stderr


def test_export_never_writes_through_a_symlink(minimal_root: Path, tmp_path: Path) -> None:
    victim = tmp_path / "bashrc"
    victim.write_text("keep\n", encoding="utf-8")
    os.symlink(victim, tmp_path / "export.json")
    result = run(
        "export",
        "--format",
        "json",
        "--root",
        str(minimal_root),
        "--out",
        str(tmp_path / "export.json"),
    )
    assert result.exit_code == 2 and "symlink" in result.output
    folder = tmp_path / "csv"
    folder.mkdir()
    os.symlink(victim, folder / "measures.csv")
    result = run("export", "--format", "csv", "--root", str(minimal_root), "--out", str(folder))
    assert result.exit_code == 2 and "symlink" in result.output
    assert victim.read_text(encoding="utf-8") == "keep\n"
