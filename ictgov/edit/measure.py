"""What a status report changes in a measure file, decided from the validated model.

The coupling a measure owner expects is built in: completing a measure sets its
progress to 100 and its actual end date, starting it sets the actual start date,
and ``health`` (meaningful only while in progress) is removed when the measure
leaves that state. Explicit options always win over these defaults. Only real
differences produce operations, so reporting the same status twice writes nothing.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ictgov.edit.ops import Delete, InsertItem, Op, SetValue
from ictgov.errors import InvalidEditError
from ictgov.i18n import N_
from ictgov.i18n.labels import label_id
from ictgov.i18n.speak import _, current
from ictgov.model import (
    Health,
    Indicator,
    Measure,
    Observation,
    Schedule,
    Status,
    UpdateEntry,
)

MEASURE_ORDER = tuple(Measure.model_fields)
SCHEDULE_ORDER = tuple(Schedule.model_fields)
INDICATOR_ORDER = tuple(Indicator.model_fields)
OBSERVATION_ORDER = tuple(Observation.model_fields)
UPDATE_ORDER = tuple(UpdateEntry.model_fields)


#: Schedule fields as the change lines name them.
SCHEDULE_WORDS: dict[str, str] = {
    "planned_start": N_("schedule.planned_start"),
    "planned_end": N_("schedule.planned_end"),
    "actual_start": N_("schedule.actual_start"),
    "actual_end": N_("schedule.actual_end"),
}


def value_word(group: str, value: str) -> str:
    """A status or health in a change line: as in the file for English, else in words."""
    return value if current() == "en" or value == "-" else _(label_id(group, value))


def value_line(day: date, what: str) -> str:
    """A change line about the indicator value dated *day*."""
    return _("indicator value {date}: {what}").format(date=day.isoformat(), what=what)


def is_value_line(line: str) -> bool:
    """Whether a change line is about an indicator value (see :func:`value_line`)."""
    return line.startswith(_("indicator value {date}: {what}").split("{", 1)[0])


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """One reported value of a measure's indicator at a date."""

    date: date
    value: float
    #: Where the value came from; defaults to the change's ``source``.
    source: str | None = None


#: ``date`` under another name, for fields of a class that also has a field ``date``.
Day = date


@dataclass(frozen=True)
class MeasureChange:
    """A status report for one measure; None means "not reported"."""

    date: date
    status: Status | None = None
    health: Health | None = None
    progress: int | None = None
    note: str | None = None
    values: tuple[IndicatorValue, ...] = ()
    source: str | None = None
    by: str | None = None
    #: The actual start and end as the owner states them (``--started``, ``--ended``).
    started: Day | None = None
    ended: Day | None = None
    #: Whether the report is of today. Only then may a status change date the actual
    #: start or end itself: a back-filled report (``--date`` in the past) says when it was
    #: reported, not when the work began or ended, so ictgov never invents those dates.
    reported_today: bool = True
    #: A new category id (``import`` checks that it exists before it gets here).
    category: str | None = None


