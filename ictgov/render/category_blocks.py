"""The per-category roll-up of ``ictgov status``: one heading line and one count line each.

Kept apart from :mod:`ictgov.render.status_blocks` so a programme's areas can grow
without that module growing; it reads only :class:`~ictgov.views.categories.CategoryView`.
"""

from __future__ import annotations

from ictgov.model import Health
from ictgov.render.blocks import Block, Column, Heading, Line, Table, cell
from ictgov.render.look import Look
from ictgov.views.categories import CategoryView
from ictgov.views.status import StatusReport


def category_breakdown(view: CategoryView, look: Look) -> str:
    """``9 measures: 4 in progress, 2 completed (1 off track); 2 overdue``."""
    n = len(view.measures)
    text = look.ngettext("%(n)s measure", "%(n)s measures", n)
    parts = [f"{c} {look.status_word(s)}" for s, c in view.by_status.items() if c]
    risky = [
        f"{c} {look.health_word(h)}"
        for h, c in view.by_health.items()
        if c and h != Health.ON_TRACK
    ]
    if parts:
        text += ": " + ", ".join(parts)
    if risky:
        text += " (" + ", ".join(risky) + ")"
    if view.overdue:
        text += "; " + look._("overdue %(n)s", n=view.overdue)
    return text


def category_blocks(report: StatusReport, look: Look) -> list[Block]:
    """The roll-up per category, in the categories' order; nothing when none are declared."""
    if not report.categories:
        return []
    title = look._("By category")
    out: list[Block] = [Line(()), Heading(f"{title} ({len(report.categories)})")]
    table = Table([Column(min_width=20), Column(width=look.bar_width)], show_header=False)
    for view in report.categories:
        name = f"{report.text(view.category.name)} [{view.id}]"
        table.add((look.span(name, "bold"),), look.bar(view.progress))
        table.add((look.span(category_breakdown(view, look), "dim"),), "", wrap=True)
    out.append(table)
    if report.uncategorised:
        n = len(report.uncategorised)
        out.append(Line(cell(look._("Without a category: %(n)s", n=n))))
    return out
