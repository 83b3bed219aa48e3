"""What an import did, row by row: the report ``ictgov import`` prints and rounds keep."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    """What became of one row."""

    CHANGED = "changed"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"


@dataclass(slots=True)
class RowResult:
    """One row's outcome: where it is, which measure, and what changed or why not.

    Kept for every row of the file (slots: a million-row import holds a million).
    """

    where: str
    table: str
    measure_id: str | None
    outcome: Outcome = Outcome.UNCHANGED
    details: list[str] = field(default_factory=list)

    def reject(self, reason: str, where: str | None = None) -> None:
        """Mark the row rejected, pointing at the offending cell if given."""
        self.outcome = Outcome.REJECTED
        self.details = [reason]
        if where:
            self.where = where

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``--format json``."""
        return {
            "where": self.where,
            "table": self.table,
            "measure_id": self.measure_id,
            "outcome": self.outcome.value,
            "details": list(self.details),
        }


@dataclass
class ImportReport:
    """Every row's outcome and the files written."""

    source: str
    rows: list[RowResult] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    dry_run: bool = False
    partial: bool = False

    def counts(self) -> dict[str, int]:
        """Rows per outcome, every outcome present."""
        return {o.value: sum(1 for r in self.rows if r.outcome is o) for o in Outcome}

    @property
    def rejected(self) -> bool:
        """Whether any row was rejected."""
        return any(r.outcome is Outcome.REJECTED for r in self.rows)

    @property
    def blocked(self) -> bool:
        """Whether rejections stopped every write (no ``partial``)."""
        return self.rejected and not self.partial

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``--format json``."""
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "partial": self.partial,
            "counts": self.counts(),
            "written": list(self.written),
            "rows": [r.as_dict() for r in self.rows],
        }


__all__ = ["ImportReport", "Outcome", "RowResult"]
