"""The functions templates call, bound to the page being rendered.

One environment serves every page, language and format of a run (templates are
compiled once); what differs per page (language, format, where the page sits, for
relative links) is held in :class:`PageState`, which the helpers read. Templates,
built-in or user, therefore reach the same vetted helpers, and data reaches the
output only through escaping: HTML-escaped in HTML, Markdown-escaped in Markdown.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from ictgov.i18n import translations
from ictgov.i18n.formats import Formats, formats
from ictgov.i18n.labels import IN_LANGUAGE, LANGUAGE_NAMES, label_id
from ictgov.render import datatext, svg
from ictgov.render.charts import Gantt, LineChart
from ictgov.render.icons import svg_icon, text_icon
from ictgov.render.links import safe_url
from ictgov.render.markdown import escape_inline, isolated, link_target, plain
from ictgov.render.pages import ANCHORED, PAGE_PATHS, PageState, page_anchor, page_stem
from ictgov.views.report import Ref
from ictgov.views.text import localize

#: Plain strings up to this long are remembered as printed (names, labels, codes).
_REMEMBERED_TEXT = 200


class Helpers:
    """Template globals. ``state`` is switched by the renderer before each page."""

    def __init__(
        self,
        content_lang: str,
        charts: dict[str, LineChart] | None = None,
        timeline_chart: Gantt | None = None,
        index: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.content_lang = content_lang
        self.charts = charts or {}
        self.timeline_chart = timeline_chart
        #: Entities by kind and id (``find``): references reach templates resolved.
        self.index: Mapping[str, Mapping[str, Any]] = index or {}
        self.state = PageState("fi", "html", "index")
        self._tr: gettext.NullTranslations = translations("fi")
        self._fmt: Formats = formats("fi")
        self._memo: dict[tuple[Any, ...], Markup] = {}
        self._uids = 0
        self._badges: dict[tuple[str, str, str, str], Markup] = {}
        #: Each chart's geometry as SVG text, the same in every language.
        self._chart_parts: dict[str, svg.Parts] = {}
        #: Results that depend only on the page setting (language, format, folder depth,
        #: single file) and the arguments, kept per setting; see :meth:`use`.
        self._settings: dict[tuple[str, str, int, bool], _Results] = {}
        self._results = _Results()
        self._setting: tuple[str, str, int, bool] | None = None

    def use(self, state: PageState) -> None:
        """Render the next page with *state*."""
        self.state = state
        self._uids = 0
        setting = (state.lang, state.fmt, state.depth, state.single)
        if setting == self._setting:
            return
        self._setting = setting
        self._tr = translations(state.lang)
        self._fmt = formats(state.lang)
        self._results = self._settings.setdefault(setting, _Results())

    # -- escaping ---------------------------------------------------------------------
    def finalize(self, value: Any) -> Any:
        """Applied to every ``{{ }}`` output: None prints nothing; Markdown escapes text.

        In HTML a plain string that could reorder the text around it (a name with a
        bidi override) is isolated, as ``t`` does (see :mod:`ictgov.render.datatext`).
        """
        if value is None:
            return ""
        if self.state.fmt == "md" and not isinstance(value, Markup):
            return Markup(escape_inline(str(value)))
        if type(value) is str and datatext.needs_care(value):
            return datatext.html_inline(value)
        return value

    def _escape(self, text: str) -> Markup:
        return Markup(escape_inline(text)) if self.state.fmt == "md" else escape(text)

    # -- interface text ---------------------------------------------------------------
    def gettext(self, message: str, **values: Any) -> str | Markup:
        """Translate *message*; ``%(name)s`` placeholders are filled from *values*."""
        messages = self._results.messages
        text = messages.get(message)
        if text is None:
            text = messages[message] = self._tr.gettext(message)
        return self._fill(text, values) if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: Any) -> str | Markup:
        """Translate with plural forms; ``%(n)s`` is *n* formatted for the locale."""
        text = self._tr.ngettext(singular, plural, n)
        return self._fill(text, {"n": self._fmt.number(n), **values})

    def _fill(self, text: str, values: dict[str, Any]) -> str | Markup:
        if not any(isinstance(v, Markup) for v in values.values()):
            return text % values
        safe = {k: v if isinstance(v, Markup) else self._escape(str(v)) for k, v in values.items()}
        return Markup(str(self._escape(text)) % {k: str(v) for k, v in safe.items()})

    def label(self, group: str, value: Any) -> str:
        """The word for a fixed value (status, level ...) in the page's language."""
        if value is None:
            return ""
        return self._tr.gettext(label_id(group, value))

    def badge(self, group: str, value: Any) -> Markup:
        """A state as icon and word (never colour alone): ``badge("status", m.status)``."""
        if value is None:
            return Markup("")
        raw = str(getattr(value, "value", value))
        key = (self.state.lang, self.state.fmt, group, raw)
        hit = self._badges.get(key)
        if hit is None:
            text = self.label(group, raw)
            if self.state.fmt == "md":
                hit = Markup(f"{text_icon(raw)} {escape_inline(text)}")
            else:
                hit = Markup(
                    f'<span class="badge {escape(group)}-{escape(raw)}">{svg_icon(raw)} '
                    f"{escape(text)}</span>"
                )
            self._badges[key] = hit
        return hit

    def icon(self, value: Any) -> Markup:
        """Just the shape of a state value (inline SVG, or a symbol in Markdown)."""
        raw = str(getattr(value, "value", value))
        return Markup(text_icon(raw) if self.state.fmt == "md" else svg_icon(raw))

    # -- data text --------------------------------------------------------------------
    def tx(self, value: str | dict[str, str] | None) -> str:
        """A data text in the page's language (nearest available), as plain text.

        Without control characters, and right-to-left text isolated (FSI ... PDI):
        it goes where markup cannot (a page title, a chart label).
        """
        text = isolated(plain(localize(value, self.state.lang, self.content_lang).text))
        return datatext.Plain(text)

    def t(self, value: str | dict[str, str] | None) -> Markup:
        """A data text for inline use, with its language marked when it is a fallback."""
        if type(value) is not str:
            return self._t(value)
        texts = self._results.texts
        hit = texts.get(value)
        if hit is None:
            hit = texts[value] = self._t(value)
        return hit

    def _t(self, value: str | dict[str, str] | None) -> Markup:
        loc = localize(value, self.state.lang, self.content_lang)
        if not loc.fallback or not loc.text:
            return datatext.inline(loc.text, self.state.fmt)
        marker = self._tr.gettext(IN_LANGUAGE[loc.lang])
        return datatext.inline(loc.text, self.state.fmt, loc.lang, marker)

    def tp(self, value: str | dict[str, str] | None) -> Markup:
        """A data text as paragraphs (blank lines split them), language marked as in ``t``."""
        if type(value) is not str or len(value) > _REMEMBERED_TEXT:
            return self._tp(value)
        paragraphs = self._results.paragraphs  # short notes recur ("Started.")
        hit = paragraphs.get(value)
        if hit is None:
            hit = paragraphs[value] = self._tp(value)
        return hit

    def _tp(self, value: str | dict[str, str] | None) -> Markup:
        loc = localize(value, self.state.lang, self.content_lang)
        if not loc.text:
            return Markup("")
        if not loc.fallback:
            return datatext.paragraphs(loc.text, self.state.fmt)
        marker = self._tr.gettext(IN_LANGUAGE[loc.lang])
        return datatext.paragraphs(loc.text, self.state.fmt, loc.lang, marker)

    # -- charts -------------------------------------------------------------------------
    def chart(self, key: str) -> Markup:
        """The inline SVG chart of an indicator (``goal-<id>`` / ``measure-<id>``), or nothing."""
        chart = self.charts.get(key)
        if chart is None or self.state.fmt != "html":
            return Markup("")
        parts = self._chart_parts.get(key)
        if parts is None:
            parts = self._chart_parts[key] = svg.line_chart_parts(chart)
        texts, title_id = svg.indicator_texts(self._tr.gettext), self.aid(f"{key}-chart-title")
        return Markup(svg.fill(parts, title_id, texts, self._fmt, self._results.chart_labels))

    def gantt(self) -> Markup:
        """The inline SVG Gantt chart of the timeline."""
        if self.timeline_chart is None or self.state.fmt != "html":
            return Markup("")
        texts = svg.gantt_texts(self._tr.gettext)
        label = lambda bar: svg.gantt_label(bar.code, self.tx(bar.title))  # noqa: E731
        return Markup(svg.gantt_svg(self.timeline_chart, self.aid("gantt-title"), texts, label))

    # -- numbers and dates ------------------------------------------------------------
    def date(self, value: date | None) -> str:
        """A date in the reader's locale."""
        if type(value) is not date:
            return self._fmt.date(value)
        dates = self._results.dates
        hit = dates.get(value)
        if hit is None:
            hit = dates[value] = self._fmt.date(value)
        return hit

    def clock(self, value: str | None) -> str:
        """A time of day in the reader's locale (klo 13.00)."""
        return self._fmt.clock(value)

    def num(self, value: float | None) -> str:
        """A number in the reader's locale."""
        return self._fmt.number(value)

    def pct(self, value: float | None) -> str:
        """A 0-100 share as a percentage in the reader's locale."""
        return self._fmt.percent(value)

    def qty(self, value: float | None, unit: str | None = None) -> str:
        """A value with its unit (money and per cent by the locale's rules)."""
        return self._fmt.quantity(value, unit)

    # -- links ------------------------------------------------------------------------
    def url(self, kind: str | None, ident: str | None = None) -> Markup | None:
        """Link to a page (or a part of one) from the current page; None if it has none."""
        if type(ident) is not str and ident is not None:
            return self._url(kind, ident)
        urls = self._results.urls
        key = (kind, ident)
        if key in urls:
            return urls[key]
        hit = urls[key] = self._url(kind, ident)
        return hit

    def _url(self, kind: str | None, ident: str | None) -> Markup | None:
        if kind is None:
            return None
        if kind == "strategy":
            kind, ident = "overview", None
        anchor = ""
        if kind in ANCHORED:
            kind, prefix = ANCHORED[kind]
            anchor, ident = f"{prefix}{ident}", None
        if kind not in PAGE_PATHS:
            return None
        if self.state.single:
            return Markup("#" + quote(anchor or page_anchor(kind, ident)))
        target = page_stem(kind, ident) + self.state.ext
        rel = "../" * self.state.depth + quote(target)
        return Markup(rel + ("#" + quote(anchor) if anchor else ""))

    def memo(self, *key: Any, caller: Callable[[], Markup]) -> Markup:
        """Render the body of a call block once per key and page setting.

        For fragments repeated across pages (a measure's row in a table): the body
        must depend only on the key and the page's language, format and folder depth,
        which are added to the key here.
        """
        full = (self.state.lang, self.state.fmt, self.state.depth, self.state.single, key)
        hit = self._memo.get(full)
        if hit is None:
            hit = self._memo[full] = caller()
        return hit

    def uid(self, prefix: str) -> str:
        """A new element id on this page (``table-1``, ``table-2`` ...), as :meth:`aid`."""
        self._uids += 1
        return self.aid(f"{prefix}-{self._uids}")

    def aid(self, name: str) -> str:
        """An element id unique in the output (prefixed by the page in a single file)."""
        return f"{self.state.anchor}--{name}" if self.state.single else name

    def ref_url(self, ref: Ref | None) -> Markup | None:
        """Link to what a resolved reference names."""
        return self.url(ref.kind, ref.id) if ref is not None and ref.kind else None

    def find(self, kind: str, ident: str | None) -> Any:
        """The body, organisation or meeting with this id, or None: resolved for templates."""
        return self.index.get(kind, {}).get(ident) if ident is not None else None

    def md_url(self, url: str) -> Markup:
        """A Markdown link destination that cannot break out of the link."""
        return Markup(link_target(url))

    def href(self, url: str | None) -> str | None:
        """An external URL if it is safe to link (http, https, mailto), else None.

        In HTML, ready for an attribute: escaped, bidi controls percent-encoded.
        """
        safe = safe_url(url)
        return safe if safe is None or self.state.fmt == "md" else datatext.attribute_url(safe)

    def asset(self, name: str) -> str:
        """Path from the current page to a file at the site root (the stylesheet)."""
        up = self.state.depth + 1 + (1 if self.state.fmt == "md" else 0)
        return "../" * up + name

    def lang_url(self, lang: str) -> str:
        """The current page in another language."""
        if self.state.single:
            return f"ictgov-{lang}.html"
        up = self.state.depth + 1 + (1 if self.state.fmt == "md" else 0)
        folder = f"{lang}/md/" if self.state.fmt == "md" else f"{lang}/"
        return "../" * up + folder + quote(self.state.stem) + self.state.ext

    def data_lang(self) -> Markup:
        """``lang="fi"`` for a plain data text (in the data's language) on another's page."""
        if self.state.lang == self.content_lang:
            return Markup("")
        return Markup(f' lang="{escape(self.content_lang)}"')

    def language_name(self, lang: str) -> str:
        """A language's name in that language (suomi, svenska, English)."""
        return LANGUAGE_NAMES[lang]

    def as_filters(self) -> dict[str, Any]:
        """The helpers of one value, also as filters (``m.title|t``, ``m.date|date``).

        A filter is called straight from a template; a function goes through the
        sandbox's call dispatch, which is most of the time of a big site.
        """
        return {
            "t": self.t,
            "tx": self.tx,
            "tp": self.tp,
            "date": self.date,
            "clock": self.clock,
            "num": self.num,
            "pct": self.pct,
        }

    def as_globals(self) -> dict[str, Any]:
        """The names templates see."""
        return {
            "_": self.gettext,
            "gettext": self.gettext,
            "ngettext": self.ngettext,
            "label": self.label,
            "badge": self.badge,
            "chart": self.chart,
            "gantt": self.gantt,
            "icon": self.icon,
            "t": self.t,
            "tp": self.tp,
            "tx": self.tx,
            "date": self.date,
            "num": self.num,
            "pct": self.pct,
            "qty": self.qty,
            "url": self.url,
            "ref_url": self.ref_url,
            "aid": self.aid,
            "uid": self.uid,
            "memo": self.memo,
            "href": self.href,
            "md_url": self.md_url,
            "find": self.find,
            "asset": self.asset,
            "lang_url": self.lang_url,
            "language_name": self.language_name,
            "data_lang": self.data_lang,
        }


@dataclass
class _Results:
    """Helper results for one page setting, by argument (see ``Helpers.use``)."""

    texts: dict[str, Markup] = field(default_factory=dict)
    paragraphs: dict[str, Markup] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)
    dates: dict[date, str] = field(default_factory=dict)
    urls: dict[tuple[str | None, str | None], Markup | None] = field(default_factory=dict)
    chart_labels: dict[tuple[svg.Slot, type], str] = field(default_factory=dict)
