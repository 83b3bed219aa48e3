"""Hostile spreadsheets and hostile disks: a clear error, never a traceback or lost rows."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.exchange.formulas import guard, unguard
from ictgov.exchange.readers import read_tables

TODAY = "2024-11-01"
ALPHA = "data/measures/m-alpha.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


def _import(root: Path, path: Path, *extra: str) -> tuple[int, str, str]:
    return run("import", str(path), "--root", str(root), "--today", TODAY, *extra)


# -- CSV formula cells ------------------------------------------------------------


@given(st.text())
def test_guard_and_unguard_are_inverse(text: str) -> None:
    assert unguard(guard(text)) == text
    assert not guard(text).startswith(("=", "+", "-", "@", "\t", "\r"))


def _set_note(root: Path, note: str) -> None:
    path = root / ALPHA
    path.write_text(path.read_text("utf-8").replace("note: Eteni.", f'note: "{note}"'), "utf-8")


@pytest.mark.parametrize("note", ['=HYPERLINK(\\"http://x\\")', "+1", "-1", "@SUM(A1)", "\\tx"])
def test_csv_export_neutralises_formulas_and_import_round_trips(
    minimal_root: Path, tmp_path: Path, note: str
) -> None:
    _set_note(minimal_root, note)
    folder = tmp_path / "csv"
    code, _, err = run("export", "-f", "csv", "-o", str(folder), "--root", str(minimal_root))
    assert code == 0, err
    text = (folder / "measures.csv").read_text("utf-8-sig")
    cell = next(line for line in text.splitlines() if line.startswith("m-alpha,"))
    assert ",'" in cell or ",\"'" in cell, cell
    before = (minimal_root / ALPHA).read_bytes()
    code, out, err = _import(minimal_root, folder / "measures.csv")
    assert code == 0, err
    assert "0 changed" in out  # the guarded note reads back as the same note
    assert (minimal_root / ALPHA).read_bytes() == before


# -- CSV size -----------------------------------------------------------------------


def test_csv_cell_over_131072_characters_is_read(minimal_root: Path, tmp_path: Path) -> None:
    path = tmp_path / "measures.csv"
    path.write_text(f"id,status,note\r\nm-alpha,in_progress,{'x' * 200_000}\r\n", "utf-8")
    code, out, err = _import(minimal_root, path, "--dry-run")
    assert code == 0, err
    assert "1 changed" in out


def test_csv_cell_over_the_limit_is_a_row_error(
    minimal_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ictgov.exchange.readers.MAX_CELL", 1000)
    path = tmp_path / "measures.csv"
    path.write_text(f"id,status,note\r\nm-alpha,in_progress,{'x' * 2000}\r\n", "utf-8")
    code, _, err = _import(minimal_root, path, "--dry-run")
    assert code == 2
    assert "measures.csv: row 2" in err and "1,000 characters" in err


def test_csv_rows_are_streamed(tmp_path: Path) -> None:
    path = tmp_path / "indicator_values.csv"
    path.write_text("measure_id,date,value\r\n" + "m-alpha,2024,1\r\n" * 5 + "\0", "utf-8")
    table = read_tables(path)["indicator_values"]
    rows = iter(table.rows)
    assert isinstance(table.rows, Iterator)  # nothing read beyond the header yet
    assert next(rows).get("measure_id") == "m-alpha"


# -- XLSX ---------------------------------------------------------------------------


def _workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rewrite(
    data: bytes, member: str, change: tuple[bytes, bytes] | None, raw: bytes = b""
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == member:
                body = body.replace(*change) if change else raw
            dst.writestr(info, body)
    return out.getvalue()


def test_xlsx_with_a_stale_dimension_loses_no_row(tmp_path: Path) -> None:
    rows: list[list[object]] = [["measure_id", "date", "value"]]
    rows += [[f"m{i}", "2024", i] for i in range(10)]
    data = _workbook({"indicator_values": rows})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert b'<dimension ref="A1:C11"' in sheet
    stale = (b'<dimension ref="A1:C11"', b'<dimension ref="A1:B2"')
    path = tmp_path / "stale.xlsx"
    path.write_bytes(_rewrite(data, "xl/worksheets/sheet1.xml", stale))
    table = read_tables(path)["indicator_values"]
    assert [r.get("measure_id") for r in table.rows] == [f"m{i}" for i in range(10)]


def test_two_sheets_read_as_one_table_are_an_error(minimal_root: Path, tmp_path: Path) -> None:
    header: list[list[object]] = [["measure_id", "date", "value"], ["m-alpha", "2024", 1]]
    path = tmp_path / "twice.xlsx"
    path.write_bytes(_workbook({"indicator_values": header, "Indicator Values": header}))
    code, _, err = _import(minimal_root, path, "--dry-run")
    assert code == 2
    assert "'indicator_values' and 'Indicator Values' are both read as" in err


@pytest.mark.parametrize(
    "member", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml"]
)
def test_malformed_xlsx_xml_is_a_clear_error(
    minimal_root: Path, tmp_path: Path, member: str
) -> None:
    data = _workbook({"measures": [["id", "status"], ["m-alpha", "completed"]]})
    path = tmp_path / "broken.xlsx"
    path.write_bytes(_rewrite(data, member, None, b"<worksheet><sheetData><row>"))
    code, _, err = _import(minimal_root, path, "--dry-run")
    assert code == 2, err
    assert "cannot read it as an Excel workbook" in err


# -- export writes ---------------------------------------------------------------------


def _limited(limit: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_export_that_cannot_be_written_keeps_the_previous_file(
    minimal_root: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"export.{fmt}"
    table = ["-t", "measures"] if fmt == "csv" else []
    args = ["export", "-f", fmt, *table, "-o", str(out), "--root", str(minimal_root)]
    code, _, err = run(*args)
    assert code == 0, err
    previous = out.read_bytes()
    _set_note(minimal_root, "x" * 50_000)  # the new export is larger than the limit
    proc = subprocess.run(
        [sys.executable, "-m", "ictgov", *args],
        capture_output=True,
        text=True,
        preexec_fn=lambda: _limited(len(previous) + 1000),
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert "the previous file is unchanged" in proc.stderr
    assert out.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_xlsx_export_is_refused_on_a_terminal(minimal_root: Path) -> None:
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "ictgov", "export", "--root", str(minimal_root)],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 2
    assert "give --out FILE.xlsx" in proc.stderr


# -- public export ---------------------------------------------------------------------


def test_public_export_masks_names_and_emails_in_free_text_as_render_does(
    minimal_root: Path,
) -> None:
    _set_note(minimal_root, "Palvelupäällikkö ja maija.meikalainen@example.fi sopivat")
    path = minimal_root / ALPHA
    text = path.read_text("utf-8").replace(
        "note: Käynnistetty.", "note: Maija Meikäläinen aloitti."
    )
    path.write_text(text, "utf-8")
    code, out, err = run("export", "-f", "json", "--public", "--root", str(minimal_root))
    assert code == 0, err
    assert "maija.meikalainen@example.fi" not in out
    assert "Maija Meikäläinen" not in out
    assert "[…] aloitti." in out and "[…] sopivat" in out
    code, out, _ = run("export", "-f", "json", "--root", str(minimal_root))
    assert "Maija Meikäläinen aloitti." in out


def test_import_report_shows_control_characters_from_the_file(
    minimal_root: Path, tmp_path: Path
) -> None:
    path = tmp_path / "measures.csv"
    path.write_text("id,status\r\nm-\x1b]0;PWNED\x07x,completed\r\n", "utf-8")
    code, out, _ = _import(minimal_root, path, "--dry-run")
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;PWNED\\x07" in out
