"""Text from the data cannot reorder the page around it (bidi controls, RTL letters)."""

from __future__ import annotations

import re
import shutil

import pytest

from ictgov.project import Project
from ictgov.render.site import RenderOptions, render_site
from tests.conftest import BUNDLED_TODAY, REPO
from tests.render.hostile_text import hostile_text_tree

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200f\u05d0-\u05ea\u0627-\u064a]")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("bidi") / "repo"
    shutil.copytree(REPO / "data", root / "data")
    tree = hostile_text_tree(Project.open(root).tree())
    return render_site(tree, BUNDLED_TODAY, RenderOptions(languages=("fi", "en")))


def test_html_isolates_every_bidi_control_and_rtl_letter(site: dict[str, str]) -> None:
    checked = 0
    for path, text in site.items():
        if not path.endswith(".html"):
            continue
        body = re.sub(r"<head>.*?</head>", "", text, flags=re.S)  # <title> is plain text
        body = re.sub(r"<svg.*?</svg>", "", body, flags=re.S)  # FSI ... PDI there (tx)
        for match in _BIDI.finditer(body):
            before = body[: match.start()]
            assert before.rfind("<bdi>") > before.rfind("</bdi>"), (
                f"{path}: {match.group()!r} outside <bdi>: {before[-60:]!r}"
            )
            checked += 1
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text), path
    assert checked > 100


def test_markdown_keeps_no_bidi_control_and_isolates_rtl_text(site: dict[str, str]) -> None:
    for path, text in site.items():
        if path.endswith(".md"):
            assert not re.search("[\u202a-\u202e\u2066\u2067\u200e\u200f]", text), path
            assert text.count("\u2068") == text.count("\u2069"), path  # FSI ... PDI pairs


def test_the_override_in_an_agenda_title_ends_inside_it(site: dict[str, str]) -> None:
    html = site["fi/meetings.html"]
    assert "<bdi>" in html
    for cell in re.findall(r"<bdi>(.*?)</bdi>", html, flags=re.S):
        assert "<" not in cell.replace("&lt;", "")  # only text is isolated, never markup
