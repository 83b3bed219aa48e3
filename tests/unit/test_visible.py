"""Control characters from data are shown, never sent to the terminal."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from ictgov.render.blocks import Column, Heading, Line, Table, cell, to_plain
from ictgov.render.terminal import to_rich
from ictgov.visible import visible

EVIL = "Alfa\x1b]0;PWNED\x07\x1b]52;c;ZXZpbA==\x07\x1b[31mRED\r\u202e\x9b"


def test_visible_escapes_like_repr_and_keeps_line_breaks() -> None:
    assert visible("a\x1b[31mb\tc\rd\ne\u202ef\x85") == "a\\x1b[31mb\\tc\\rd\ne\\u202ef\\x85"
    assert visible("Tampere – Åbo ✔") == "Tampere – Åbo ✔"


@given(st.text())
def test_visible_leaves_no_control_but_newline(text: str) -> None:
    out = visible(text)
    for char in out:
        assert char == "\n" or unicodedata.category(char) not in ("Cc", "Zl", "Zp"), repr(char)
        assert not "\u202a" <= char <= "\u202e" and not "\u2066" <= char <= "\u2069"


def _blocks() -> list[Heading | Line | Table]:
    table = Table([Column(EVIL), Column("x")])
    table.add(EVIL, cell(EVIL))
    return [Heading(EVIL), Line(cell(EVIL)), table]


def test_plain_and_rich_output_show_escapes() -> None:
    plain = to_plain(_blocks(), 200)
    assert "\x1b" not in plain and "\x07" not in plain and "\r" not in plain
    assert "\\x1b]0;PWNED\\x07" in plain
    console = Console(force_terminal=True, width=400, color_system="standard")
    with console.capture() as capture:
        console.print(to_rich(_blocks()))
    drawn = capture.get()
    assert "\x1b]" not in drawn and "\x07" not in drawn and "\u202e" not in drawn
    assert "\\x1b]52;c;ZXZpbA==" in drawn
