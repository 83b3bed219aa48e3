"""Semantic diff of generated trees: matched by id, exact, and said in plain words."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ictgov.diff import ReviewContext, apply_changes, diff_documents, snapshot
from ictgov.diff.data import same
from ictgov.diff.formats import render_json, render_markdown, render_text
from ictgov.load import Document, load_document
from ictgov.model import Body, Member

DAY0 = date(2024, 1, 1)


def doc(path: str, data: dict[str, Any]) -> Document:
    return load_document(path, yaml.safe_dump(data, allow_unicode=True).encode())


def measure(mid: str, **fields: Any) -> dict[str, Any]:
    return {"id": mid, "code": "1", "title": mid.upper(), "goals": ["g1"], **fields}


def days(n: int) -> str:
    return (DAY0 + timedelta(days=n)).isoformat()


def measures_docs(measures: list[tuple[str, dict[str, Any]]]) -> dict[str, Document]:
    return {f"data/measures/{f}.yaml": doc(f"data/measures/{f}.yaml", m) for f, m in measures}


# -- generated trees -------------------------------------------------------------

statuses = st.sampled_from(["planned", "in_progress", "completed", "on_hold", "discontinued"])
measure_data = st.builds(
    lambda mid, status, progress, end, values, updates, title: measure(
        mid,
        title=title,
        status=status,
        progress=progress,
        schedule={"planned_end": days(end)} if end is not None else {},
        indicator={
            "description": "x",
            "values": [{"date": days(d), "value": v} for d, v in values],
        },
        updates=[{"date": days(d), "note": n} for d, n in updates],
    ),
    st.sampled_from(["m1", "m2", "m3", "m4"]),
    statuses,
    st.integers(0, 100),
    st.none() | st.integers(0, 900),
    st.dictionaries(st.integers(0, 5), st.integers(0, 50), max_size=3).map(
        lambda d: sorted(d.items())
    ),
    st.dictionaries(st.integers(0, 5), st.sampled_from(["ok", "late"]), max_size=3).map(
        lambda d: sorted(d.items())
    ),
    st.one_of(
        st.text("abc", min_size=1, max_size=3),
        st.fixed_dictionaries({"fi": st.just("a"), "en": st.text("xy", min_size=1, max_size=2)}),
    ),
)
tree_measures = st.lists(
    st.tuples(st.sampled_from(["f1", "f2", "f3", "f4", "f5"]), measure_data),
    max_size=4,
    unique_by=(lambda t: t[0], lambda t: t[1]["id"]),
)
goal_lists = st.lists(
    st.builds(
        lambda g, t: {"id": g, "code": g, "title": t},
        st.sampled_from(["g1", "g2", "g3"]),
        st.text("ab", min_size=1, max_size=2),
    ),
    max_size=3,
    unique_by=lambda g: g["id"],
)


def tree_docs(
    measures: list[tuple[str, dict[str, Any]]], goals: list[dict[str, Any]]
) -> dict[str, Document]:
    docs = measures_docs(measures)
    docs["data/strategy/goals.yaml"] = doc("data/strategy/goals.yaml", {"goals": goals})
    return docs


@settings(max_examples=60, deadline=None)
@given(tree_measures, goal_lists)
def test_diff_of_a_tree_with_itself_is_empty(measures: Any, goals: Any) -> None:
    docs = tree_docs(measures, goals)
    assert all(not d.diagnostics for d in docs.values())
    assert diff_documents(docs, docs).empty


@settings(max_examples=80, deadline=None)
@given(tree_measures, goal_lists, tree_measures, goal_lists)
def test_applying_reported_changes_to_base_gives_head(
    base_measures: Any, base_goals: Any, head_measures: Any, head_goals: Any
) -> None:
    base = tree_docs(base_measures, base_goals)
    head = tree_docs(head_measures, head_goals)
    result = diff_documents(base, head)
    assert same(apply_changes(snapshot(base.values()), result.changes()), snapshot(head.values()))
    for item in result.items:  # every item says something, and renders in every format
        assert item.events
    render_text(result), render_json(result), render_markdown(result, max_bytes=5000)


# -- plain words and hints ------------------------------------------------------------


def one(base: dict[str, Any], head: dict[str, Any], **context: Any) -> list[str]:
    result = diff_documents(
        measures_docs([("m", base)]), measures_docs([("m", head)]), context=ReviewContext(**context)
    )
    (item,) = result.items
    return [e.text for e in item.events] + [f"{h.code} {h.message}" for h in item.hints]


def test_transitions_in_plain_words() -> None:
    said = one(
        measure("m", status="in_progress", health="on_track", progress=80),
        measure(
            "m",
            status="completed",
            health="at_risk",
            progress=100,
            updates=[{"date": days(3), "note": "Valmis"}],
        ),
    )
    assert said == [
        "status: in progress → completed",
        "health: on track → at risk",
        "progress: 80 % → 100 %",
        "update-log entry 2024-01-04 added: “Valmis”",
    ]


def test_schedule_slips_and_gains() -> None:
    base = measure("m", schedule={"planned_start": days(0), "planned_end": days(100)})
    later = measure("m", schedule={"planned_start": days(1), "planned_end": days(130)})
    earlier = measure("m", schedule={"planned_end": days(99), "actual_end": days(98)})
    assert one(base, later)[:2] == [
        "planned start: 2024-01-01 → 2024-01-02 (1 day later)",
        "planned end: 2024-04-10 → 2024-05-10 (slips 30 days)",
    ]
    said = one(base, earlier)
    assert "planned start removed (was 2024-01-01)" in said
    assert "planned end: 2024-04-10 → 2024-04-09 (gains 1 day)" in said
    assert "actual end set to 2024-04-08" in said
    assert any(s.startswith("RV03") for s in said)


def test_indicator_values_added_corrected_removed() -> None:
    ind = {
        "description": "x",
        "unit": "%",
        "values": [{"date": days(0), "value": 1}, {"date": days(1), "value": 2}],
    }
    new = {
        "description": "x",
        "unit": "%",
        "values": [{"date": days(1), "value": 3}, {"date": days(2), "value": 4.5}],
    }
    assert one(measure("m", indicator=ind), measure("m", indicator=new)) == [
        "indicator value for 2024-01-01 removed (was 1 %)",
        "indicator value for 2024-01-02 corrected: 2 → 3 %",
        "indicator value for 2024-01-03 added: 4.5 %",
    ]


def test_hints() -> None:
    said = one(measure("m", progress=50), measure("m", status="completed", progress=40))
    assert [s[:4] for s in said if s[:2] == "RV"] == ["RV01", "RV02"]
    noted = one(
        measure("m", progress=50),
        measure("m", status="completed", progress=100, updates=[{"date": days(1), "note": "Done"}]),
    )
    assert not [s for s in noted if s[:2] == "RV"]


def rv05(said: list[str]) -> list[str]:
    return [s for s in said if s.startswith("RV05")]


def test_future_dated_additions_are_hinted_against_today() -> None:
    today = DAY0 + timedelta(days=10)
    ind = {"description": "x", "values": [{"date": days(30), "value": 1}]}
    base = measure("m", indicator=ind, updates=[{"date": days(1), "note": "a"}])
    head = measure(
        "m",
        indicator={**ind, "values": [*ind["values"], {"date": days(11), "value": 2}]},
        updates=[{"date": days(1), "note": "a"}, {"date": days(12), "note": "b"}],
    )
    assert rv05(one(base, head, today=today)) == [
        "RV05 dated after today (2024-01-11): update-log entry 2024-01-13, indicator value "
        "for 2024-01-12; a report records what has happened, so date it on or before today "
        "(a value for a period still running is dated on the reporting day)"
    ]
    # The value already there (2024-01-31) is lint's business, not this change's.
    assert "2024-01-31" not in rv05(one(base, head, today=today))[0]
    assert rv05(one(base, head, today=DAY0 + timedelta(days=12))) == []  # on today: fine
    assert rv05(one(base, head)) == []  # no today given: dates are not judged
    corrected = measure("m", indicator={**ind, "values": [{"date": days(30), "value": 5}]})
    assert "indicator value for 2024-01-31" in rv05(one(base, corrected, today=today))[0]


def test_future_dated_values_of_added_items_and_goals() -> None:
    today = DAY0
    new = measure("m", updates=[{"date": days(3), "note": "x"}])
    result = diff_documents({}, measures_docs([("m", new)]), context=ReviewContext(today=today))
    assert [h.code for h in result.items[0].hints] == ["RV05"]
    goals = {
        "goals": [
            {
                "id": "g1",
                "code": "1",
                "title": "G",
                "indicator": {"description": "x", "values": [{"date": days(5), "value": 1}]},
            }
        ]
    }
    path = "data/strategy/goals.yaml"
    result = diff_documents(
        {path: doc(path, {"goals": [{"id": "g1", "code": "1", "title": "G"}]})},
        {path: doc(path, goals)},
        context=ReviewContext(today=today),
    )
    (item,) = result.items
    assert [h.message.split(";")[0] for h in item.hints] == [
        "dated after today (2024-01-01): indicator value for 2024-01-06"
    ]


def test_unsigned_change_needs_contacts_and_authors() -> None:
    contacts = [{"name": "Maija", "email": "maija@example.fi"}]
    base = measure("m", progress=10, contacts=contacts, responsible="mgmt")
    head = measure("m", progress=20, contacts=contacts, responsible="mgmt")
    file = "data/measures/m.yaml"
    bodies = {
        "mgmt": Body(
            id="mgmt", name="M", level="strategic", members=[Member(post="P", person="Pekka")]
        )
    }
    outsider = {file: {("Olli", "olli@example.org")}}
    said = one(base, head, bodies=bodies, authors=outsider)
    assert (
        "RV04 changed by Olli, who is not among the measure's contacts or members of mgmt; "
        "ask one of them to confirm the change" in said
    )
    for author in (("maija", "x@y"), ("Someone", "MAIJA@example.fi"), ("Pekka", "")):
        assert not [
            s for s in one(base, head, bodies=bodies, authors={file: {author}}) if "RV04" in s
        ]
    assert not [
        s
        for s in one(measure("m", progress=10), measure("m", progress=20), authors=outsider)
        if "RV04" in s
    ]
    assert not [s for s in one(base, head, bodies=bodies) if "RV04" in s]  # authors unknown


def test_meeting_decisions() -> None:
    base = {"id": "mt", "body": "b", "date": days(0), "items": [{"section": 1, "title": "A"}]}
    head = {
        "id": "mt",
        "body": "b",
        "date": days(0),
        "items": [
            {"section": 1, "title": "A", "resolution": "returned"},
            {"section": 2, "title": "B", "resolution": "passed", "decision": "Yes"},
        ],
    }
    path = "data/meetings/mt.yaml"
    result = diff_documents({path: doc(path, base)}, {path: doc(path, head)})
    assert [e.text for e in result.items[0].events] == [
        "decision recorded: §1 “A”: returned for further preparation",
        "agenda item added: §2 “B”: passed — decision “Yes”",
    ]
    added = diff_documents({}, {path: doc(path, head)})
    first = added.items[0].events[0].text
    assert first == "meeting of b on 2024-01-01 added with 2 agenda items"


def test_moved_between_files_is_one_item() -> None:
    m = measure("m", progress=5)
    result = diff_documents(measures_docs([("old-name", m)]), measures_docs([("new-name", m)]))
    (item,) = result.items
    assert item.change == "modified" and item.moved and item.changes == []
    assert [e.text for e in item.events] == [
        "moved from data/measures/old-name.yaml to data/measures/new-name.yaml"
    ]


def test_unreadable_item_is_not_reported_as_removed() -> None:
    path = "data/measures/m.yaml"
    base = {path: doc(path, measure("m"))}
    head = {path: load_document(path, b"id: m\ncode: '1'\ntitle: M\ngoals: [g1]\nprogress: lots\n")}
    result = diff_documents(base, head)
    (item,) = result.items
    assert item.unreadable == "head"
    assert [d.code for d in result.head_problems] == ["SC02"]
    text = render_text(result)
    assert "could not be read at HEAD" in text and "data/measures/m.yaml:5:11: SC02" in text


def test_markdown_escapes_user_text() -> None:
    base = measures_docs([("m", measure("m"))])
    head = measures_docs(
        [("m", measure("m", title="<img src=x onerror=alert(1)> | [link](http://x)"))]
    )
    out = render_markdown(diff_documents(base, head))
    assert "<img" not in out and "&lt;img" in out
    assert "[link](http" not in out


def test_markdown_caps_problems_when_summarising() -> None:
    base = measures_docs([(f"m{i}", measure(f"m{i}")) for i in range(30)])
    head = {
        path: load_document(path, b"id: [broken\n") for path in base
    }  # every file broken at HEAD
    result = diff_documents(base, head)
    assert len(result.head_problems) == 30 and len(result.items) == 30
    small = render_markdown(result, max_bytes=3000)
    assert len(small.encode()) <= 3000
    assert "more; run 'ictgov lint' for all" in small
    assert render_markdown(result).count("**YM01**") == 30


def test_long_texts_are_shown_where_they_differ() -> None:
    prefix = "Pitkä yhteinen alku. " * 10
    said = one(
        measure("m", notes=prefix + "Vanha loppu."), measure("m", notes=prefix + "Uusi loppu.")
    )
    (line,) = said
    assert line.startswith("notes: “…") and "Vanha loppu.”" in line and "Uusi loppu.”" in line
