"""Bounds on the work one template may make: time, output, sizes of values it builds.

The sandbox keeps templates away from Python internals, but not from asking for
a lot: ``'a' * 10**9``, ``'x'|center(10**9)``, nested ``range`` loops, ``2 ** 10**9``
or a macro that calls itself would hang the run or exhaust memory (on a CI runner
rendering a stranger's pull request). Each check here raises :class:`RenderLimit`
(a Jinja ``SecurityError``) with what was asked and how to fix it; the renderer adds
the template's file and line.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from jinja2.exceptions import SecurityError

#: Items one ``range()`` may have, and all ``range()`` calls of one page together.
MAX_RANGE = 100_000
MAX_RANGE_PER_PAGE = 1_000_000
#: Characters (or items) one value built by ``*``, ``%``, ``replace`` ... may have.
MAX_SIZE = 1_000_000
#: A width or count argument (``center``, ``indent``, ``wordwrap``, ``batch`` ...).
MAX_WIDTH = 10_000
#: Bits of an integer built by ``*`` or ``**`` (about 1,200 decimal digits).
MAX_INT_BITS = 4_096
#: Characters one page (or the single-file report) may have.
MAX_OUTPUT = 200_000_000
#: Seconds one page may take to render (the built-in ones take milliseconds).
PAGE_SECONDS = 30.0

# A %-format or str.format field with a big width or precision, or a width from "*".
_WIDE_PERCENT = re.compile(r"%[^%a-zA-Z]*?(?:\d{5,}|\*)")
_WIDE_BRACES = re.compile(r"\{[^{}]*?[:.][^{}]*?\d{5,}")


class RenderLimit(SecurityError):
    """A template asked for more work than a report page may make."""


class PageBudget:
    """What the page being rendered has used: its deadline and its ``range`` items."""

    def __init__(self) -> None:
        self.deadline = float("inf")
        self.ranged = 0

    def start(self, seconds: float) -> None:
        """Begin a page that may take *seconds*."""
        self.deadline = time.monotonic() + seconds
        self.ranged = 0

    def check_time(self) -> None:
        """Raise once the page is over its time."""
        if time.monotonic() > self.deadline:
            raise timeout()

    def take_range(self, items: int) -> None:
        """Count a ``range`` of *items* against the page."""
        if items > MAX_RANGE:
            raise RenderLimit(
                f"range() of {items} items; at most {MAX_RANGE} (loop over the data instead)"
            )
        self.ranged += items
        if self.ranged > MAX_RANGE_PER_PAGE:
            raise RenderLimit(
                f"range() calls of one page have made more than {MAX_RANGE_PER_PAGE} items "
                "(nested loops over range?); loop over the data instead"
            )


def timeout() -> RenderLimit:
    """The error of a page that took too long."""
    return RenderLimit(
        f"the page took more than {PAGE_SECONDS:g} seconds to render (an endless or "
        "very deep loop?); simplify the template"
    )


@contextmanager
def alarm(seconds: float) -> Iterator[None]:
    """Interrupt the code inside after *seconds*, even a loop that calls nothing.

    Uses a real-time timer signal where there is one and this is the main thread;
    elsewhere the sandbox's hooks check the deadline when the template calls
    anything, which catches all but loops that do nothing at all.
    """
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise timeout()

    previous = signal.signal(signal.SIGALRM, expired)
    started = time.monotonic()
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # someone else's timer was running: it goes on where it was
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-3))


def check_size(size: int, what: str) -> None:
    """Refuse to build a value of more than :data:`MAX_SIZE` characters or items."""
    if size > MAX_SIZE:
        raise RenderLimit(f"{what} would make {size} characters or items; at most {MAX_SIZE}")


def check_width(value: Any, what: str) -> None:
    """Refuse a width or count argument above :data:`MAX_WIDTH`."""
    size = len(value) if isinstance(value, str) else value
    if isinstance(size, int) and not isinstance(size, bool) and size > MAX_WIDTH:
        raise RenderLimit(f"{what} of {size}; at most {MAX_WIDTH}")


def check_format(text: Any, what: str) -> None:
    """Refuse a format string with a width or precision above :data:`MAX_WIDTH`."""
    if isinstance(text, str) and (_WIDE_PERCENT.search(text) or _WIDE_BRACES.search(text)):
        raise RenderLimit(
            f"{what} with a width or precision of 10000 or more (or '*'); use a smaller one"
        )


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``*``, ``**``, ``+`` and ``%`` whose result would be huge, before computing it."""
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(n, int) and isinstance(seq, str | list | tuple | bytes):
                check_size(len(seq) * max(n, 0), "repeating a value with '*'")
        if _ints(left, right) and abs(left).bit_length() + abs(right).bit_length() > MAX_INT_BITS:
            raise RenderLimit(f"a product of more than {MAX_INT_BITS} bits; use smaller numbers")
    elif operator == "**":
        if _ints(left, right) and right > 0 and abs(left).bit_length() * right > MAX_INT_BITS:
            raise RenderLimit(f"a power of more than {MAX_INT_BITS} bits; use smaller numbers")
    elif operator == "+":
        if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
            check_size(len(left) + len(right), "joining values with '+'")
    elif operator == "%":
        check_format(left, "a %-format")


def _ints(left: Any, right: Any) -> bool:
    return isinstance(left, int) and isinstance(right, int)
