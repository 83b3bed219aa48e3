"""The template helpers remember results per page setting: switching pages never mixes them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from ictgov.i18n.formats import formats
from ictgov.project import Project
from ictgov.render.charts import LineChart, RefLine, Tick
from ictgov.render.context import Helpers, PageState
from ictgov.render.markdown import escape_inline
from ictgov.render.site import RenderOptions, SiteRenderer, build_site
from ictgov.render.svg import ChartTexts, Slot, fill, line_chart_parts
from ictgov.views.report import Ref, resolve
from tests.conftest import TODAY


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


#: The ``ref`` macros as they were before ``ref_link`` took their place: the reference.
_OLD_REF = {
    "html": """
{% macro ref(r) %}
{%- if r is none -%}
<span class="muted">–</span>
{%- else -%}
{%- set target = ref_url(r) -%}
{%- set e = r.entity -%}
{%- if e is none -%}{{ r.id }} <span class="muted">({{ _("unknown") }})</span>
{%- else -%}
{%- set text = ui.ref_text(r) -%}
{%- if target %}<a href="{{ target }}">{{ text }}</a>{% else %}{{ text }}{% endif -%}
{%- endif -%}
{%- endif -%}
{%- endmacro %}""",
    "md": """
{% macro ref(r) -%}
{%- if r is none -%}–
{%- elif r.entity is none -%}{{ r.id }} ({{ _("unknown") }})
{%- else -%}
{%- set target = ref_url(r) -%}
{%- if target %}[{{ ui.ref_text(r) }}]({{ target }}){% else %}{{ ui.ref_text(r) }}{% endif -%}
{%- endif -%}
{%- endmacro %}""",
}


def test_ref_link_writes_what_the_ref_macro_wrote(minimal_root: Path) -> None:
    tree = Project.open(minimal_root).tree()
    site = build_site(tree, TODAY, 120, RenderOptions(), "fi")
    renderer = SiteRenderer(site)
    refs: list[Ref | None] = [None, resolve(tree, "no-such-id"), Ref("x", None, None)]
    refs += [resolve(tree, str(getattr(e, "id", ""))) for e in tree.entities()]
    meeting = tree.meetings[0]
    refs.append(Ref(meeting.id, "meeting", meeting.model_copy(update={"body": "no-body"})))
    kinds = {r.kind for r in refs if r is not None}
    assert {"measure", "goal", "meeting", "body", "organisation", "strategy"} <= kinds
    for fmt in ("html", "md"):
        old = renderer.env.from_string(
            f'{{% import "{fmt}/macros.{fmt}" as ui %}}{_OLD_REF[fmt]}'
            "{% for r in refs %}{{ ref(r) }}|{% endfor %}"
        )
        new = renderer.env.from_string("{% for r in refs %}{{ ref_link(r) }}|{% endfor %}")
        for lang, stem in (("fi", "index"), ("sv", "measures/m"), ("en", "index")):
            for single in (False, True):
                renderer.helpers.use(PageState(lang, fmt, stem, single))
                for _ in range(2):  # the second time from what was remembered
                    assert new.render(refs=refs) == old.render(refs=refs)


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


#: The row of ``measure_table`` as a template before ``measure_row`` took its place.
_OLD_ROW = {
    "html": """{% for v in views %}
{% set m = v.measure %}
<tr>
<th scope="row"><a href="{{ url('measure', m.id) }}">{{ m.code }} {{ t(m.title) }}</a></th>
{% if show_reasons %}<td>{{ ui.reasons(v) }}</td>{% endif %}
<td>{{ badge("status", m.status) }}{% if m.health and m.status == "in_progress" %} \
{{ badge("health", m.health) }}{% endif %}</td>
<td>{% if m.progress is none %}<span class="muted">–</span>{% else %}<span class="progress">\
<span class="bar" aria-hidden="true"><span style="width: {{ m.progress|round(0)|int }}%">\
</span></span> <span class="pct">{{ pct(m.progress) }}</span></span>{% endif %}</td>
<td>{{ date(m.schedule.planned_end) or "–" }}</td>
<td>{{ date(v.last_update) or "–" }}</td>
</tr>
{% endfor %}""",
    "md": """{% for v in views %}
{% set m = v.measure %}
| [{{ m.code }} {{ t(m.title) }}]({{ url('measure', m.id) }}) |{% if show_reasons %} \
{{ ui.reasons(v) }} |{% endif %} {{ badge("status", m.status) }}{% if m.health and \
m.status == "in_progress" %}, {{ badge("health", m.health) }}{% endif %} | \
{% if m.progress is none %}–{% else %}{{ pct(m.progress) }}{% endif %} | \
{{ date(m.schedule.planned_end) or "–" }} | {{ date(v.last_update) or "–" }} |
{% endfor %}""",
}


def test_measure_row_writes_what_the_row_template_wrote(bundled_root: Path) -> None:
    tree = Project.open(bundled_root).tree()
    site = build_site(tree, TODAY, 120, RenderOptions(), "fi")
    renderer = SiteRenderer(site)
    views = list(site.overview.measures)
    nothing = views[0].measure.model_copy(update={"progress": None, "id": "m-unmeasured"})
    unmeasured = replace(views[0], measure=nothing)
    views.append(unmeasured)  # no progress: a dash
    assert any(v.reasons for v in views)
    assert any(v.measure.health and v.measure.status == "in_progress" for v in views)
    for fmt in ("html", "md"):
        old = renderer.env.from_string(
            f'{{% import "{fmt}/macros.{fmt}" as ui %}}' + _OLD_ROW[fmt].replace("\\\n", "")
        )
        new = renderer.env.from_string(
            "{% for v in views %}\n{{ measure_row(v, show_reasons) }}\n{% endfor %}"
        )
        for lang, stem in (("fi", "index"), ("sv", "goals/g"), ("en", "index")):
            for show_reasons in (False, True):
                renderer.helpers.use(PageState(lang, fmt, stem))
                expected = old.render(views=views, show_reasons=show_reasons)
                for _ in range(2):  # the second time from what was remembered
                    assert new.render(views=views, show_reasons=show_reasons) == expected


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
