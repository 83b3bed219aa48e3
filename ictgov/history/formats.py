"""History as text, Markdown or JSON: date, author, commit, then the semantic changes."""

from __future__ import annotations

import json
from collections.abc import Callable

from ictgov.diff.formats import md
from ictgov.diff.model import ItemDiff
from ictgov.diff.phrases import day, kind_word
from ictgov.history.items import History, HistoryEntry
from ictgov.i18n.speak import _
from ictgov.visible import visible


def _heading(history: History) -> str:
    if history.item is not None:
        where = f" ({', '.join(history.files)})" if history.files else ""
        return _("History of {what}").format(what=f"{history.item}{where}")
    if history.files:
        return _("History of {what}").format(what=", ".join(history.files))
    return _("History of the strategy")


def _item_label(item: ItemDiff, single: bool) -> str:
    if single:
        return ""
    sign = {"added": "+", "removed": "-", "modified": "~"}[item.change]
    return f"{sign} {kind_word(item.kind)} {item.id} “{item.title}”"


def _day(entry: HistoryEntry) -> str:
    when = entry.commit.day
    return day(when) if when is not None else _("date unknown")  # UNKNOWN, in words


def render_history_text(history: History) -> str:
    """One block per commit, newest first."""
    lines = [_heading(history)]
    if not history.entries:
        lines.append(_("No changes found."))
    single = history.item is not None
    for entry in history.entries:
        c = entry.commit
        lines += ["", f"{_day(entry)}  {c.sha[:7]}  {c.author}  {c.subject}"]
        for item in entry.diff.items:
            indent = "    " if single else "      "
            label = _item_label(item, single)
            if label:
                lines.append(f"    {label}")
            lines += [f"{indent}{e.text}" for e in item.events]
            lines += [f"{indent}! {h.code} {h.message}" for h in item.hints]
    if history.notes:
        lines += ["", *(_("Note: {note}").format(note=n) for n in history.notes)]
    return visible("\n".join(lines) + "\n")


def render_history_markdown(history: History) -> str:
    """A section per commit with the changes as a list."""
    lines = [f"## {md(_heading(history))}", ""]
    if not history.entries:
        lines.append(_("No changes found."))
    single = history.item is not None
    for entry in history.entries:
        c = entry.commit
        lines += [f"### {_day(entry)} · `{c.sha[:7]}` · {md(c.author)}", "", f"{md(c.subject)}", ""]
        for item in entry.diff.items:
            label = _item_label(item, single)
            if label:
                lines.append(f"- **{md(label)}**")
            prefix = "  - " if label else "- "
            lines += [f"{prefix}{md(e.text)}" for e in item.events]
            lines += [f"{prefix}⚠️ **{h.code}** {md(h.message)}" for h in item.hints]
        lines.append("")
    note_word = _("Note:")
    lines += [f"> **{note_word}** {md(n)}" for n in history.notes]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_history_json(history: History) -> str:
    """Stable JSON of every entry (sorted keys)."""
    return json.dumps(history.as_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


RENDERERS: dict[str, Callable[[History], str]] = {
    "text": render_history_text,
    "markdown": render_history_markdown,
    "json": render_history_json,
}
