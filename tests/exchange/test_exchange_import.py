"""``ictgov import``: changed, unchanged and rejected rows, locations, all-or-nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.config import load_config
from ictgov.exchange.importer import import_file

TODAY = "2024-11-01"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "data").rglob("*.yaml")}


def export_xlsx(root: Path, dest: Path) -> Path:
    code, _, err = run("export", "-o", str(dest), "--root", str(root))
    assert code == 0, err
    return dest


def edit_cells(
    path: Path, changes: dict[str, dict[str, object]], append: dict[str, list[object]] | None = None
) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    for sheet_name, cells in changes.items():
        for ref, value in cells.items():
            workbook[sheet_name][ref] = value
    for sheet_name, row in (append or {}).items():
        workbook[sheet_name].append(row)
    workbook.save(path)


def test_unchanged_workbook_changes_no_file(minimal_root: Path, tmp_path: Path) -> None:
    before = snapshot(minimal_root)
    path = export_xlsx(minimal_root, tmp_path / "x.xlsx")
    code, out, err = run("import", str(path), "--root", str(minimal_root), "--today", TODAY)
    assert code == 0, err
    assert "0 changed, 3 unchanged, 0 rejected; 0 files written" in out
    assert snapshot(minimal_root) == before


def test_unchanged_csv_changes_no_file(minimal_root: Path, tmp_path: Path) -> None:
    before = snapshot(minimal_root)
    folder = tmp_path / "csv"
    assert run("export", "-f", "csv", "-o", str(folder), "--root", str(minimal_root))[0] == 0
    for name in ("measures.csv", "indicator_values.csv"):
        code, out, err = run("import", str(folder / name), "--root", str(minimal_root))
        assert code == 0, err
        assert "0 changed" in out
    assert snapshot(minimal_root) == before


def test_computed_attention_columns_are_ignored(minimal_root: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    before = snapshot(minimal_root)
    path = export_xlsx(minimal_root, tmp_path / "x.xlsx")
    sheet = load_workbook(path)["measures"]
    header = [c.value for c in sheet[1]]
    letter = {name: chr(ord("A") + header.index(name)) for name in header}
    computed = {
        f"{letter['stale']}2": "maybe",
        f"{letter['overdue']}2": True,
        f"{letter['needs_attention']}3": "kyllä",
        f"{letter['attention_reasons']}2": "off_track, nonsense",
        f"{letter['days_since_update']}2": "-5 päivää",
    }
    edit_cells(path, {"measures": computed})
    code, out, err = run("import", str(path), "--root", str(minimal_root), "--today", TODAY)
    assert code == 0, err
    assert "0 changed, 3 unchanged, 0 rejected; 0 files written" in out
    assert snapshot(minimal_root) == before


def test_running_periods_in_a_sheet_are_dated_on_the_import_date(
    minimal_root: Path, tmp_path: Path
) -> None:
    path = tmp_path / "indicator_values.csv"
    path.write_text(
        "measure_id;date;value\nm-alpha;2026-11;9\nm-alpha;2026-Q3;8\n", encoding="utf-8"
    )
    code, out, err = run("import", str(path), "--root", str(minimal_root), "--today", "2026-11-21")
    assert code == 0, err
    assert "indicator value 2026-11-21: 9 (new)" in out
    assert "indicator value 2026-09-30: 8 (new)" in out
    text = (minimal_root / "data" / "measures" / "m-alpha.yaml").read_text("utf-8")
    assert "    - {date: 2026-11-21, value: 9}\n" in text
    # --date is the reporting date; ICTGOV_TODAY works as --today does.
    path.write_text("measure_id;date;value\nm-alpha;2026-11;10\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["import", str(path), "--date", "2026-11-15", "--root", str(minimal_root)],
        env={"ICTGOV_TODAY": "2026-11-21"},
    )
    assert result.exit_code == 0, result.stderr
    assert "indicator value 2026-11-15: 10 (new)" in result.stdout


def test_a_future_day_or_a_period_not_begun_is_rejected(minimal_root: Path, tmp_path: Path) -> None:
    before = snapshot(minimal_root)
    path = tmp_path / "indicator_values.csv"
    path.write_text(
        "measure_id;date;value\nm-alpha;2026-12;9\nm-alpha;30.11.2026;8\n", encoding="utf-8"
    )
    code, out, _ = run("import", str(path), "--root", str(minimal_root), "--today", "2026-11-21")
    assert code == 1
    assert "'2026-12' has not begun by the reporting date 2026-11-21" in out
    assert "DT04" in out and "dated 2026-11-30, after today (2026-11-21)" in out
    assert snapshot(minimal_root) == before


def test_changes_from_a_workbook(minimal_root: Path, tmp_path: Path) -> None:
    path = export_xlsx(minimal_root, tmp_path / "x.xlsx")
    # Row 2 is m-alpha: progress (I) and a new note over the last one (O).
    edit_cells(
        path,
        {"measures": {"I2": 55, "O2": "Eteni: testit alkoivat"}},
        {"indicator_values": ["m-alpha", "2024-Q3", "12,5", "%", "Kysely"]},
    )
    code, out, err = run(
        "import", str(path), "--by", "Koordinaattori", "--root", str(minimal_root), "--today", TODAY
    )
    assert code == 0, err
    assert (
        "measures!A2\tm-alpha\tchanged\tprogress: 40 -> 55; update log: new entry 2024-11-01" in out
    )
    assert "indicator_values!A3\tm-alpha\tchanged\tindicator value 2024-09-30: 12.5 (new)" in out
    assert "1 file written" in out
    text = (minimal_root / "data" / "measures" / "m-alpha.yaml").read_text("utf-8")
    assert "    - {date: 2024-09-30, value: 12.5, source: Kysely}\n" in text
    assert text.endswith(
        "  - date: 2024-11-01\n    progress: 55\n"
        '    note: "Eteni: testit alkoivat"\n    by: Koordinaattori\n'
    )


def test_a_rejected_row_blocks_every_write_unless_partial(
    minimal_root: Path, tmp_path: Path
) -> None:
    before = snapshot(minimal_root)
    path = export_xlsx(minimal_root, tmp_path / "x.xlsx")
    edit_cells(path, {"measures": {"I2": 60, "G3": "valmis?", "I3": 150}})
    edit_cells(path, {}, {"measures": ["m-gamma"]})
    code, out, _ = run("import", str(path), "--root", str(minimal_root), "--today", TODAY)
    assert code == 1
    assert "measures!G3\tm-beta\trejected\tstatus: 'valmis?' is not one of planned" in out
    assert "measures!A4\tm-gamma\trejected\tunknown measure id 'm-gamma'" in out
    assert "nothing was written because a row was rejected" in out
    assert snapshot(minimal_root) == before
    code, out, _ = run(
        "import", str(path), "--partial", "--root", str(minimal_root), "--today", TODAY
    )
    assert code == 1
    assert "1 file written" in out
    after = snapshot(minimal_root)
    assert [k for k in after if after[k] != before[k]] == ["data/measures/m-alpha.yaml"]


def test_change_that_lint_flags_is_rejected(minimal_root: Path, tmp_path: Path) -> None:
    path = export_xlsx(minimal_root, tmp_path / "x.xlsx")
    edit_cells(path, {"measures": {"G2": "completed", "I2": 70}})
    code, out, _ = run("import", str(path), "--root", str(minimal_root), "--today", TODAY)
    assert code == 1
    assert "m-alpha\trejected\tlint would report an error: data/measures/m-alpha.yaml" in out
    assert "ST01" in out


def test_finnish_excel_csv(minimal_root: Path, tmp_path: Path) -> None:
    path = tmp_path / "arvot.csv"
    text = "measure_id;date;value;unit;source\r\nm-alpha;30.9.2024;12,5;%;Kysely\r\n"
    path.write_bytes(text.encode("cp1252"))
    code, out, err = run("import", str(path), "--root", str(minimal_root), "--today", TODAY)
    assert code == 0, err
    assert "arvot.csv!A2\tm-alpha\tchanged\tindicator value 2024-09-30: 12.5 (new)" in out


def test_json_report_and_dry_run(minimal_root: Path, tmp_path: Path) -> None:
    before = snapshot(minimal_root)
    path = tmp_path / "measures.csv"
    path.write_text("id,status,progress\nm-alpha,in_progress,45\nm-beta,,\nnope,,\n", "utf-8")
    code, out, _ = run(
        "import", str(path), "--dry-run", "--format", "json", "--root", str(minimal_root),
        "--today", TODAY,
    )  # fmt: skip
    assert code == 1
    report = json.loads(out)
    assert report["counts"] == {"changed": 1, "unchanged": 1, "rejected": 1}
    assert report["dry_run"] is True and report["written"] == []
    rejected = next(r for r in report["rows"] if r["outcome"] == "rejected")
    assert rejected["where"] == "measures.csv!A4"
    assert snapshot(minimal_root) == before


def test_duplicate_rows_are_rejected(minimal_root: Path, tmp_path: Path) -> None:
    path = tmp_path / "measures.csv"
    path.write_text("id,progress\nm-alpha,45\nm-alpha,50\n", "utf-8")
    report = import_file(
        minimal_root,
        load_config(minimal_root),
        path,
        date(2024, 11, 1),
        when=date(2024, 11, 1),
        dry_run=True,
    )
    assert [r.outcome.value for r in report.rows] == ["changed", "rejected"]
    assert "a second row for m-alpha (the first is measures.csv!A2)" in report.rows[1].details[0]


def test_missing_key_column_is_a_usage_error(minimal_root: Path, tmp_path: Path) -> None:
    path = tmp_path / "measures.csv"
    path.write_text("code,progress\n1.1,45\n", "utf-8")
    code, _, err = run("import", str(path), "--root", str(minimal_root))
    assert code == 2
    assert "has no column 'id'" in err


def test_unchanged_bundled_workbook_changes_no_file(bundled_root: Path, tmp_path: Path) -> None:
    before = snapshot(bundled_root)
    path = export_xlsx(bundled_root, tmp_path / "bundled.xlsx")
    code, out, err = run("import", str(path), "--root", str(bundled_root), "--today", "2026-11-21")
    assert code == 0, err
    assert "0 changed" in out and "0 rejected" in out
    assert snapshot(bundled_root) == before


def test_a_percent_formatted_progress_cell_is_read_as_shown(
    minimal_root: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    path = export_xlsx(minimal_root, tmp_path / "x.xlsx")
    workbook = load_workbook(path)
    cell = workbook["measures"]["I2"]  # m-alpha's progress, 40
    cell.value = 0.85  # what Excel stores when a person types "85 %"
    cell.number_format = "0 %"
    workbook.save(path)
    code, out, err = run("import", str(path), "--root", str(minimal_root), "--today", TODAY)
    assert code == 0, err
    assert "progress: 40 -> 85" in out
    text = (minimal_root / "data" / "measures" / "m-alpha.yaml").read_text("utf-8")
    assert "\nprogress: 85\n" in text


def test_the_same_workbook_imported_twice_posts_its_note_once(
    minimal_root: Path, tmp_path: Path
) -> None:
    path = export_xlsx(minimal_root, tmp_path / "x.xlsx")
    edit_cells(path, {"measures": {"I2": 55}})  # progress only; last_update_note as exported
    first = run("import", str(path), "--root", str(minimal_root), "--today", TODAY)
    assert first[0] == 0, first[2]
    assert "1 file written" in first[1]
    after_first = snapshot(minimal_root)
    second = run("import", str(path), "--root", str(minimal_root), "--today", "2024-11-08")
    assert second[0] == 0, second[2]
    assert "0 changed" in second[1]
    assert snapshot(minimal_root) == after_first


def test_a_conflict_halfway_through_the_batch_leaves_every_file_as_it_was(
    minimal_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor saves m-beta while m-alpha is being replaced: nothing may stay written."""
    from ictgov.edit import atomic

    path = export_xlsx(minimal_root, tmp_path / "x.xlsx")
    edit_cells(path, {"measures": {"I2": 55, "O3": "Uusi huomio"}})
    beta = minimal_root / "data" / "measures" / "m-beta.yaml"
    edited_by_hand = beta.read_bytes() + b"# saved in an editor\n"
    real_replace = atomic.os.replace

    def replace_while_an_editor_saves(src: str, dst: str) -> None:
        real_replace(src, dst)
        if not beta.read_bytes().endswith(b"# saved in an editor\n"):
            beta.write_bytes(edited_by_hand)

    before = snapshot(minimal_root)
    monkeypatch.setattr(atomic.os, "replace", replace_while_an_editor_saves)
    code, out, err = run("import", str(path), "--root", str(minimal_root), "--today", TODAY)
    monkeypatch.undo()
    assert code == 2, out + err
    assert "nothing was written" in err
    after = snapshot(minimal_root)
    assert after["data/measures/m-alpha.yaml"] == before["data/measures/m-alpha.yaml"]
    assert after["data/measures/m-beta.yaml"] == edited_by_hand
