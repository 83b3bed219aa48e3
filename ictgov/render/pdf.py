"""One PDF for a board's agenda: title page, overview, goals with their measures, annual report.

Municipal boards take reports as PDF attachments to the agenda, and those must be
accessible too. The PDF is made from the same HTML as the site (the single-file
sections), laid out for print by ``templates/html/pdf.html`` and written by WeasyPrint:
tagged (PDF/UA-1), bookmarks from the headings, page numbers, fonts embedded. WeasyPrint
is an optional extra (``ictgov[pdf]`` in the pinned requirement; it needs Pango, Debian
``libpango-1.0-0``), imported only here and only when a PDF is asked for. It never fetches
anything: every URL the HTML names is refused, so a hostile link cannot reach the network.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ictgov.errors import IctgovError

if TYPE_CHECKING:
    from ictgov.load import Tree
    from ictgov.model import Body
    from ictgov.render.site import Page, RenderOptions, Site, SiteRenderer

INSTALL_HINT = (
    "install the PDF extra: write ictgov[pdf] instead of ictgov in requirements-ictgov.txt "
    "(or pip install -e '.[pdf]' in a clone of ictgov), and the Pango "
    "library it uses (Debian/Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
)


class PdfUnavailable(IctgovError):
    """WeasyPrint (or the Pango library under it) is not installed."""


@dataclass(frozen=True)
class TitlePage:
    """What the title page says besides the strategy: to whom, which year, which day."""

    body: Body | None
    year: int | None
    day: date


def board_pages(site: Site, with_annual: bool) -> list[Page]:
    """The overview, each goal followed by its measures, then (optionally) the annual report."""
    from ictgov.render.site import Page

    pages = [Page("overview", None)]
    placed: set[str] = set()
    for key, goal in site.goals.items():
        pages.append(Page("goal", key, {"detail": goal}))
        for measure_id in (view.measure.id for view in goal.view.measures):
            if measure_id in site.measures and measure_id not in placed:
                placed.add(measure_id)
                pages.append(Page("measure", measure_id, {"detail": site.measures[measure_id]}))
    # Measures without a known goal still belong in the document, after the goals.
    for key, measure in site.measures.items():
        if key not in placed:
            pages.append(Page("measure", key, {"detail": measure}))
    if with_annual and site.annual is not None:
        pages.append(Page("annual", str(site.annual.year)))
    return pages


def presenting_body(site: Site, body_id: str | None) -> Body | None:
    """The body the report goes to: the one asked for, else the strategic-level body."""
    bodies = site.tree.bodies
    if body_id is not None:
        for body in bodies:
            if body.id == body_id:
                return body
        known = ", ".join(b.id for b in bodies) or "none"
        raise IctgovError(f"--body {body_id}: no such body; the bodies are: {known}")
    strategic = [b for b in bodies if str(b.level) == "strategic"]
    return strategic[0] if strategic else None


def board_html(renderer: SiteRenderer, lang: str, title: TitlePage, with_annual: bool) -> str:
    """The print document in one language, ready for :func:`write_pdf`."""
    pages = board_pages(renderer.site, with_annual)
    return renderer.document("html/pdf.html", pages, lang, title_page=title)


def write_pdf(html: str, target: Path) -> None:
    """Lay out *html* and write it to *target* as a tagged PDF (PDF/UA-1) with bookmarks."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: Pango missing under WeasyPrint
        raise PdfUnavailable(f"cannot write a PDF ({exc}); {INSTALL_HINT}") from None

    document = HTML(string=html, base_url=None, url_fetcher=_refusing_fetcher())
    try:
        data = document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError) as exc:
        raise IctgovError(
            f"WeasyPrint could not lay out the PDF ({type(exc).__name__}: {exc}); if a user "
            "template in templates/html/ changes pdf.html or style.css, try without it"
        ) from None
    if data is None:  # write_pdf returns the bytes when given no target
        raise IctgovError("WeasyPrint returned no PDF")
    _replace(target, data)


def _refusing_fetcher() -> Any:
    """A URL fetcher that fetches nothing (WeasyPrint 70 takes an object, older a function)."""
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:

        def refuse(url: str) -> dict[str, Any]:
            raise ValueError(f"ictgov PDFs load nothing from outside: {url}")

        return refuse
    return URLFetcher(allowed_protocols=frozenset())


def _replace(target: Path, data: bytes) -> None:
    """Write beside *target*, then rename over it: never through a symlink, never half."""
    temp = target.with_name(f".{target.name}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temp, flags, 0o644)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def render_pdfs(
    tree: Tree,
    today: date,
    options: RenderOptions,
    out: Path,
    *,
    body_id: str | None = None,
    stale_after_days: int = 120,
    content_lang: str = "fi",
    user_templates: Path | None = None,
    history: Callable[[date], Tree | None] | None = None,
) -> list[Path]:
    """One PDF per language in *out*: ``ictgov-fi.pdf``, or ``ictgov-fi-2025.pdf`` with a year."""
    from ictgov.render.site import SiteRenderer, build_site

    site = build_site(tree, today, stale_after_days, options, content_lang, history)
    renderer = SiteRenderer(site, user_templates)
    title = TitlePage(presenting_body(site, body_id), options.year, today)
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise IctgovError(f"--out {out}: must be a folder, not a file or a symbolic link")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in options.languages:
        suffix = f"-{options.year}" if options.year is not None else ""
        target = out / f"ictgov-{lang}{suffix}.pdf"
        write_pdf(board_html(renderer, lang, title, options.year is not None), target)
        written.append(target)
    return written
