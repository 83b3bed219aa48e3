"""Property tests: escaping and link checks hold for any text, parallel equals serial."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ictgov.render.links import safe_url
from ictgov.render.markdown import escape_inline, tidy
from tests.conftest import TODAY
from tests.render.conftest import render

SPECIAL = set("\\`*_{}[]<>#|~&!")
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=200)
@given(texts)
def test_escaped_markdown_has_no_bare_special_character(text: str) -> None:
    out = escape_inline(text)
    assert "\n" not in out
    i = 0
    while i < len(out):
        if out[i] == "\\":
            assert i + 1 < len(out), "a lone trailing backslash"
            i += 2
            continue
        assert out[i] not in SPECIAL, (text, out)
        i += 1
    assert not re.match(r"\s*([-+=]|\d+[.)](\s|$))", out), out


@settings(max_examples=200)
@given(st.lists(st.sampled_from(["", "text", "# h", "| a |", "---", "- item", "  "]), max_size=12))
def test_tidy_is_idempotent(lines: list[str]) -> None:
    once = tidy("\n".join(lines))
    assert tidy(once) == once
    assert "\n\n\n" not in once


@settings(max_examples=300)
@given(texts)
def test_only_absolute_http_or_mailto_urls_pass(url: str) -> None:
    result = safe_url(url)
    if result is not None:
        cleaned = re.sub(r"[\x00-\x20\x7f]", "", result).lower()
        assert cleaned.startswith(("http://", "https://", "mailto:"))


@settings(max_examples=100)
@given(st.sampled_from(["javascript", "JAVASCRIPT", "java\tscript", "vbscript", "data"]), texts)
def test_script_urls_never_pass(scheme: str, rest: str) -> None:
    assert safe_url(f"{scheme}:{rest}") is None


def test_parallel_rendering_gives_the_same_files(
    minimal_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ICTGOV_RENDER_WORKERS", "1")
    serial = render(minimal_root, TODAY)
    monkeypatch.setenv("ICTGOV_RENDER_WORKERS", "2")
    parallel = render(minimal_root, TODAY)
    assert serial == parallel
    assert len(serial) > 70
