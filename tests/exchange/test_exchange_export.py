"""``ictgov export``: columns as documented, CSV with BOM, XLSX with real dates, JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.exchange.columns import TABLES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "exchange.md"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout_bytes, result.stderr


def documented_columns() -> dict[str, list[str]]:
    """Tables and their columns as docs/exchange.md lists them (### `name` + a table)."""
    out: dict[str, list[str]] = {}
    current: str | None = None
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^### `(\w+)`", line)
        if heading:
            current = heading.group(1)
            out[current] = []
        elif current and (cell := re.match(r"^\| `(\w+)` \|", line)):
            out[current].append(cell.group(1))
    return out


def test_documented_columns_are_the_exported_ones() -> None:
    assert documented_columns() == {name: [c.name for c in cols] for name, cols in TABLES.items()}


def test_csv_of_one_table_to_stdout_has_bom_and_the_columns(minimal_root: Path) -> None:
    code, out, err = run("export", "-f", "csv", "--table", "measures", "--root", str(minimal_root))
    assert code == 0, err
    assert out.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(out.decode("utf-8-sig"), newline="")))
    assert rows[0] == [c.name for c in TABLES["measures"]]
    alpha = dict(zip(rows[0], rows[1], strict=True))
    assert alpha["id"] == "m-alpha" and alpha["title"] == "Alfa"
    assert alpha["planned_start"] == "2024-01-01" and alpha["progress"] == "40"
    assert alpha["last_update_note"] == "Eteni."
    assert out.count(b"\r\n") == len(rows)