@dataclass
class Plan:
    """The operations for one file and what they mean, in words, for the report."""

    ops: list[Op] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when the report changes nothing."""
        return not self.ops


def number(value: float) -> int | float:
    """Whole numbers stay integers in the file (``30``, not ``30.0``)."""
    return int(value) if float(value).is_integer() else float(value)


def same_text(value: Any, text: str) -> bool:
    """Whether a text (plain, or one per language) says *text* in some language."""
    if isinstance(value, dict):
        return any(str(v).strip() == text.strip() for v in value.values())
    return value is not None and str(value).strip() == text.strip()


def _plan_values(measure: Measure, data: dict[str, Any], change: MeasureChange, plan: Plan) -> None:
    if measure.indicator is None:
        raise InvalidEditError(
            _(
                "measure {id} has no indicator, so it has nowhere to record values; add "
                "an 'indicator:' with a 'description:' (how it is followed) to its file first"
            ).format(id=measure.id)
        )
    existing = measure.indicator.values
    indicator_data = data.get("indicator") or {}
    has_values = bool(indicator_data.get("values"))
    ordered = all(a.date <= b.date for a, b in itertools.pairwise(existing))
    new_items: list[dict[str, Any]] = []
    for reported in sorted(change.values, key=lambda v: v.date):
        value = number(reported.value)
        source = reported.source or change.source
        index = next((i for i, obs in enumerate(existing) if obs.date == reported.date), None)
        if index is None:
            item: dict[str, Any] = {"date": reported.date, "value": value}
            if source:
                item["source"] = source
            new_items.append(item)
            plan.changes.append(value_line(reported.date, str(value)))
            continue
        obs = existing[index]
        if obs.value != value:
            plan.ops.append(SetValue(("indicator", "values", index, "value"), value))
            plan.changes.append(value_line(reported.date, f"{number(obs.value)} -> {value}"))
        if source and not same_text(obs.source, source):
            plan.ops.append(
                SetValue(("indicator", "values", index, "source"), source, OBSERVATION_ORDER)
            )
            plan.changes.append(value_line(reported.date, _("source updated")))
    if not new_items:
        return
    if not has_values:
        plan.ops.append(SetValue(("indicator", "values"), new_items, INDICATOR_ORDER))
        return
    inserted: list[date] = []
    for item in new_items:
        when = item["date"]
        if ordered:
            index = sum(1 for obs in existing if obs.date <= when)
            index += sum(1 for d in inserted if d <= when)
        else:
            index = len(existing) + len(inserted)
        plan.ops.append(InsertItem(("indicator", "values"), index, item))
        inserted.append(when)


def plan_measure_update(measure: Measure, data: dict[str, Any], change: MeasureChange) -> Plan:
    """The operations that record *change* in the file holding *measure* (read as *data*)."""
    plan = Plan()
    entry: dict[str, Any] = {"date": change.date}
    current = measure.status
    status = change.status or current
    if change.health is not None and status is not Status.IN_PROGRESS:
        raise InvalidEditError(
            _(
                "health applies only while a measure is in progress, and {id} would be "
                "{status}; leave out --health, or give --status in_progress"
            ).format(id=measure.id, status=status.value)
        )
    schedule: dict[str, date] = {}
    if change.status is not None and change.status is not current:
        plan.ops.append(SetValue(("status",), status.value, MEASURE_ORDER))
        plan.changes.append(
            _("status: {old} -> {new}").format(
                old=value_word("status", current.value), new=value_word("status", status.value)
            )
        )
        entry["status"] = status.value
        ending = status in (Status.COMPLETED, Status.DISCONTINUED)
        if ending and change.ended is None and measure.schedule.actual_end is None:
            _date_from_today(change, "actual_end", "--ended", schedule, plan)
        starting = status is Status.IN_PROGRESS and current is Status.PLANNED
        if starting and change.started is None and measure.schedule.actual_start is None:
            _date_from_today(change, "actual_start", "--started", schedule, plan)
        if status is not Status.IN_PROGRESS and "health" in data:
            plan.ops.append(Delete(("health",)))
            plan.changes.append(_("health: removed (it applies only while in progress)"))
    if change.health is not None and change.health != measure.health:
        plan.ops.append(SetValue(("health",), change.health.value, MEASURE_ORDER))
        old = measure.health.value if measure.health else "-"
        plan.changes.append(
            _("health: {old} -> {new}").format(
                old=value_word("health", old), new=value_word("health", change.health.value)
            )
        )
        entry["health"] = change.health.value
    progress = change.progress
    if progress is None and change.status is Status.COMPLETED:
        progress = 100
    if progress is not None and progress != measure.progress:
        plan.ops.append(SetValue(("progress",), progress, MEASURE_ORDER))
        plan.changes.append(
            _("progress: {old} -> {new}").format(old=measure.progress, new=progress)
        )
        entry["progress"] = progress
    if change.category is not None and change.category != measure.category:
        plan.ops.append(SetValue(("category",), change.category, MEASURE_ORDER))
        plan.changes.append(f"category: {measure.category or '-'} -> {change.category}")
    _stated_dates(measure, change, schedule)
    if schedule:
        if isinstance(data.get("schedule"), dict):
            for key in SCHEDULE_ORDER:
                if key in schedule:
                    plan.ops.append(SetValue(("schedule", key), schedule[key], SCHEDULE_ORDER))
        else:
            ordered = {k: schedule[k] for k in SCHEDULE_ORDER if k in schedule}
            plan.ops.append(SetValue(("schedule",), ordered, MEASURE_ORDER))
        for key in SCHEDULE_ORDER:
            if key in schedule:
                plan.changes.append(
                    _("{field}: {date}").format(
                        field=_(SCHEDULE_WORDS[key]), date=schedule[key].isoformat()
                    )
                )
    if change.values:
        _plan_values(measure, data, change, plan)
    if change.note:
        last = measure.last_update
        repeated = (
            len(entry) == 1
            and last is not None
            and last.date == change.date
            and same_text(last.note, change.note)
        )
        if not repeated:
            entry["note"] = change.note
    if len(entry) > 1:
        if change.by:
            entry["by"] = change.by
        _plan_entry(measure, data, entry, plan)
    return plan


def _date_from_today(
    change: MeasureChange, key: str, option: str, schedule: dict[str, date], plan: Plan
) -> None:
    """Date a start or end by a report of today; for a back-filled one, say what to give."""
    if change.reported_today:
        schedule[key] = change.date
        return
    plan.changes.append(
        _(
            "{field}: not set, because the report is dated {date}, not today; give {option} "
            "DATE with the real date"
        ).format(field=_(SCHEDULE_WORDS[key]), date=change.date.isoformat(), option=option)
    )


def _stated_dates(measure: Measure, change: MeasureChange, schedule: dict[str, date]) -> None:
    """The owner's ``--started`` and ``--ended``, checked against each other and today."""
    for key, value in (("actual_start", change.started), ("actual_end", change.ended)):
        if value is None:
            continue
        if value > change.date:
            raise InvalidEditError(
                _(
                    "{what} {date} is after the report date {report_date}; a report can only "
                    "state what has happened"
                ).format(
                    what=key.replace("_", " "),
                    date=value.isoformat(),
                    report_date=change.date.isoformat(),
                )
            )
        if getattr(measure.schedule, key) != value:
            schedule[key] = value
    start = schedule.get("actual_start", measure.schedule.actual_start)
    end = schedule.get("actual_end", measure.schedule.actual_end)
    stated = change.ended is not None or change.started is not None
    if start is not None and end is not None and end < start and not stated:
        schedule.pop("actual_end", None)  # a date of today's report before the start: left out
        return
    if start is not None and end is not None and end < start:
        raise InvalidEditError(
            _(
                "the actual end {end} would be before the actual start {start}; "
                "check --started and --ended"
            ).format(end=end.isoformat(), start=start.isoformat())
        )


def _plan_entry(measure: Measure, data: dict[str, Any], entry: dict[str, Any], plan: Plan) -> None:
    plan.changes.append(_("update log: new entry {date}").format(date=entry["date"].isoformat()))
    if not data.get("updates"):
        plan.ops.append(SetValue(("updates",), [entry], MEASURE_ORDER))
        return
    when = entry["date"]
    earlier = [i for i, u in enumerate(measure.updates) if u.date <= when]
    index = max(earlier) + 1 if earlier else 0
    plan.ops.append(InsertItem(("updates",), index, entry))
