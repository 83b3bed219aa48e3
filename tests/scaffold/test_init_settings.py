"""What ``ictgov init`` writes for editors and settings: the strategy's language throughout.

The schemas' descriptions are in the chosen language, and ``ictgov.toml`` shows every
setting of :func:`ictgov.config.settings` with its meaning, default and an example.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.config import load_config, settings
from ictgov.scaffold.settings_file import settings_file

runner = CliRunner()


@pytest.mark.parametrize(
    ("lang", "progress", "comment"),
    [
        ("fi", "Edistyminen:", "# ictgovin asetukset tämän strategian"),
        ("sv", "Framsteg:", "# Inställningar för ictgov"),
        ("en", "How far the measure is", "# Settings of ictgov"),
    ],
)
def test_init_speaks_the_strategys_language(
    tmp_path: Path, lang: str, progress: str, comment: str
) -> None:
    dest = tmp_path / "repo"
    result = runner.invoke(app, ["init", str(dest), "--language", lang, "--today", "2025-01-15"])
    assert result.exit_code == 0, result.output
    schema = json.loads((dest / "schemas" / "measure.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["progress"]["description"].startswith(progress)
    check = runner.invoke(app, ["schema", "--root", str(dest), "--check"], env={"LANG": "C"})
    assert check.exit_code == 0, check.output  # ictgov schema agrees with what init wrote
    text = (dest / "ictgov.toml").read_text(encoding="utf-8")
    assert load_config(dest).language_set == lang
    assert comment in text


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_settings_file_shows_every_setting_and_loads(tmp_path: Path, lang: str) -> None:
    text = settings_file(lang)
    for item in settings():
        assert re.search(rf"^(# )?{item.name} = ", text, re.MULTILINE), item.key
    (tmp_path / "ictgov.toml").write_text(text, encoding="utf-8")
    config = load_config(tmp_path)
    assert (config.language, config.stale_after_days, config.lint.fail_on.value) == (
        lang,
        120,
        "error",
    )
    # every commented-out example is valid too: uncomment them all and load again
    uncommented = re.sub(r"^# (\w+ = )", r"\1", text, flags=re.MULTILINE)
    tomllib.loads(uncommented)
    (tmp_path / "ictgov.toml").write_text(uncommented, encoding="utf-8")
    config = load_config(tmp_path)
    assert config.round.smtp_port == 587 and config.lint.ignore == ["DT02"]


def test_the_comments_are_translated() -> None:
    finnish = settings_file("fi")
    assert "# Käynnissä oleva toimenpide on vanhentunut" in finnish
    assert "# Oletusarvo: 120" in finnish
    assert "A measure in progress" not in finnish
