"""Hostile data never becomes markup: scripts, event handlers and javascript: links.

Every text field of every entity in the minimal tree is replaced by hostile strings,
every link by a ``javascript:`` URL; the rendered HTML must contain no script element,
no event-handler attribute and no link other than http, https, mailto or a relative
one, and the Markdown no raw HTML and no javascript: link.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from pydantic import BaseModel

from ictgov.load import Tree
from ictgov.model import Link
from ictgov.project import Project
from ictgov.render.site import RenderOptions, render_site
from ictgov.views.public import personal_fields
from tests.conftest import TODAY

PAYLOADS = (
    "<script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "javascript:alert(1)",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "</textarea><svg onload=alert(1)>",
)
#: Fields holding ids and codes, which the model validates and reports need to link.
KEEP = frozenset(
    {
        "id",
        "goals",
        "responsible",
        "followed_by",
        "participants",
        "organisation",
        "reports_to",
        "body",
        "concerns",
        "measures",
        "projects",
        "value_promises",
        "meeting",
        "language",
        "time",
        "municipality_code",
        "business_id",
    }
)


def _hostile(value: Any, n: list[int]) -> Any:
    """Replace every text in *value* by the next payload; links become javascript:."""
    if isinstance(value, Link):
        n[0] += 1
        return value.model_copy(
            update={"url": "javascript:alert(1)", "title": PAYLOADS[n[0] % len(PAYLOADS)]}
        )
    if isinstance(value, BaseModel):
        update = {}
        for name in type(value).model_fields:
            if name in KEEP:
                continue
            update[name] = _hostile(getattr(value, name), n)
        return value.model_copy(update=update)
    if isinstance(value, str):
        n[0] += 1
        return PAYLOADS[n[0] % len(PAYLOADS)]
    if isinstance(value, dict):
        return {k: _hostile(v, n) for k, v in value.items()}
    if isinstance(value, list):
        return [_hostile(v, n) for v in value]
    return value


def hostile_tree(tree: Tree) -> Tree:
    from dataclasses import replace

    n = [0]

    def each(items: list[Any]) -> list[Any]:
        return [_hostile(i, n) for i in items]

    hostile = replace(
        tree,
        strategy=_hostile(tree.strategy, n),
        goals=each(tree.goals),
        organisations=each(tree.organisations),
        bodies=each(tree.bodies),
        projects=each(tree.projects),
        stakeholder_groups=each(tree.stakeholder_groups),
        measures=each(tree.measures),
        meetings=each(tree.meetings),
    )
    # Links that no model field of the fixture has: add some to measures and meetings.
    m0 = hostile.measures[0]
    links = [
        Link(url=u, title=PAYLOADS[0])
        for u in (
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//evil.example/x",
            'https://ok.example/" onmouseover="alert(1)',
        )
    ]
    hostile.measures[0] = m0.model_copy(update={"links": links})
    hostile.meetings[0] = hostile.meetings[0].model_copy(
        update={"minutes_url": "javascript:alert(1)"}
    )
    return hostile


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, name, value) for name, value in attrs)


SAFE_HREF = re.compile(r"^(https?://|mailto:|#|[a-z0-9_./%-]+(#[a-z0-9_.%-]*)?$)", re.I)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    import shutil

    from tests.conftest import FIXTURES

    root = tmp_path_factory.mktemp("xss") / "repo"
    shutil.copytree(FIXTURES / "minimal", root)
    tree = hostile_tree(Project.open(root).tree())
    files = render_site(tree, TODAY, RenderOptions())
    single = render_site(tree, TODAY, RenderOptions(formats=("html",), single_file=True))
    return {**files, **single}


def test_the_payloads_reach_the_pages(site: dict[str, str]) -> None:
    html = site["fi/measures/m-alpha.html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\\<script\\>alert(1)\\</script\\>" in site["fi/md/measures/m-alpha.md"]


def test_html_has_no_script_handler_or_unsafe_link(site: dict[str, str]) -> None:
    pages = {k: v for k, v in site.items() if k.endswith(".html")}
    assert len(pages) > 20
    for name, text in pages.items():
        parser = _Collector()
        parser.feed(text)
        assert "script" not in parser.tags, name
        assert "img" not in parser.tags, name
        for tag, attr, value in parser.attrs:
            assert not attr.startswith("on"), f"{name}: <{tag} {attr}=...>"
            if attr in ("href", "src", "action", "formaction", "xlink:href"):
                assert value is not None and SAFE_HREF.match(value.strip()), (
                    f"{name}: <{tag} {attr}={value!r}>"
                )
                assert "javascript" not in value.lower(), name


def test_unsafe_links_show_as_text(site: dict[str, str]) -> None:
    html = site["fi/measures/m-alpha.html"]
    assert "javascript:alert(1)" in html  # as text
    assert 'href="https://ok.example/&#34; onmouseover=&#34;alert(1)"' in html


def test_markdown_has_no_raw_html_or_unsafe_link(site: dict[str, str]) -> None:
    pages = {k: v for k, v in site.items() if k.endswith(".md")}
    assert len(pages) > 20
    for name, text in pages.items():
        assert not re.search(r"(?<!\\)<(script|img|svg|textarea)", text, re.I), name
        # A link is "](" not escaped as "\](" (escaped brackets are text).
        assert not re.search(r"(?<!\\)\]\(\s*<?\s*(javascript|data|vbscript):", text, re.I), name


def test_personal_fields_exist_so_the_walk_covers_them() -> None:
    from ictgov.model import Contact

    assert personal_fields(Contact) == {"name", "email", "phone"}
