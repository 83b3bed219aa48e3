"""Schema and YAML errors in plain words: what is expected, with an example; never Pydantic's."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ictgov.i18n import LANGUAGES
from ictgov.load import load_document
from ictgov.load.yaml12 import parse_yaml

PYDANTIC = re.compile(
    r"Input should|Field required|Extra inputs|Value error|unable to parse|valid (integer|"
    r"boolean|date|string|list|number)|type=|pydantic",
    re.IGNORECASE,
)
BASE = {
    "id": "m-x",
    "code": '"1.1"',
    "title": "Otsikko",
    "goals": "[g1]",
    "responsible": "mgmt",
    "status": "in_progress",
    "progress": "10",
    "schedule": "{planned_start: 2024-01-01}",
    "indicator": "{description: Seurataan.}",
}
FIELDS = ["id", "code", "title", "goals", "responsible", "status", "progress", "schedule"]
VALUES = st.one_of(
    st.sampled_from(
        ["70 %", "kyllä", "valmis", "käynnissä", "26.4.2019", "[1, 2]", "{a: 1}", "true",
         "-5", "101", "4.5", "null", "''", "Porin kaupunki", "2019-02-30", "[]", "1.10"]
    ),
    st.integers(-1000, 1000).map(str),
    st.text("abcäö %.:-0123456789", min_size=1, max_size=12).map(lambda t: repr(t)),
)  # fmt: skip


def _messages(text: str) -> list[str]:
    doc = load_document("data/measures/m-x.yaml", text.encode("utf-8"))
    return [d.text(lang) for d in doc.diagnostics for lang in LANGUAGES]


@settings(max_examples=60)
@given(field=st.sampled_from(FIELDS), value=VALUES)
def test_no_pydantic_sentence_reaches_a_reader(field: str, value: str) -> None:
    data = {**BASE, field: value}
    text = "".join(f"{k}: {v}\n" for k, v in data.items())
    for message in _messages(text):
        assert not PYDANTIC.search(message), message


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("progress", "70 %", "without %, e.g. 'progress: 70'"),
        ("progress", "140", "progress is a whole number from 0 to 100 without %"),
        ("status", "käynnissä", "did you mean 'in_progress'?"),
        ("status", "bogus", "write one of the allowed values: planned, in_progress, completed"),
        ("goals", "g1", "write a list here"),
        ("title", "[a, b]", "write a text here"),
        ("code", "2", "put quotes around it, e.g. 'code: \"2\"'"),
        ("schedule", "{planned_start: 26.4.2019}", "'26.4.2019' is '2019-04-26'"),
        ("schedule", "{planned_start: huomenna}", "e.g. 2019-04-26"),
    ],
)  # fmt: skip
def test_each_error_says_what_to_write(field: str, value: str, expected: str) -> None:
    data = {**BASE, field: value}
    text = "".join(f"{k}: {v}\n" for k, v in data.items())
    doc = load_document("data/measures/m-x.yaml", text.encode("utf-8"))
    assert any(expected in d.message for d in doc.diagnostics), [d.message for d in doc.diagnostics]


def test_missing_and_unknown_keys() -> None:
    doc = load_document("data/measures/m-x.yaml", b"id: m-x\ntila: valmis\n")
    messages = [d.message for d in doc.diagnostics]
    assert "unknown key 'tila'; did you mean 'status'?" in messages
    assert "the key 'title' is missing from the top level; add 'title: ...'" in messages
    assert any("add 'date: 2019-04-26'" in m for m in _dated())


@pytest.mark.parametrize(
    ("text", "expected", "line"),
    [
        ("id: x\ntitle: a\n  status: b\n", "'status' on line 3 starts at column 3", 3),
        ("id: x\ntitle: a\n  status: b\n", "move 'status' to column 1, like the other keys of "
         "the block that starts on line 1", 3),
        ("id: x\nschedule:\n  planned_start: 2024-01-01\n planned_end: 2024-12-31\n",
         "line 4 starts at column 2; the block above, from line 3, is at column 3", 4),
        ("id: x\ntitle: Huom: tärkeä\n", "a text that contains ': ' must be in quotes", 2),
        ("id: x\ntitle: \"Sujuva arki\nstatus: planned\n", "the quote \" opened on line 2", 4),
        ("id: x\ngoals: [g1, g2\nstatus: planned\n", "the '[' opened on line 2, column 8", 3),
        ("id: x\ngoals:\n\t- g1\n", "indent with spaces, not tabs", 3),
    ],
)  # fmt: skip
def test_syntax_hints_fit_the_mistake(text: str, expected: str, line: int) -> None:
    (problem,) = parse_yaml(text).problems
    from ictgov.i18n.messages import render

    message = render(problem.message, problem.args)
    assert expected in message and problem.line == line
    if "must be in quotes" not in expected:
        assert "quotes around a text" not in message


def _dated() -> list[str]:
    text = "id: m-x\ncode: '1'\ntitle: T\ngoals: [g1]\nupdates:\n  - note: ilman päivää\n"
    return [d.message for d in load_document("data/measures/m-x.yaml", text.encode()).diagnostics]


@settings(max_examples=80)
@given(st.text(alphabet="ab: -[]{}\"'\n\t#&*|>", max_size=40))
def test_every_syntax_message_is_in_the_catalogues(text: str) -> None:
    """Whatever libyaml says, the reader gets one of our messages, translated."""
    from ictgov.i18n import translations

    for problem in parse_yaml(text).problems:
        for lang in ("fi", "sv"):
            assert translations(lang).gettext(problem.message) != problem.message, problem
