"""Lint speaks the reader's language: every message in fi, sv and en, in plain words.

A tree full of the mistakes people make (Finnish words for values and keys,
``progress: 70 %``, Finnish dates, a wrong indentation, an unclosed quote, a name
where an id goes, an unknown goal) is linted in Finnish and in Swedish: every message
is translated (no English template text left in it), none is a Pydantic sentence, and
each says how to fix it. Codes, names and JSON fields stay the same in every language.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.i18n import LOCALE_DIR
from tests.lint.helpers import make_tree

runner = CliRunner()

#: The usual mistakes, one file each so each is reported on its own.
MISTAKES: dict[str, str] = {
    "data/measures/m-words.yaml": (
        "id: m-words\ncode: '2.1'\ntitle: Sanat\ngoals: [g1]\nresponsible: steering\n"
        "indicator: {description: Seurataan.}\nstatus: käynnissä\nprogress: 70 %\n"
        "schedule:\n  planned_start: 26.4.2024\n"
    ),
    "data/measures/m-key.yaml": (
        "id: m-key\ncode: '2.2'\ntitle: Avain\ngoals: [g1]\nresponsible: steering\n"
        "indicator: {description: Seurataan.}\ntila: valmis\n"
    ),
    "data/measures/m-name.yaml": (
        "id: m-name\ncode: '2.3'\ntitle: Nimi\ngoals: [g1]\nresponsible: Tampere\n"
        "indicator: {description: Seurataan.}\n"
    ),
    "data/measures/m-goal.yaml": (
        "id: m-goal\ncode: '2.4'\ntitle: Tavoite\ngoals: [tavoite-9]\nresponsible: steering\n"
        "indicator: {description: Seurataan.}\n"
    ),
    "data/measures/m-indent.yaml": (
        "id: m-indent\ncode: '2.5'\ntitle: Sisennys\n  goals: [g1]\nresponsible: steering\n"
    ),
    "data/measures/m-quote.yaml": (
        "id: m-quote\ncode: '2.6'\ntitle: \"Lainaus\ngoals: [g1]\nresponsible: steering\n"
    ),
    "data/measures/m-bracket.yaml": (
        "id: m-bracket\ncode: '2.7'\ntitle: Sulku\ngoals: [g1, g2\nresponsible: steering\n"
    ),
}

#: Pydantic's own phrases: none may reach a reader.
PYDANTIC = re.compile(
    r"Input should|Field required|Extra inputs|Value error|unable to parse|valid integer"
)


def _lint_json(root: Path, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(
        app, ["lint", "--root", str(root), "--today", "2024-12-31", "-f", "json", *args]
    )
    assert result.exit_code == 1, result.output
    return list(json.loads(result.stdout)["diagnostics"])


def _english_fragments() -> list[str]:
    """The literal sentences of every English msgid (text between the ``{fields}``)."""
    with (LOCALE_DIR / "en" / "LC_MESSAGES" / "ictgov.po").open("rb") as f:
        catalogue = read_po(f)
    out = []
    for message in catalogue:
        for msgid in message.id if isinstance(message.id, tuple) else (message.id,):
            for part in re.split(r"\{[^{}]*\}", msgid or ""):
                if len(re.findall(r"[a-z]{2,}", part)) >= 3 and " " in part.strip():
                    out.append(part.strip())
    return out


@pytest.fixture
def mistakes(tmp_path: Path) -> Path:
    return make_tree(tmp_path / "repo", MISTAKES)


def test_english_shows_each_mistake_with_its_fix(mistakes: Path) -> None:
    messages = "\n".join(str(d["message"]) for d in _lint_json(mistakes, "--lang", "en"))

    for expected in (
        "did you mean 'in_progress'?",
        "progress is a whole number from 0 to 100 without %, e.g. 'progress: 70'",
        "'26.4.2024' is '2024-04-26'",
        "unknown key 'tila'; did you mean 'status'?",
        "'Tampere' is not an id; did you mean 'tampere'?",
        "refers to goal 'tavoite-9', which does not exist; the ones that exist: g1, g2",
        "wrong indentation: 'goals' on line 4 starts at column 3",
        "move 'goals' to column 1",
        'the quote " opened on line 3 is never closed',
        "the '[' opened on line 4, column 8 is not closed",
    ):
        assert expected in messages, expected
    assert "put quotes around a text" not in messages
    assert not PYDANTIC.search(messages)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_message_is_in_the_readers_language(mistakes: Path, lang: str) -> None:
    english = _lint_json(mistakes, "--lang", "en")
    local = _lint_json(mistakes, "--lang", lang)
    assert [(d["file"], d["line"], d["code"], d["name"]) for d in local] == [
        (d["file"], d["line"], d["code"], d["name"]) for d in english
    ]
    assert [sorted(d) for d in local] == [sorted(d) for d in english]  # the same fields
    fragments = _english_fragments()
    for en, here in zip(english, local, strict=True):
        text = str(here["message"])
        assert text != en["message"]
        assert not PYDANTIC.search(text), text
        leaked = [f for f in fragments if f in text]
        assert not leaked, (text, leaked)


def test_finnish_hints_name_the_fix(mistakes: Path) -> None:
    messages = "\n".join(str(d["message"]) for d in _lint_json(mistakes, "--lang", "fi"))
    for expected in (
        "tarkoititko 'in_progress'?",
        "kokonaisluku 0-100 ilman %-merkkiä, esim. 'progress: 70'",
        "'26.4.2024' on '2024-04-26'",
        "tuntematon avain 'tila'; tarkoititko 'status'?",
        "'Tampere' ei ole tunnus; tarkoititko 'tampere'?",
        "olemassa olevat: g1, g2",
        "väärä sisennys",
        "rivillä 3 avattua lainausmerkkiä",
    ):
        assert expected in messages, expected


def test_swedish_text_output_and_summary(mistakes: Path) -> None:
    result = runner.invoke(
        app, ["lint", "--root", str(mistakes), "--today", "2024-12-31", "--lang", "sv"]
    )
    assert result.exit_code == 1
    assert " fel SC01 [schema.unknown-key] okänd nyckel 'tila'; menade du 'status'?" in (
        result.stdout
    )
    assert result.stdout.splitlines()[-1].startswith("Hittade ")


def test_language_from_environment_and_repository(
    mistakes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ICTGOV_LANG", "sv")
    assert "okänd nyckel" in str(_lint_json(mistakes))
    monkeypatch.delenv("ICTGOV_LANG")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert "tuntematon avain" in str(_lint_json(mistakes))  # the strategy says fi
    (mistakes / "ictgov.toml").write_text('language = "sv"\n', encoding="utf-8")
    assert "okänd nyckel" in str(_lint_json(mistakes))  # ictgov.toml outranks the strategy


def test_the_result_cache_keeps_no_language(mistakes: Path) -> None:
    first = _lint_json(mistakes, "--lang", "fi")
    again = _lint_json(mistakes, "--lang", "en")  # answered from the result cache
    assert (mistakes / ".ictgov-cache").is_dir()
    assert "tuntematon avain" in str(first) and "unknown key 'tila'" in str(again)


@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_github_and_sarif_speak_finnish(mistakes: Path, fmt: str) -> None:
    result = runner.invoke(
        app, ["lint", "--root", str(mistakes), "--today", "2024-12-31", "-f", fmt, "--lang", "fi"]
    )
    assert result.exit_code == 1
    assert "tuntematon avain" in result.stdout
    assert "unknown key" not in result.stdout


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_catalogue_entry_is_translated(lang: str) -> None:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "ictgov.po").open("rb") as f:
        catalogue = read_po(f, locale=lang)
    missing = [
        m.id
        for m in catalogue
        if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)
    ]
    assert not missing, missing


def test_fail_on_info_is_accepted(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo")
    result = runner.invoke(
        app, ["lint", "--root", str(root), "--today", "2024-12-31", "--fail-on", "info"]
    )
    assert result.exit_code == 0, result.output


def test_no_indicator_message_has_no_stray_brace(tmp_path: Path) -> None:
    root = make_tree(
        tmp_path / "repo",
        {
            "data/measures/m-bare.yaml": (
                "id: m-bare\ncode: '2.9'\ntitle: Paljas\ngoals: [g1]\nresponsible: steering\n"
            )
        },
    )
    messages = [d["message"] for d in _lint_json(root, "--lang", "en") if d["code"] == "CM02"]
    assert messages == [
        "measure 'm-bare' has no indicator; add 'indicator: {description: <how it is followed>}'"
    ]
