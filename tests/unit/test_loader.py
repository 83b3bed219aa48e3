"""Loading: exact positions of problems, list files that keep good items, symlinks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ictgov.load import FsSource, load_document, load_tree

GOOD_MEASURE = b"id: m1\ncode: '1.1'\ntitle: T\ngoals: [g1]\n"


def codes(doc_or_tree: object) -> list[tuple[str, int, int]]:
    diagnostics = getattr(doc_or_tree, "diagnostics")  # noqa: B009
    return [(d.code, d.line, d.column) for d in diagnostics]


def test_a_valid_measure_loads_with_its_source() -> None:
    doc = load_document("data/measures/m1.yaml", GOOD_MEASURE)
    assert doc.diagnostics == []
    assert doc.model is not None and doc.kind is not None and doc.kind.name == "measure"


def test_unknown_key_has_did_you_mean_and_exact_position() -> None:
    doc = load_document(
        "data/measures/m1.yaml", GOOD_MEASURE + b"schedule:\n  planed_end: 2024-01-01\n"
    )
    (problem,) = doc.diagnostics
    assert (problem.code, problem.line, problem.column) == ("SC01", 6, 3)
    assert "did you mean 'planned_end'?" in problem.message
    assert problem.path == "schedule.planed_end"


def test_wrong_value_points_at_the_value() -> None:
    doc = load_document("data/measures/m1.yaml", GOOD_MEASURE + b"progress:   140\n")
    assert codes(doc) == [("SC02", 5, 13)]


def test_yaml_12_keeps_no_as_a_string_and_reports_syntax_errors() -> None:
    doc = load_document("data/measures/m1.yaml", b"id: m1\ncode: no\ntitle: T\ngoals: [g1]\n")
    assert doc.model is not None and getattr(doc.model, "code") == "no"  # noqa: B009
    broken = load_document("data/measures/m1.yaml", b"id: m1\ntitle: [unclosed\n")
    assert [d.code for d in broken.diagnostics] == ["YM01"]


def test_duplicate_keys_empty_files_and_bad_bytes() -> None:
    dup = load_document("data/measures/m1.yaml", GOOD_MEASURE + b"code: '1.2'\n")
    assert ("YM02", 5, 1) in codes(dup)
    assert [d.code for d in load_document("data/measures/m1.yaml", b"").diagnostics] == ["YM04"]
    latin1 = load_document("data/measures/m1.yaml", b"id: m1\ntitle: \xe4\n")
    assert codes(latin1) == [("YM03", 2, 8)]


def test_one_bad_item_of_a_list_file_keeps_the_others() -> None:
    raw = (
        b"goals:\n"
        b"  - id: g1\n    code: '1'\n    title: A\n"
        b"  - id: g2\n    code: '2'\n    titel: B\n"
        b"  - id: g3\n    code: '3'\n    title: C\n"
    )
    doc = load_document("data/strategy/goals.yaml", raw)
    assert [getattr(g, "id") for g in doc.items] == ["g1", "g3"]  # noqa: B009
    assert ("SC01", 7, 5) in codes(doc)


def test_a_file_in_an_unknown_place_is_a_warning() -> None:
    doc = load_document("data/misc/notes.yaml", b"a: 1\n")
    assert [d.code for d in doc.diagnostics] == ["YM08"]


def test_tree_collects_entities_and_diagnostics(minimal_root: Path) -> None:
    (minimal_root / "data" / "measures" / "broken.yaml").write_text("id: broken\nstaus: x\n")
    tree = load_tree(FsSource(minimal_root))
    assert sorted(m.id for m in tree.measures) == ["m-alpha", "m-beta"]
    assert "broken" in tree.unvalidated_ids
    assert {d.file for d in tree.diagnostics} == {"data/measures/broken.yaml"}
    location = tree.locate(tree.measure_by_id["m-alpha"], "progress")
    assert location is not None and (location.line, location.column) == (10, 11)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlinks_inside_the_tree_are_read_and_outside_refused(
    minimal_root: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_bytes(GOOD_MEASURE)
    measures = minimal_root / "data" / "measures"
    (measures / "escape.yaml").symlink_to(outside)
    (measures / "again.yaml").symlink_to(measures / "m-beta.yaml")
    source = FsSource(minimal_root)
    files = source.list_files()
    assert "data/measures/again.yaml" in files
    assert "data/measures/escape.yaml" not in files
    assert [(p.code, p.file) for p in source.problems()] == [("YM06", "data/measures/escape.yaml")]
    tree = load_tree(FsSource(minimal_root))
    assert any(d.code == "YM06" for d in tree.diagnostics)


def test_a_missing_strategy_is_reported(tmp_path: Path) -> None:
    (tmp_path / "data" / "measures").mkdir(parents=True)
    (tmp_path / "data" / "measures" / "m1.yaml").write_bytes(GOOD_MEASURE)
    tree = load_tree(FsSource(tmp_path))
    assert [d.code for d in tree.diagnostics] == ["SC04"]
    assert [m.id for m in tree.measures] == ["m1"]


def test_a_data_symlink_leaving_the_repository_is_refused(tmp_path: Path) -> None:
    """``data -> /elsewhere`` must not be walked: only one finding, on ``data`` itself."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "measures").mkdir(parents=True)
    (elsewhere / "measures" / "m1.yaml").write_bytes(GOOD_MEASURE)
    root = tmp_path / "repo"
    root.mkdir()
    os.symlink(elsewhere, root / "data")
    source = FsSource(root)
    assert source.list_files() == []
    assert [(d.code, d.file) for d in source.problems()] == [("YM06", "data")]


def test_a_data_symlink_inside_the_repository_is_read(minimal_root: Path) -> None:
    (minimal_root / "data").rename(minimal_root / "real-data")
    os.symlink("real-data", minimal_root / "data")
    tree = load_tree(FsSource(minimal_root))
    assert tree.strategy is not None and tree.measures
    assert not [d for d in tree.diagnostics if d.code.startswith("YM")]


def test_an_unlistable_folder_is_a_finding_and_the_rest_loads(
    minimal_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission denied on ``data/meetings`` (monkeypatched: tests may run as root)."""
    real = os.scandir

    def scandir(path: str) -> object:
        if str(path).endswith("meetings"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr("ictgov.load.source.os.scandir", scandir)
    tree = load_tree(FsSource(minimal_root))
    (found,) = [d for d in tree.diagnostics if d.code == "YM09"]
    assert found.file == "data/meetings" and "Permission denied" in found.message
    assert tree.measures and not tree.meetings


def test_a_measure_nested_deeper_than_the_stack_does_not_stop_status(
    minimal_root: Path,
) -> None:
    """600 levels used to raise RecursionError in status, show, render and export."""
    from typer.testing import CliRunner

    from ictgov.cli.main import app

    deep = "id: m-deep\nx: " + "{a: " * 600 + "1" + "}" * 600 + "\n"
    (minimal_root / "data/measures/m-deep.yaml").write_text(deep, encoding="utf-8")
    runner = CliRunner()
    for args in (["status"], ["show", "m-alpha"], ["export", "--format", "json"]):
        result = runner.invoke(app, [*args, "--root", str(minimal_root)])
        assert result.exit_code == 0, (args, result.output)
        assert "internal error" not in result.output
