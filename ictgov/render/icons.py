"""Small shapes that tell a state together with its word, never instead of it.

Each state value maps to one shape; the same shape means the same kind of state
(done, going, waiting, stopped, warning, late) across statuses, health, schedule,
cadence and resolutions. HTML gets inline SVG (hidden from screen readers, since
the word follows), Markdown a text symbol.
"""

from __future__ import annotations

_SHAPES: dict[str, tuple[str, str]] = {
    "done": (
        '<path d="M3 8.5l3.2 3.2L13 4.8" fill="none" stroke="currentColor" stroke-width="2.4"/>',
        "✓",
    ),
    "going": ('<path d="M4 2.5v11L13 8z" fill="currentColor"/>', "▶"),
    "waiting": (
        '<circle cx="8" cy="8" r="5.2" fill="none" stroke="currentColor" stroke-width="2"/>',
        "○",
    ),
    "paused": ('<path d="M4.5 3h2.6v10H4.5zM8.9 3h2.6v10H8.9z" fill="currentColor"/>', "‖"),
    "stopped": (
        '<path d="M3.5 3.5l9 9M12.5 3.5l-9 9" stroke="currentColor" stroke-width="2.4"/>',
        "✕",
    ),
    "warning": (
        '<path d="M8 1.8L15 14H1z" fill="currentColor"/>'
        '<path d="M8 6v4M8 11.3v1.3" stroke="#fff" stroke-width="1.6"/>',
        "⚠",
    ),
    "late": (
        '<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2"/>'
        '<path d="M8 4.5V8l2.6 2" fill="none" stroke="currentColor" stroke-width="2"/>',
        "⏱",
    ),
    "other": ('<rect x="4" y="4" width="8" height="8" fill="currentColor"/>', "■"),
}

#: State value -> shape name. Values not listed get "other".
SHAPE_OF: dict[str, str] = {
    **dict.fromkeys(
        (
            "completed",
            "finished_on_time",
            "met",
            "on_track",
            "passed",
            "passed_modified",
            "passed_voted",
        ),
        "done",
    ),
    **dict.fromkeys(("in_progress", "on_schedule"), "going"),
    **dict.fromkeys(("planned", "not_started", "pending", "unscheduled"), "waiting"),
    "on_hold": "paused",
    **dict.fromkeys(("discontinued", "off_track", "missed", "rejected", "removed"), "stopped"),
    **dict.fromkeys(("at_risk", "late_start", "finished_late", "behind"), "warning"),
    **dict.fromkeys(("overdue", "stale"), "late"),
}


def svg_icon(value: str) -> str:
    """The inline SVG of a state value, hidden from assistive technology."""
    shape = _SHAPES[SHAPE_OF.get(value, "other")][0]
    return (
        '<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" '
        f'focusable="false">{shape}</svg>'
    )


def text_icon(value: str) -> str:
    """The text symbol of a state value, for Markdown."""
    return _SHAPES[SHAPE_OF.get(value, "other")][1]
