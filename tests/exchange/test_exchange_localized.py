"""``export --lang fi|sv``: a workbook for people, in their language, that imports back."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from ictgov.cli.main import app

TODAY = "2024-11-01"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout + result.stderr


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "data").rglob("*.yaml")}


def test_a_finnish_export_has_finnish_words_and_dates(minimal_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "fi.xlsx"
    code, text = run("export", "--lang", "fi", "-o", str(out), "--root", str(minimal_root))
    assert code == 0, text
    book = load_workbook(out)
    assert book.sheetnames == [
        "Toimenpiteet",
        "Mittarin arvot",
        "Päivitykset",
        "Kokoukset",
        "Päätökset",
        "Jatkotoimet",
    ]
    assert [c.value for c in book["Kokoukset"][1]][:3] == ["tunnus", "toimielin", "päivämäärä"]
    sheet = book["Toimenpiteet"]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["tunnus", "numero", "nimi"]
    assert "tila" in headers and "valmiusaste %" in headers
    status = sheet.cell(2, headers.index("tila") + 1)
    assert status.value == "käynnissä"
    dropdowns = [dv.formula1 for dv in sheet.data_validations.dataValidation]
    assert '"suunniteltu,käynnissä,valmis,keskeytetty,lopetettu"' in dropdowns
    start = sheet.cell(2, headers.index("suunniteltu alku") + 1)
    assert start.is_date and start.number_format == "d.m.yyyy"


def test_a_swedish_export_has_swedish_words(minimal_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "sv.xlsx"
    assert run("export", "--lang", "sv", "-o", str(out), "--root", str(minimal_root))[0] == 0
    sheet = load_workbook(out)["Åtgärder"]
    headers = [c.value for c in sheet[1]]
    assert sheet.cell(2, headers.index("status") + 1).value == "pågår"


def test_without_lang_the_names_stay_the_stable_ones(minimal_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    assert run("export", "-o", str(out), "--root", str(minimal_root))[0] == 0
    sheet = load_workbook(out)["measures"]
    assert [c.value for c in sheet[1]][:3] == ["id", "code", "title"]
    assert sheet["G2"].value == "in_progress"


def test_a_localized_export_imports_back_unchanged(minimal_root: Path, tmp_path: Path) -> None:
    before = snapshot(minimal_root)
    for lang in ("fi", "sv"):
        out = tmp_path / f"{lang}.xlsx"
        assert run("export", "--lang", lang, "-o", str(out), "--root", str(minimal_root))[0] == 0
        code, text = run("import", str(out), "--root", str(minimal_root), "--today", TODAY)
        assert code == 0, text
        assert "0 changed" in text and "0 rejected" in text
    assert snapshot(minimal_root) == before


def test_no_two_names_share_a_word_in_any_language() -> None:
    from ictgov.i18n import LANGUAGES, translations
    from ictgov.i18n.headers import COLUMN_HEADERS, SHEET_NAMES, stable_name

    for lang in LANGUAGES:
        catalogue = translations(lang)
        for table in (COLUMN_HEADERS, SHEET_NAMES):
            for name, message in table.items():
                word = catalogue.pgettext(*message)
                assert stable_name(word) == name, f"{lang}: {word!r} reads as {stable_name(word)!r}"
