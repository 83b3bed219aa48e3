"""The template helpers remember results per page setting: switching pages never mixes them."""

from __future__ import annotations

from datetime import date, datetime

from ictgov.render.context import Helpers, PageState
from ictgov.render.markdown import escape_inline


def test_links_follow_the_page_depth_format_and_single_file() -> None:
    helpers = Helpers("fi")
    expected = [
        (PageState("fi", "html", "measures/m-1"), "../goals/g1.html"),
        (PageState("fi", "html", "index"), "goals/g1.html"),
        (PageState("fi", "md", "index"), "goals/g1.md"),
        (PageState("fi", "html", "index", single=True), "#goal-g1"),
        (PageState("sv", "html", "measures/m-2"), "../goals/g1.html"),
    ]
    for _ in range(2):  # the second round answers from what was remembered
        for state, url in expected:
            helpers.use(state)
            assert helpers.url("goal", "g1") == url
            assert helpers.url("body", "b 1") == helpers._url("body", "b 1")
            assert helpers.url(None) is None


def test_texts_are_marked_by_the_page_language_and_escaped_by_format() -> None:
    helpers = Helpers("fi")
    pages = [
        (PageState("fi", "html", "index"), "a &lt;b&gt;"),
        (PageState("sv", "html", "index"), '<span lang="fi">a &lt;b&gt;</span>'),
        (PageState("fi", "md", "index"), r"a \<b\>"),
    ]
    for _ in range(2):
        for state, start in pages:
            helpers.use(state)
            assert str(helpers.t("a <b>")).startswith(start)
            assert "(" in helpers.t("a <b>") or state.lang == "fi"


def test_dates_follow_the_page_language() -> None:
    helpers = Helpers("fi")
    day = date(2023, 11, 20)
    for _ in range(2):
        helpers.use(PageState("fi", "html", "index"))
        assert helpers.date(day) == "20.11.2023"
        helpers.use(PageState("en", "html", "index"))
        assert helpers.date(day) == "20 Nov 2023"
        assert helpers.date(datetime(2023, 11, 20, 8)) == "20 Nov 2023"
        assert helpers.date(None) == ""


def test_markdown_escaping_is_the_same_for_short_and_long_texts() -> None:
    short = "# 1. <a> | b_c"
    assert escape_inline(short) == escape_inline(short) == r"\# 1. \<a\> \| b\_c"
    long = short + " x" * 200
    assert escape_inline(long).startswith(r"\# 1. \<a\> \| b\_c x")
