"""Personal data in free text (``--public``): inflected names, disguised addresses, phones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ictgov.views.personal import (
    EMAIL_RE,
    PHONE_RE,
    has_personal_data,
    mask_contacts,
    name_stems,
    names_pattern,
)

#: "Kuusisto" in the fifteen Finnish cases, the plural, possessive suffixes and clitics.
KUUSISTO_FORMS = [
    "Kuusisto", "Kuusiston", "Kuusistoa", "Kuusistossa", "Kuusistosta", "Kuusistoon",
    "Kuusistolla", "Kuusistolta", "Kuusistolle", "Kuusistona", "Kuusistoksi", "Kuusistotta",
    "Kuusistoin", "Kuusistoineen", "Kuusistot", "Kuusistoni", "Kuusistonsa",
    "Kuusistollekin", "KUUSISTOLLE", "kuusistolta",
]  # fmt: skip
#: Names whose stem changes when inflected, with forms from the minutes.
CHANGING_STEMS = [
    ("Virtanen", ["Virtasen", "Virtasta", "Virtaselle", "Virtaseen", "Virtasena"]),
    ("Lahti", ["Lahden", "Lahdelle", "Lahtea", "Lahteen"]),
    ("Saari", ["Saaren", "Saarelle", "Saarta"]),
    ("Mäki", ["Mäen", "Mäelle", "Mäkeä"]),
    ("Lilja", ["Liljan", "Liljalle", "Liljaa"]),
    ("Andersson", ["Anderssons"]),
]


@pytest.mark.parametrize("form", KUUSISTO_FORMS)
def test_every_case_of_a_name_is_masked(form: str) -> None:
    pattern = names_pattern(["Juha Kuusisto"])
    assert pattern is not None
    assert pattern.sub("[…]", f"Asian esitteli {form} eilen.") == "Asian esitteli […] eilen."


@pytest.mark.parametrize(("name", "forms"), CHANGING_STEMS)
def test_stems_that_change_are_followed(name: str, forms: list[str]) -> None:
    pattern = names_pattern([f"Anna {name}"])
    assert pattern is not None
    for form in forms:
        assert pattern.fullmatch(form), (name, form, sorted(name_stems(name)))


def test_words_of_posts_stay_and_other_words_are_untouched() -> None:
    pattern = names_pattern(["Juha Kuusisto", "Kaupunginjohtaja"], keep=["Kaupunginjohtaja"])
    assert pattern is not None
    text = "Kaupunginjohtaja esitteli Tampereen kaupungin talousarvion."
    assert pattern.sub("[…]", text) == text


@pytest.mark.parametrize(
    "address",
    [
        "etunimi.sukunimi@kunta.fi",
        "etunimi.sukunimi(at)kunta.fi",
        "etunimi.sukunimi [at] kunta.fi",
        "etunimi.sukunimi at kunta.fi",
        "etunimi.sukunimi ät kunta.fi",
        "etunimi.sukunimi(at)kunta(dot)fi",
        "etunimi.sukunimi%40kunta.fi",
    ],
)
def test_addresses_in_every_common_disguise(address: str) -> None:
    assert mask_contacts(f"Lisätiedot: {address}.", "[…]") == "Lisätiedot: […]."


@pytest.mark.parametrize(
    "phone",
    ["040 123 4567", "040-1234567", "0401234567", "+358 40 123 4567", "(03) 565 611",
     "03 5656 6111", "09 310 1691", "+358 3 5656 6111"],
)  # fmt: skip
def test_finnish_phone_numbers(phone: str) -> None:
    assert mask_contacts(f"puh. {phone}", "[…]") == "puh. […]"


@pytest.mark.parametrize(
    "text",
    ["553/00.04.01/2023", "2023-2027", "0211675-2", "HEL 2019-001234", "PRIDno-2019-2219",
     "klo 13.00", "1.1.2024", "250 000 €", "meet at the office", "§ 256"],
)  # fmt: skip
def test_numbers_and_words_that_are_not_contacts_stay(text: str) -> None:
    assert mask_contacts(text, "[…]") == text
    assert has_personal_data(text, None) is None


def test_what_is_found_is_named() -> None:
    names = names_pattern(["Juha Kuusisto"])
    assert has_personal_data("kysy juha(at)kunta.fi", names) == "e-mail address"
    assert has_personal_data("soita 040 123 4567", names) == "phone number"
    assert has_personal_data("Kuusistolle tiedoksi", names) == "name"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäö. ", max_size=60))
def test_text_without_digits_at_signs_or_names_is_never_changed(text: str) -> None:
    if EMAIL_RE.search(text) is None and PHONE_RE.search(text) is None:
        assert mask_contacts(text, "[…]") == text


def test_a_phone_number_at_the_end_of_a_sentence() -> None:
    assert mask_contacts("Soita 040 123 4567.", "[…]") == "Soita […]."
