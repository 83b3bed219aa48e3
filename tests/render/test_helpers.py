"""The template helpers remember results per page setting: switching pages never mixes them."""

from __future__ import annotations

from datetime import date, datetime

from ictgov.i18n.formats import formats
from ictgov.render.charts import LineChart, RefLine, Tick
from ictgov.render.context import Helpers
from ictgov.render.markdown import escape_inline
from ictgov.render.pages import PageState
from ictgov.render.svg import ChartTexts, Slot, fill, line_chart_parts


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


def test_chart_labels_remembered_across_charts_keep_their_own_text() -> None:
    def chart(x_value: object) -> LineChart:
        return LineChart(
            width=300, height=150, left=40, right=10, top=10, bottom=30,
            points=(), path="", baseline=None, target=RefLine(20.0, 1.5, None, None),
            x_ticks=(Tick(40.0, date(2024, 1, 5)), Tick(290.0, x_value)),  # type: ignore[arg-type]
            y_ticks=(Tick(120.0, 0), Tick(20.0, 1.5)),
        )  # fmt: skip

    texts = ChartTexts(title="T <1>", baseline="B", target="Tavoite")
    shared: dict[tuple[Slot, type], str] = {}
    for lang, day in (("fi", "5.1.2024"), ("en", "5 Jan 2024")):
        fmt = formats(lang)
        for x_value, shown in ((2024, ">2024<"), (2024.0, ">2024.0<")):
            svg = fill(line_chart_parts(chart(x_value)), "c-1", texts, fmt, shared)
            assert svg == fill(line_chart_parts(chart(x_value)), "c-1", texts, fmt)
            assert shown in svg and f">{day}<" in svg and "T &lt;1&gt;" in svg
        shared.clear()  # one language per dict, as the helpers keep them


def test_paragraphs_follow_the_page_language_and_format() -> None:
    helpers = Helpers("fi")
    pages = [
        (PageState("fi", "html", "index"), "<p>a &lt;b&gt;</p>\n<p>c</p>"),
        (PageState("sv", "html", "index"), '<p lang="fi">a &lt;b&gt;</p>\n<p lang="fi">c</p>'),
        (PageState("fi", "md", "index"), "a \\<b\\>\n\nc"),
    ]
    for _ in range(2):  # the second round answers from what was remembered
        for state, start in pages:
            helpers.use(state)
            assert str(helpers.tp("a <b>\n\nc")).startswith(start)
    helpers.use(PageState("fi", "html", "index"))
    assert helpers.tp("x" * 300) == f"<p>{'x' * 300}</p>"  # long texts are not remembered
