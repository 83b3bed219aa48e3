"""The report's categories index, a page per category and the tag index, on a programme."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app

TODAY = "2026-02-01"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.conftest import FIXTURES

    root = tmp_path_factory.mktemp("prog") / "programme"
    shutil.copytree(FIXTURES / "programme", root)
    out = root / "site"
    result = CliRunner().invoke(
        app, ["render", "--root", str(root), "--today", TODAY, "--out", str(out), "--public"]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_language_has_the_index_the_pages_and_the_tags(site: Path, lang: str) -> None:
    html = site / lang
    md = site / lang / "md"
    for base, ext in ((html, "html"), (md, "md")):
        assert (base / f"categories/index.{ext}").is_file()
        assert (base / f"tags.{ext}").is_file()
        pages = sorted(p.stem for p in (base / "categories").glob(f"*.{ext}"))
        assert pages == sorted(
            [
                "index",
                "asiointi",
                "tietoturva",
                "tiedolla-johtaminen",
                "infra",
                "yhteentoimivuus",
                "osaaminen",
            ]
        )


def test_the_category_page_shows_its_roll_up(site: Path) -> None:
    text = (site / "en" / "md" / "categories" / "infra.md").read_text(encoding="utf-8")
    assert "[Categories](../categories/index.md)" in text
    assert "# Infrastructure and cloud" in text
    assert "- Measures: 6" in text
    assert "- Overdue: 2" in text
    assert "- Progress: 49%" in text  # English writes no space before %
    rows = [line for line in text.splitlines() if line.startswith("| [4.")]
    assert len(rows) == 6


def test_the_index_lists_every_category_with_its_figures(site: Path) -> None:
    text = (site / "fi" / "md" / "categories" / "index.md").read_text(encoding="utf-8")
    assert (
        "[Infrastruktuuri ja pilvipalvelut](../categories/infra.md) | 6 | 49\xa0% | 3 | 1 | 1 | 2 |"
        in text
    )
    assert text.count("](") >= 7  # six categories and the tag index


def test_measure_pages_link_to_their_category_and_tags(site: Path) -> None:
    page = (site / "fi" / "measures" / "p24-infra.html").read_text(encoding="utf-8")
    assert '<a href="../categories/infra.html">Infrastruktuuri ja pilvipalvelut</a>' in page
    assert re.search(r'<a href="../tags.html#tag-budjetti-[^"]+">budjetti-', page)
    tags = (site / "fi" / "tags.html").read_text(encoding="utf-8")
    assert 'id="tag-valtionavustus"' in tags


def test_navigation_reaches_the_categories(site: Path) -> None:
    page = (site / "sv" / "index.html").read_text(encoding="utf-8")
    assert '<a href="categories/index.html">Kategorier</a>' in page


def test_a_strategy_without_categories_has_no_category_pages(
    minimal_root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(
        app, ["render", "--root", str(minimal_root), "--out", str(out), "--format", "md"]
    )
    assert result.exit_code == 0, result.output
    assert not (out / "fi" / "md" / "categories").exists()
    assert "Luokat" not in (out / "fi" / "md" / "index.md").read_text(encoding="utf-8")
