"""Accessibility: axe-core finds nothing on any page type, at any width, in forced colours.

Renders the bundled data and the same tree with hostile texts (a word of 500 letters,
bidirectional overrides, markup, control characters: ``hostile_text.py``) in every
language, and runs axe-core (WCAG 2.1 A and AA, and best practices) on one page of
every type in every language, in Debian's headless chromium through Playwright:

* at 1280 CSS px;
* at 320 CSS px (WCAG 1.4.10 Reflow), where the page must not scroll sideways: only a
  labelled region a keyboard can reach (``role="region"``, ``tabindex="0"``) may;
* in emulated forced colours (Windows High Contrast), where chart text and lines and
  progress bars must take the system colours, not vanish or stay dark grey on black.

One browser and one tab serve every page. Needs::

    apt-get install chromium        # Debian's browser, used through executable_path
    npm install                     # axe-core from package.json into node_modules/

Skipped with that message when either is missing, unless ICTGOV_REQUIRE_BROWSER=1
(set by .ci/run), where a missing browser fails the test.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from ictgov.project import Project
from ictgov.render.site import RenderOptions, render_site
from tests.conftest import BUNDLED_TODAY, REPO
from tests.render.conftest import render
from tests.render.hostile_text import hostile_text_tree

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
HOW = (
    "install Debian's chromium ('apt-get install chromium') and axe-core "
    "('npm install' in the repository root), and the playwright Python package "
    "(pip install -e '.[test]')"
)


def _missing() -> str | None:
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        return "chromium is not installed"
    if not AXE.is_file():
        return f"axe-core is not installed ({AXE} is missing)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="module")
def browser_page():  # type: ignore[no-untyped-def]
    missing = _missing()
    if missing:
        if os.environ.get("ICTGOV_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{missing}: {HOW}")
        pytest.skip(f"{missing}: {HOW}")
    from playwright.sync_api import sync_playwright

    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=ARGS)
        page = browser.new_page()
        # Nothing may be fetched from outside the rendered files.
        page.route("http*://**/*", lambda route: route.abort())
        yield page
        browser.close()


def _write(out: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    return out


def _bundled_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("axe") / "repo"
    shutil.copytree(REPO / "data", root / "data")
    (root / "ictgov.toml").write_text("stale_after_days = 120\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _bundled_root(tmp_path_factory)
    files = render(root, BUNDLED_TODAY, formats=("html",))
    files |= render(root, BUNDLED_TODAY, formats=("html",), single_file=True, languages=("fi",))
    return _write(tmp_path_factory.mktemp("axe-site"), files)


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = Project.open(_bundled_root(tmp_path_factory))
    files = render_site(
        hostile_text_tree(project.tree()),
        BUNDLED_TODAY,
        RenderOptions(formats=("html",)),
        stale_after_days=project.config.stale_after_days,
        content_lang=project.config.language,
    )
    return _write(tmp_path_factory.mktemp("axe-hostile"), files)


def _one_of_each(site: Path, lang: str) -> list[str]:
    """One page of every type in *lang* (relative paths)."""
    base = site / lang
    pages = [
        "index.html",
        "timeline.html",
        "responsibilities.html",
        "organisations.html",
        "governance.html",
        "meetings.html",
    ]
    pages += [p.relative_to(base).as_posix() for p in sorted(base.glob("annual-*.html"))[:1]]
    for folder in ("goals", "measures", "organisations"):
        found = sorted(p for p in (base / folder).glob("*.html") if p.name != "index.html")
        pages += [p.relative_to(base).as_posix() for p in found[:1]]
    return [f"{lang}/{p}" for p in pages]


def _pages(site: Path) -> list[str]:
    single = ["ictgov-fi.html"] if (site / "ictgov-fi.html").is_file() else []
    each = [p for lang in ("fi", "sv", "en") for p in _one_of_each(site, lang)]
    return ["index.html", *each, *single]


def _format(violations: list[dict[str, object]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:5]:  # type: ignore[index]
            lines.append(f"    {node['target']}: {node['failureSummary']}".replace("\n", " "))
    return "\n".join(lines)


#: Where a page may scroll sideways: inside a labelled region a keyboard can reach.
WIDTH = """() => {
  const wide = [];
  for (const e of document.querySelectorAll("body *")) {
    const style = getComputedStyle(e);
    if (!["auto", "scroll"].includes(style.overflowX) || e.scrollWidth <= e.clientWidth) continue;
    const named = e.getAttribute("aria-label") || e.getAttribute("aria-labelledby");
    if (e.getAttribute("role") !== "region" || !named || e.tabIndex < 0) {
      wide.push(e.outerHTML.slice(0, 80));
    }
  }
  return {page: document.documentElement.scrollWidth, view: innerWidth, wide};
}"""
#: In forced colours: the colour of chart text and of progress bars, against the page's.
FORCED = """() => {
  const canvas = getComputedStyle(document.body);
  const bad = [];
  for (const t of document.querySelectorAll("svg text")) {
    const fill = getComputedStyle(t).fill;
    if (fill !== canvas.color) bad.push(`text ${fill}: ${t.textContent.slice(0, 30)}`);
  }
  for (const b of document.querySelectorAll(".progress .bar > span")) {
    const bg = getComputedStyle(b).backgroundColor;
    if (bg === canvas.backgroundColor || bg === "rgba(0, 0, 0, 0)") bad.push(`progress bar ${bg}`);
  }
  return bad;
}"""
#: Only violations are listed in full: counting every passing node costs a third.
RUN = """([tags, rules]) => axe.run(document, {
  runOnly: {type: "tag", values: tags}, rules, resultTypes: ["violations"]})"""
MODES = {
    "1280px": {"width": 1280, "forced": False},
    "320px": {"width": 320, "forced": False},
    "forced-colours": {"width": 1280, "forced": True},
}


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("tree", ["bundled", "hostile"])
def test_every_page_type_and_language_passes_axe(  # type: ignore[no-untyped-def]
    browser_page, request: pytest.FixtureRequest, tree: str, mode: str
) -> None:
    page = browser_page
    site: Path = request.getfixturevalue("site_dir" if tree == "bundled" else "hostile_dir")
    width, forced = MODES[mode]["width"], MODES[mode]["forced"]
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(forced_colors="active" if forced else "none")
    pages = _pages(site)
    assert len(pages) >= 31  # ten page types in three languages and the index
    problems = {}
    started = time.perf_counter()
    for rel in pages:
        page.goto((site / rel).as_uri())
        page.add_script_tag(path=str(AXE))
        # Colour contrast does not depend on the width or the words, and in forced
        # colours the browser picks the colours: it is checked once, on the bundled
        # data at 1280 px. The single file repeats the pages checked one by one.
        rules = {}
        if mode != "1280px" or tree == "hostile" or rel.startswith("ictgov-"):
            rules = {"color-contrast": {"enabled": False}}
        result = page.evaluate(
            RUN,
            [TAGS, rules],
        )
        assert result["passes"], f"axe ran no check on {rel}"
        found = [_format(result["violations"])] if result["violations"] else []
        size = page.evaluate(WIDTH)
        if size["page"] > size["view"]:
            found.append(f"- the page scrolls sideways: {size['page']} > {size['view']} px")
        found += [f"- scrolls without a labelled, focusable region: {w}" for w in size["wide"]]
        if forced:
            found += [f"- forced colours: {b}" for b in page.evaluate(FORCED)[:5]]
        if found:
            problems[rel] = "\n".join(found)
    print(f"{tree} {mode}: {len(pages)} pages in {time.perf_counter() - started:.1f} s")
    page.emulate_media(forced_colors="none")
    assert not problems, f"{tree} data at {mode}:\n" + "\n".join(
        f"{rel}:\n{text}" for rel, text in problems.items()
    )


def test_pages_load_nothing_from_outside(browser_page, site_dir: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser_page
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((site_dir / "fi" / "index.html").as_uri())
    page.goto((site_dir / "ictgov-fi.html").as_uri())
    outside = [u for u in requests if not u.startswith("file://")]
    assert not outside, json.dumps(outside)
