"""Categories in ``export`` and ``import``: the id and its name out, an id or a name back in."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from ictgov.cli.main import app

TODAY = "2026-02-01"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_export_has_the_category_and_its_name(programme_root: Path) -> None:
    code, out, err = run(
        "export", "-f", "json", "--root", str(programme_root), "--today", TODAY, "--lang", "sv"
    )
    assert code == 0, err
    rows = {r["id"]: r for r in json.loads(out)["tables"]["measures"]}
    assert rows["p24-infra"]["category"] == "infra"
    assert rows["p24-infra"]["category_name"] == "Infrastruktur och molntjänster"


def test_import_sets_a_category_by_id_or_by_name(programme_root: Path, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "measures.csv",
        [
            {"id": "p01-asiointi", "category": "osaaminen"},
            {"id": "p02-asiointi", "category": "Tietoturva ja varautuminen"},
        ],
    )
    code, out, err = run("import", str(path), "--root", str(programme_root), "--today", TODAY)
    assert code == 0, out + err
    assert "category: asiointi -> osaaminen" in out
    assert "category: asiointi -> tietoturva" in out
    text = (programme_root / "data/measures/p01-asiointi.yaml").read_text("utf-8")
    assert "category: osaaminen\n" in text


def test_import_rejects_an_unknown_category_with_the_closest_id(
    programme_root: Path, tmp_path: Path
) -> None:
    before = (programme_root / "data/measures/p01-asiointi.yaml").read_bytes()
    path = write_csv(tmp_path / "measures.csv", [{"id": "p01-asiointi", "category": "infr"}])
    code, out, _ = run("import", str(path), "--root", str(programme_root), "--today", TODAY)
    assert code == 1
    assert "unknown category 'infr'; did you mean 'infra'?" in out
    assert "measures.csv!B2" in out or "B2" in out
    assert (programme_root / "data/measures/p01-asiointi.yaml").read_bytes() == before


def test_back_filled_import_dates_only_what_the_sheet_states(
    programme_root: Path, tmp_path: Path
) -> None:
    """A completion reported for last year sets the actual end the sheet gives, no other."""
    path = write_csv(
        tmp_path / "measures.csv",
        [
            {"id": "p02-asiointi", "status": "completed", "actual_end": "2025-12-15"},
            {"id": "p12-tietoturva", "status": "completed"},
        ],
    )
    code, out, err = run(
        "import",
        str(path),
        "--root",
        str(programme_root),
        "--today",
        TODAY,
        "--date",
        "2026-01-10",
    )
    assert code == 0, out + err
    stated = (programme_root / "data/measures/p02-asiointi.yaml").read_text("utf-8")
    assert "actual_end: 2025-12-15" in stated
    silent = (programme_root / "data/measures/p12-tietoturva.yaml").read_text("utf-8")
    assert "actual_end" not in silent
    assert "not set, because the report is dated 2026-01-10" in out
