"""Regenerate docs/screenshot-overview.png: the Finnish overview page of the bundled data.

Usage (from the repository root; needs Debian's chromium and the playwright package)::

    python docs/make_screenshot.py [--today 2026-11-21] [--out docs/screenshot-overview.png]
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import date
from pathlib import Path

from ictgov.project import Project
from ictgov.render.site import RenderOptions, render_site, write_site

REPO = Path(__file__).resolve().parent.parent
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(argv: list[str] | None = None) -> int:
    """Render the site in a temporary folder and photograph the Finnish overview."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--today", default="2026-11-21", help="date the report is made on")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshot-overview.png")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    project = Project.open(REPO)
    files = render_site(
        project.tree(),
        date.fromisoformat(args.today),
        RenderOptions(formats=("html",), languages=("fi", "sv", "en")),
        stale_after_days=project.config.stale_after_days,
    )
    with tempfile.TemporaryDirectory() as tmp:
        write_site(files, Path(tmp))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto((Path(tmp) / "fi" / "index.html").as_uri())
            page.screenshot(path=str(args.out))
            browser.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
