"""The command line speaks the reader's language: help, Click's words, errors and reports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ictgov.cli.localize import decide_language, repository_language
from ictgov.cli.main import app

ENGLISH_CLICK_WORDS = (
    "Usage:",
    "Options",
    "Arguments",
    "Commands",
    "Show this message",
    "Try '",
    "No such option",
    "Missing argument",
    "Invalid value",
    "Possible options",
    "[required]",
)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def flat(text: str) -> str:
    """Help text without the panel borders and line breaks, for phrases that wrap."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def assert_no_english_click(text: str) -> None:
    for word in ENGLISH_CLICK_WORDS:
        assert word not in text, f"{word!r} in:\n{text}"


def test_root_help_in_finnish() -> None:
    code, out, _ = run("--lang", "fi", "--help")
    assert code == 0
    out = flat(out)
    assert "Käyttö: ictgov [VALINNAT] KOMENTO [ARGUMENTIT]..." in out
    assert "Valinnat" in out and "Komennot" in out
    assert "Näytä tämä ohje ja lopeta." in out
    assert "Kirjaa toimenpiteen tila" in out  # the update command's summary
    assert_no_english_click(out)


def test_update_help_in_finnish_and_lint_help_in_swedish() -> None:
    code, out, _ = run("update", "--help", "--lang", "fi")
    assert code == 0
    out = flat(out)
    english = flat(run("update", "--help", "--lang", "en")[1])
    # What the help shows depends on Typer's version (before 0.20: no argument help, and
    # plain Click layout without panels when not on a terminal); whatever it shows in
    # English, it shows in Finnish.
    pairs = [
        ("[required]", "[pakollinen]"),
        ("Id of the measure.", "Toimenpiteen tunnus."),
        ("Arguments", "Argumentit"),
        ("Progress in per cent", "Edistyminen"),  # the cell may wrap after it
    ]
    shown = [(en, fi) for en, fi in pairs if en in english]
    assert shown, english
    for en, fi in shown:
        assert fi in out, (en, fi)
    assert_no_english_click(out)
    code, out, _ = run("--lang", "sv", "lint", "--help")
    assert code == 0
    out = flat(out)
    assert "Användning: ictgov lint [ALTERNATIV]" in out
    assert "Kontrollera strategimaterialet" in out and "Alternativ" in out
    assert_no_english_click(out)


def test_every_command_accepts_lang() -> None:
    commands = [["lint"], ["show"], ["schema"], ["diff"], ["history"], ["update"], ["init"],
                ["new", "measure"], ["import"], ["action", "done"], ["round", "start"]]  # fmt: skip
    for command in commands:
        code, out, err = run(*command, "--lang", "sv", "--help")
        assert code == 0, (command, err)
        assert "Användning:" in out, command


def test_bad_value_in_finnish_names_the_choices(minimal_root: Path) -> None:
    code, _, err = run("update", "--lang", "fi", "nonexistent", "--status", "x")
    assert code == 2
    err = flat(err)
    assert "Käyttö: ictgov update" in err and "Ohjeet: ictgov update -h" in err
    assert "Virhe" in err
    assert "--status: 'x' ei käy. Kirjoita jokin näistä: planned, in_progress" in err
    assert "(esim. --status planned)" in err
    assert_no_english_click(err)


def test_progress_out_of_range_says_the_range() -> None:
    code, _, err = run("update", "m-alpha", "--progress", "200", "--lang", "sv")
    assert code == 2
    err = flat(err)
    assert "--progress: skriv ett heltal från 0 till 100" in err


def test_mistyped_option_suggests_only_close_names() -> None:
    code, _, err = run("--lang", "fi", "update", "--lng", "sv", "m-alpha")
    assert code == 2
    err = flat(err)
    assert "Valintaa --lng ei ole. Tarkoititko --lang?" in err
    assert "--at" not in err
    code, _, err = run("--lang", "en", "update", "--zzzz", "m-alpha")
    assert "There is no option --zzzz." in err and "Did you mean" not in err
    code, _, err = run("--lang", "en", "status", "--lang-", "fi")
    assert "Did you mean --lang?" in err


def test_unknown_command_and_missing_argument_in_swedish() -> None:
    code, _, err = run("--lang", "sv", "stauts")
    assert code == 2
    assert "Kommandot stauts finns inte. Menade du status?" in flat(err)
    code, _, err = run("--lang", "sv", "update")
    assert code == 2 and "ID saknas: skriv det efter kommandot." in err
    code, _, err = run("--lang", "sv", "new", "measure", "--title", "x")
    assert "Alternativet --goal / -g saknas: det är obligatoriskt." in err


def test_a_bad_lang_is_refused_with_the_choices() -> None:
    code, _, err = run("update", "m-alpha", "--lang", "de")
    assert code == 2
    assert "'de' is not a language of ictgov: write fi, sv or en" in err
    # A command with its own --lang choice says the same in Click's words.
    code, _, err = run("lint", "--lang", "de")
    assert code == 2
    assert "'de' is not a possible value. Write one of: fi, sv, en" in err


