"""Golden files for every page type, in HTML and Markdown, on the minimal fixture.

Finnish for every page, plus a Swedish and an English page (fallback-language
marking, translated interface, locale formats). Regenerate with
``ICTGOV_UPDATE_GOLDEN=1 python -m pytest tests/render/test_golden.py`` and review.
"""

from __future__ import annotations

import pytest

from tests.conftest import TODAY
from tests.render.conftest import check_golden, render

PAGES = (
    "index",
    "goals/g1",
    "measures/m-alpha",
    "timeline",
    "responsibilities",
    "organisations",
    "organisations/tampere",
    "governance",
    "meetings",
    "annual-2023",
)
EXTRA = (("sv", "measures/m-alpha"), ("en", "index"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    import shutil

    from tests.conftest import FIXTURES

    root = tmp_path_factory.mktemp("golden") / "repo"
    shutil.copytree(FIXTURES / "minimal", root)
    return render(root, TODAY)


@pytest.mark.parametrize("fmt", ["html", "md"])
@pytest.mark.parametrize(("lang", "page"), [*(("fi", p) for p in PAGES), *EXTRA])
def test_page_matches_golden(site: dict[str, str], lang: str, page: str, fmt: str) -> None:
    rel = f"{lang}/{page}.html" if fmt == "html" else f"{lang}/md/{page}.md"
    assert rel in site, f"{rel} was not rendered"
    check_golden(rel, site[rel])


def test_site_index_matches_golden(site: dict[str, str]) -> None:
    check_golden("index.html", site["index.html"])
    check_golden("index.md", site["index.md"])


def test_every_golden_file_is_still_rendered(site: dict[str, str]) -> None:
    from tests.render.conftest import GOLDEN

    stale = [
        p.relative_to(GOLDEN).as_posix()
        for p in GOLDEN.rglob("*")
        if p.is_file() and p.relative_to(GOLDEN).as_posix() not in site
    ]
    assert not stale, f"golden files no page produces any more: {stale}"
