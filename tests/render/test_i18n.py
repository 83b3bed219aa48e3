"""Interface text: complete catalogues, compiled files in step, locale formats."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from ictgov.i18n import LANGUAGES, LOCALE_DIR, translations
from ictgov.i18n.formats import formats
from ictgov.i18n.labels import IN_LANGUAGE, LABELS
from tests.conftest import REPO

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _po(lang: str):  # type: ignore[no-untyped-def]
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "ictgov.po"
    with path.open("rb") as f:
        return read_po(f, locale=lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated(lang: str) -> None:
    catalog = _po(lang)
    untranslated = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            untranslated.append(message.id)
    assert not untranslated, f"{lang}: untranslated or fuzzy: {untranslated}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_their_placeholders(lang: str) -> None:
    for message in _po(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) == wanted, f"{lang}: {message.id!r} -> {text!r}"


def _extracted() -> set[str]:
    """Every message the templates and the code use now (as ``pybabel extract`` sees it)."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (LOCALE_DIR.parent / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(REPO), method_map, options_map, keywords=keywords
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_catalogues_cover_the_templates_and_every_label() -> None:
    wanted = _extracted()
    assert "Needs attention" in wanted and "Skip to content" in wanted
    labels = {text for group in LABELS.values() for text in group.values()}
    assert labels | set(IN_LANGUAGE.values()) <= wanted
    for lang in LANGUAGES:
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in _po(lang) if m.id}
        assert wanted <= have, (
            f"{lang} lacks {sorted(wanted - have)[:5]}: run pybabel extract and update "
            "(see ictgov/i18n/__init__.py), translate, compile"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_matches_its_source(lang: str) -> None:
    """The committed .mo is what ``pybabel compile`` makes of the committed .po."""
    source = _po(lang)
    compiled = BytesIO()
    write_mo(compiled, source)
    mo_path = LOCALE_DIR / lang / "LC_MESSAGES" / "ictgov.mo"
    with mo_path.open("rb") as f:
        committed = read_mo(f)
    compiled.seek(0)
    fresh = read_mo(compiled)
    assert _messages(committed) == _messages(fresh), (
        f"{mo_path} is out of date: pybabel compile -d ictgov/i18n/locale -D ictgov"
    )


def _messages(catalog) -> dict[object, object]:  # type: ignore[no-untyped-def]
    def key(v: object) -> object:
        return tuple(v) if isinstance(v, list | tuple) else v

    return {key(m.id): key(m.string) for m in catalog if m.id}


def test_runtime_catalogues_translate() -> None:
    assert translations("fi").gettext("Needs attention") == "Vaatii huomiota"
    assert translations("sv").gettext("Needs attention") == "Kräver uppmärksamhet"
    assert translations("en").gettext("Needs attention") == "Needs attention"
    assert translations("fi").ngettext("%(n)s measure", "%(n)s measures", 2) == (
        "%(n)s toimenpidettä"
    )
    with pytest.raises(ValueError, match="unknown interface language"):
        translations("de")


@pytest.mark.parametrize(
    ("lang", "day", "money", "share", "number"),
    [
        ("fi", "20.11.2023", "250\xa0000\xa0€", "40\xa0%", "1\xa0234,5"),
        ("sv", "20.11.2023", "250\xa0000\xa0€", "40\xa0%", "1\xa0234,5"),
        ("en", "20 Nov 2023", "€250,000", "40%", "1,234.5"),
    ],
)
def test_dates_and_numbers_in_the_readers_locale(
    lang: str, day: str, money: str, share: str, number: str
) -> None:
    f = formats(lang)
    assert f.date(date(2023, 11, 20)) == day
    assert f.money(250_000) == money
    assert f.quantity(250_000, "EUR") == money
    assert f.percent(40.4) == share
    assert f.number(1234.5) == number
    assert f.date(None) == "" and f.number(None) == ""


def test_money_keeps_cents_only_when_there_are_some() -> None:
    assert formats("fi").money(1250.5) == "1\xa0250,50\xa0€"
    assert formats("en").money(1250.5) == "€1,250.50"


@pytest.mark.parametrize(
    ("lang", "negative", "rounded", "september"),
    [
        ("fi", "\u22121\xa0250,5", "0,02", "30.9.2024"),
        ("sv", "\u22121\xa0250,5", "0,02", "30.9.2024"),
        ("en", "-1,250.5", "0.02", "30 Sept 2024"),
    ],
)
def test_patterns_are_our_own_not_the_installed_cldr(
    lang: str, negative: str, rounded: str, september: str
) -> None:
    f = formats(lang)
    assert f.number(-1250.5) == negative
    assert f.number(0.015) == rounded  # half to even at the cent, as spreadsheets show it
    assert f.date(date(2024, 9, 30)) == september
    assert f.number(float("inf")).endswith("∞") and f.number(float("nan")) == ""
    assert f.number(1e300).startswith("1")  # no decimal context overflow


def test_formatting_never_imports_babel() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from ictgov.i18n.formats import formats; formats('sv').date(None); "
        "print('babel' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.sampled_from(["fi", "en"]))
def test_a_formatted_number_reads_back_to_the_value_at_the_cent(value: float, lang: str) -> None:
    text = formats(lang).number(value)
    group, decimal = ("\xa0", ",") if lang == "fi" else (",", ".")
    back = float(text.replace(group, "").replace(decimal, ".").replace("\u2212", "-"))
    assert abs(back - value) <= 0.005 + abs(value) * 1e-15
