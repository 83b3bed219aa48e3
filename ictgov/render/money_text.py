"""Money and goal terms in words, for the terminal (``status``, ``show``).

The reports lay the same numbers out in tables (templates); here they fit one line:
``Budget: planned 250 000 €, decided 120 000 €, spent 25 000 €.``
"""

from __future__ import annotations

from ictgov.i18n import N_
from ictgov.i18n.formats import formats
from ictgov.model import Budget, Term
from ictgov.render.blocks import Block, Heading, Line, cell
from ictgov.render.look import Look
from ictgov.verdicts.money import Amounts, totals, year_amounts

#: How each column is named in a sentence, in the order a finance person reads them.
_COLUMN_WORDS: tuple[tuple[str, str], ...] = (
    ("planned", N_("planned %(sum)s")),
    ("decided", N_("decided %(sum)s")),
    ("spent", N_("spent %(sum)s")),
)


def amounts_text(amounts: Amounts, look: Look) -> str:
    """``planned 250 000 €, decided 120 000 €`` (columns without an amount left out)."""
    money = formats(look.lang).money
    parts = [
        look._(word, sum=money(getattr(amounts, column)))
        for column, word in _COLUMN_WORDS
        if getattr(amounts, column) is not None
    ]
    return ", ".join(parts)


def budget_line(amounts: Amounts, look: Look) -> str | None:
    """``Budget: planned 250 000 €, ....`` or None when there is no amount."""
    if amounts.empty:
        return None
    return look._("Budget: %(amounts)s.", amounts=amounts_text(amounts, look))


def term_text(term: Term | None, look: Look) -> str | None:
    """``short-term goal`` or ``long-term goal`` in the reader's language; None if unset."""
    return look.label("term", term) if term is not None else None


def budget_blocks(budget: Budget, look: Look, funder: str | None) -> list[Block]:
    """The ``show`` section of a budget: the funder, one line a year, and the total."""
    out: list[Block] = [Line(()), Heading(look._("Budget"))]
    if funder:
        out.append(Line(cell(look._("Funder: %(funder)s", funder=funder))))
    for entry in sorted(budget.years, key=lambda y: y.year):
        words = amounts_text(year_amounts(entry), look) or "-"
        out.append(Line(cell(f"{entry.year}: {words}")))
    total = totals([budget]).total
    if len(budget.years) > 1 and not total.empty:
        out.append(Line(cell(look._("Total: %(amounts)s", amounts=amounts_text(total, look)))))
    return out
