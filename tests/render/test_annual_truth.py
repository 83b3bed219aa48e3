"""Every figure of the bundled data's 2025 annual report agrees with the data as of 31.12.2025.

The expected values are computed here straight from the YAML files (the update logs,
read with PyYAML, not with ictgov), so the report is checked against the data and not
against itself. The bundled folder is copied without git history: a measure whose log
says nothing by the year's end is told from its dates only.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ictgov.cli.main import app
from ictgov.project import Project
from ictgov.views.annual import annual_for, default_year
from ictgov.views.overview import build_overview
from tests.conftest import BUNDLED_TODAY

END = date(2025, 12, 31)


def raw_measures(root: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted((root / "data" / "measures").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["id"]] = data
    return out


def logged(data: dict[str, Any], key: str) -> Any:
    """The newest value of *key* logged on or before 31.12.2025."""
    entries = sorted(
        (u for u in data.get("updates", []) if u["date"] <= END), key=lambda u: u["date"]
    )
    return next((u[key] for u in reversed(entries) if u.get(key) is not None), None)


@pytest.fixture
def report(bundled_root: Path):  # type: ignore[no-untyped-def]
    tree = Project.open(bundled_root).tree()
    found = annual_for(tree, build_overview(tree, BUNDLED_TODAY), None)
    assert found is not None
    return found


def test_the_default_year_is_2025(bundled_root: Path, report) -> None:  # type: ignore[no-untyped-def]
    tree = Project.open(bundled_root).tree()
    assert default_year(BUNDLED_TODAY, tree) == 2025
    assert report.year == 2025
    assert report.as_of == END


def test_every_state_is_the_logged_state_of_the_year_end(bundled_root: Path, report) -> None:  # type: ignore[no-untyped-def]
    raw = raw_measures(bundled_root)
    assert report.progress_at_end
    for ye in report.progress_at_end:
        data, m = raw[ye.view.id], ye.view.measure
        if not any(u["date"] <= END for u in data.get("updates", [])):
            assert ye.source.value == "dates"
            continue
        assert ye.source.value == "log"
        assert ye.entry is not None and ye.entry.date <= END
        assert m.status.value == logged(data, "status"), ye.view.id
        assert ye.progress == logged(data, "progress"), ye.view.id
        if m.status.value == "in_progress":
            assert m.health is not None and m.health.value == logged(data, "health"), ye.view.id
    shown = {v.id for v in report.started} | {v.id for v in report.completed}
    by_id = {ye.view.id: ye for ye in report.progress_at_end}
    for view in (*report.started, *report.completed):
        assert view.measure == by_id[view.id].view.measure  # one state per measure
        assert view.last_update is None or view.last_update <= END
    assert shown


def test_measure_2_4_reads_as_of_the_year_end(report) -> None:  # type: ignore[no-untyped-def]
    started = {v.measure.code: v for v in report.started}
    pilot = started["2.4"]
    assert pilot.measure.progress == 10
    assert pilot.measure.health is not None and pilot.measure.health.value == "at_risk"
    assert pilot.last_update == date(2025, 9, 18)
    ends = {ye.view.measure.code: ye for ye in report.progress_at_end}
    assert ends["2.4"].progress == 10 and ends["2.4"].view.measure is pilot.measure


def test_days_late_are_counted_to_the_year_end(bundled_root: Path, report) -> None:  # type: ignore[no-untyped-def]
    raw = raw_measures(bundled_root)
    assert report.slipped
    for s in report.slipped:
        data = raw[s.view.id]
        planned = data["schedule"]["planned_end"]
        assert planned.year == 2025
        if s.actual_end is not None:
            assert s.actual_end == data["schedule"]["actual_end"] <= END
            assert s.days_late == (s.actual_end - planned).days > 0
        else:
            assert logged(data, "status") not in ("completed", "discontinued")
            assert s.days_late == (END - planned).days
            assert s.due_on_last_day == (planned == END)


def test_open_actions_and_cadence_of_the_year(report) -> None:  # type: ignore[no-untyped-def]
    for o in report.open_actions:
        assert o.meeting.date <= END
        assert not o.action.done or (o.action.done_date and o.action.done_date > END)
    assert [(c.body_id, c.year) for c in report.cadence] == [
        ("regional-ict-management-group", 2025)
    ]


def test_the_rendered_report_shows_no_later_state(bundled_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(
        app,
        ["render", "--root", str(bundled_root), "--today", "2026-11-21", "--format", "md",
         "--lang", "fi", "--out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (out / "fi" / "md" / "annual-2025.md").read_text(encoding="utf-8")
    assert "Kaikki luvut ovat tilanteen 31.12.2025 mukaisia" in text
    row = next(line for line in text.splitlines() if "education-systems-pilot" in line)
    assert "10\xa0%" in row and "18.9.2025" in row and "riskissä" in row
    assert "20\xa0%" not in row and "24.9.2026" not in row
    slipped = text.split("## Venyneet aikataulut")[1].split("\n## ")[0]
    assert not re.search(r"\| 0 \|", slipped)
    # Last-update columns never run past the year's end.
    for day, month, year in re.findall(r"\| (\d{1,2})\.(\d{1,2})\.(\d{4}) \|$", text, re.M):
        assert date(int(year), int(month), int(day)) <= END


@pytest.mark.parametrize(
    ("args", "lang", "message"),
    [
        (
            ["--year", "2031"],
            "fi",
            "vuodelta 2031 ei ole vuosiraporttia: strategiakausi on 2023–2027",
        ),
        (["--year", "2031"], "sv", "det finns ingen årsrapport för 2031"),
        (["--year", "2031"], "en", "there is no annual report for 2031"),
        (["--year", "2027"], "fi", "vuoden 2027 vuosiraporttia ei vielä ole"),
    ],
)
def test_a_year_without_a_report_is_a_clear_message(
    bundled_root: Path, tmp_path: Path, args: list[str], lang: str, message: str
) -> None:
    result = CliRunner().invoke(
        app,
        ["render", "--root", str(bundled_root), "--today", "2026-11-21", "--format", "md",
         "--lang", lang, "--out", str(tmp_path / "s"), *args],
    )  # fmt: skip
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "s").exists()


def test_a_year_with_no_data_is_refused(minimal_root: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["render", "--root", str(minimal_root), "--today", "2026-11-21", "--format", "md",
         "--lang", "en", "--year", "2025", "--out", str(tmp_path / "s")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "there is no annual report for 2025: nothing is dated in that year" in result.output
