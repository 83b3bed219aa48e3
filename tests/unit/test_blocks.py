"""The plain-text layout: column widths, ellipsis, wrapping, header alignment."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ictgov.render.blocks import Column, Heading, Line, Table, cell, fit, to_plain, widths


def test_widths_fill_the_line_with_fixed_columns_first() -> None:
    sizes = widths([Column(width=4), Column(ratio=2), Column(ratio=1), Column(width=10)], 80)
    assert sizes[0] == 4 and sizes[3] == 10
    assert sum(sizes) + 2 * 3 == 80
    assert sizes[1] == 2 * sizes[2] or sizes[1] == 2 * sizes[2] + 1


def test_flexible_columns_keep_their_minimum() -> None:
    assert widths([Column(width=70), Column(min_width=12)], 40) == [70, 12]


def test_fit_adds_an_ellipsis_only_when_cut() -> None:
    assert fit("short", 10) == "short"
    assert fit("a longer title", 8) == "a longe…"
    assert len(fit("x" * 50, 8)) == 8


def test_table_truncates_wraps_and_bottom_aligns_headers() -> None:
    table = Table(
        [
            Column("Code", width=4),
            Column("Title\nOwner", min_width=8),
            Column("Why", width=12, wrap=True),
        ]
    )
    table.add("1.1", cell("A very long title indeed\nBody"), "off track and overdue")
    lines = to_plain([table], 30).splitlines()
    assert lines[0].startswith("      Title")  # the two-line header sits on its bottom line
    assert lines[1].startswith("Code  Owner")
    assert lines[2] == "1.1   A very lo…  off track"
    assert lines[3] == "      Body        and overdue"
    assert all(len(line) <= 30 for line in lines)


def test_headings_are_upper_case_and_lines_wrap() -> None:
    text = to_plain([Heading("Needs attention"), Line(cell("word " * 30)), Line(())], 40)
    lines = text.splitlines()
    assert lines[0] == "NEEDS ATTENTION"
    assert all(len(line) <= 40 for line in lines)
    assert lines[2].startswith("  word")  # continuation lines are indented
    assert text.endswith("\n\n")


@settings(max_examples=80, deadline=None)
@given(
    width=st.integers(min_value=40, max_value=160),
    texts=st.lists(
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=("C",)) | st.just("\n"),
            max_size=60,
        ),
        min_size=3,
        max_size=3,
    ),
    wrap=st.booleans(),
)
def test_any_table_fits_the_width(width: int, texts: list[str], wrap: bool) -> None:
    table = Table(
        [Column("Code", width=6), Column("Title", min_width=8), Column("Why", width=14, wrap=wrap)]
    )
    table.add(*(cell(t) for t in texts))
    for line in to_plain([table, Line(cell(texts[1]))], width).splitlines():
        assert len(line) <= width
