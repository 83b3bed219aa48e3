"""``ictgov schema``: print one kind, write all, and --check for stale files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.model.files import KINDS

runner = CliRunner()


def test_prints_one_kind_as_json() -> None:
    result = runner.invoke(app, ["schema", "--kind", "measure"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["title"] == "ictgov measure file"
    assert "updates" in schema["properties"]


def test_unknown_kind_exits_2_with_did_you_mean() -> None:
    result = runner.invoke(app, ["schema", "--kind", "meassure"])
    assert result.exit_code == 2
    assert "did you mean 'measure'" in result.stderr


def test_writes_all_to_schemas_of_the_root(minimal_root: Path) -> None:
    result = runner.invoke(app, ["schema", "--root", str(minimal_root)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (minimal_root / "schemas").iterdir())
    assert names == sorted(f"{k.name}.schema.json" for k in KINDS)


def test_check_exits_1_when_stale_and_0_when_current(tmp_path: Path) -> None:
    out = tmp_path / "s"
    assert runner.invoke(app, ["schema", "--out", str(out)]).exit_code == 0
    assert runner.invoke(app, ["schema", "--out", str(out), "--check"]).exit_code == 0
    (out / "bodies.schema.json").write_text("{}\n", encoding="utf-8")
    result = runner.invoke(app, ["schema", "--out", str(out), "--check"])
    assert result.exit_code == 1
    assert "bodies.schema.json" in result.stderr
    assert json.loads((out / "bodies.schema.json").read_text()) == {}  # --check writes nothing


def test_out_with_kind_writes_only_that_kind(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--kind", "goals", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["goals.schema.json"]


def test_without_a_root_it_says_how_to_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 2
    assert "--root" in result.stderr


def _description(folder: Path) -> str:
    schema = json.loads((folder / "measure.schema.json").read_text(encoding="utf-8"))
    return str(schema["properties"]["progress"]["description"])


def test_a_repository_gets_schemas_in_its_language(
    minimal_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ICTGOV_LANG", raising=False)
    (minimal_root / "ictgov.toml").write_text('language = "sv"\n', encoding="utf-8")
    assert runner.invoke(app, ["schema", "--root", str(minimal_root)]).exit_code == 0
    assert _description(minimal_root / "schemas").startswith("Framsteg:")
    check = runner.invoke(app, ["schema", "--root", str(minimal_root), "--check"])
    assert check.exit_code == 0, check.output
    result = runner.invoke(app, ["schema", "--root", str(minimal_root), "--lang", "fi"])
    assert result.exit_code == 0
    assert _description(minimal_root / "schemas").startswith("Edistyminen:")


def test_without_a_configured_language_the_strategys_counts(
    minimal_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ictgov.scaffold.schemas import repository_language

    monkeypatch.delenv("ICTGOV_LANG", raising=False)
    (minimal_root / "ictgov.toml").write_text("stale_after_days = 120\n", encoding="utf-8")
    strategy = minimal_root / "data" / "strategy" / "strategy.yaml"
    text = strategy.read_text(encoding="utf-8")
    strategy.write_text(text.replace("\nlanguage: fi\n", "\nlanguage: sv\n"), encoding="utf-8")
    assert repository_language(minimal_root) == "sv"
    assert runner.invoke(app, ["schema", "--root", str(minimal_root)]).exit_code == 0
    assert _description(minimal_root / "schemas").startswith("Framsteg:")


def test_out_and_printing_stay_english_unless_asked(tmp_path: Path) -> None:
    assert runner.invoke(app, ["schema", "--out", str(tmp_path)]).exit_code == 0
    assert _description(tmp_path).startswith("How far the measure is")
    printed = runner.invoke(app, ["schema", "--kind", "measure", "--lang", "sv"])
    assert json.loads(printed.stdout)["properties"]["progress"]["description"].startswith(
        "Framsteg:"
    )
