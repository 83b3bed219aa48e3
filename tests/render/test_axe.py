"""Accessibility: axe-core finds no WCAG 2.1 A/AA violation on any page type.

Renders the bundled data (every page type in Finnish, plus Swedish and English
pages and the single-file report) and runs axe-core in Debian's headless
chromium through Playwright. Needs::

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

from tests.conftest import BUNDLED_TODAY, REPO
from tests.render.conftest import render

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
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
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


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("axe") / "repo"
    shutil.copytree(REPO / "data", root / "data")
    (root / "ictgov.toml").write_text("stale_after_days = 120\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("axe-site")
    files = render(root, BUNDLED_TODAY, formats=("html",))
    files |= render(root, BUNDLED_TODAY, formats=("html",), single_file=True, languages=("fi",))
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    return out


def _one_of_each(site: Path, lang: str) -> list[str]:
    """One page of every type in *lang* (relative paths)."""
    base = site / lang
    pages = [
        "index.html",
        "timeline.html",
        "responsibilities.html",
        "organisations/index.html",
        "governance.html",
        "meetings.html",
    ]
    pages += [p.relative_to(base).as_posix() for p in sorted(base.glob("annual-*.html"))[:1]]
    for folder in ("goals", "measures", "organisations"):
        found = sorted(p for p in (base / folder).glob("*.html") if p.name != "index.html")
        pages += [p.relative_to(base).as_posix() for p in found[:1]]
    return [f"{lang}/{p}" for p in pages]


def _pages(site: Path) -> list[str]:
    return [
        "index.html",
        *_one_of_each(site, "fi"),
        "sv/measures/" + sorted((site / "sv" / "measures").glob("*.html"))[0].name,
        "en/governance.html",
        "ictgov-fi.html",
    ]


def _format(violations: list[dict[str, object]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:5]:  # type: ignore[index]
            lines.append(f"    {node['target']}: {node['failureSummary']}".replace("\n", " "))
    return "\n".join(lines)


def test_every_page_type_has_no_axe_violations(browser_page, site_dir: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser_page
    pages = _pages(site_dir)
    assert len(pages) >= 14
    problems = {}
    for rel in pages:
        started = time.perf_counter()
        page.goto((site_dir / rel).as_uri())
        page.add_script_tag(path=str(AXE))
        # The single file repeats every page checked above with the same stylesheet:
        # its colour contrast is known, and checking it again costs 15 s.
        rules = {"color-contrast": {"enabled": False}} if rel.startswith("ictgov-") else {}
        result = page.evaluate(
            "([tags, rules]) => axe.run(document, {runOnly: {type: 'tag', values: tags}, rules})",
            [TAGS, rules],
        )
        assert result["passes"], f"axe ran no check on {rel}"
        print(f"{rel}: {time.perf_counter() - started:.2f} s")
        if result["violations"]:
            problems[rel] = _format(result["violations"])
    assert not problems, "axe-core found violations:\n" + "\n".join(
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
