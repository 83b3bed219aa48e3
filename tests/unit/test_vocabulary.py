"""One vocabulary for lint hints and ``lint --fix``: Finnish and Swedish words, names as ids."""

from __future__ import annotations

import pytest

from ictgov.i18n.vocabulary import BOOLEANS, KEYS, VALUES, fold, id_for, key_for, value_for

NAMES = {
    "pori": ["Porin kaupunki", "Björneborgs stad"],
    "kaupunginhallitus": ["Kaupunginhallitus"],
    "projektiryhma": ["Projektiryhmä"],
    "mgmt": ["Johtoryhmä", "Management group"],
    "g1": ["Sujuva arki"],
    "g2": ["Toinen tavoite"],
}


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Porin kaupunki", "pori"),
        ("porin-kaupunki", "pori"),
        ("Björneborgs stad", "pori"),
        ("Kaupunginhallitus", "kaupunginhallitus"),
        ("projektiryhmä", "projektiryhma"),
        ("Projektiryhmä", "projektiryhma"),
        ("Johtoryhmä", "mgmt"),
        ("g11", "g1"),
        ("tavoite-9", None),  # not a guess from a look-alike title
    ],
)
def test_an_id_is_found_by_name_case_and_diacritics(written: str, meant: str | None) -> None:
    assert id_for(written, NAMES) == meant


@pytest.mark.parametrize(
    ("word", "meant"),
    [("tila", "status"), ("Vastuutaho", "responsible"), ("aikataulu", "schedule"),
     ("titel", "title"), ("statsu", "status")],
)  # fmt: skip
def test_a_key_word_means_its_field_before_a_look_alike(word: str, meant: str) -> None:
    allowed = ["id", "title", "status", "responsible", "schedule", "progress"]
    assert key_for(word, allowed) == meant


def test_values_and_booleans() -> None:
    allowed = ["planned", "in_progress", "completed", "on_hold", "discontinued"]
    assert value_for("status", "käynnissä", allowed) == "in_progress"
    assert value_for("status", "Valmis", allowed) == "completed"
    assert value_for("status", "kaynnissa", allowed) == "in_progress"
    assert value_for("resolution", "palautettiin") == "returned"
    assert value_for("done", "kyllä", boolean=True) == "true"
    assert value_for("done", "nej", boolean=True) == "false"
    assert value_for("done", "ehkä", boolean=True) is None


def test_every_fix_word_is_also_a_lint_hint() -> None:
    """The words --fix rewrites are the words lint suggests: one vocabulary, not two."""
    for word, field in KEYS.items():
        assert key_for(word, [field, "title", "name"]) == field
    for field, words in VALUES.items():
        for word, value in words.items():
            assert value_for(field, word, sorted(set(words.values()))) == value
    for word, truth in BOOLEANS.items():
        assert value_for("done", word, boolean=True) == ("true" if truth else "false")


def test_fold_compares_as_people_type() -> None:
    assert fold("Projektiryhmä") == fold("projektiryhma") == "projektiryhma"
    assert fold("Porin kaupunki") == fold("porin-kaupunki")


def test_a_city_written_with_its_kind_finds_the_place_not_its_region() -> None:
    names = {
        "tampere": ["Tampere", "Tammerfors"],
        "tampere-region": ["Tampereen kaupunkiseutu", "Tammerfors stadsregion"],
        "pori": ["Pori", "Björneborg"],
    }
    assert id_for("Tampereen kaupunki", names) == "tampere"
    assert id_for("Porin kaupunki", names) == "pori"
    assert id_for("Björneborgs stad", names) == "pori"
    assert id_for("Tampereen kaupunkiseutu", names) == "tampere-region"
