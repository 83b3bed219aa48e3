"""Measures, actions and meetings built in code: each verdict test states its rule."""

from __future__ import annotations

from datetime import date
from typing import Any

from ictgov.model import Action, Measure, Meeting

TODAY = date(2025, 6, 30)


def measure(**fields: Any) -> Measure:
    """A valid measure with *fields* over a minimal one (nested dicts are validated)."""
    data: dict[str, Any] = {
        "id": "m1",
        "code": "1.1",
        "title": "Mittari",
        "goals": ["g1"],
        "indicator": {"description": "Seurataan."},
        "status": "in_progress",
        "progress": 50,
    }
    data.update(fields)
    return Measure.model_validate(data)


def action(**fields: Any) -> Action:
    """A follow-up action with *fields*."""
    return Action.model_validate({"what": "Tee.", **fields})


def meeting(body: str, day: date, n: int = 0) -> Meeting:
    """A meeting of *body* on *day* (*n* keeps ids apart)."""
    return Meeting.model_validate({"id": f"{body}-{day}-{n}", "body": body, "date": day})