def test_csv_folder_keeps_finnish_letters(minimal_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    code, _, err = run("export", "-f", "csv", "-o", str(out), "--root", str(minimal_root))
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    updates = (out / "updates.csv").read_text(encoding="utf-8-sig")
    assert "Palvelupäällikkö" in updates
    assert "Hyväksyttiin." in (out / "decisions.csv").read_text(encoding="utf-8-sig")


def test_semicolon_csv_uses_decimal_commas(minimal_root: Path) -> None:
    path = minimal_root / "data" / "measures" / "m-alpha.yaml"
    path.write_text(path.read_text("utf-8").replace("value: 30,", "value: 30.5,"), "utf-8")
    code, out, _ = run(
        "export", "-f", "csv", "-t", "indicator_values", "--delimiter", ";",
        "--root", str(minimal_root),
    )  # fmt: skip
    assert code == 0
    assert "m-alpha;2024-12-31;30,5;%;Raportti" in out.decode("utf-8-sig")


def test_public_export_leaves_out_personal_columns(minimal_root: Path) -> None:
    code, out, _ = run("export", "-f", "json", "--public", "--root", str(minimal_root))
    assert code == 0
    tables = json.loads(out)["tables"]
    assert "by" not in tables["updates"][0]
    assert "Palvelupäällikkö" not in out.decode()
    code, out, _ = run("export", "-f", "json", "--root", str(minimal_root))
    assert json.loads(out)["tables"]["updates"][1]["by"] == "Palvelupäällikkö"


def test_json_shape(minimal_root: Path) -> None:
    code, out, _ = run("export", "-f", "json", "--root", str(minimal_root))
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "ictgov-export" and data["version"] == 1
    assert list(data["tables"]) == list(TABLES)
    measure = data["tables"]["measures"][0]
    assert measure["goals"] == ["g1"] and measure["health"] == "on_track"
    assert data["tables"]["actions"][0]["done"] is True
    assert data["tables"]["decisions"][0]["section"] == 12


def test_xlsx_has_frozen_filtered_sheets_with_real_dates(
    minimal_root: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "x.xlsx"
    code, _, err = run("export", "-o", str(path), "--root", str(minimal_root))
    assert code == 0, err
    workbook = load_workbook(path)
    assert workbook.sheetnames == list(TABLES)
    sheet = workbook["measures"]
    assert [c.value for c in sheet[1]] == [c.name for c in TABLES["measures"]]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{chr(ord('A') + len(TABLES['measures']) - 1)}3"
    assert isinstance(sheet["J2"].value, datetime) and sheet["J2"].number_format == "yyyy-mm-dd"
    assert sheet["D2"].value == "g1"
    assert sheet.column_dimensions["C"].width >= len("title") + 2
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert "planned" in lists[next(k for k in lists if k.startswith("G2"))]


def test_several_csv_tables_need_a_folder(minimal_root: Path) -> None:
    code, _, err = run("export", "-f", "csv", "--root", str(minimal_root))
    assert code == 2 and "--out FOLDER" in err


def test_export_of_the_bundled_data(bundled_root: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "bundled.xlsx"
    code, _, err = run("export", "-o", str(path), "--root", str(bundled_root))
    assert code == 0, err
    workbook = load_workbook(path, read_only=True)
    rows = list(workbook["measures"].iter_rows(values_only=True))
    measures = list((bundled_root / "data" / "measures").glob("*.yaml"))
    assert measures, "the bundled data has measures"
    assert len(rows) == len(measures) + 1
    codes = [r[1] for r in rows[1:]]
    assert codes == sorted(
        codes, key=lambda c: [int(p) if p.isdigit() else p for p in c.split(".")]
    )


def test_xlsx_to_a_pipe(minimal_root: Path) -> None:
    code, out, err = run("export", "--root", str(minimal_root))
    assert code == 0, err
    assert out.startswith(b"PK")  # a zip container: the workbook itself


def measures_json(root: Path, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    code, out, err = run(
        "export", "-f", "json", "-t", "measures", "--root", str(root), *args, env=env
    )
    assert code == 0, err
    return {row["id"]: row for row in json.loads(out)["tables"]["measures"]}


def test_attention_columns_follow_today(minimal_root: Path) -> None:
    early = measures_json(minimal_root, "--today", "2024-12-01")
    alpha = early["m-alpha"]  # in progress, updated 2024-10-15, planned end 2026-06-30
    assert (alpha["stale"], alpha["overdue"], alpha["needs_attention"]) == (False, False, False)
    assert alpha["attention_reasons"] == [] and alpha["days_since_update"] == 47
    late = measures_json(minimal_root, "--today", "2026-07-01")
    alpha = late["m-alpha"]
    assert (alpha["stale"], alpha["overdue"], alpha["needs_attention"]) == (True, True, True)
    assert alpha["attention_reasons"] == ["overdue", "stale"]
    assert alpha["days_since_update"] == (date(2026, 7, 1) - date(2024, 10, 15)).days
    beta = late["m-beta"]  # completed: never stale or overdue
    assert (beta["stale"], beta["overdue"], beta["needs_attention"]) == (False, False, False)


def test_attention_columns_agree_with_the_status_view(minimal_root: Path) -> None:
    from ictgov.config import load_config
    from ictgov.load import FsSource, load_tree
    from ictgov.views import build_overview

    day = date(2025, 9, 1)
    rows = measures_json(minimal_root, "--today", day.isoformat())
    tree = load_tree(FsSource(minimal_root))
    overview = build_overview(tree, day, load_config(minimal_root).stale_after_days)
    for view in overview.measures:
        row = rows[view.id]
        assert row["stale"] is view.stale and row["overdue"] is view.overdue
        assert row["needs_attention"] is view.needs_attention
        assert row["attention_reasons"] == [r.value for r in view.reasons]
        assert row["days_since_update"] == view.days_since_update


def test_today_from_the_environment_and_stale_after_days_from_config(minimal_root: Path) -> None:
    env = {"ICTGOV_TODAY": "2025-03-01"}  # 137 days after m-alpha's last update
    assert measures_json(minimal_root, env=env)["m-alpha"]["stale"] is True
    (minimal_root / "ictgov.toml").write_text("stale_after_days = 200\n", encoding="utf-8")
    alpha = measures_json(minimal_root, env=env)["m-alpha"]
    assert alpha["stale"] is False and alpha["days_since_update"] == 137
    # --today wins over the environment
    alpha = measures_json(minimal_root, "--today", "2024-11-01", env=env)["m-alpha"]
    assert alpha["days_since_update"] == 17


def test_attention_columns_in_csv_and_xlsx(minimal_root: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    code, out, err = run(
        "export", "-f", "csv", "-t", "measures", "--today", "2026-07-01",
        "--root", str(minimal_root),
    )  # fmt: skip
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"), newline="")))
    assert rows[0]["attention_reasons"] == "overdue, stale" and rows[0]["stale"] == "true"
    path = tmp_path / "a.xlsx"
    code, _, err = run(
        "export", "-o", str(path), "--today", "2026-07-01", "--root", str(minimal_root)
    )
    assert code == 0, err
    sheet = load_workbook(path)["measures"]
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert values["needs_attention"] is True and values["days_since_update"] == 624


def test_bad_today_is_a_usage_error(minimal_root: Path) -> None:
    code, _, err = run("export", "-f", "json", "--today", "1.7.2026", "--root", str(minimal_root))
    assert code == 2 and "--today" in err and "YYYY-MM-DD" in err
