"""``run_export``: the export command as a library call, without the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ictgov.commands.export import ExportOptions, run_export
from ictgov.errors import ConfigError, NothingLoadedError


def test_json_goes_to_stdout_as_text_for_the_day_asked(minimal_root: Path) -> None:
    outcome = run_export(
        ExportOptions(fmt="json", tables=("measures",), root=minimal_root, today="2024-11-01")
    )
    assert isinstance(outcome.stdout, str) and outcome.notes == ()
    rows = json.loads(outcome.stdout)["tables"]["measures"]
    assert {r["id"] for r in rows} == {"m-alpha", "m-beta"}


def test_a_file_destination_is_written_and_named(minimal_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "measures.csv"
    options = ExportOptions(fmt="csv", out=out, tables=("measures",), root=minimal_root)
    outcome = run_export(options)
    assert outcome.stdout == b"" and outcome.notes == (f"wrote {out}",)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_workbook_is_refused_on_a_terminal(minimal_root: Path) -> None:
    with pytest.raises(ConfigError, match="cannot go to a terminal"):
        run_export(ExportOptions(root=minimal_root, terminal=True))


def test_a_broken_file_is_named_in_a_note_and_nothing_loaded_is_an_error(
    minimal_root: Path, tmp_path: Path
) -> None:
    (minimal_root / "data" / "measures" / "m-beta.yaml").write_text("id: [\n", encoding="utf-8")
    outcome = run_export(ExportOptions(fmt="json", root=minimal_root))
    assert outcome.notes[0].startswith("warning: 1 file has errors")
    (tmp_path / "empty" / "data" / "strategy").mkdir(parents=True)
    with pytest.raises(NothingLoadedError):
        run_export(ExportOptions(fmt="json", root=tmp_path / "empty"))
