"""The columns of every exported table: names, types and meanings, defined once.

Column names are a published interface (Power BI reports and spreadsheet macros
refer to them), so they only ever grow: ``docs/exchange.md`` lists the same
columns and a test fails when the two differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """The type of a column's values, which decides how each format writes them."""

    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    DATE = "date"
    BOOLEAN = "boolean"
    LIST = "list"


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its stable name, its kind and what it holds."""

    name: str
    kind: Kind
    description: str
    #: Holds a person's name: left out with ``--public``.
    personal: bool = False


T, INT, N, D, B, L = Kind.TEXT, Kind.INTEGER, Kind.NUMBER, Kind.DATE, Kind.BOOLEAN, Kind.LIST

TABLES: dict[str, tuple[Column, ...]] = {
    "measures": (
        Column("id", T, "Measure id; the key when importing."),
        Column("code", T, "Short code, e.g. 1.3."),
        Column("title", T, "Title in the export language."),
        Column("goals", L, "Ids of the strategic goals it implements."),
        Column("responsible", T, "Id of the body or organisation responsible for it."),
        Column("followed_by", T, "Id of the body that follows it up."),
        Column("status", T, "planned, in_progress, completed, on_hold or discontinued."),
        Column("health", T, "on_track, at_risk or off_track; empty unless in progress."),
        Column("progress", INT, "Per cent done, 0-100."),
        Column("planned_start", D, "Planned start date."),
        Column("planned_end", D, "Planned end date."),
        Column("actual_start", D, "Actual start date."),
        Column("actual_end", D, "Actual end date."),
        Column("last_update", D, "Date of the newest update-log entry."),
        Column("last_update_note", T, "Note of the newest update-log entry."),
        Column("tags", L, "Free-form tags."),
        Column("stale", B, "In progress with no update for longer than the configured interval."),
        Column("overdue", B, "Planned end before today and neither completed nor discontinued."),
        Column("needs_attention", B, "Off track, overdue, at risk or stale (as ictgov status)."),
        Column(
            "attention_reasons",
            L,
            "Why it needs attention, most serious first: off_track, overdue, "
            "on_track_but_late, at_risk, stale.",
        ),
        Column("days_since_update", INT, "Days from the newest update-log entry to today."),
        Column("category", T, "Id of its category (data/strategy/categories.yaml), if any."),
        Column("category_name", T, "Name of its category in the export language."),
    ),
    "indicator_values": (
        Column("measure_id", T, "Id of the measure whose indicator was measured."),
        Column("date", D, "Date the value applies to."),
        Column("value", N, "The measured value."),
        Column("unit", T, "Unit of the indicator, e.g. %."),
        Column("source", T, "Where the number came from."),
    ),
    "updates": (
        Column("measure_id", T, "Id of the measure."),
        Column("date", D, "Date of the entry."),
        Column("status", T, "Status reported, if any."),
        Column("health", T, "Health reported, if any."),
        Column("progress", INT, "Progress reported, if any."),
        Column("note", T, "What happened."),
        Column("by", T, "Who reported it.", personal=True),
    ),
    "meetings": (
        Column("id", T, "Meeting id."),
        Column("body", T, "Id of the body that met."),
        Column("date", D, "Date of the meeting."),
        Column("time", T, "Start time, e.g. 14:00."),
        Column("place", T, "Where it met."),
        Column("items", INT, "Number of agenda items."),
        Column("minutes_url", T, "Link to the minutes."),
    ),
    "decisions": (
        Column("meeting_id", T, "Id of the meeting."),
        Column("body", T, "Id of the body."),
        Column("date", D, "Date of the meeting."),
        Column("section", INT, "Section number (§)."),
        Column("title", T, "Title of the agenda item."),
        Column("record_number", T, "Record number (diaarinumero)."),
        Column("resolution", T, "passed, passed_modified, noted, returned, tabled ..."),
        Column("decision", T, "The decision as recorded."),
        Column("concerns", L, "Ids of the strategy items it concerns."),
        Column("actions", INT, "Number of follow-up actions assigned."),
    ),
    "actions": (
        Column("meeting_id", T, "Id of the meeting that assigned it."),
        Column("date", D, "Date of that meeting."),
        Column("section", INT, "Section number (§) of the decision."),
        Column("number", INT, "Position of the action within the decision, from 1."),
        Column("what", T, "What is to be done."),
        Column("responsible", T, "Id of the body or organisation that does it."),
        Column("assignee", T, "Person assigned.", personal=True),
        Column("due", D, "Due date."),
        Column("done", B, "Whether it is done."),
        Column("done_date", D, "When it was done."),
    ),
}

TABLE_NAMES: tuple[str, ...] = tuple(TABLES)

#: Tables ``ictgov import`` reads, and the columns it needs in each.
REQUIRED_FOR_IMPORT: dict[str, tuple[str, ...]] = {
    "measures": ("id",),
    "indicator_values": ("measure_id", "date", "value"),
}

#: Columns computed relative to the export's today (``--today``): for reading only.
DATE_DEPENDENT: dict[str, tuple[str, ...]] = {
    "measures": ("stale", "overdue", "needs_attention", "attention_reasons", "days_since_update"),
}

#: Columns ``ictgov import`` reads; the rest (the computed ones included) are ignored.
IMPORTED_COLUMNS: dict[str, tuple[str, ...]] = {
    "measures": (
        "id",
        "status",
        "health",
        "progress",
        "note",
        "last_update_note",
        "category",
        "actual_start",
        "actual_end",
    ),
    "indicator_values": ("measure_id", "date", "value", "source"),
}


def columns(table: str, *, public: bool = False) -> tuple[Column, ...]:
    """The columns of *table*; with *public*, without personal data."""
    return tuple(c for c in TABLES[table] if not (public and c.personal))
