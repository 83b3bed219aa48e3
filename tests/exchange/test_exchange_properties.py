"""Property: exporting a generated tree and importing the unchanged file changes no file.

Measures get random statuses, progress, notes (with quotes, colons, formulas,
Finnish letters, several languages) and indicator values (fractions included);
the workbook and the CSV files must both come back as "unchanged".
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ictgov.config import load_config
from ictgov.edit.render import scalar
from ictgov.exchange.importer import import_file
from ictgov.exchange.tables import build_tables
from ictgov.exchange.writers import csv_bytes, write_xlsx
from ictgov.load import FsSource, load_tree
from ictgov.model import Status

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"
DAY = date(2024, 11, 1)
TEXT = st.text(
    alphabet="abcäöåÄÖ xyz0123456789:,.;'\"#=-+%&",
    min_size=1,
    max_size=25,
).filter(lambda s: s.strip() == s and s.strip())


@st.composite
def measure_text(draw: st.DrawFn, index: int) -> str:
    status = draw(st.sampled_from(list(Status)))
    progress = {Status.PLANNED: 0, Status.COMPLETED: 100}.get(status, draw(st.integers(1, 99)))
    lines = [
        f"id: gen-{index}",
        f'code: "1.{index + 10}"',
        f"title: {scalar(draw(TEXT))}",
        "goals: [g1]",
        "responsible: mgmt",
        f"status: {status.value}",
        f"progress: {progress}",
    ]
    if status is Status.IN_PROGRESS and draw(st.booleans()):
        lines.append(f"health: {draw(st.sampled_from(['on_track', 'at_risk', 'off_track']))}")
    lines += ["indicator:", "  description: Seurataan"]
    offsets = draw(st.lists(st.integers(0, 300), max_size=3, unique=True))
    if offsets:
        lines.append("  values:")
        for offset in sorted(offsets):
            value = draw(st.one_of(st.integers(-5, 10_000), st.floats(0, 1e6, allow_nan=False)))
            lines.append(f"    - date: {date(2024, 1, 1) + timedelta(days=offset)}")
            lines.append(f"      value: {value!r}")
            if draw(st.booleans()):
                lines.append(f"      source: {scalar(draw(TEXT))}")
    if draw(st.booleans()):
        note = draw(TEXT)
        rendered = (
            "{fi: " + scalar(note, flow=True).replace("'", "''") + ", en: Other}"
            if draw(st.booleans()) and "'" not in note
            else scalar(note)
        )
        lines += ["updates:", f"  - date: {DAY - timedelta(days=10)}", f"    note: {rendered}"]
    return "\n".join(lines) + "\n"


@st.composite
def trees(draw: st.DrawFn) -> list[str]:
    count = draw(st.integers(1, 4))
    return [draw(measure_text(i)) for i in range(count)]


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.as_posix(): p.read_bytes() for p in (root / "data").rglob("*.yaml")}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(measures=trees())
def test_export_then_import_unchanged_changes_no_file(measures: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(MINIMAL, root)
        for index, text in enumerate(measures):
            (root / "data" / "measures" / f"gen-{index}.yaml").write_text(text, "utf-8")
        tree = load_tree(FsSource(root))
        assert not [d for d in tree.diagnostics if d.file.startswith("data/measures/gen-")]
        config = load_config(root)
        tables = build_tables(tree, today=DAY, stale_after_days=config.stale_after_days)
        before = snapshot(root)
        xlsx = Path(tmp) / "export.xlsx"
        write_xlsx(xlsx, tables)
        files = [xlsx]
        for name in ("measures", "indicator_values"):
            path = Path(tmp) / f"{name}.csv"
            path.write_bytes(csv_bytes(name, tables[name], delimiter=";"))
            files.append(path)
        for path in files:
            report = import_file(root, config, path, DAY, when=DAY)
            assert report.counts()["changed"] == 0, (path.name, report.as_dict())
            assert not report.rejected, (path.name, report.as_dict())
            assert report.written == []
        assert snapshot(root) == before
