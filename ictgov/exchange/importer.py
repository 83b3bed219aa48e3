"""``ictgov import``: status updates from a spreadsheet, through the same writer as update.

Rows of the ``measures`` table (keyed by ``id``) report status, health, progress
and a note; rows of ``indicator_values`` add or correct measured values. Each row
is compared with the tree first, so an unchanged row costs nothing and an
unchanged spreadsheet writes nothing. All rows of one measure become one edit of
its file, validated by the model and by lint like ``ictgov update``. If any row
is rejected nothing is written, unless ``partial`` is set.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ictgov.config import Config
from ictgov.edit.checks import format_diagnostic
from ictgov.edit.measure import (
    IndicatorValue,
    MeasureChange,
    is_value_line,
    number,
    same_text,
    value_line,
)
from ictgov.edit.periods import parse_date as parse_day
from ictgov.edit.periods import parse_period
from ictgov.edit.service import measure_planner
from ictgov.edit.transaction import FileEdit, commit, lint_refusals, prepare
from ictgov.errors import IctgovError
from ictgov.exchange.readers import Row, Table, read_tables
from ictgov.exchange.report import ImportReport, Outcome, RowResult
from ictgov.exchange.values import (
    label_aliases,
    parse_category,
    parse_choice,
    parse_number,
    parse_percent,
)
from ictgov.i18n.speak import _
from ictgov.load.cache import load_working_tree
from ictgov.model import Category, Health, Measure, Status

ProgressFn = Callable[[int, int], None]


def same_number(a: float, b: float) -> bool:
    """Equal as far as a spreadsheet can tell: XLSX keeps about 16 significant digits."""
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0)


@dataclass
class _Pending:
    """What the rows report for one measure, before its file is edited."""

    measure: Measure
    status: Status | None = None
    health: Health | None = None
    progress: int | None = None
    note: str | None = None
    category: str | None = None
    started: date | None = None
    ended: date | None = None
    values: list[IndicatorValue] = field(default_factory=list)
    #: Row results of the measures table (at most one) and of indicator rows, with details.
    rows: list[tuple[RowResult, str | None]] = field(default_factory=list)


class _Importer:
    def __init__(
        self,
        measures: dict[str, Measure],
        report_date: date,
        categories: dict[str, Category] | None = None,
    ) -> None:
        self.measures = measures
        self.categories = categories or {}
        #: Periods still running on this date are dated on it (the value so far).
        self.report_date = report_date
        self.status_words = label_aliases("status")
        self.health_words = label_aliases("health")
        self.pending: dict[str, _Pending] = {}
        self.results: list[RowResult] = []

    def _measure(self, row: Row, column: str, result: RowResult) -> Measure | None:
        raw = row.get(column)
        if raw is None:
            result.reject(_("the {column} cell is empty").format(column=column), row.where(column))
            return None
        measure_id = str(raw).strip()
        result.measure_id = measure_id
        found = self.measures.get(measure_id)
        if found is None:
            close = difflib.get_close_matches(measure_id, list(self.measures), n=1)
            hint = _("; did you mean {id!r}?").format(id=close[0]) if close else ""
            result.reject(
                _("unknown measure id {id!r}{hint}").format(id=measure_id, hint=hint),
                row.where(column),
            )
        return found

    def _parse(self, row: Row, column: str, parser: Callable[[Any], Any], result: RowResult) -> Any:
        raw = row.get(column)
        if raw is None:
            return None
        try:
            return parser(raw)
        except ValueError as exc:
            result.reject(f"{column}: {exc}", row.where(column))
            raise

    def _pending(self, measure: Measure) -> _Pending:
        return self.pending.setdefault(measure.id, _Pending(measure))

    def measures_table(self, table: Table) -> None:
        seen: dict[str, str] = {}
        for row in table.rows:
            result = RowResult(row.where("id"), table.name, None)
            self.results.append(result)
            measure = self._measure(row, "id", result)
            if measure is None:
                continue
            if measure.id in seen:
                result.reject(
                    _("a second row for {id} (the first is {first})").format(
                        id=measure.id, first=seen[measure.id]
                    )
                )
                continue
            seen[measure.id] = row.where("id")
            try:
                status = self._parse(
                    row, "status", lambda v: parse_choice(v, Status, self.status_words), result
                )
                health = self._parse(
                    row, "health", lambda v: parse_choice(v, Health, self.health_words), result
                )
                progress = self._parse(row, "progress", parse_percent, result)
                category = self._parse(
                    row, "category", lambda v: parse_category(v, self.categories), result
                )
                started = self._parse(row, "actual_start", parse_day, result)
                ended = self._parse(row, "actual_end", parse_day, result)
            except ValueError:
                continue
            note = row.get("note") or row.get("last_update_note")
            note = str(note).strip() if note is not None else None
            if note and any(same_text(u.note, note) for u in measure.updates):
                note = None  # already in the log: a workbook imported twice posts it once
            pending = _Pending(measure)
            pending.status = status if status is not None and status != measure.status else None
            pending.health = health if health is not None and health != measure.health else None
            pending.progress = (
                progress if progress is not None and progress != measure.progress else None
            )
            pending.note = note
            # Stated dates are the spreadsheet's --started/--ended: only a change is news.
            pending.category = category if category != measure.category else None
            pending.started = started if started != measure.schedule.actual_start else None
            pending.ended = ended if ended != measure.schedule.actual_end else None
            news = (pending.status, pending.health, pending.progress, note, pending.category)
            if any(x is not None for x in (*news, pending.started, pending.ended)):
                target = self._pending(measure)
                target.status, target.health = pending.status, pending.health
                target.progress, target.note = pending.progress, pending.note
                target.category = pending.category
                target.started, target.ended = pending.started, pending.ended
                target.rows.append((result, None))

    def values_table(self, table: Table) -> None:
        seen: dict[tuple[str, date], str] = {}
        for row in table.rows:
            result = RowResult(row.where("measure_id"), table.name, None)
            self.results.append(result)
            measure = self._measure(row, "measure_id", result)
            if measure is None:
                continue
            try:
                when = self._parse(row, "date", lambda v: parse_period(v, self.report_date), result)
                value = self._parse(row, "value", parse_number, result)
            except ValueError:
                continue
            if when is None or value is None:
                missing = "date" if when is None else "value"
                result.reject(
                    _("the {column} cell is empty").format(column=missing), row.where(missing)
                )
                continue
            if measure.indicator is None:
                result.reject(
                    _(
                        "measure {id} has no indicator to record values in; add "
                        "'indicator:' with a 'description:' to its file first"
                    ).format(id=measure.id),
                    row.where("measure_id"),
                )
                continue
            key = (measure.id, when)
            if key in seen:
                result.reject(
                    _("a second value for {id} at {date} (the first is {first})").format(
                        id=measure.id, date=when, first=seen[key]
                    )
                )
                continue
            seen[key] = row.where("measure_id")
            source_raw = row.get("source")
            source = str(source_raw).strip() if source_raw is not None else None
            old = next((o for o in measure.indicator.values if o.date == when), None)
            if old is not None and same_number(old.value, value):
                value = old.value  # the spreadsheet's rounding is no change
                if not source or same_text(old.source, source):
                    continue
                detail = value_line(when, _("source updated"))
            elif old is None:
                detail = value_line(when, _("{value} (new)").format(value=number(value)))
            else:
                detail = value_line(when, f"{number(old.value)} -> {number(value)}")
            pending = self._pending(measure)
            pending.values.append(IndicatorValue(when, value, source))
            pending.rows.append((result, detail))


def _mark(pending: _Pending, outcome: Outcome, edit: FileEdit | None, reason: str = "") -> None:
    for result, detail in pending.rows:
        if outcome is Outcome.REJECTED:
            result.reject(reason)
        elif outcome is Outcome.UNCHANGED:
            result.outcome = Outcome.UNCHANGED
        else:
            result.outcome = Outcome.CHANGED
            if detail is not None:
                result.details = [detail]
            elif edit is not None:
                result.details = [c for c in edit.changes if not is_value_line(c)]


def import_file(
    root: Path,
    config: Config,
    path: Path,
    today: date,
    *,
    when: date,
    by: str | None = None,
    dry_run: bool = False,
    partial: bool = False,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Apply the status updates in *path* to the tree at *root* (see the module docstring)."""
    return import_tables(
        root,
        config,
        read_tables(path),
        path.name,
        today,
        when=when,
        by=by,
        dry_run=dry_run,
        partial=partial,
        progress=progress,
    )


