"""``ictgov update`` as a library call: find the file, plan, edit, check, write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ictgov.config import Config
from ictgov.edit.locate import find_measure
from ictgov.edit.measure import MeasureChange, Plan, plan_measure_update
from ictgov.edit.transaction import FileEdit, check_lint, commit, prepare
from ictgov.errors import IctgovError, InvalidEditError
from ictgov.i18n.speak import _
from ictgov.load import Document
from ictgov.model import Measure, is_valid_id


@dataclass
class UpdateResult:
    """What an update did (or, with ``dry_run``, would do)."""

    edit: FileEdit
    written: bool


def measure_planner(change: MeasureChange, measure_id: str) -> Any:
    """A planner for ``prepare`` that records *change* in the measure's document."""

    def plan(doc: Document) -> Plan:
        model = doc.model
        if not isinstance(model, Measure):
            raise InvalidEditError(_("{file} does not hold a measure").format(file=doc.path))
        if model.id != measure_id:
            raise IctgovError(
                _("{file} holds measure {found!r}, not {id!r}").format(
                    file=doc.path, found=model.id, id=measure_id
                )
            )
        data: dict[str, Any] = doc.data if isinstance(doc.data, dict) else {}
        return plan_measure_update(model, data, change)

    return plan


def update_measure(
    root: Path,
    config: Config,
    measure_id: str,
    change: MeasureChange,
    today: date,
    *,
    dry_run: bool = False,
) -> UpdateResult:
    """Record *change* in measure *measure_id*'s file, unless it would add an error."""
    if not is_valid_id(measure_id):
        raise IctgovError(
            _(
                "{id!r} is not a measure id or code: ids use lowercase letters a-z, "
                "digits and '-', '_' or '.'; codes are like 1.10"
            ).format(id=measure_id)
        )
    path, measure_id = find_measure(root, measure_id)
    edit, written = apply_edit(
        root, config, path, measure_planner(change, measure_id), today, dry_run=dry_run
    )
    return UpdateResult(edit, written)


def apply_edit(
    root: Path,
    config: Config,
    path: Path,
    planner: Callable[[Document], Plan],
    today: date,
    *,
    dry_run: bool = False,
) -> tuple[FileEdit, bool]:
    """Plan, check against lint and (unless *dry_run*) write one file; (edit, written)."""
    edit = prepare(root, path, planner, max_bytes=config.max_file_bytes)
    if edit.changed:
        check_lint(root, config, today, [edit])
    if dry_run or not edit.changed:
        return edit, False
    commit([edit])
    return edit, True
