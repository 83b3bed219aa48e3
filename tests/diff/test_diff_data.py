"""Plain-data diff and patch: keyed lists, whole-value changes, and the round trip."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ictgov.diff import MISSING, Change, Key, apply_changes, diff_data, format_path
from ictgov.diff.data import list_key, same


def test_keyed_list_changes_are_by_key() -> None:
    old = {"values": [{"date": "2024", "value": 1}, {"date": "2025", "value": 2}]}
    new = {
        "values": [
            {"date": "2024", "value": 1},
            {"date": "2025", "value": 3},
            {"date": "2026", "value": 4},
        ]
    }
    changes = diff_data(old, new, ("measures", "m"))
    assert changes == [
        Change(("measures", "m", "values", Key("date", "2025"), "value"), 2, 3),
        Change(
            ("measures", "m", "values", Key("date", "2026")),
            MISSING,
            {"date": "2026", "value": 4},
            2,
        ),
    ]
    assert format_path(changes[0].path) == "measures[id=m].values[date=2025].value"
    assert apply_changes({"measures": {"m": old}}, changes) == {"measures": {"m": new}}


def test_insertion_in_the_middle_and_removal() -> None:
    old = [{"id": "a"}, {"id": "b"}, {"id": "c"}]
    new = [{"id": "x"}, {"id": "a"}, {"id": "y"}, {"id": "c"}]
    changes = diff_data(old, new)
    assert [c.kind for c in changes] == ["removed", "added", "added"]
    assert apply_changes(old, changes) == new


def test_reordered_keyed_list_is_one_change() -> None:
    old = [{"id": "a", "v": 1}, {"id": "b"}]
    new = [{"id": "b"}, {"id": "a", "v": 2}]
    assert diff_data(old, new) == [Change((), old, new)]


def test_unkeyed_list_is_one_change_and_types_matter() -> None:
    assert diff_data({"t": ["a", "b"]}, {"t": ["b"]}) == [Change(("t",), ["a", "b"], ["b"])]
    assert diff_data({"n": 1}, {"n": 1.0}) == [Change(("n",), 1, 1.0)]
    assert diff_data({"n": 1}, {"n": True}) == [Change(("n",), 1, True)]
    assert diff_data({"n": 1}, {"n": 1}) == []


def test_list_key_needs_unique_scalar_keys() -> None:
    assert list_key([{"id": "a"}], [{"id": "b"}]) == "id"
    assert list_key([{"section": 1}, {"section": 2}], []) == "section"
    assert list_key([{"date": "x"}, {"date": "x"}], []) is None
    assert list_key([{"id": True}], []) is None
    assert list_key([{"id": "a"}, "b"], []) is None
    assert list_key([], []) is None


def test_change_as_dict_leaves_out_missing_sides() -> None:
    added = Change(("goals", "g", "tags", Key("id", "t")), MISSING, {"id": "t"}, 0).as_dict()
    assert added == {
        "path": "goals[id=g].tags[id=t]",
        "parts": ["goals", "g", "tags", {"key": "id", "value": "t"}],
        "change": "added",
        "new": {"id": "t"},
        "index": 0,
    }


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False, allow_infinity=False, width=16),
    st.text(alphabet="ab", max_size=2),
)


def _keyed(children: st.SearchStrategy[Any]) -> st.SearchStrategy[list[dict[str, Any]]]:
    item = st.builds(
        lambda key, rest: {"id": key, **rest},
        st.sampled_from("abcde"),
        st.dictionaries(st.sampled_from(["v", "w"]), children, max_size=2),
    )
    return st.lists(item, max_size=4, unique_by=lambda d: d["id"])


data = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.sampled_from(["x", "y", "id", "date"]), children, max_size=3),
        _keyed(children),
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(data)
def test_diff_with_itself_is_empty(value: Any) -> None:
    assert diff_data(value, value) == []


@settings(max_examples=300, deadline=None)
@given(data, data)
def test_applying_the_diff_gives_the_new_data(old: Any, new: Any) -> None:
    changes = diff_data(old, new)
    assert same(apply_changes(old, changes), new)
    assert (changes == []) == same(old, new)


@settings(max_examples=150, deadline=None)
@given(_keyed(scalars), _keyed(scalars))
def test_keyed_lists_round_trip(old: list[Any], new: list[Any]) -> None:
    assert same(apply_changes({"l": old}, diff_data({"l": old}, {"l": new})), {"l": new})


def test_structures_are_said_in_words_never_as_json() -> None:
    from ictgov.diff.model import show_value, structure_words

    window = {"months": [5, 6], "label": {"fi": "Talousarvio", "sv": "Budget"}}
    assert structure_words(window) == "label (fi “Talousarvio”, sv “Budget”), months [5, 6]"
    assert structure_words([{"title": "Liite 1"}, {"title": "Liite 2", "url": "u"}]) == (
        "1. title “Liite 1”; 2. (title “Liite 2”, url “u”)"
    )
    assert structure_words([]) == "(none)"
    assert "{" not in show_value({"vote": {"ayes": 7, "noes": 4}})
