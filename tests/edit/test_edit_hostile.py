"""``update`` on files a stranger may commit: BOM, symlinked measures, shared values."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.edit import roundtrip
from ictgov.edit.ops import InsertItem
from ictgov.edit.render import Style
from ictgov.load import FsSource, load_tree

TODAY = "2024-11-01"


def update(root: Path, *args: str) -> tuple[int, str]:
    base = ["update", "m-alpha", "--root", str(root), "--today", TODAY]
    result = CliRunner().invoke(app, [*base, *args])
    return result.exit_code, result.output


def test_a_measure_saved_with_a_byte_order_mark_is_found(minimal_root: Path) -> None:
    """Windows Notepad writes a BOM right before 'id:'."""
    path = minimal_root / "data/measures/m-alpha.yaml"
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"\xef\xbb\xbf" + b"".join(lines[1:]))  # drop the schema comment
    code, output = update(minimal_root, "--progress", "50")
    assert code == 0, output
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid: m-alpha") and b"progress: 50" in raw


def test_a_measure_file_that_is_a_symlink_inside_the_repository_is_updated(
    minimal_root: Path,
) -> None:
    link = minimal_root / "data/measures/m-alpha.yaml"
    store = minimal_root / "store"
    store.mkdir()
    link.rename(store / "m-alpha.yaml")
    os.symlink("../../store/m-alpha.yaml", link)
    code, output = update(minimal_root, "--progress", "50")
    assert code == 0, output
    assert link.is_symlink() and "progress: 50" in (store / "m-alpha.yaml").read_text("utf-8")


def test_a_measure_symlink_leaving_the_repository_is_not_edited(
    minimal_root: Path, tmp_path: Path
) -> None:
    link = minimal_root / "data/measures/m-alpha.yaml"
    outside = tmp_path / "outside.yaml"
    link.rename(outside)
    os.symlink(outside, link)
    before = outside.read_bytes()
    code, output = update(minimal_root, "--progress", "50")
    assert code == 2 and "internal error" not in output
    assert outside.read_bytes() == before


def test_the_ruamel_fallback_writes_no_anchor_the_file_did_not_have() -> None:
    text = (
        "base: &b {x: 1}\nref: *b\nvalues:\n  - {date: 2024-01-01, value: 1}\n"
        "updates:\n  - date: 2024-01-01\n    note: |+\n      a\n\n"
    )
    shared = date(2024, 11, 1)
    ops = [
        InsertItem(("values",), 1, {"date": shared, "value": 2}),
        InsertItem(("updates",), 1, {"date": shared, "progress": 5}),
    ]
    out = roundtrip.apply(text, ops, Style())
    assert "&id" not in out and "*id" not in out
    assert out.startswith("base: &b {x: 1}\nref: *b\n")
    assert out.count("2024-11-01") == 2


@pytest.mark.parametrize("header", ["|", ">", "|+", "|2", ">-"])
def test_a_last_note_block_without_a_final_newline_can_be_appended_to(
    minimal_root: Path, header: str
) -> None:
    path = minimal_root / "data/measures/m-alpha.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    note: Eteni.\n    by: Palvelupäällikkö\n",
        f"    by: Palvelupäällikkö\n    note: {header}\n      Eteni.\n      Toinen.",
    )
    path.write_text(text, encoding="utf-8")
    before = _notes(minimal_root)
    code, output = update(minimal_root, "--progress", "50", "--note", "Uusi")
    assert code == 0, output
    assert _notes(minimal_root) == [*before, "Uusi"]


def _notes(root: Path) -> list[object]:
    tree = load_tree(FsSource(root))
    (measure,) = [m for m in tree.measures if m.id == "m-alpha"]
    return [u.note for u in measure.updates]


@pytest.mark.parametrize("note", ["a\x85b", "a\u2028b", "a\x80b", "a\x7fb", "x\u200by"])
def test_a_note_with_a_next_line_or_control_character_is_written_escaped(
    minimal_root: Path, note: str
) -> None:
    code, output = update(minimal_root, "--progress", "50", "--note", note)
    assert code == 0, output
    assert _notes(minimal_root)[-1] == note
    text = (minimal_root / "data/measures/m-alpha.yaml").read_text(encoding="utf-8")
    assert note not in text  # escaped, so no reader can fold it into a space
