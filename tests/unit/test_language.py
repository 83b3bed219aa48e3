"""The interface language: --lang, ICTGOV_LANG, the repository, the locale, English."""

from __future__ import annotations

import pytest

from ictgov.i18n.language import from_locale, interface_language, supported


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("fi", "fi"),
        ("FI", "fi"),
        ("sv_FI.UTF-8", "sv"),
        ("fi-FI", "fi"),
        ("en_GB", "en"),
        ("de_DE.UTF-8", None),
        ("C.UTF-8", None),
        ("", None),
        (None, None),
    ],
)
def test_supported_reads_language_codes(value: str | None, expected: str | None) -> None:
    assert supported(value) == expected


def test_order_of_precedence() -> None:
    env = {"ICTGOV_LANG": "sv", "LANG": "en_US.UTF-8"}
    assert interface_language("fi", "en", env) == "fi"
    assert interface_language(None, "en", env) == "sv"
    assert interface_language(None, "fi", {"LANG": "sv_FI.UTF-8"}) == "fi"
    assert interface_language(None, None, {"LANG": "sv_FI.UTF-8"}) == "sv"
    assert interface_language(None, None, {}) == "en"


def test_locale_follows_gettext() -> None:
    assert from_locale({"LANGUAGE": "de:sv:fi", "LANG": "fi_FI.UTF-8"}) == "sv"
    # LC_ALL decides over LANG even when it names no language of ours.
    assert from_locale({"LC_ALL": "C.UTF-8", "LANG": "fi_FI.UTF-8"}) is None
    assert from_locale({"LC_MESSAGES": "fi_FI", "LANG": "sv_SE"}) == "fi"
    assert interface_language(None, None, {"LC_ALL": "C"}) == "en"
