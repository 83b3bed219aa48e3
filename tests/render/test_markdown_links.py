"""Every link in the Markdown pages leads somewhere on GitHub and on GitLab.

Neither platform keeps ids written into Markdown: each makes one from every heading's
text, by its own rule. The pages are parsed as CommonMark (markdown-it-py), the
headings are slugged as GitHub (github-slugger) and GitLab (its TableOfContentsFilter)
do, and every relative link must name a page that exists and, with a fragment, a
heading there under both rules. Rendered from the bundled data and from hostile texts.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import unicodedata
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ictgov.project import Project
from ictgov.render.site import RenderOptions, render_site
from tests.conftest import BUNDLED_TODAY, REPO
from tests.render.hostile_text import hostile_text_tree

PARSER = MarkdownIt("commonmark").enable("table")


def _kept(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch in " -" or category[0] in "LMN" or category == "Pc"


def github_slugs(texts: list[str]) -> set[str]:
    """github-slugger: lower case, all but letters, marks, numbers, _, space and - out,
    each space a hyphen; a repeated slug gets -1, -2 ... (skipping ones taken)."""
    seen: dict[str, int] = {}
    out = set()
    for text in texts:
        slug = original = "".join(c for c in text.lower() if _kept(c)).replace(" ", "-")
        while slug in seen:
            seen[original] += 1
            slug = f"{original}-{seen[original]}"
        seen[slug] = 0
        out.add(slug)
    return out


def gitlab_slugs(texts: list[str]) -> set[str]:
    """GitLab's TableOfContentsFilter: downcase, [^\\p{Word}\\- ] out, spaces to hyphens,
    hyphens squeezed, digits only -> anchor-N; a repeated one gets -1, -2 ..."""
    used: dict[str, int] = {}
    out = set()
    for text in texts:
        slug = "".join(c for c in text.lower() if _kept(c)).replace(" ", "-")
        slug = re.sub("-+", "-", slug)
        if slug.isdigit():
            slug = f"anchor-{slug}"
        count = used.get(slug, 0)
        used[slug] = count + 1
        out.add(f"{slug}-{count}" if count else slug)
    return out


def _text(inline: Token) -> str:
    return "".join(
        c.content for c in inline.children or [] if c.type in ("text", "code_inline")
    ).strip()


def _parse(text: str) -> tuple[list[str], list[str]]:
    """The text of every heading and the destination of every link."""
    headings, links = [], []
    tokens = PARSER.parse(text)
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            headings.append(_text(tokens[i + 1]))
        for child in token.children or []:
            if child.type == "link_open":
                links.append(str(child.attrs["href"]))
    return headings, links


def _broken(files: dict[str, str]) -> tuple[int, int, list[str]]:
    pages = {path: _parse(text) for path, text in files.items() if path.endswith(".md")}
    anchors = {
        path: (github_slugs(heads), gitlab_slugs(heads)) for path, (heads, _) in pages.items()
    }
    count = fragments = 0
    broken = []
    for path, (_, links) in pages.items():
        for link in links:
            if re.match(r"[a-z][a-z0-9+.-]*:", link):
                continue  # http, https, mailto
            count += 1
            where, _, fragment = link.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), unquote(where)))
            target = target if where else path
            if target not in files:
                broken.append(f"{path}: {link} (no such page)")
                continue
            if not fragment:
                continue
            fragments += 1
            github, gitlab = anchors[target]
            name = unquote(fragment)
            if name not in github or name not in gitlab:
                where_missing = [
                    n for n, s in (("GitHub", github), ("GitLab", gitlab)) if name not in s
                ]
                broken.append(f"{path}: {link} (no such heading on {', '.join(where_missing)})")
    return count, fragments, broken


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("md-links") / "repo"
    shutil.copytree(REPO / "data", root / "data")
    (root / "ictgov.toml").write_text("stale_after_days = 120\n", encoding="utf-8")
    return Project.open(root)


@pytest.mark.parametrize("tree", ["bundled", "hostile"])
def test_every_markdown_link_and_fragment_resolves(project: Project, tree: str) -> None:
    data = project.tree() if tree == "bundled" else hostile_text_tree(project.tree())
    files = render_site(data, BUNDLED_TODAY, RenderOptions(formats=("md",)), stale_after_days=120)
    count, fragments, broken = _broken(files)
    assert count > 3000 and fragments > 500, (count, fragments)
    assert not broken, f"{len(broken)} of {count} links lead nowhere:\n" + "\n".join(broken[:30])


def test_the_slug_rules_differ_where_the_renderer_must_care() -> None:
    assert github_slugs(["Hallinto – ohjaus"]) == {"hallinto--ohjaus"}
    assert gitlab_slugs(["Hallinto – ohjaus"]) == {"hallinto-ohjaus"}
    assert gitlab_slugs(["20.11.2023"]) == {"anchor-20112023"}
    assert github_slugs(["A", "a", "a-1"]) == {"a", "a-1", "a-1-1"}


def test_no_marker_is_left_in_markdown(project: Project) -> None:
    files = render_site(project.tree(), BUNDLED_TODAY, RenderOptions(formats=("md",)))
    assert not [p for p, text in files.items() if "<!--anchor:" in text]


_ITEM = re.compile(r"\s*([-*+]|\d+[.)]) ")


def test_lists_apart_in_the_template_stay_apart(project: Project) -> None:
    """A list, a blank line and a list with the same bullet would be one list."""
    files = render_site(project.tree(), BUNDLED_TODAY, RenderOptions(formats=("md",)))
    merged = []
    for path, text in files.items():
        lines = text.split("\n")
        for a, blank, b in zip(lines, lines[1:], lines[2:], strict=False):
            first, second = _ITEM.match(a), _ITEM.match(b)
            if first and second and not blank and first.group(1) == second.group(1):
                merged.append(f"{path}: {a[:40]} / {b[:40]}")
    assert not merged, "\n".join(merged)
    assert not [p for p, text in files.items() if ".;" in text]


def test_hostile_texts_cannot_make_markdown_structure(project: Project) -> None:
    """Carriage returns, separators and controls in data do not split rows or lines."""
    files = render_site(
        hostile_text_tree(project.tree()), BUNDLED_TODAY, RenderOptions(formats=("md",))
    )
    for path, text in files.items():
        assert not re.search("[\r\x0b\x0c\x85\u2028\u2029\u202e\x1b]", text), path
        # Every line that starts a table row is read as one: no row was split.
        rows = sum(t.type == "tr_open" for t in PARSER.parse(text))
        lines = [x for x in text.split("\n") if x.startswith("|") and not x.startswith("|---")]
        assert rows == len(lines), path
