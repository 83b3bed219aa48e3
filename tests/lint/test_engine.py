"""Engine pieces on their own: selection, suppression, exit codes, cycles, registry."""

from __future__ import annotations

import re

import pytest

from ictgov.diagnostics import LOAD_CODES, Diagnostic, Severity
from ictgov.errors import ConfigError
from ictgov.lint.registry import registry, rule_classes
from ictgov.lint.result import LintResult
from ictgov.lint.rules.cycles import find_cycles
from ictgov.lint.selection import build_selection, is_suppressed


def _d(
    code: str = "ST01", name: str = "status.progress", sev: Severity = Severity.ERROR, line: int = 3
) -> Diagnostic:
    return Diagnostic(code, name, sev, "m", "data/x.yaml", line, 1)


def test_registry_codes_names_and_docs() -> None:
    infos = registry()
    codes = [i.code for i in infos]
    names = [i.name for i in infos]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    assert codes[: len(LOAD_CODES)] == [c.code for c in LOAD_CODES]
    for rule in rule_classes():
        assert re.fullmatch(r"[A-Z]{2}\d{2}", rule.code), rule.code
        assert re.fullmatch(r"[a-z]+\.[a-z-]+", rule.name), rule.name
        assert len(rule.doc().splitlines()) >= 3, f"{rule.code} needs user documentation"


def test_select_ignore_specificity() -> None:
    sel = build_selection(select=["status"], ignore=["ST02"])
    assert sel.enabled("ST01") and not sel.enabled("ST02") and not sel.enabled("RF01")
    sel = build_selection(select=["ST02"], ignore=["status"])
    assert sel.enabled("ST02") and not sel.enabled("ST01"), "the more specific selector wins"
    sel = build_selection(select=["ST01"], ignore=["ST01"])
    assert not sel.enabled("ST01"), "on a tie, ignore wins"
    sel = build_selection(ignore=["all"])
    assert sel.enabled("LN01") and not sel.enabled("YM01"), "a crash is always reported"


def test_severity_overrides_most_specific_last() -> None:
    sel = build_selection(severity={"status": Severity.WARNING, "ST01": Severity.INFO})
    assert sel.severities["ST01"] is Severity.INFO
    assert sel.severities["ST03"] is Severity.WARNING
    assert sel.apply(_d()) == _d(sev=Severity.INFO)


def test_unknown_selector_suggests() -> None:
    with pytest.raises(ConfigError, match="did you mean 'followup'"):
        build_selection(select=["folowup"])


@pytest.mark.parametrize(
    ("sup", "suppressed"),
    [
        ({3: frozenset({"ST01"})}, True),
        ({3: frozenset({"status.progress"})}, True),
        ({3: frozenset({"status"})}, True),
        ({3: frozenset({"st01"})}, True),
        ({0: frozenset({"ST"})}, True),
        ({2: frozenset({"ST01"})}, False),
        ({3: frozenset({"RF01"})}, False),
    ],
)
def test_suppression(sup: dict[int, frozenset[str]], suppressed: bool) -> None:
    assert is_suppressed(_d(), sup) is suppressed


def test_exit_codes() -> None:
    warn = _d("FU01", "followup.stale", Severity.WARNING)
    assert LintResult([]).exit_code(Severity.ERROR) == 0
    assert LintResult([warn]).exit_code(Severity.ERROR) == 0
    assert LintResult([warn]).exit_code(Severity.WARNING) == 1
    assert LintResult([_d()]).exit_code(Severity.ERROR) == 1
    assert LintResult([], crashed=["ST01"]).exit_code(Severity.ERROR) == 2


def test_cycles_reported_once_from_their_smallest_member() -> None:
    graph = {"c": ["a"], "a": ["b"], "b": ["c", "d"], "d": [], "e": ["e"], "f": ["g"], "g": []}
    assert find_cycles(graph) == [["a", "b", "c", "a"], ["e", "e"]]


def test_a_long_cycle_is_abridged() -> None:
    from ictgov.lint.rules.cycles import DependencyCycle

    cycle = [f"m{i}" for i in range(30)] + ["m0"]

    class _Tree:
        def locate(self, *args: object, **kwargs: object) -> None:
            return None

    d = DependencyCycle()._report(_Tree(), object(), (), cycle, "depends on")  # type: ignore[arg-type]
    assert d.message.startswith("cycle of 30 (depends on): m0 -> m1")
    assert "... -> m0;" in d.message and "m20" not in d.message
