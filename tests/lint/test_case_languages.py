"""Every finding of every rule case reads in Finnish and in Swedish, not in English.

Each case of ``tests/fixtures/lint/cases/*.yaml`` (see ``test_rules.py``) is linted
with ``--lang en``, ``--lang fi`` and ``--lang sv``. A message that reads the same in
Finnish or Swedish as in English is a msgid without a translation, or a message put
together in the code instead of a msgid; either fails here. Each msgid must also be
in the catalogue (extracted from an ``N_`` mark), nested messages included.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.i18n import translations
from ictgov.i18n.messages import MSGID
from tests.lint.helpers import CASE_TODAY, lint_root, make_tree
from tests.lint.test_rules import _cases

runner = CliRunner()


def _lint(root: Path, today: date, lang: str) -> list[dict[str, Any]]:
    result = runner.invoke(
        app,
        ["lint", "--root", str(root), "--today", today.isoformat(), "-f", "json", "--lang", lang],
    )
    assert result.exit_code in (0, 1), result.output
    return list(json.loads(result.stdout)["diagnostics"])


def _msgids(msgid: str, args: dict[str, Any]) -> list[str]:
    """*msgid* and every nested message's msgid among *args*."""
    out = [msgid]
    for value in args.values():
        for v in value if isinstance(value, list | tuple) else [value]:
            if isinstance(v, dict) and MSGID in v:
                out += _msgids(str(v[MSGID]), v.get("args") or {})
    return out


#: The cases in which a rule speaks (a case that expects silence has nothing to read).
SPEAKING = [c for c in _cases() if c.values[0]["expect"]]


@pytest.mark.parametrize("case", SPEAKING)
def test_case_messages_are_translated(case: dict[str, Any], tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo", case.get("files"), case.get("config"))
    today = case.get("today", CASE_TODAY)
    assert isinstance(today, date)

    catalogue = translations("en")
    for d in lint_root(root, today):
        for msgid in _msgids(d.msgid, d.args):
            assert catalogue.gettext(msgid) == msgid and msgid in catalogue._catalog, (
                f"{d.code}: {msgid!r} is not a msgid of the catalogue (mark it with N_)"
            )

    english = _lint(root, today, "en")
    assert english, "the case expects findings"
    for lang in ("fi", "sv"):
        local = _lint(root, today, lang)
        assert [(d["code"], d["line"]) for d in local] == [(d["code"], d["line"]) for d in english]
        for en, here in zip(english, local, strict=True):
            assert here["message"] != en["message"], (
                f"{lang} {en['code']}: still English: {en['message']!r}"
            )


#: A file each for the model's own checks (PydanticCustomError types explained in words).
MODEL_MISTAKES: dict[str, tuple[str, str, str]] = {
    # name: (file, text to replace, replacement)
    "cadence range": (
        "data/strategy/bodies.yaml",
        "cadence: {meetings_per_year: 2}",
        "cadence: {meetings_per_year: 4-2}",
    ),
    "period": (
        "data/strategy/strategy.yaml",
        "{start: 2023, end: 2027}",
        "{start: 2027, end: 2023}",
    ),
    "vote without counts": (
        "data/meetings/mgmt-2024-03-01.yaml",
        "    title: Tilannekatsaus\n",
        "    title: Tilannekatsaus\n    vote: {noes: 2, unanimous: true}\n",
    ),
}


@pytest.mark.parametrize("name", sorted(MODEL_MISTAKES))
def test_model_checks_read_in_every_language_with_an_example(name: str, tmp_path: Path) -> None:
    file, old, new = MODEL_MISTAKES[name]
    root = make_tree(tmp_path / "repo")
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")

    english = [d for d in _lint(root, CASE_TODAY, "en") if d["code"] == "SC02"]
    assert len(english) == 1, english
    assert "e.g." in str(english[0]["message"]) or "write" in str(english[0]["message"])
    assert "Value error" not in str(english[0]["message"])
    for lang, marker in (("fi", "esim"), ("sv", "t.ex")):
        local = [d for d in _lint(root, CASE_TODAY, lang) if d["code"] == "SC02"]
        message = str(local[0]["message"])
        assert message != english[0]["message"]
        assert marker in message or "poista" in message or "ta bort" in message, message
