"""Terminal rendering of the status and show views.

Views are laid out once as blocks (:mod:`ictgov.render.blocks`) and drawn two ways:
with rich in a terminal (colour, glyphs, a header rule), or as plain aligned text
when the output is piped (ASCII markers, ``[###---]`` bars, no box drawing, no
escape codes), so ``grep`` and e-mail see clean text. Status is always written in
words with a symbol, never told by colour alone. Everything fits the console width
(80 columns at least): long titles end in an ellipsis. rich is imported only when
drawing for a terminal.

Labels speak the report's language through the gettext catalogues of
:mod:`ictgov.i18n` (compiled ``.mo`` files read by the standard library, so the
status path never imports Babel); the data's own texts come in that language too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ictgov.render.blocks import (
    Block,
    Cell,
    Heading,
    Line,
    to_plain,
)
from ictgov.views.status import StatusReport

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ictgov.views.trend import TrendPoint

from ictgov.render.look import Look
from ictgov.render.status_blocks import (
    status_blocks,
    trend_blocks,
)

# --- drawing ----------------------------------------------------------------


def _rich_text(value: Cell, wrap: bool | None = None) -> Any:
    from rich.text import Text

    text = Text()
    if wrap is not None:
        text.no_wrap = not wrap
        text.overflow = "fold" if wrap else "ellipsis"
    for span in value:
        text.append(span.text, style=span.style or None)
    return text


def to_rich(blocks: Sequence[Block]) -> RenderableType:
    """Blocks as one rich renderable."""
    from rich import box
    from rich.console import Group
    from rich.table import Table as RichTable
    from rich.text import Text

    parts: list[RenderableType] = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append(Text(block.text, style="bold underline"))
        elif isinstance(block, Line):
            parts.append(_rich_text(block.content))
        else:
            table = RichTable(
                box=box.SIMPLE_HEAD if block.show_header else None,
                show_header=block.show_header,
                show_edge=False,
                padding=(0, 1),
                pad_edge=False,
                expand=True,
                header_style="bold",
            )
            for column in block.columns:
                table.add_column(
                    column.header,
                    width=column.width,
                    ratio=None if column.width is not None else column.ratio,
                    min_width=column.min_width if column.width is None else None,
                    no_wrap=not column.wrap,
                    overflow="fold" if column.wrap else "ellipsis",
                    justify="right" if column.justify == "right" else "left",
                )
            for index, row in enumerate(block.rows):
                table.add_row(
                    *(
                        _rich_text(value, block.wraps(index, column))
                        for value, column in zip(row, block.columns, strict=True)
                    )
                )
            parts.append(table)
    return Group(*parts)


def terminal_look(console: Console, lang: str) -> Look:
    """Glyphs and colour for a real terminal, ASCII otherwise."""
    plain = not console.is_terminal or console.is_dumb_terminal
    return Look(plain=plain, width=console.width, lang=lang)


def print_blocks(console: Console, blocks: Sequence[Block], look: Look) -> None:
    """Draw blocks with rich in a terminal, as plain text anywhere else."""
    if look.plain:
        console.file.write(to_plain(blocks, look.width))
    else:
        console.print(to_rich(blocks))


def print_status(
    console: Console, report: StatusReport, trend: Sequence[TrendPoint] | None = None
) -> None:
    """Print the status view on a rich console, with the trend table when given."""
    look = terminal_look(console, report.lang)
    blocks = status_blocks(report, look)
    if trend is not None:
        blocks += trend_blocks(trend, look)
    print_blocks(console, blocks, look)