def import_tables(
    root: Path,
    config: Config,
    tables: dict[str, Table],
    source: str,
    today: date,
    *,
    when: date,
    by: str | None = None,
    dry_run: bool = False,
    partial: bool = False,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Apply tables already read (a reporting round checks whose rows they are first)."""
    tree = load_working_tree(root, max_bytes=config.max_file_bytes)
    importer = _Importer(tree.measure_by_id, when, tree.category_by_id)
    if "measures" in tables:
        importer.measures_table(tables["measures"])
    if "indicator_values" in tables:
        importer.values_table(tables["indicator_values"])
    report = ImportReport(source, importer.results, dry_run=dry_run, partial=partial)
    edits: list[tuple[_Pending, FileEdit]] = []
    total = len(importer.pending)
    for done, (measure_id, pending) in enumerate(importer.pending.items(), start=1):
        ref = tree.source_of(pending.measure)
        change = MeasureChange(
            date=when,
            status=pending.status,
            health=pending.health,
            progress=pending.progress,
            note=pending.note,
            values=tuple(pending.values),
            by=by,
            started=pending.started,
            ended=pending.ended,
            reported_today=when == today,  # back-filled history never invents dates
            category=pending.category,
        )
        try:
            if ref is None:
                raise IctgovError(f"measure {measure_id} has no file")
            edit = prepare(
                root,
                root / ref.file,
                measure_planner(change, measure_id),
                max_bytes=config.max_file_bytes,
                loaded=tree.documents.get(ref.file),
            )
        except IctgovError as exc:
            _mark(pending, Outcome.REJECTED, None, str(exc))
        else:
            if edit.changed:
                edits.append((pending, edit))
                _mark(pending, Outcome.CHANGED, edit)
            else:
                _mark(pending, Outcome.UNCHANGED, edit)
        if progress is not None:
            progress(done, total)
    refusals = lint_refusals(root, config, today, [e for _, e in edits], tree.documents)
    accepted: list[FileEdit] = []
    for pending, edit in edits:
        found = refusals.get(edit.relpath)
        if found:
            listing = "; ".join(format_diagnostic(d) for d in found)
            refused = _("lint would report an error: {problems}").format(problems=listing)
            _mark(pending, Outcome.REJECTED, None, refused)
        else:
            accepted.append(edit)
    if not dry_run and not report.blocked:
        report.written = commit(accepted)
    return report
