"""Roll-ups over many measures: mean progress and counts by status and health.

The status view, the reports and the git trend all count the same way: discontinued
measures do not pull the mean down, and health is counted only while in progress.
"""

from __future__ import annotations

from collections.abc import Iterable

from ictgov.model import Health, Measure, Status
from ictgov.verdicts.measures import effective_health


def counts_towards_progress(status: Status) -> bool:
    """Whether a measure's progress enters the mean: a discontinued one no longer does."""
    return status != Status.DISCONTINUED


def mean(total: float, count: int) -> float | None:
    """``total / count``, or None when nothing counted (no measure is not 0 %)."""
    return total / count if count else None


def rollup(measures: Iterable[Measure]) -> float | None:
    """Mean progress of the measures that count towards progress."""
    counted = [m.progress for m in measures if counts_towards_progress(m.status)]
    return mean(sum(counted), len(counted))


def count_by_status(measures: Iterable[Measure]) -> dict[Status, int]:
    """Measures per status, every status present (zero included), in enum order.

    A status outside the enum (only a model copied without validation has one) is
    not counted rather than crashing a report.
    """
    out = dict.fromkeys(Status, 0)
    for m in measures:
        if m.status in out:
            out[m.status] += 1
    return out


def count_by_health(measures: Iterable[Measure]) -> dict[Health, int]:
    """Measures in progress per health, every health present; others have no health."""
    out = dict.fromkeys(Health, 0)
    for m in measures:
        health = effective_health(m)
        if health is not None:
            out[health] += 1
    return out
