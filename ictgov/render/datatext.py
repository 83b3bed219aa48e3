"""Text from the data as HTML or Markdown: escaped, isolated, its language marked.

A title may hold a right-to-left override (U+202E) or Hebrew or Arabic letters; left
in the flow of a sentence, they reorder the words of the template around them. In
HTML such a text is isolated in ``<bdi>``, whose content cannot move what is outside
it; Markdown has no element for it, so there the controls go and right-to-left text
is put between FSI and PDI (:func:`ictgov.render.markdown.isolated`). Control
characters that show nothing (and that HTML does not allow) are dropped in both.
A text shown on a page of another language (a fallback) carries its ``lang``.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import Markup, escape

from ictgov.render.markdown import escape_block, escape_inline

_PARAGRAPHS = re.compile(r"\n\s*\n")
_CONTROLS_IN_URL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: Line breaks besides LF (CR LF, CR, NEL, line and paragraph separators).
_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")
#: Controls HTML does not allow in text: C0 but tab and LF, DEL, C1.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: What needs isolating: bidirectional controls and right-to-left letters.
_BIDI = re.compile(
    "[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]"
)


class Plain(str):
    """A data text made fit for places without markup (a page title): not isolated again."""

    __slots__ = ()


def needs_care(text: str) -> bool:
    """Whether *text* holds a control character, a bidi control or a right-to-left letter."""
    return _BIDI.search(text) is not None or _CONTROLS.search(text) is not None


def attribute_url(url: str) -> Markup:
    """A vetted URL for an ``href``: bidi controls percent-encoded, then escaped."""
    return escape(_CONTROLS_IN_URL.sub(lambda m: quote(m.group()), url))


def clean_html(text: str) -> str:
    """*text* with every line break an LF and no control character HTML forbids."""
    return _CONTROLS.sub("", _BREAKS.sub("\n", text))


def html_inline(text: str) -> Markup:
    """A data text for use inside an HTML element: escaped, and isolated if it must be."""
    escaped = escape(clean_html(text))
    return Markup(f"<bdi>{escaped}</bdi>") if _BIDI.search(text) else escaped


def inline(text: str, fmt: str, lang: str | None = None, marker: str = "") -> Markup:
    """A data text inline; *lang* and *marker* ("in Finnish") when it is a fallback."""
    if fmt == "md":
        if marker:
            return Markup(f"{escape_inline(text)} _({escape_inline(marker)})_")
        return Markup(escape_inline(text))
    if lang is None:
        return html_inline(text)
    return Markup(
        f'<span lang="{lang}">{html_inline(text)}</span> '
        f'<span class="fallback">({escape(marker)})</span>'
    )


def paragraphs(text: str, fmt: str, lang: str | None = None, marker: str = "") -> Markup:
    """A data text as paragraphs (blank lines split them), marked as in :func:`inline`."""
    if fmt == "md":
        paras = escape_block(text)
        if marker:
            paras[-1] += f" _({escape_inline(marker)})_"
        return Markup("\n\n".join(paras))
    text = clean_html(text).replace("\u2029", "\n\n")
    lang_attr = f' lang="{lang}"' if lang else ""
    html = [
        f"<p{lang_attr}>{html_inline(p.strip())}</p>"
        for p in _PARAGRAPHS.split(text.strip())
        if p.strip()
    ]
    if marker:
        html.append(f'<p class="fallback">({escape(marker)})</p>')
    return Markup("\n".join(html))
