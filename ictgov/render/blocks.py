"""A tiny layout model for terminal views, and its plain-text backend.

The status and show views are laid out once as blocks (lines, headings, tables of
styled cells); :mod:`ictgov.render.terminal` draws them with rich in a terminal, and
:func:`to_plain` draws them as aligned ASCII-only layout when the output is piped.
The plain path never imports rich, which keeps ``ictgov status | grep`` fast.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

from ictgov.visible import visible

ELLIPSIS = "…"
#: Spaces between two table columns (rich's padding (0, 1) gives the same).
GAP = 2


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text with a rich style name (ignored by the plain backend).

    Control characters in the text are made visible here, where all text of both
    backends passes, so data never sends escape sequences to a terminal.
    """

    text: str
    style: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", visible(self.text))


#: A cell or a line: spans side by side; "\n" inside a span starts a new line.
Cell = tuple[Span, ...]


def cell(*parts: str | Span) -> Cell:
    """Build a cell from strings and spans."""
    return tuple(p if isinstance(p, Span) else Span(p) for p in parts)


def cell_text(value: Cell) -> str:
    """The characters of a cell, without styles."""
    return "".join(span.text for span in value)


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: a fixed width, or a share (ratio) of what is left."""

    header: str = ""
    width: int | None = None
    ratio: int = 1
    min_width: int = 4
    wrap: bool = False
    justify: str = "left"

    def __post_init__(self) -> None:
        object.__setattr__(self, "header", visible(self.header))


@dataclass(slots=True)
class Table:
    """Rows of cells under columns; a row may have several lines."""

    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    show_header: bool = True
    #: Per row: wrap every cell (True), cut every cell (False), or as the column says (None).
    row_wrap: list[bool | None] = field(default_factory=list)

    def add(self, *cells: Cell | str, wrap: bool | None = None) -> None:
        """Append a row; *wrap* overrides the columns' wrapping for this row."""
        self.rows.append([c if isinstance(c, tuple) else cell(c) for c in cells])
        self.row_wrap.append(wrap)

    def wraps(self, row: int, column: Column) -> bool:
        """Whether a cell wraps (True) or is cut with an ellipsis (False)."""
        override = self.row_wrap[row] if row < len(self.row_wrap) else None
        return column.wrap if override is None else override


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of text, wrapped at the width."""

    content: Cell


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading."""

    text: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", visible(self.text))


Block = Line | Heading | Table


def widths(columns: Sequence[Column], total: int) -> list[int]:
    """Column widths that fill *total* characters, fixed columns first."""
    gaps = GAP * (len(columns) - 1)
    fixed = sum(c.width for c in columns if c.width is not None)
    flexible = [c for c in columns if c.width is None]
    free = max(0, total - fixed - gaps)
    ratio_sum = sum(c.ratio for c in flexible) or 1
    out: list[int] = []
    given = seen = 0
    for column in columns:
        if column.width is not None:
            out.append(column.width)
            continue
        seen += 1
        last = seen == len(flexible)
        share = free - given if last else free * column.ratio // ratio_sum
        share = max(column.min_width, share)
        given += share
        out.append(share)
    return out


def fit(text: str, width: int) -> str:
    """*text* cut to *width* characters, ending in an ellipsis when cut."""
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)] + ELLIPSIS if width > 0 else ""


def _cell_lines(value: Cell, width: int, wrap: bool) -> list[str]:
    lines: list[str] = []
    for raw in cell_text(value).split("\n"):
        if wrap and len(raw) > width:
            lines.extend(textwrap.wrap(raw, width, break_long_words=True) or [""])
        else:
            lines.append(fit(raw, width))
    return lines


def _pad(text: str, width: int, justify: str) -> str:
    return text.rjust(width) if justify == "right" else text.ljust(width)


def table_lines(table: Table, total: int, cut: bool = True) -> list[str]:
    """The lines of a table laid out in *total* characters.

    With *cut* False every cell wraps: a pipe or a file gets the whole text, never "…".
    """
    sizes = widths(table.columns, total)
    out: list[str] = []
    rows: list[tuple[int | None, list[Cell]]] = []
    if table.show_header:
        rows.append((None, [cell(c.header) for c in table.columns]))
    rows.extend(enumerate(table.rows))
    for index, row in rows:
        header = index is None
        columns = [
            _cell_lines(value, size, not header and (not cut or table.wraps(index or 0, column)))
            for value, size, column in zip(row, sizes, table.columns, strict=True)
        ]
        height = max(len(c) for c in columns)
        if header:  # headers sit on their bottom line, as rich draws them
            columns = [[""] * (height - len(c)) + c for c in columns]
        for index in range(height):
            parts = [
                _pad(c[index] if index < len(c) else "", size, column.justify)
                for c, size, column in zip(columns, sizes, table.columns, strict=True)
            ]
            out.append((" " * GAP).join(parts).rstrip())
    return out


def to_plain(blocks: Sequence[Block], width: int = 80, cut: bool = True) -> str:
    """Plain text of *blocks*: no escape codes, no box drawing, lines within *width*.

    With *cut* False no table cell is cut short (see :func:`table_lines`).
    """
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(block.text.upper())
        elif isinstance(block, Line):
            text = cell_text(block.content)
            if not text:
                out.append("")
                continue
            for raw in text.split("\n"):
                out.extend(textwrap.wrap(raw, width, subsequent_indent="  ") or [""])
        else:
            out.extend(table_lines(block, width, cut))
    return "\n".join(line.rstrip() for line in out) + "\n"
