"""Links into Markdown pages that land where GitHub and GitLab put their anchors.

Neither platform keeps an ``id`` written into Markdown: each derives one from every
heading's text ("slug"), by rules that differ slightly. A Markdown template marks a
heading that links point at with ``<!--anchor:body-x-->`` at the end of its line; after
every page is rendered, :func:`resolve` computes the slug of each marked heading, makes
sure both platforms compute the same one (see :func:`same_slug_text`), removes the
markers and rewrites each link ``page.md#body-x`` to ``page.md#<slug>``. A fragment
that names no marked heading (a table row in HTML) is dropped: the link leads to the
page. Data cannot make a marker: ``<`` in data is escaped.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

MARKER = re.compile(r" ?<!--anchor:([^<>]+?)-->")
_HEADING = re.compile(r"^(#{1,6}) (.*)$", re.M)
#: A Markdown link destination: ``](target)`` or ``](<target>)``.
_LINK = re.compile(r"(?<!\\)\]\((<?)([^)>\s#]*#[^)>\s]*)(>?)\)")
#: Inline markup whose characters are not part of a heading's text.
_LINK_TEXT = re.compile(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(?<!\\)[*_]+")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_NBSP, _NB_HYPHEN = "\u00a0", "\u2011"
#: A heading's inline Markdown in tokens: a link destination, an escaped character, one
#: character.
_TOKEN = re.compile(r"\]\([^)]*\)|\\.|.", re.S)


def _kept(ch: str) -> bool:
    """Whether both platforms keep *ch* in a slug (letters, marks, digits, ``_``, space, -)."""
    return ch in " -" or unicodedata.category(ch)[0] in "LMN" or unicodedata.category(ch) == "Pc"


def heading_text(markdown: str) -> str:
    """The text a reader sees of a heading's inline Markdown (as the platforms slug it)."""
    text = _LINK_TEXT.sub(r"\1", markdown)
    text = _EMPHASIS.sub("", text)
    return _ESCAPED.sub(r"\1", text).strip()


def github_slug(text: str) -> str:
    """GitHub's slug (github-slugger): lower case, punctuation out, each space a hyphen."""
    return "".join(ch for ch in text.lower() if _kept(ch)).replace(" ", "-")


def gitlab_slug(text: str) -> str:
    """GitLab's slug (TableOfContentsFilter): GitHub's with runs of hyphens squeezed.

    A slug of digits only is prefixed with ``anchor-``.
    """
    slug = re.sub("-+", "-", github_slug(text))
    return f"anchor-{slug}" if slug.isdigit() else slug


def same_slug_text(markdown: str) -> str:
    """*markdown* with spaces and hyphens that would make the slugs differ made inert.

    GitHub keeps every hyphen a run of spaces, hyphens and punctuation gives (``a – b``
    becomes ``a--b``); GitLab squeezes them to one. In each such run one space (or
    hyphen) is kept; the others become a no-break space and a non-breaking hyphen,
    which look the same and which both platforms leave out of the slug.
    """
    out: list[str] = []
    run: list[str] = []  # tokens that add nothing but hyphens to the slug

    def flush() -> None:
        if sum(t in (" ", "-", "\\-") for t in run) > 1:
            keep = next(i for i, t in enumerate(run) if t in (" ", "-", "\\-"))
            for i, t in enumerate(run):
                if i != keep and t in (" ", "-", "\\-"):
                    run[i] = _NBSP if t == " " else _NB_HYPHEN
        out.extend(run)
        run.clear()

    for token in _TOKEN.findall(markdown):
        if token.startswith("]("):  # a link's destination: not text
            run.append(token)
            continue
        ch = token[-1]
        markup = len(token) == 1 and ch in "*_[]"
        if ch in " -" or markup or not _kept(ch):
            run.append(token)
        else:
            flush()
            out.append(token)
    flush()
    return "".join(out)


def resolve(files: dict[str, str]) -> dict[str, str]:
    """The Markdown files of *files* with markers gone and fragment links resolved."""
    anchors: dict[str, dict[str, str]] = {}
    pages: dict[str, str] = {}
    for path, text in files.items():
        if path.endswith(".md"):
            pages[path], anchors[path] = _headings(text)
    out = dict(files)
    for path, text in pages.items():
        out[path] = _LINK.sub(lambda m, p=path: _relink(m, p, anchors), text)  # type: ignore[misc]
    return out


def _headings(text: str) -> tuple[str, dict[str, str]]:
    """The page with markers removed, and each marked anchor's slug."""
    seen: dict[str, int] = {}
    found: dict[str, str] = {}

    def heading(match: re.Match[str]) -> str:
        content = match.group(2)
        names = MARKER.findall(content)
        content, base = _fixed(MARKER.sub("", content).rstrip())
        count = seen.get(base, 0)
        seen[base] = count + 1
        slug = f"{base}-{count}" if count else base
        for name in names:
            found[_ESCAPED.sub(r"\1", name)] = slug
        return f"{match.group(1)} {content}"

    return _HEADING.sub(heading, text), found


@lru_cache(maxsize=8192)
def _fixed(content: str) -> tuple[str, str]:
    """A heading's text made to slug alike on both platforms, and its slug."""
    base = github_slug(heading_text(content))
    if base != gitlab_slug(heading_text(content)):
        content = same_slug_text(content)
        base = github_slug(heading_text(content))
    return content, base


def _relink(match: re.Match[str], page: str, anchors: dict[str, dict[str, str]]) -> str:
    left, target, right = match.groups()
    if "#" not in target or "://" in target or target.startswith("mailto:"):
        return match.group(0)
    where, _, fragment = target.partition("#")
    other = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(where)))
    slug = anchors.get(other if where else page, {}).get(unquote(fragment))
    new = f"{where}#{slug}" if slug is not None else (where or "#")
    return f"]({left}{new}{right})"
