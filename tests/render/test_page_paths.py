"""Every page has a path of its own, whatever the ids in the data are."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import FIXTURES, TODAY
from tests.render.conftest import render


def test_an_organisation_with_the_id_index_does_not_replace_the_index(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "minimal", root)
    orgs = root / "data" / "strategy" / "organisations.yaml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8") + "  - id: index\n    name: Indeksilä\n",
        encoding="utf-8",
    )
    files = render(root, TODAY, languages=("fi",))
    index, page = files["fi/organisations.html"], files["fi/organisations/index.html"]
    assert "<h1>Organisaatiot</h1>" in index and "Indeksilä" in index
    assert "<h1>Indeksilä</h1>" in page
    assert 'href="organisations/index.html"' in index  # the index links the organisation
    assert "\n# Indeksilä" in files["fi/md/organisations/index.md"]
    assert "\n# Organisaatiot\n" in files["fi/md/organisations.md"]


def test_progress_is_told_of_every_share_of_the_pages(tmp_path: Path) -> None:
    from ictgov.project import Project
    from ictgov.render.site import RenderOptions, render_site

    seen: list[tuple[int, int]] = []
    project = Project.open(FIXTURES / "minimal")
    files = render_site(
        project.tree(), TODAY, RenderOptions(), progress=lambda n, total: seen.append((n, total))
    )
    assert files
    total = seen[-1][1]
    assert [n for n, _ in seen] == list(range(1, total + 1))
    assert {t for _, t in seen} == {total}
