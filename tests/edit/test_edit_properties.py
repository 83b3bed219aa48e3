"""Property tests: on generated measure files, an update changes exactly the intended keys.

Files vary in indentation, list style, quoting, flow or block items, comments (own
line and end of line), blank lines and line endings. Every line that does not hold
a value the update may change must come through verbatim and in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ictgov.edit.engine import decode, edit_text, encode
from ictgov.edit.measure import IndicatorValue, MeasureChange, plan_measure_update
from ictgov.load import load_document
from ictgov.model import Health, Measure, Status

COMMENT_TEXT = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzäöåABC0123456789 .,:-#'\"",
    min_size=0,
    max_size=30,
).map(lambda s: s.rstrip())
BASE = date(2024, 1, 1)


@dataclass
class Doc:
    """A generated file: its lines, each tagged with the value it holds (or None)."""

    lines: list[tuple[str, str | None]] = field(default_factory=list)

    def add(self, text: str, tag: str | None = None) -> None:
        self.lines.append((text, tag))


def _dates(draw: st.DrawFn, n: int) -> list[date]:
    offsets = draw(st.lists(st.integers(0, 300), min_size=n, max_size=n, unique=True))
    return [BASE + timedelta(days=o) for o in sorted(offsets)]


@st.composite
def measure_files(draw: st.DrawFn) -> tuple[str, str, Status, bool, list[date]]:
    indent = " " * draw(st.sampled_from([2, 4]))
    dash = " " * draw(st.sampled_from([0, 2]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    doc = Doc()

    def comment(prefix: str = "") -> None:
        if draw(st.booleans()):
            doc.add(f"{prefix}# {draw(COMMENT_TEXT)}".rstrip())
        if draw(st.integers(0, 4)) == 0:
            doc.add("")

    def eol() -> str:
        return f"  # {draw(COMMENT_TEXT)}".rstrip() if draw(st.booleans()) else ""

    status = draw(st.sampled_from(list(Status)))
    quote = draw(st.sampled_from(['"', "'"]))
    doc.add("# yaml-language-server: $schema=../../schemas/measure.schema.json")
    comment()
    doc.add("id: generated" + eol())
    doc.add(f"code: {quote}1.{draw(st.integers(1, 30))}{quote}" + eol())
    doc.add(draw(st.sampled_from(["title: Otsikko", "title: {fi: Otsikko, en: Title}"])))
    doc.add(draw(st.sampled_from(["goals: [g1]", f"goals:\n{dash}- g1"])))
    comment()
    doc.add("responsible: mgmt" + eol())
    doc.add(f"status: {status.value}" + eol(), "status")
    has_health = status is Status.IN_PROGRESS and draw(st.booleans())
    if has_health:
        comment()
        doc.add(f"health: {draw(st.sampled_from(list(Health))).value}" + eol(), "health")
    if draw(st.booleans()):
        doc.add(f"progress: {draw(st.integers(0, 100))}" + eol(), "progress")
    comment()
    if draw(st.booleans()):
        doc.add("schedule:")
        doc.add(f"{indent}planned_start: 2024-01-01" + eol())
        comment(indent)
        doc.add(f"{indent}planned_end: 2026-12-31")
        if draw(st.booleans()):
            doc.add(f"{indent}actual_start: 2024-02-01", "schedule")
        if draw(st.booleans()):
            doc.add(f"{indent}actual_end: 2024-03-01", "schedule")
    has_indicator = draw(st.booleans())
    value_dates: list[date] = []
    if has_indicator:
        doc.add("indicator:")
        doc.add(f"{indent}description: Seurataan" + eol())
        value_dates = _dates(draw, draw(st.integers(0, 3)))
        if value_dates:
            doc.add(f"{indent}values:")
            flow = draw(st.booleans())
            for day in value_dates:
                value = draw(st.integers(0, 1000))
                if flow:
                    doc.add(f"{indent}{dash}- {{date: {day}, value: {value}}}" + eol(), f"v{day}")
                else:
                    doc.add(f"{indent}{dash}- date: {day}", None)
                    doc.add(f"{indent}{dash}  value: {value}" + eol(), f"v{day}")
                    if draw(st.booleans()):
                        doc.add(f"{indent}{dash}  source: Lähde", f"v{day}")
                comment(indent)
    update_dates = _dates(draw, draw(st.integers(0, 3)))
    if update_dates:
        comment()
        doc.add("updates:")
        for day in update_dates:
            doc.add(f"{dash}- date: {day}")
            note = draw(st.sampled_from(["Tehty.", '"Tila: ok"', "x"]))
            doc.add(f"{dash}  note: {note}")
            comment(dash)
    comment()
    text = "".join(line + "\n" for line, _ in doc.lines).replace("\n", newline)
    tags = "\n".join(tag or "" for line, tag in doc.lines for _ in line.split("\n"))
    return text, tags, status, has_indicator, value_dates


@st.composite
def changes(
    draw: st.DrawFn, status: Status, has_indicator: bool, known: list[date]
) -> MeasureChange:
    new_status = draw(st.one_of(st.none(), st.sampled_from(list(Status))))
    effective = new_status or status
    health = (
        draw(st.one_of(st.none(), st.sampled_from(list(Health))))
        if effective is Status.IN_PROGRESS
        else None
    )
    values: tuple[IndicatorValue, ...] = ()
    if has_indicator:
        pool = known + [BASE + timedelta(days=d) for d in range(400, 410)]
        chosen = draw(st.lists(st.sampled_from(pool), max_size=3, unique=True))
        values = tuple(IndicatorValue(d, draw(st.integers(0, 2000)) / 2) for d in chosen)
    return MeasureChange(
        date=BASE + timedelta(days=draw(st.integers(0, 420))),
        status=new_status,
        health=health,
        progress=draw(st.one_of(st.none(), st.integers(0, 100))),
        note=draw(st.one_of(st.none(), st.sampled_from(["Edistyi.", "Tila: hyvä", "yes"]))),
        values=values,
        by=draw(st.one_of(st.none(), st.just("Koordinaattori"))),
    )


def is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(line == other for other in it) for line in small)


@pytest.mark.parametrize("engine", ["patch", "roundtrip"])
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), generated=measure_files())
def test_update_changes_only_the_intended_lines(
    engine: str, data: st.DataObject, generated: tuple[str, str, Status, bool, list[date]]
) -> None:
    """Both engines: the exact one, and the ruamel.yaml fallback forced on its own."""
    text, tags, status, has_indicator, known = generated
    raw = text.encode()
    doc = load_document("data/measures/generated.yaml", raw)
    assert not doc.diagnostics, (doc.diagnostics, text)
    assert isinstance(doc.model, Measure)
    change = data.draw(changes(status, has_indicator, known))
    plan = plan_measure_update(doc.model, doc.data, change)
    assume(not plan.empty)
    body, fmt = decode(raw)
    result = edit_text(body, plan.ops, engines=(engine,))
    assert result.engine == engine
    new_raw = encode(result.text, fmt)
    new_doc = load_document("data/measures/generated.yaml", new_raw)
    assert not new_doc.diagnostics, (new_doc.diagnostics, result.text)
    model = new_doc.model
    assert isinstance(model, Measure)
    # The intended keys hold the reported values ...
    if change.status is not None:
        assert model.status is change.status
    if change.progress is not None:
        assert model.progress == change.progress
    if change.health is not None:
        assert model.health is change.health
    if model.status is not Status.IN_PROGRESS and change.status not in (None, status):
        assert model.health is None
    for reported in change.values:
        assert model.indicator is not None
        assert [o.value for o in model.indicator.values if o.date == reported.date] == [
            reported.value
        ]
    # ... and every other line is untouched, in order, with its own line ending.
    old_lines = raw.decode().splitlines(keepends=True)
    tag_list = tags.split("\n")
    untouched = [line for line, tag in zip(old_lines, tag_list, strict=True) if not tag]
    new_lines = new_raw.decode().splitlines(keepends=True)
    assert is_subsequence(untouched, new_lines), result.text
    if "\r\n" in text:
        assert all(line.endswith("\r\n") for line in new_lines)
    added = len(new_lines) - len(untouched)
    assert added <= 16 + 3 * len(change.values)


@pytest.mark.parametrize("engine", ["patch", "roundtrip"])
def test_blank_line_between_flow_items_survives_an_edit(engine: str) -> None:
    """Found by hypothesis: ruamel.yaml dropped the blank line between flow-style items."""
    text = (
        "# yaml-language-server: $schema=../../schemas/measure.schema.json\n\n"
        'id: generated\ncode: "1.1"\ntitle: Otsikko\ngoals: [g1]\n\n'
        "responsible: mgmt\nstatus: planned\n\n"
        "indicator:\n  description: Seurataan\n  values:\n"
        "  - {date: 2024-01-01, value: 1}\n\n"
        "  - {date: 2024-01-02, value: 0}  #\n\n\n"
    )
    doc = load_document("data/measures/generated.yaml", text.encode())
    assert isinstance(doc.model, Measure)
    change = MeasureChange(date=date(2024, 1, 1), values=(IndicatorValue(date(2024, 1, 1), 0.0),))
    plan = plan_measure_update(doc.model, doc.data, change)
    result = edit_text(text, plan.ops, engines=(engine,))
    assert result.text == text.replace("value: 1}", "value: 0}")
