"""The YAML 1.2 fast path reads values exactly as ruamel.yaml (round-trip, 1.2) does.

Dates are compared as ISO strings: the fast path leaves them as text (the models
parse them), ruamel.yaml makes ``date`` objects.
"""

from __future__ import annotations

import io
import math
import re
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ictgov.load.yaml12 import parse_yaml

TRICKY = """\
plain_no: no
plain_on: on
plain_yes: yes
plain_off: off
octal_looking: 010
sexagesimal: 12:30
octal: 0o10
hex: 0x1F
grouped: 1_000
float: 1.5e3
inf: .inf
minus_inf: -.inf
tilde: ~
null_word: null
true_word: true
True_word: True
quoted_no: 'no'
quoted_octal: "010"
quoted_null: "~"
quoted_true: 'true'
date: 2024-03-01
municipality_code: "020"
leading_zero: 020
version: 1.2.3
list: [no, 'on', 010, 12:30, ~]
nested: {a: yes, b: [1_0, .5]}
"""


def ruamel_load(text: str) -> Any:
    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    return yaml.load(io.StringIO(text))


def normalise(value: Any) -> Any:
    """Plain Python values: ruamel's scalar subclasses unwrapped, dates as ISO text."""
    if isinstance(value, dict):
        return {normalise(k): normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, datetime):
        return ("datetime", value.isoformat())
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return "nan" if math.isnan(value) else float(value)
    return str(value)


def test_tricky_file_reads_the_same() -> None:
    fast = parse_yaml(TRICKY)
    assert fast.problems == []
    assert normalise(fast.data) == normalise(ruamel_load(TRICKY))
    data = fast.data
    assert (data["plain_no"], data["plain_on"], data["octal_looking"], data["sexagesimal"]) == (
        "no",
        "on",
        10,
        "12:30",
    )
    assert (data["octal"], data["grouped"], data["inf"], data["tilde"]) == (8, 1000, math.inf, None)
    quoted = (data["quoted_no"], data["quoted_octal"], data["municipality_code"])
    assert quoted == ("no", "010", "020")


# Plain scalars built from the characters that make YAML 1.1 and 1.2 differ.
_ATOMS = st.sampled_from(
    [
        "0",
        "1",
        "7",
        "9",
        "_",
        ".",
        "-",
        "+",
        "e",
        "E",
        "x",
        "o",
        "b",
        "inf",
        "nan",
        "true",
        "True",
        "false",
        "no",
        "yes",
        "on",
        "off",
        "null",
        "~",
        "a",
        "Z",
        "0x",
        "0o",
        "0b",
        "2024-03-01",
        "12:30",
    ]
)
PLAIN = st.lists(_ATOMS, min_size=1, max_size=5).map("".join)
QUOTED = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
KEY = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)


def _scalar_text(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["plain", "single", "double"]))
    if kind == "plain":
        return draw(PLAIN)
    text = draw(QUOTED)
    if kind == "single":
        return "'" + text.replace("'", "''") + "'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = []
    for key in draw(st.lists(KEY, min_size=1, max_size=6, unique=True)):
        shape = draw(st.sampled_from(["scalar", "flow", "block"]))
        if shape == "scalar":
            lines.append(f"{key}: {_scalar_text(draw)}")
        elif shape == "flow":
            items = [_scalar_text(draw) for _ in range(draw(st.integers(0, 3)))]
            lines.append(f"{key}: [{', '.join(items)}]")
        else:
            lines.append(f"{key}:")
            for sub in draw(st.lists(KEY, min_size=1, max_size=3, unique=True)):
                lines.append(f"  {sub}: {_scalar_text(draw)}")
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_read_the_same(text: str) -> None:
    try:
        expected = ruamel_load(text)
    except YAMLError:
        assume(False)
    except (IndexError, ValueError):  # ruamel.yaml itself crashes on e.g. '0o_'
        assume(False)
    # YAML 1.2's core schema has no sign on 0x/0o/0b integers, so '-0x0' is a text (as the
    # fast reader says); ruamel.yaml reads it as the number 0. Not a case to compare.
    assume(re.search(r"[-+]0[xob]", text) is None)
    fast = parse_yaml(text)
    assert fast.problems == [], text
    normalised = normalise(expected)
    assume("datetime" not in repr(normalised))  # date-times are out of scope here
    assert normalise(fast.data) == normalised, text


@pytest.mark.parametrize("text", ["a: 1__0\n", "a: 1_\n", "a: 1._5\n", "a: -_1\n", "a: 0b1_0\n"])
def test_odd_digit_groups_read_as_ruamel_does(text: str) -> None:
    """Found by the property test: these used to raise ValueError in the fast path."""
    assert normalise(parse_yaml(text).data) == normalise(ruamel_load(text))


def test_underscore_only_digits_stay_text() -> None:
    assert parse_yaml("a: 0o_\nb: 0x_\n").data == {"a": "0o_", "b": "0x_"}
