"""Render the whole report site: every page, in every language and format asked for.

The views are computed once per run and shared by all languages; the templates are
compiled once; only the page state switches between pages. The result is a mapping
of relative paths to text, so writing, comparing and testing are separate steps.

Layout of the output folder::

    index.html                  links the languages
    style.css                   the one stylesheet
    fi/index.html               overview (likewise sv/, en/)
    fi/goals/<id>.html, fi/measures/<id>.html, fi/organisations/<id>.html
    fi/timeline.html, responsibilities.html, organisations.html (the index; apart from
       organisations/, where an organisation may have the id "index"),
       governance.html, meetings.html, annual-<year>.html
    fi/md/...                   the same pages as Markdown (.md)
    ictgov-fi.html              with --single-file: one self-contained file per language
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ictgov.load import Tree
from ictgov.render import md_anchors, parallel
from ictgov.render.context import Helpers
from ictgov.render.engine import TemplateProblem, make_environment, render, source
from ictgov.render.markdown import tidy
from ictgov.render.pages import PageState, page_anchor
from ictgov.render.sandbox import ReportSandbox
from ictgov.render.site_build import (
    FORMATS,
    Page,
    RenderOptions,
    Site,
    build_site,
    entity_index,
    plan_pages,
)
from ictgov.safefs import FolderWriter, check_target_folder

CONTENT_START = "<!-- ictgov:content -->"
CONTENT_END = "<!-- /ictgov:content -->"
_HEADING = re.compile(r"<(/?)h([1-5])\b")


class SiteRenderer:
    """Renders pages of one site with one environment."""

    def __init__(self, site: Site, user_templates: Path | None = None) -> None:
        self.site = site
        self.helpers = Helpers(site.content_lang, site.charts, site.gantt, entity_index(site.tree))
        self.env: ReportSandbox = make_environment(
            user_templates,
            self.helpers.finalize,
            {**self.helpers.as_globals(), "site": site},
            self.helpers.as_filters(),
        )

    def render_page(self, page: Page, lang: str, fmt: str, single: bool = False) -> str:
        """One page as text."""
        state = PageState(lang, fmt, page.stem, single, page_anchor(page.kind, page.id))
        name = f"{fmt}/{page.kind}.{fmt}"
        text = self._render(name, state, {"page": page, **page.context})
        return tidy(text) if fmt == "md" else text

    def _render(self, name: str, state: PageState, context: dict[str, Any]) -> str:
        self.helpers.use(state)
        variables = {
            "lang": state.lang,
            "fmt": state.fmt,
            "single": state.single,
            "languages": self.site.languages,
            **context,
        }
        return render(self.env, name, variables)

    def stylesheet(self) -> str:
        """The CSS, used verbatim (overridable as ``templates/html/style.css``)."""
        return source(self.env, "html/style.css")

    def render_all(
        self, options: RenderOptions, progress: Progress | None = None
    ) -> dict[str, str]:
        """Every output file: relative path -> text."""
        with parallel.frozen_heap():
            return self._render_all(options, progress)

    def _render_all(self, options: RenderOptions, progress: Progress | None) -> dict[str, str]:
        pages = plan_pages(self.site)
        tasks = plan_tasks(pages, options)
        count = parallel.processes(len(tasks), len(pages) * _units(options), PARALLEL_FROM)
        finished = [0]

        def done() -> None:
            finished[0] += 1
            if progress is not None:
                progress(finished[0], len(tasks))

        work = lambda task: self.render_task(task, pages, options)  # noqa: E731
        out = parallel.run(tasks, work, count, done)
        if "md" in options.formats:
            out = md_anchors.resolve(out)
        if "html" in options.formats and not options.single_file:
            out["style.css"] = self.stylesheet()
            index = Page("overview", None)
            out["index.html"] = self._render(
                "html/languages.html",
                PageState(options.languages[0], "html", "../index"),
                {"page": index},
            )
        if "md" in options.formats:
            out["index.md"] = self._render(
                "md/languages.md",
                PageState(options.languages[0], "md", "../index"),
                {"page": Page("overview", None)},
            )
        return dict(sorted(out.items()))

    def render_task(self, task: Task, pages: list[Page], options: RenderOptions) -> dict[str, str]:
        """The files of one task: some pages of one language in one format."""
        lang, fmt, indices = task
        if fmt == "html" and options.single_file:
            return {f"ictgov-{lang}.html": self.single_file(pages, lang)}
        folder = f"{lang}/" if fmt == "html" else f"{lang}/md/"
        return {
            f"{folder}{pages[i].stem}.{fmt}": self.render_page(pages[i], lang, fmt) for i in indices
        }

    def single_file(self, pages: list[Page], lang: str) -> str:
        """One self-contained HTML file: every page as a section, CSS inlined."""
        return self.document("html/single.html", pages, lang)

    def document(self, template: str, pages: list[Page], lang: str, **context: Any) -> str:
        """*pages* as sections of one HTML document made by *template* (single file, PDF)."""
        state = PageState(lang, "html", "index", single=True)
        variables = {"page": Page("overview", None), "css": self.stylesheet(), **context}
        return self._render(template, state, {**variables, "sections": self.sections(pages, lang)})

    def sections(self, pages: list[Page], lang: str) -> list[tuple[str, Markup]]:
        """Each page's content, headings one level down, with the page's anchor."""
        sections = []
        for page in pages:
            html = self.render_page(page, lang, "html", single=True)
            start, end = html.find(CONTENT_START), html.find(CONTENT_END)
            if start < 0 or end < 0:
                raise TemplateProblem(
                    f"html/{page.kind}.html: the page must extend html/base.html (or keep "
                    f"its {CONTENT_START} markers) to be put into a single file"
                )
            body = _HEADING.sub(
                lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}",
                html[start + len(CONTENT_START) : end],
            )
            anchor = page_anchor(page.kind, page.id)
            sections.append((anchor, Markup(_named_regions(body, f"{anchor}--title"))))
        return sections


def _named_regions(body: str, title_id: str) -> str:
    """A page's regions named by the page's title too, where the page has a plain title.

    Regions repeat from page to page ("Status" on every goal): in one file a screen
    reader's list of regions tells them apart only with the page in their names.
    """
    if "<h2>" not in body:
        return body
    body = body.replace("<h2>", f'<h2 id="{title_id}">', 1)
    return _REGION.sub(
        lambda m: f'<{m.group(1)} {m.group(2)}aria-labelledby="{title_id} {m.group(3)}"', body
    )


_REGION = re.compile(r'<(section|nav|div) ([^>]*?)aria-labelledby="([^"]+)"')
#: Told how many shares of the pages are rendered, and of how many.
Progress = Callable[[int, int], None]
#: Pages per run (all languages and formats) above which worker processes help.
PARALLEL_FROM = 400
#: Measure pages per task: small enough to share the work out evenly, big enough to be cheap.
CHUNK = 50
#: (language, format, pages by their place in :func:`plan_pages`).
Task = tuple[str, str, tuple[int, ...]]


def _units(options: RenderOptions) -> int:
    return len(options.languages) * len([f for f in FORMATS if f in options.formats])


def plan_tasks(pages: list[Page], options: RenderOptions) -> list[Task]:
    """The work of a run in chunks, HTML before Markdown (see :mod:`ictgov.render.parallel`).

    Workers take tasks from the front and this process from the back, so each mostly
    renders one format. The pages other than measure pages (few, but each big, and
    together needing every template of the format) come at the ends of the list, and
    the measure pages in the middle, where the processes meet: the one that crosses
    over into the other format then needs only that format's measure template.
    A single-file report is one task per language: its pages become one file.
    """
    measures = [i for i, p in enumerate(pages) if p.kind == "measure"]
    others = tuple(i for i, p in enumerate(pages) if p.kind != "measure")
    chunks = [tuple(measures[i : i + CHUNK]) for i in range(0, len(measures), CHUNK)]
    langs = options.languages
    tasks: list[Task] = []
    if "html" in options.formats:
        if options.single_file:
            tasks += [(lang, "html", tuple(range(len(pages)))) for lang in langs]
        else:
            tasks += [(lang, "html", others) for lang in langs if others]
            tasks += [(lang, "html", chunk) for lang in langs for chunk in chunks]
    if "md" in options.formats:
        tasks += [(lang, "md", chunk) for lang in langs for chunk in chunks]
        tasks += [(lang, "md", others) for lang in reversed(langs) if others]
    return tasks


def render_site(
    tree: Tree,
    today: date,
    options: RenderOptions,
    *,
    stale_after_days: int = 120,
    content_lang: str = "fi",
    user_templates: Path | None = None,
    history: Callable[[date], Tree | None] | None = None,
    progress: Progress | None = None,
) -> dict[str, str]:
    """Render a tree: relative path -> text of every file.

    *history* (``Project.tree_on``) lets the annual report read the repository as it
    was at the year's end; *progress* is told (done, total) as each share of the pages
    is rendered.
    """
    with parallel.frozen_heap():
        site = build_site(tree, today, stale_after_days, options, content_lang, history)
        return SiteRenderer(site, user_templates).render_all(options, progress)


def write_site(files: dict[str, str], out: Path) -> list[Path]:
    """Write the files under *out* (folders created; other files there are left alone).

    *out* must be a real folder or new, and nothing under it is written through a
    symlink (see ``ictgov.safefs``): a committed ``site/`` is a stranger's input. A
    file whose bytes are already there is not rewritten, so its modification time
    stays and publishing tools see only what changed.
    """
    check_target_folder(out)
    writer = FolderWriter(out)
    return [writer.write(rel, text.encode("utf-8")) for rel, text in files.items()]


__all__ = [
    "FORMATS",
    "Page",
    "RenderOptions",
    "Site",
    "SiteRenderer",
    "build_site",
    "plan_pages",
    "plan_tasks",
    "render_site",
    "write_site",
]
