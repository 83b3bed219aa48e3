"""Findings kept as data and put into words when shown: msgid, arguments, nested messages."""

from __future__ import annotations

from ictgov.diagnostics import SCHEMA_UNKNOWN_KEY, Diagnostic, describe, severity_word
from ictgov.i18n.messages import msg, render


def _finding() -> Diagnostic:
    hint = msg("did you mean '{key}'?", key="status")
    return SCHEMA_UNKNOWN_KEY.at(
        "unknown key '{key}'; {hint}", "data/measures/m.yaml", 7, 1, "tila",
        args={"key": "tila", "hint": hint},
    )  # fmt: skip


def test_one_finding_reads_in_every_language() -> None:
    d = _finding()
    assert d.message == "unknown key 'tila'; did you mean 'status'?"
    assert d.text("fi") == "tuntematon avain 'tila'; tarkoititko 'status'?"
    assert d.text("sv") == "okänd nyckel 'tila'; menade du 'status'?"
    assert d.text("de") == d.message  # a language we do not have: English


def test_describe_is_the_one_line_other_commands_print() -> None:
    d = _finding()
    assert describe(d, "fi") == (
        "data/measures/m.yaml:7:1: virhe SC01 tuntematon avain 'tila'; tarkoititko 'status'?"
    )
    assert describe(d).startswith("data/measures/m.yaml:7:1: error SC01 unknown key")
    assert severity_word(d.severity, "sv") == "fel"


def test_a_finding_survives_json_without_its_language() -> None:
    d = _finding()
    stored = d.as_dict()
    assert stored["msgid"] == "unknown key '{key}'; {hint}" and "message" not in stored
    assert Diagnostic.from_dict(stored) == d
    shown = d.as_dict("fi")
    assert shown["message"].startswith("tuntematon avain") and "msgid" not in shown


def test_lists_are_joined_and_a_broken_translation_falls_back() -> None:
    assert render("the ones that exist: {ids}", {"ids": ["g1", "g2"]}, "fi") == (
        "olemassa olevat: g1, g2"
    )
    assert render("no such msgid {x}", {"x": 1}, "fi") == "no such msgid 1"
