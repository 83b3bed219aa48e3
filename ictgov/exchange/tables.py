"""Rows of the exported tables, computed from a loaded tree (never from files).

Values keep their types (dates as dates, lists as lists) so that each writer can
represent them natively: a real date cell in XLSX, an ISO date in CSV, a JSON
array for a list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from ictgov.exchange.columns import TABLES, columns
from ictgov.load import Tree
from ictgov.model import Measure
from ictgov.views.overview import measure_view
from ictgov.views.public import redact
from ictgov.views.text import plain

Row = dict[str, Any]


def natural_key(code: str) -> tuple[tuple[int, Any], ...]:
    """``1.2`` before ``1.10``: numbers in a code compare as numbers."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", code) if part
    )


def _value(value: Any) -> Any:
    return getattr(value, "value", value)


class TableBuilder:
    """Builds each table's rows in one language, judged relative to *today*."""

    def __init__(
        self,
        tree: Tree,
        today: date,
        lang: str | None = None,
        stale_after_days: int = 120,
        on_track_late_after_days: int = 90,
    ) -> None:
        self.tree = tree
        self.today = today
        self.stale_after_days = stale_after_days
        self.on_track_late_after_days = on_track_late_after_days
        self.content_lang = tree.strategy.language if tree.strategy else "fi"
        self.lang = lang or self.content_lang

    def text(self, value: str | dict[str, str] | None) -> str | None:
        """A text in the export language (None when there is none)."""
        return plain(value, self.lang, self.content_lang) or None if value is not None else None

    def category_name(self, category_id: str | None) -> str | None:
        """The name of a declared category in the export language (None for none)."""
        found = self.tree.category_by_id.get(category_id) if category_id else None
        return self.text(found.name) if found is not None else None

    def measures_sorted(self) -> list[Measure]:
        """Measures in code order (1.2 before 1.10), then by id."""
        return sorted(self.tree.measures, key=lambda m: (natural_key(m.code), m.id))

    def measures(self) -> list[Row]:
        """One row per measure; the attention columns come from the status view's facts."""
        rows: list[Row] = []
        for m in self.measures_sorted():
            last = m.last_update
            view = measure_view(m, self.today, self.stale_after_days, self.on_track_late_after_days)
            rows.append(
                {
                    "id": m.id,
                    "code": m.code,
                    "title": self.text(m.title),
                    "goals": list(m.goals),
                    "responsible": m.responsible,
                    "followed_by": m.followed_by,
                    "status": m.status.value,
                    "health": _value(m.health),
                    "progress": m.progress,
                    "planned_start": m.schedule.planned_start,
                    "planned_end": m.schedule.planned_end,
                    "actual_start": m.schedule.actual_start,
                    "actual_end": m.schedule.actual_end,
                    "last_update": last.date if last else None,
                    "last_update_note": self.text(last.note) if last else None,
                    "tags": list(m.tags),
                    "stale": view.stale,
                    "overdue": view.overdue,
                    "needs_attention": view.needs_attention,
                    "attention_reasons": [r.value for r in view.reasons],
                    "days_since_update": view.days_since_update,
                    "category": m.category,
                    "category_name": self.category_name(m.category),
                }
            )
        return rows

    def indicator_values(self) -> list[Row]:
        """One row per measured value of a measure's indicator (long format)."""
        rows: list[Row] = []
        for m in self.measures_sorted():
            if m.indicator is None:
                continue
            for obs in sorted(m.indicator.values, key=lambda o: o.date):
                rows.append(
                    {
                        "measure_id": m.id,
                        "date": obs.date,
                        "value": obs.value,
                        "unit": m.indicator.unit,
                        "source": self.text(obs.source),
                    }
                )
        return rows

    def updates(self) -> list[Row]:
        """One row per update-log entry, each measure's entries oldest first."""
        rows: list[Row] = []
        for m in self.measures_sorted():
            for entry in sorted(m.updates, key=lambda u: u.date):
                rows.append(
                    {
                        "measure_id": m.id,
                        "date": entry.date,
                        "status": _value(entry.status),
                        "health": _value(entry.health),
                        "progress": entry.progress,
                        "note": self.text(entry.note),
                        "by": entry.by,
                    }
                )
        return rows

    def _meetings(self) -> list[Any]:
        return sorted(self.tree.meetings, key=lambda m: (m.date, m.id))

    def meetings(self) -> list[Row]:
        """One row per meeting, oldest first."""
        return [
            {
                "id": mt.id,
                "body": mt.body,
                "date": mt.date,
                "time": mt.time,
                "place": self.text(mt.place),
                "items": len(mt.items),
                "minutes_url": mt.minutes_url,
            }
            for mt in self._meetings()
        ]

    def decisions(self) -> list[Row]:
        """One row per agenda item (§) of every meeting."""
        rows: list[Row] = []
        for mt in self._meetings():
            for item in sorted(mt.items, key=lambda i: i.section):
                rows.append(
                    {
                        "meeting_id": mt.id,
                        "body": mt.body,
                        "date": mt.date,
                        "section": item.section,
                        "title": self.text(item.title),
                        "record_number": item.record_number,
                        "resolution": _value(item.resolution),
                        "decision": self.text(item.decision),
                        "concerns": list(item.concerns),
                        "actions": len(item.actions),
                    }
                )
        return rows

    def actions(self) -> list[Row]:
        """One row per follow-up action a decision assigned."""
        rows: list[Row] = []
        for mt in self._meetings():
            for item in sorted(mt.items, key=lambda i: i.section):
                for number, action in enumerate(item.actions, start=1):
                    rows.append(
                        {
                            "meeting_id": mt.id,
                            "date": mt.date,
                            "section": item.section,
                            "number": number,
                            "what": self.text(action.what),
                            "responsible": action.responsible,
                            "assignee": action.assignee,
                            "due": action.due,
                            "done": action.done,
                            "done_date": action.done_date,
                        }
                    )
        return rows


def build_tables(
    tree: Tree,
    *,
    today: date,
    stale_after_days: int = 120,
    tables: list[str] | None = None,
    lang: str | None = None,
    public: bool = False,
    on_track_late_after_days: int = 90,
) -> dict[str, list[Row]]:
    """Table name -> rows (only the documented columns; personal ones dropped if *public*).

    *today* and *stale_after_days* decide the computed columns (stale, overdue ...),
    exactly as ``ictgov status`` decides them. A public export is made from the tree
    ``render --public`` publishes (``views.public.redact``): the same rule masks names
    and e-mail addresses in free text everywhere.
    """
    if public:
        tree = redact(tree)
    builder = TableBuilder(tree, today, lang, stale_after_days, on_track_late_after_days)
    makers: dict[str, Callable[[], list[Row]]] = {
        "measures": builder.measures,
        "indicator_values": builder.indicator_values,
        "updates": builder.updates,
        "meetings": builder.meetings,
        "decisions": builder.decisions,
        "actions": builder.actions,
    }
    out: dict[str, list[Row]] = {}
    for name in tables or list(TABLES):
        names = [c.name for c in columns(name, public=public)]
        out[name] = [{k: row[k] for k in names} for row in makers[name]()]
    return out
