"""Where each page lives: its path under a language folder, its anchor, and its state.

Links between pages are relative, so every helper that writes one needs to know the
page being rendered (:class:`PageState`) and where the target lives
(:data:`PAGE_PATHS`, :data:`ANCHORED`).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Where each page kind lives under a language folder (without extension).
PAGE_PATHS: dict[str, str] = {
    "overview": "index",
    "timeline": "timeline",
    "responsibilities": "responsibilities",
    "organisations": "organisations",
    "governance": "governance",
    "meetings": "meetings",
    "goal": "goals/{id}",
    "measure": "measures/{id}",
    "organisation": "organisations/{id}",
    "annual": "annual-{id}",
    "categories": "categories/index",
    "category": "categories/{id}",
    "tags": "tags",
}
#: Things shown as a part of a page: (page kind, page id or None, anchor prefix).
ANCHORED: dict[str, tuple[str, str]] = {
    "body": ("governance", "body-"),
    "role": ("governance", "role-"),
    "meeting": ("meetings", "meeting-"),
    "register": ("meetings", "register-"),
    "project": ("timeline", "project-"),
    "value_promise": ("overview", "vp-"),
    "tag": ("tags", "tag-"),
}


@dataclass(frozen=True)
class PageState:
    """The page being rendered: language, format, and its path under the language folder."""

    lang: str
    fmt: str  # "html" or "md"
    stem: str  # e.g. "measures/m-alpha"
    single: bool = False
    #: The page's section id in a single-file report; prefixes the page's own ids there.
    anchor: str = ""

    @property
    def depth(self) -> int:
        """How many folders below the language folder the page sits."""
        return self.stem.count("/")

    @property
    def ext(self) -> str:
        """File extension of pages in this format."""
        return ".md" if self.fmt == "md" else ".html"


def page_stem(kind: str, ident: str | None = None) -> str:
    """The path (without extension) of a page under its language folder."""
    return PAGE_PATHS[kind].format(id=ident or "")


def page_anchor(kind: str, ident: str | None = None) -> str:
    """The id of a page's section in a single-file report."""
    return f"{kind}-{ident}" if ident else f"page-{kind}"
