"""A semantic diff as text (terminal), Markdown (pull-request comment) or JSON.

The Markdown starts with a hidden marker so CI can find and update one sticky
comment, shows a summary table first and the details of each item in a
``<details>`` block, and shrinks itself (details, then rows) to stay under a size
limit: 1 MiB for a GitHub job summary by default, less for a comment.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import Any

from ictgov.diff.model import MISSING, Change, ItemDiff, TreeDiff, format_path, show_pair
from ictgov.diff.phrases import kind_word
from ictgov.i18n import N_
from ictgov.i18n.speak import _, current, ngettext
from ictgov.visible import visible

#: The hidden line CI searches for to update its one comment instead of adding more.
MARKER = "<!-- ictgov-diff -->"
#: GitHub's limit for a job summary; a pull-request comment allows 65,536 characters.
DEFAULT_MAX_BYTES = 1024 * 1024
_SIGN = {"added": "+", "removed": "-", "modified": "~"}
_CHANGE_WORDS = {"added": N_("added"), "removed": N_("removed"), "modified": N_("modified")}
_ICON_MARKS = {"added": "➕", "removed": "➖", "modified": "✏️"}


def _icon(change: str) -> str:
    """``➕ added``: the change of an item, with its mark, in the reader's language."""
    return f"{_ICON_MARKS[change]} {_(_CHANGE_WORDS[change])}"


def _kind(item: ItemDiff) -> str:
    return kind_word(item.kind)


def _unreadable_text(item: ItemDiff) -> str | None:
    if item.unreadable is None:
        return None
    side = "BASE" if item.unreadable == "base" else "HEAD"
    return _("could not be read at {side}; see the problems below").format(side=side)


def _counts_text(diff: TreeDiff) -> str:
    c = diff.counts()
    hints = c["hints"]
    unreadable = ", " + _("{n} unreadable").format(n=c["unreadable"]) if c["unreadable"] else ""
    counts = _("{added} added, {removed} removed, {modified} modified").format(
        added=c["added"], removed=c["removed"], modified=c["modified"]
    )
    review = ngettext("{n} review hint", "{n} review hints", hints).format(n=hints)
    return f"{counts}{unreadable}; {review}"


def _problem(d: Any) -> str:
    """A finding that kept a file from being read: ``file:line:col: CODE message``."""
    return f"{d.file}:{d.line}:{d.column}: {d.code} {d.text(current())}"


# -- text ---------------------------------------------------------------------


def render_text(diff: TreeDiff, note: str | None = None) -> str:
    """The diff for a terminal: one block per item, hints marked with '!'."""
    lines = [_("Changes from {base} to {head}").format(base=diff.base_label, head=diff.head_label)]
    if note:
        lines.append(f"({note})")
    if diff.empty:
        lines.append(_("No changes to the strategy."))
    else:
        lines.append(_counts_text(diff))
    for item in diff.items:
        where = item.new_file or item.old_file or ""
        lines.append("")
        lines.append(f"{_SIGN[item.change]} {_kind(item)} {item.id} “{item.title}” ({where})")
        unreadable = _unreadable_text(item)
        if unreadable:
            lines.append(f"    ? {unreadable}")
        lines.extend(f"    {event.text}" for event in item.events)
        lines.extend(f"    ! {h.code} {h.message}" for h in item.hints)
    lines.extend(_problem_lines(diff, lambda d: f"  {_problem(d)}"))
    return visible("\n".join(lines) + "\n")


def _problem_lines(
    diff: TreeDiff, show: Callable[[Any], str], limit: int | None = None
) -> list[str]:
    out: list[str] = []
    for side, problems in (("BASE", diff.base_problems), ("HEAD", diff.head_problems)):
        if problems:
            out += ["", _("Could not be read at {side}:").format(side=side)]
            out += [show(d) for d in problems[:limit]]
            if limit is not None and len(problems) > limit:
                out.append(
                    _("…and {n} more; run 'ictgov lint' for all").format(n=len(problems) - limit)
                )
    return out


# -- JSON ---------------------------------------------------------------------


def render_json(diff: TreeDiff, note: str | None = None) -> str:
    """The diff as stable JSON (sorted keys): the change model, events and hints."""
    data = diff.as_dict()
    data["note"] = note
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# -- Markdown -----------------------------------------------------------------


#: ``@user`` and ``@org/team`` where GitHub would notify them (not inside an e-mail address).
_MENTION = re.compile(r"(?<![\w.+\-])@(?=[A-Za-z0-9])")
#: ``#123`` (``\#123`` after md's escaping): GitHub would link the issue and notify it.
_ISSUE = re.compile(r"(\\?#)(?=\d)")
#: Invisible, and breaks a mention or reference where GitHub parses them.
_BREAK = "&#8203;"


def md(text: str) -> str:
    """Text safe inside Markdown and table cells: no HTML, links, formatting or controls.

    Mentions and issue references from the data are broken with a zero-width space, so
    a pull-request comment never notifies a person or a whole team the data names.
    """
    text = html.escape(visible(text), quote=False)
    for char in "\\`*_[]|#":
        text = text.replace(char, "\\" + char)
    return _unping(text).replace("\n", " ")


def _unping(text: str) -> str:
    """Mentions and issue references broken, so GitHub neither links nor notifies."""
    return _MENTION.sub("@" + _BREAK, _ISSUE.sub(r"\1" + _BREAK, text))  # issues first


