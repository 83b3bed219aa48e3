"""The ruamel.yaml engine keeps the original text outside the lines it had to change."""

from __future__ import annotations

from ictgov.edit.engine import edit_text
from ictgov.edit.ops import Delete, InsertItem, SetValue
from ictgov.edit.splice import splice

SPACED = "id:    x   # spaced\nstatus:   planned\nlist:\n- a\n-   b\nother: {a: 1,   b: 2}\n"


def test_normalisation_stays_out_of_untouched_lines() -> None:
    result = edit_text(
        SPACED,
        [SetValue(("status",), "completed"), InsertItem(("list",), 2, "c")],
        engines=("roundtrip",),
    )
    assert result.engine == "roundtrip"
    assert result.text == (
        "id:    x   # spaced\nstatus: completed\nlist:\n- a\n-   b\n- c\nother: {a: 1,   b: 2}\n"
    )


def test_delete_keeps_the_neighbours() -> None:
    result = edit_text(SPACED, [Delete(("status",))], engines=("roundtrip",))
    assert result.text == SPACED.replace("status:   planned\n", "")


def test_splice_of_identical_reemission_is_the_edit() -> None:
    assert splice("a: 1\n", "a: 1\n", "a: 2\n") == "a: 2\n"


def test_original_without_final_newline() -> None:
    original = "a:   1\nlist:\n- x"
    base = "a: 1\nlist:\n- x\n"
    edited = "a: 1\nlist:\n- x\n- y\n"
    assert splice(original, base, edited) == "a:   1\nlist:\n- x\n- y\n"
    assert splice(original, base, base) == original