def test_bad_update_reads_finnish_only(minimal_root: Path) -> None:
    code, _, err = run("update", "m-alfa", "--status", "completed", "--root", str(minimal_root),
                         "--lang", "fi")  # fmt: skip
    assert code == 2
    assert err.startswith("virhe: kansiossa data/measures/ ei ole toimenpidettä")
    assert "tarkoititko m-alpha?" in err
    code, _, err = run("update", "m-alpha", "--root", str(minimal_root), "--lang", "fi")
    assert "ei mitään päivitettävää: anna --status" in err and "(esim. --status in_progress)" in err


def test_bad_new_action_and_import_in_swedish(minimal_root: Path, tmp_path: Path) -> None:
    root = str(minimal_root)
    code, _, err = run("new", "measure", "--goal", "g9", "--title", "T", "--root", root,
                       "--lang", "sv")  # fmt: skip
    assert code == 2 and err.startswith("fel: målet 'g9' finns inte")
    code, _, err = run("action", "done", "mgmt-2030-01-01", "1", "--root", root, "--lang", "sv")
    assert code == 2 and "finns inget möte med id 'mgmt-2030-01-01'" in err
    bad = tmp_path / "values.csv"
    bad.write_text("id,status\nm-omega,completed\n", encoding="utf-8")
    code, out, err = run("import", str(bad), "--root", root, "--lang", "sv")
    assert code == 1, out + err
    assert "okänt åtgärds-id 'm-omega'" in out
    assert "0 ändrade, 0 oförändrade, 1 avvisad; ingenting skrevs" in out


def test_init_in_finnish(tmp_path: Path) -> None:
    target = tmp_path / "uusi"
    code, out, err = run("init", str(target), "--name", "Testistrategia", "--lang", "fi")
    assert code == 0, err
    assert "luotiin ictgov.toml" in out and "seuraavaksi: cd" in out
    assert "created" not in out
    code, _, err = run("init", str(target), "--name", "Testistrategia", "--lang", "fi")
    assert code == 2 and "ei ole tyhjä; valitse tyhjä kansio tai anna --force" in err


def test_language_rule(monkeypatch: pytest.MonkeyPatch, minimal_root: Path) -> None:
    monkeypatch.delenv("ICTGOV_LANG")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(minimal_root)
    assert repository_language(None) == "fi"  # the strategy's language
    assert decide_language([]) == "fi"
    (minimal_root / "ictgov.toml").write_text('language = "sv"\n', encoding="utf-8")
    assert decide_language(["status"]) == "sv"  # the configuration outranks the strategy
    monkeypatch.setenv("ICTGOV_LANG", "en")
    assert decide_language(["status"]) == "en"
    assert decide_language(["status", "--lang", "fi"]) == "fi"
    assert decide_language(["--lang=sv", "lint"]) == "sv"
    assert decide_language(["render", "--lang", "all"]) == "en"  # 'all' names no one language
    monkeypatch.delenv("ICTGOV_LANG")
    monkeypatch.chdir(minimal_root.parent)
    monkeypatch.setenv("LANG", "sv_FI.UTF-8")
    assert decide_language(["lint"]) in {"sv", "fi", "en"}  # a parent may be a repository
    assert decide_language(["lint", "--root", str(minimal_root)]) == "sv"


def test_language_from_the_repository_without_lang(
    monkeypatch: pytest.MonkeyPatch, minimal_root: Path
) -> None:
    monkeypatch.delenv("ICTGOV_LANG")
    code, _, err = run("update", "nope", "--status", "completed", "--root", str(minimal_root))
    assert code == 2 and err.startswith("virhe: ")


def test_plural_forms_never_read_1_files(minimal_root: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "one.csv"
    sheet.write_text("id,progress\nm-alpha,45\n", encoding="utf-8")
    code, out, err = run("import", str(sheet), "--root", str(minimal_root), "--lang", "en",
                         "--today", "2024-11-01")  # fmt: skip
    assert code == 0, out + err
    assert re.search(r"1 file written$", out.strip())
    assert "1 files" not in out


def test_json_errors_keep_their_keys_and_speak_the_language() -> None:
    code, out, _ = run("status", "--format", "json", "--root", "/nonexistent-dir", "--lang", "fi")
    assert code == 2
    assert '"kind": "configuration"' in out and '"message": "--root /nonexistent-dir' in out


def test_update_reports_its_changes_in_finnish(minimal_root: Path) -> None:
    code, out, err = run("update", "m-alpha", "--status", "completed", "--root", str(minimal_root),
                         "--today", "2024-11-01", "--lang", "fi")  # fmt: skip
    assert code == 0, err
    assert "päivitettiin data/measures/m-alpha.yaml" in out
    assert "tila: käynnissä -> valmis" in out and "valmiusaste: 40 -> 100" in out
    assert "toteutunut loppu: 2024-11-01" in out and "päivitysloki: uusi merkintä" in out
