"""Helpers for the report tests: render a tree in memory, compare with golden files.

Regenerate the golden files with ``ICTGOV_UPDATE_GOLDEN=1 python -m pytest tests/render``
and review the diff before committing it.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ictgov.project import Project
from ictgov.render.site import RenderOptions, render_site

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "render"


def render(root: Path, today: date, **options: object) -> dict[str, str]:
    """Render the repository at *root* in memory (relative path -> text)."""
    project = Project.open(root)
    return render_site(
        project.tree(),
        today,
        RenderOptions(**options),  # type: ignore[arg-type]
        stale_after_days=project.config.stale_after_days,
        content_lang=project.config.language,
        user_templates=project.root / "templates",
    )


def check_golden(name: str, text: str) -> None:
    """Compare *text* with ``tests/golden/render/<name>``; rewrite under ICTGOV_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("ICTGOV_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.is_file(), f"missing golden file {path}; run with ICTGOV_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{name} differs from its golden file (ICTGOV_UPDATE_GOLDEN=1 rewrites)"
    )
