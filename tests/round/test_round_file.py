"""The round file is data like any other: model, schema, lint references, diff."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ictgov.cli.main import app

ROUND = """\
id: 2024-autumn
started: 2024-11-01
due: 2024-11-29
requests:
  - owner: steering
    language: fi
    measures: [m-alpha, m-nosuch]
    workbook: 2024-autumn-steering.xlsx
  - owner: nobody
    language: sv
    measures: [m-beta]
    workbook: 2024-autumn-nobody.xlsx
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout + result.stderr


def test_lint_checks_the_references_of_a_round(minimal_root: Path) -> None:
    folder = minimal_root / "data" / "rounds"
    folder.mkdir()
    (folder / "2024-autumn.yaml").write_text(ROUND, encoding="utf-8")
    code, out = run(
        "lint", "--root", str(minimal_root), "--today", "2024-11-01", "--format", "json"
    )
    assert code == 1
    found = {
        (d["code"], d["line"], d["message"].split(" refers to ")[1].split(",")[0])
        for d in json.loads(out)["diagnostics"]
        if d["file"] == "data/rounds/2024-autumn.yaml"
    }
    assert found == {
        ("RF01", 7, "measure 'm-nosuch'"),
        ("RF01", 9, "body or organisation 'nobody'"),
    }


def test_unknown_keys_in_a_round_are_errors(minimal_root: Path) -> None:
    folder = minimal_root / "data" / "rounds"
    folder.mkdir()
    (folder / "2024-autumn.yaml").write_text(ROUND.replace("due:", "deu:"), encoding="utf-8")
    code, out = run("lint", "--root", str(minimal_root), "--today", "2024-11-01")
    assert code == 1
    assert "data/rounds/2024-autumn.yaml:3:1" in out


def test_the_round_schema_is_published() -> None:
    code, out = run("schema", "--kind", "round")
    assert code == 0, out
    schema = json.loads(out)
    assert schema["additionalProperties"] is False
    assert "requests" in schema["properties"]
