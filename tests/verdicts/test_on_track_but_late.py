"""On track far past the planned end: one verdict that lint ST05 and the attention list share."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ictgov.model import Measure
from ictgov.verdicts.measures import Reason, attention_reasons, on_track_but_late
from tests.cli.conftest import run


def measure(health: str | None, status: str = "in_progress", end: str = "2024-06-30") -> Measure:
    return Measure.model_validate(
        {
            "id": "m",
            "code": "1",
            "title": "M",
            "goals": ["g1"],
            "status": status,
            "health": health,
            "schedule": {"planned_end": end},
        }
    )


def test_only_on_track_in_progress_past_the_limit() -> None:
    today = date(2026, 7, 2)  # 732 days after 2024-06-30
    assert on_track_but_late(measure("on_track"), today)
    assert not on_track_but_late(measure("at_risk"), today)
    assert not on_track_but_late(measure("on_track", status="on_hold"), today)
    assert not on_track_but_late(measure("on_track", end="2026-05-01"), today)  # 62 days
    assert on_track_but_late(measure("on_track", end="2026-05-01"), today, after_days=30)


def test_the_attention_entry_gives_the_reason_after_overdue() -> None:
    reasons = attention_reasons(measure("on_track"), date(2026, 7, 2), 120)
    assert reasons[:2] == (Reason.OVERDUE, Reason.ON_TRACK_BUT_LATE)


def test_status_json_lists_the_reason_with_its_days(programme_root: Path) -> None:
    result = run("status", "--root", str(programme_root), "--today", "2026-02-01", "-f", "json")
    data = json.loads(result.stdout)
    entry = next(a for a in data["attention"] if a["id"] == "p07-asiointi")
    reasons = {r["reason"]: r for r in entry["reasons"]}
    assert reasons["on_track_but_late"]["days"] == 581
    flagged = sorted(
        a["id"]
        for a in data["attention"]
        if any(r["reason"] == "on_track_but_late" for r in a["reasons"])
    )
    assert flagged == ["p07-asiointi", "p17-tiedolla-johtaminen", "p27-infra", "p37-osaaminen"]


def test_status_text_says_why(programme_root: Path) -> None:
    result = run("status", "--root", str(programme_root), "--today", "2026-02-01", "--lang", "en")
    assert "reported on track although long past its planned end" in " ".join(result.stdout.split())
