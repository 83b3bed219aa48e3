"""``ictgov render --format pdf``: one tagged PDF with bookmarks for a board's agenda.

WeasyPrint needs the Pango library; without it these tests skip with a message, except
where ``ICTGOV_REQUIRE_PDF`` is set (``.ci/run`` sets it and installs Pango).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from tests.conftest import REPO


def _weasyprint_or_skip() -> None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        message = f"WeasyPrint cannot run here ({exc}): pip install -e '.[test]' and Pango"
        if os.environ.get("ICTGOV_REQUIRE_PDF"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def board_pdf(tmp_path_factory: pytest.TempPathFactory) -> Any:
    _weasyprint_or_skip()
    from pypdf import PdfReader

    out = tmp_path_factory.mktemp("pdf")
    root = tmp_path_factory.mktemp("repo") / "repo"
    shutil.copytree(REPO / "data", root / "data")
    (root / "ictgov.toml").write_text('language = "fi"\n', encoding="utf-8")
    args = ["render", "--root", str(root), "--format", "pdf", "--year", "2025", "--lang", "fi"]
    result = CliRunner().invoke(app, [*args, "--out", str(out), "--today", "2026-06-30"])
    assert result.exit_code == 0, result.output
    path = out / "ictgov-fi-2025.pdf"
    assert path.name in result.output
    return PdfReader(path)


def _titles(outline: list[Any]) -> list[str]:
    titles: list[str] = []
    for item in outline:
        titles += _titles(item) if isinstance(item, list) else [item.title]
    return titles


def test_the_pdf_is_tagged_in_finnish_with_embedded_fonts(board_pdf: Any) -> None:
    catalog = board_pdf.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "fi"
    fonts = [
        font.get_object()
        for page in board_pdf.pages[:3]
        for font in page["/Resources"]["/Font"].values()
    ]
    assert fonts and all("/FontFile2" in _descriptor(f) or "/FontFile3" in _descriptor(f)
                         for f in fonts)  # fmt: skip


def _descriptor(font: Any) -> Any:
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    return font["/FontDescriptor"].get_object()


def test_title_page_then_overview_goals_measures_and_the_annual_report(board_pdf: Any) -> None:
    first = board_pdf.pages[0].extract_text()
    assert "Tampereen seudun ICT-strategia" in first
    assert "Strategiakausi 2023–2027" in first and "Vuosiraportti 2025" in first
    assert "Seutuhallitus" in first  # the strategic-level body the report goes to
    titles = _titles(board_pdf.outline)
    assert "Vaatii huomiota" in titles and "Vuosiraportti 2025" in titles
    goal = titles.index("Rajattoman yhteistyön sujuvoittaminen")
    assert titles.index("Vuosiraportti 2025") > goal
    text = "".join(page.extract_text() for page in board_pdf.pages)
    assert "Päätökset" in text and "käynnissä" in text  # Finnish letters survive


def test_page_numbers_are_printed(board_pdf: Any) -> None:
    total = len(board_pdf.pages)
    assert f"2 / {total}" in board_pdf.pages[1].extract_text()


def test_an_unknown_body_is_a_clear_error(tmp_path: Path) -> None:
    _weasyprint_or_skip()
    root = tmp_path / "repo"
    shutil.copytree(REPO / "data", root / "data")
    args = ["render", "--root", str(root), "--format", "pdf", "--body", "nobody"]
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "--body nobody: no such body" in result.output
    assert "Traceback" not in result.output


def test_the_pdf_fetches_nothing() -> None:
    _weasyprint_or_skip()
    from ictgov.render.pdf import write_pdf

    html = '<html lang="fi"><title>t</title><img src="http://127.0.0.1:9/x.png" alt="x"></html>'
    target = Path(os.environ.get("TMPDIR", "/tmp")) / "ictgov-fetch-test.pdf"
    try:
        write_pdf(html, target)  # the refused image is left out, never requested
        assert target.read_bytes().startswith(b"%PDF-")
    finally:
        target.unlink(missing_ok=True)


def test_without_weasyprint_the_message_says_how_to_install(monkeypatch: Any) -> None:
    import builtins

    from ictgov.render import pdf

    real_import = builtins.__import__

    def no_weasyprint(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(pdf.PdfUnavailable, match=r"ictgov\[pdf\] instead of ictgov"):
        pdf.write_pdf("<html></html>", Path("unused.pdf"))