def _html_inline(text: str) -> str:
    """Data inside an HTML element of the comment (a summary): escaped, no pings."""
    text = _unping(html.escape(visible(text), quote=False).replace("\n", " "))
    return text.replace("[", "&#91;").replace("]", "&#93;")


def code(text: str) -> str:
    """Text as a Markdown code span that survives a table cell."""
    text = visible(text).replace("\n", " ").replace("|", "\\|")
    if "`" in text:
        return f"`` {text} ``"
    return f"`{text}`"


def _summary_row(item: ItemDiff, max_events: int = 3) -> str:
    texts = [e.text for e in item.events]
    shown = "; ".join(md(t) for t in texts[:max_events])
    if len(texts) > max_events:
        shown += " " + _("(+{n} more)").format(n=len(texts) - max_events)
    unreadable = _unreadable_text(item)
    if unreadable:
        shown = f"⚠️ {md(unreadable)}; {shown}" if shown else f"⚠️ {md(unreadable)}"
    hints = f"⚠️ {len(item.hints)}" if item.hints else ""
    return (
        f"| {_icon(item.change)} | {_kind(item)} {code(item.id)} {md(item.title)} "
        f"| {shown} | {hints} |"
    )


def _field_table(changes: list[Change]) -> list[str]:
    header = (_("Field"), _("Before"), _("After"))
    rows = ["| " + " | ".join(header) + " |", "| --- | --- | --- |"]
    for change in changes:
        before, after = show_pair(change.old, change.new, limit=120)
        if change.old is MISSING:
            before = "—"
        if change.new is MISSING:
            after = "—"
        rows.append(f"| {code(format_path(change.path))} | {md(before)} | {md(after)} |")
    return rows


def _details(item: ItemDiff, with_fields: bool) -> list[str]:
    out = [
        "<details>",
        f"<summary>{_icon(item.change)} {_kind(item)} <code>{_html_inline(item.id)}</code>"
        f" — {_html_inline(item.title)}</summary>",
        "",
    ]
    file_word = _("File:")
    if item.moved:
        out.append(f"{file_word} {code(item.old_file or '')} → {code(item.new_file or '')}")
    else:
        out.append(f"{file_word} {code(item.new_file or item.old_file or '')}")
    out.append("")
    unreadable = _unreadable_text(item)
    if unreadable:
        out.append(f"- ⚠️ {md(unreadable)}")
    out += [f"- {md(e.text)}" for e in item.events]
    out += [f"- ⚠️ **{h.code}** {md(h.message)}" for h in item.hints]
    if with_fields and item.changes:
        out += ["", *_field_table(item.changes)]
    out += ["", "</details>", ""]
    return out


def _markdown(diff: TreeDiff, note: str | None, level: int, rows: int | None) -> str:
    lines = [MARKER, "## " + _("Strategy changes"), ""]
    lines.append(
        _("From {base} to {head}: {counts}").format(
            base=code(diff.base_label), head=code(diff.head_label), counts=md(_counts_text(diff))
        )
    )
    if note:
        lines += ["", f"_{md(note)}_"]
    if diff.empty:
        lines += ["", _("No changes to the strategy.")]
        return "\n".join(lines) + "\n"
    items = diff.items if rows is None else diff.items[:rows]
    header = (_("Change"), _("Item"), _("What changed"), _("Review"))
    lines += ["", "| " + " | ".join(header) + " |", "| --- | --- | --- | --- |"]
    lines += [_summary_row(item) for item in items]
    if rows is not None and rows < len(diff.items):
        lines += [
            "",
            _(
                "…and {n} more items. The diff is too large for one comment; run `ictgov diff` "
                "locally or download the job's artefact for all of it."
            ).format(n=len(diff.items) - rows),
        ]
    hints = diff.hints() if rows is None else [(i, h) for i in items for h in i.hints]
    if hints:
        lines += ["", "### " + _("Review hints"), ""]
        lines += [
            f"- ⚠️ {_kind(item)} {code(item.id)}: **{h.code}** {md(h.message)}" for item, h in hints
        ]
    if level < 2:
        lines += ["", "### " + _("Details"), ""]
        for item in diff.items:
            lines += _details(item, with_fields=level == 0)
    elif rows is None:
        lines += ["", "_" + _("Details left out to keep this under the size limit.") + "_"]
    lines += _problem_lines(
        diff,
        lambda d: f"- {code(f'{d.file}:{d.line}:{d.column}')} **{d.code}** {md(d.text(current()))}",
        None if level < 2 else 20 if rows is None else 5,
    )
    return "\n".join(lines) + "\n"


def render_markdown(
    diff: TreeDiff, note: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> str:
    """The diff for a pull-request comment, summarised as needed to fit *max_bytes*."""

    def fits(text: str) -> bool:
        return len(text.encode("utf-8")) <= max_bytes

    for level in (0, 1, 2):
        text = _markdown(diff, note, level, None)
        if fits(text):
            return text
    low, high = 0, len(diff.items)
    while low < high:  # the most summary rows that still fit
        mid = (low + high + 1) // 2
        if fits(_markdown(diff, note, 2, mid)):
            low = mid
        else:
            high = mid - 1
    return _markdown(diff, note, 2, low)
