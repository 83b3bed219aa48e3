"""Round-trip edits of whole files: the text after an edit is compared with a golden file.

The fixtures under ``tests/fixtures/edit/measures`` carry comments, blank lines,
unusual indentation and quoting; each golden file in ``tests/fixtures/edit/expected``
shows that only the intended lines changed. Regenerate the golden files after an
intended change with ``ICTGOV_UPDATE_GOLDEN=1 python -m pytest tests/edit`` and review
the diff.
"""

from __future__ import annotations

import difflib
import os
from datetime import date
from pathlib import Path

import pytest

from ictgov.edit.engine import decode, edit_text, encode
from ictgov.edit.measure import IndicatorValue, MeasureChange, plan_measure_update
from ictgov.load import load_document
from ictgov.model import Health, Measure, Status

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "edit"
UPDATE = bool(os.environ.get("ICTGOV_UPDATE_GOLDEN"))
DAY = date(2024, 11, 1)

CASES: dict[str, MeasureChange] = {
    "commented": MeasureChange(
        date=DAY,
        status=Status.COMPLETED,
        note="Valmis: kaikki kunnat mukana.",
        values=(IndicatorValue(date(2024, 9, 30), 25), IndicatorValue(date(2024, 10, 31), 100)),
        source="Raportti",
    ),
    "compact": MeasureChange(
        date=DAY,
        status=Status.IN_PROGRESS,
        progress=5,
        health=Health.ON_TRACK,
        note="Käynnistyi",
        values=(IndicatorValue(date(2025, 3, 31), 2.5),),
    ),
    "bare": MeasureChange(
        date=DAY,
        status=Status.IN_PROGRESS,
        progress=10,
        values=(IndicatorValue(date(2024, 10, 31), 3),),
        by="Koordinaattori",
    ),
    "multiline-source": MeasureChange(
        date=DAY, values=(IndicatorValue(date(2024, 6, 30), 6),), source="Uusi lähde"
    ),
}


def edited(
    raw: bytes, name: str, engines: tuple[str, ...] = ("patch", "roundtrip")
) -> tuple[bytes, str]:
    doc = load_document(f"data/measures/{name}.yaml", raw)
    assert not doc.diagnostics, doc.diagnostics
    assert isinstance(doc.model, Measure)
    plan = plan_measure_update(doc.model, doc.data, CASES[name])
    text, fmt = decode(raw)
    result = edit_text(text, plan.ops, engines=engines)
    return encode(result.text, fmt), result.engine


def golden(name: str, actual: bytes) -> bytes:
    path = FIXTURES / "expected" / f"{name}.yaml"
    if UPDATE:
        path.write_bytes(actual)
    return path.read_bytes()


@pytest.mark.parametrize("name", sorted(CASES))
def test_edit_matches_golden_file(name: str) -> None:
    raw = (FIXTURES / "measures" / f"{name}.yaml").read_bytes()
    actual, _ = edited(raw, name)
    expected = golden(name, actual)
    assert actual.decode() == expected.decode()
    new_doc = load_document(f"data/measures/{name}.yaml", actual)
    assert not new_doc.diagnostics


def test_exact_engine_handles_the_common_layouts() -> None:
    for name in ("commented", "compact", "bare"):
        raw = (FIXTURES / "measures" / f"{name}.yaml").read_bytes()
        assert edited(raw, name)[1] == "patch"


def test_multiline_scalar_falls_back_to_ruamel_roundtrip() -> None:
    raw = (FIXTURES / "measures" / "multiline-source.yaml").read_bytes()
    _, engine = edited(raw, "multiline-source")
    assert engine == "roundtrip"


def test_comments_and_blank_lines_survive_verbatim() -> None:
    raw = (FIXTURES / "measures" / "commented.yaml").read_bytes()
    before = raw.decode().splitlines()
    after = edited(raw, "commented")[0].decode().splitlines()
    dropped = {"health: at_risk        # procurement delayed"}  # health ends with in_progress
    kept = [line for line in before if line.strip().startswith("#") or not line.strip()]
    kept_after = [line for line in after if line.strip().startswith("#") or not line.strip()]
    assert kept == kept_after
    changed = {line for line in before if line not in after}
    assert (
        changed
        == {
            "status: in_progress    # reported monthly",
            "progress: 35",
            "      value: 22.5",
            '      source: "Kysely: syyskuu"',
        }
        | dropped
    )


def test_crlf_and_bom_are_kept() -> None:
    raw = (FIXTURES / "measures" / "commented.yaml").read_bytes()
    crlf = b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")
    actual, engine = edited(crlf, "commented")
    assert engine == "patch"
    assert actual.startswith(b"\xef\xbb\xbf")
    assert actual.count(b"\n") == actual.count(b"\r\n")
    expected = golden("commented", edited(raw, "commented")[0])
    assert actual == b"\xef\xbb\xbf" + expected.replace(b"\n", b"\r\n")


@pytest.mark.parametrize("name", sorted(CASES))
def test_roundtrip_engine_keeps_data_and_comments(name: str) -> None:
    """The fallback engine: same data as the exact engine, every comment line kept."""
    raw = (FIXTURES / "measures" / f"{name}.yaml").read_bytes()
    exact, _ = edited(raw, name)
    general, engine = edited(raw, name, engines=("roundtrip",))
    assert engine == "roundtrip"
    a = load_document(f"data/measures/{name}.yaml", exact)
    b = load_document(f"data/measures/{name}.yaml", general)
    assert a.data == b.data
    comments = [ln.strip() for ln in raw.decode().splitlines() if ln.strip().startswith("#")]
    general_comments = [
        ln.strip() for ln in general.decode().splitlines() if ln.strip().startswith("#")
    ]
    assert comments == general_comments


def test_golden_diff_is_small() -> None:
    """Guards against a golden file regenerated from a badly broken edit."""
    raw = (FIXTURES / "measures" / "commented.yaml").read_bytes().decode()
    expected = (FIXTURES / "expected" / "commented.yaml").read_text(encoding="utf-8")
    diff = [
        ln
        for ln in difflib.unified_diff(raw.splitlines(), expected.splitlines(), lineterm="", n=0)
        if ln[:1] in "+-" and not ln.startswith(("+++", "---"))
    ]
    assert len(diff) == 17
